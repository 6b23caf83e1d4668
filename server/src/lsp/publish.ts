// A file's diagnostics, built chunk by chunk and cached per chunk: a chunk whose findings did
// not change reuses its Diagnostic objects (shifted by whole lines when it moved), so a
// keystroke in a file with thousands of findings converts only the chunk it touched. Related
// locations are read again on every publish (their spans are anchored to their own chunks,
// which may have moved when this one did not).
import type { Diagnostic } from 'vscode-languageserver';
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
}

const cache = new WeakMap<DocEntry, Published>();

function shifted(d: Diagnostic, by: number): Diagnostic {
  const r = d.range;
  return { ...d, range: { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } } };
}

function entryDiagnostics(ws: Workspace, file: FileModel, e: DocEntry): Diagnostic[] {
  const line = file.lines.positionAt(e.base).line;
  let p = cache.get(e);
  if (!p || p.version !== e.version) {
    const findings = ws.entryFindings(e);
    const related = findings.some((f) => f.related?.length) ? findings.map((f) => f.related) : undefined;
    p = { version: e.version, line, related, diagnostics: findings.map((f) => toDiagnostic(f, file.lines, ws.linesOf)) };
    cache.set(e, p);
    return p.diagnostics;
  }
  if (p.line !== line) cache.set(e, (p = { ...p, line, diagnostics: p.diagnostics.map((d) => shifted(d, line - p!.line)) }));
  if (!p.related) return p.diagnostics;
  // The related spans are anchored to their own chunks: read where they are now.
  const related = p.related;
  return p.diagnostics.map((d, i) => (related[i]
    ? { ...d, relatedInformation: related[i]!.map((r) => ({ location: toLocation(ws.linesOf, r.uri, r.span), message: r.message })) }
    : d));
}

export function fileDiagnostics(ws: Workspace, file: FileModel): Diagnostic[] {
  if (!file.k8s) return ws.findings(file.uri).map((f) => toDiagnostic(f, file.lines, ws.linesOf));
  const out: Diagnostic[] = [];
  for (const e of file.entries) {
    if (!e.hasFindings) continue;
    for (const d of entryDiagnostics(ws, file, e)) out.push(d);
  }
  return out;
}

/** The files a file's diagnostics point into (related locations): when those move, republish it. */
export function relatedUris(diagnostics: readonly Diagnostic[]): Set<string> {
  const out = new Set<string>();
  for (const d of diagnostics) for (const r of d.relatedInformation ?? []) out.add(r.location.uri);
  return out;
}
