// What every quick fix needs: the context of the diagnostic it fixes and small edit helpers.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { KObject } from '../ingress/model';
import { asSeq, entry, type SEntry, type SNode, type Span } from '../ingress/source';
import { toRange, type DiagnosticData } from './convert';
import type { FileModel } from '../engine/file-model';
import type { Project as Workspace } from '../engine/index';

export interface FixContext {
  ws: Workspace;
  file: FileModel;
  uri: string;
  diagnostic: Diagnostic;
  data: DiagnosticData;
  object: KObject;
}

/** The node at an API field path (`spec.rules[0].http.paths[1].pathType`) and its parent. */
export function resolveField(root: SNode, field: string): { node?: SNode; parent?: SNode; key?: string } {
  const tokens = field.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let node: SNode | undefined = root;
  let parent: SNode | undefined;
  let key: string | undefined;
  for (const t of tokens) {
    parent = node;
    key = t;
    node = t.startsWith('[') ? asSeq(node)?.items[Number(t.slice(1, -1))] : entry(node, t)?.value;
    if (!node) break;
  }
  return { node, parent, key };
}

export function action(c: FixContext, title: string, edits: TextEdit[], preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [c.diagnostic], isPreferred: preferred, edit: { changes: { [c.uri]: edits } } };
}

export function replace(c: FixContext, span: Span, newText: string): TextEdit {
  return { range: toRange(c.file.lines, span), newText };
}

export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

export function column(c: FixContext, offset: number): number {
  return c.file.lines.positionAt(offset).character;
}

/** Where to insert a line after a map entry: the end of its last line. */
export function afterEntry(c: FixContext, e: SEntry): number {
  return lineEnd(c.file.text, e.value.span.end > e.keySpan.end ? e.value.span.end - 1 : e.keySpan.end);
}
