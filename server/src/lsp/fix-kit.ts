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

const BREAK = /\r\n|\r|\n/g;

/** Where the line holding offset ends: before its break (LF, CR LF or a lone CR, as YAML reads them). */
export function lineEnd(text: string, offset: number): number {
  return nextBreak(text, offset)?.index ?? text.length;
}

/** The first line break at or after offset, with its length. */
export function nextBreak(text: string, offset: number): { index: number; length: number } | undefined {
  BREAK.lastIndex = offset;
  const m = BREAK.exec(text);
  return m ? { index: m.index, length: m[0].length } : undefined;
}

/** Where the line holding offset starts. */
export function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

export function column(c: FixContext, offset: number): number {
  return c.file.lines.positionAt(offset).character;
}

/** Where to insert a line after a map entry: the end of its last line. */
export function afterEntry(c: FixContext, e: SEntry): number {
  return lineEnd(c.file.text, e.value.span.end > e.keySpan.end ? e.value.span.end - 1 : e.keySpan.end);
}
