// A file's diagnostics, built chunk by chunk and cached per chunk: a chunk whose findings did
// not change reuses its Diagnostic objects (shifted by whole lines when it moved), so a
// keystroke in a file with thousands of findings converts only the chunk it touched.
import type { Diagnostic } from 'vscode-languageserver';
import { toDiagnostic } from './convert';
import type { DocEntry, FileModel } from './file-model';
import type { Workspace } from './workspace';

function shifted(d: Diagnostic, by: number): Diagnostic {
  const r = d.range;
  return { ...d, range: { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } } };
}

function entryDiagnostics(ws: Workspace, file: FileModel, e: DocEntry): Diagnostic[] {
  const line = file.lines.positionAt(e.base).line;
  const cached = e.published;
  if (cached && cached.version === e.version) {
    if (cached.line !== line) e.published = { ...cached, line, diagnostics: cached.diagnostics.map((d) => shifted(d, line - cached.line)) };
    return e.published!.diagnostics;
  }
  const diagnostics = ws.entryFindings(e).map((f) => toDiagnostic(f, file.lines, ws.linesOf));
  e.published = { version: e.version, line, diagnostics };
  return diagnostics;
}

export function fileDiagnostics(ws: Workspace, file: FileModel): Diagnostic[] {
  if (!file.k8s) return [];
  const out: Diagnostic[] = [];
  for (const e of file.entries) {
    if (!e.hasFindings) continue;
    for (const d of entryDiagnostics(ws, file, e)) out.push(d);
  }
  return out;
}
