// A file's diagnostics, built chunk by chunk and cached per chunk: a chunk whose findings did
// not change reuses its Diagnostic objects (shifted by whole lines when it moved), so a
// keystroke in a file with thousands of findings converts only the chunk it touched. Related
// locations are read again on every publish (their spans are anchored to their own chunks,
// which may have moved when this one did not). Each chunk's diagnostics are kept as JSON too,
// made when first sent: publishing the file joins those bytes (diagnostics-json.ts).
import type { Diagnostic } from 'vscode-languageserver';
import { encodePart, withParts } from './diagnostics-json';
import type { Finding } from '../ingress/findings';
import { toDiagnostic, toLocation } from './convert';
import type { DocEntry, FileModel } from '../engine/file-model';
import type { Project as Workspace } from '../engine/index';

interface Published {
  version: number;
  /** The chunk's first line when the diagnostics were computed. */
  line: number;
  diagnostics: Diagnostic[];
  /** Per diagnostic, its finding's related locations (anchored spans: current when read), when any has some. */
  related?: (Finding['related'] | undefined)[];
  /** The diagnostics as JSON, once sent (none while they have related locations: those are read again each time). */
  json?: Uint8Array;
}

/** A chunk's diagnostics and their JSON. */
interface Part {
  diagnostics: Diagnostic[];
  json: Uint8Array;
}

const cache = new WeakMap<DocEntry, Published>();

function shifted(d: Diagnostic, by: number): Diagnostic {
  const r = d.range;
  return { ...d, range: { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } } };
}

/** The chunk's cached diagnostics: computed again when its findings changed, shifted when it moved by whole lines. */
function cached(ws: Workspace, file: FileModel, e: DocEntry): Published {
  const line = file.lines.positionAt(e.base).line;
  let p = cache.get(e);
  if (!p || p.version !== e.version) {
    const findings = ws.entryFindings(e);
    const related = findings.some((f) => f.related?.length) ? findings.map((f) => f.related) : undefined;
    p = { version: e.version, line, related, diagnostics: findings.map((f) => toDiagnostic(f, file.lines, ws.linesOf)) };
    cache.set(e, p);
  } else if (p.line !== line) {
    const by = line - p.line;
    cache.set(e, (p = { ...p, line, json: undefined, diagnostics: p.diagnostics.map((d) => shifted(d, by)) }));
  }
  return p;
}

function entryDiagnostics(ws: Workspace, file: FileModel, e: DocEntry): Part {
  const p = cached(ws, file, e);
  if (!p.related) {
    p.json ??= encodePart(p.diagnostics);
    return { diagnostics: p.diagnostics, json: p.json };
  }
  // The related spans are anchored to their own chunks: read where they are now.
  const related = p.related;
  const diagnostics = p.diagnostics.map((d, i) => (related[i]
    ? { ...d, relatedInformation: related[i]!.map((r) => ({ location: toLocation(ws.linesOf, r.uri, r.span), message: r.message })) }
    : d));
  return { diagnostics, json: encodePart(diagnostics) };
}

/** A file's diagnostics, in order; for a manifest, with each chunk's JSON (see diagnostics-json.ts). */
export function fileDiagnostics(ws: Workspace, file: FileModel): Diagnostic[] {
  if (!file.k8s) return ws.findings(file.uri).map((f) => toDiagnostic(f, file.lines, ws.linesOf));
  const out: Diagnostic[] = [];
  const parts: Uint8Array[] = [];
  for (const e of file.entries) {
    if (!e.hasFindings) continue;
    const part = entryDiagnostics(ws, file, e);
    for (const d of part.diagnostics) out.push(d);
    parts.push(part.json);
  }
  return withParts(out, parts);
}

/** The files a file's diagnostics point into (related locations): when those move, republish it. */
export function relatedUris(diagnostics: readonly Diagnostic[]): Set<string> {
  const out = new Set<string>();
  for (const d of diagnostics) for (const r of d.relatedInformation ?? []) out.add(r.location.uri);
  return out;
}
