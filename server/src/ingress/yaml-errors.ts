// YAML syntax errors as findings (`schema/yaml-syntax`), said the way a person can act on.
// One misplaced indentation makes the parser report a cascade (a block sequence used as a
// key, implicit keys on several lines…) and leaves a misread tree behind it, on which the
// schema rules would add their own consequences (`unknown field "…backend"`, a backend
// missing). So a document reports its first error only, an indentation error names the
// lines that disagree, and the rule findings inside a broken document are withheld until it
// parses (kubectl refuses it at the same error). No I/O.
import type { Document, YAMLError } from 'yaml';
import { yamlSyntax } from '../rules/schema/yaml-syntax';
import type { Finding } from './findings';
import type { Span } from './source';

const INDENTATION_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY']);

interface Line { start: number; indent: number; keyColumn: number; text: string }

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const raw = text.slice(start, end).replace(/\r$/, '');
  const indent = raw.length - raw.trimStart().length;
  const dashes = /^(?:-[ \t]+)*/.exec(raw.slice(indent))![0].length;
  return { start, indent, keyColumn: indent + dashes, text: raw.trim() };
}

const content = (l: Line) => l.text !== '' && !l.text.startsWith('#');

/** The content lines (comments and blank lines skipped) above `line`, nearest first, back to `from`. */
function* linesAbove(text: string, line: Line, from: number): Generator<Line> {
  for (let end = line.start - 1; end >= from && end >= 0; ) {
    const l = lineAt(text, end);
    if (content(l)) yield l;
    end = l.start - 1;
  }
}

/** The next content line within the document (which ends at `to`): the server parses a file document by document. */
function lineBelow(text: string, line: Line, to: number): Line | undefined {
  for (let start = text.indexOf('\n', line.start) + 1; start > 0 && start < Math.min(to, text.length); start = text.indexOf('\n', start) + 1) {
    const l = lineAt(text, start);
    if (content(l)) return l;
  }
  return undefined;
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
function linesBetween(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', Math.min(a, b)); i >= 0 && i < Math.max(a, b); i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * `"backend"`, or `"- path"` for a list item, with where it is seen from `from` ("7 lines
 * above"): the language server parses a file document by document, so absolute line numbers
 * would differ from the CLI's.
 */
function keyOf(text: string, l: Line, from?: Line, opts: { item?: boolean } = {}): string {
  const m = /^(-\s+)*("[^"]*"|'[^']*'|[^:#]+?):(?:\s|$)/.exec(l.text);
  const name = m ? m[2]!.replace(/^["']|["']$/g, '') : l.text.length > 30 ? `${l.text.slice(0, 30)}…` : l.text;
  const d = from ? linesBetween(text, l.start, from.start) * (l.start < from.start ? 1 : -1) : 0;
  const where = d === 0 ? '' : ` (${Math.abs(d) === 1 ? 'the line' : `${Math.abs(d)} lines`} ${d > 0 ? 'above' : 'below'})`;
  return `"${opts.item && l.text.startsWith('-') ? '- ' : ''}${name}"${where}`;
}

/** The item of the same list nearest in indentation: items of one list start at one column. */
function siblingItem(text: string, at: Line, from: number): Line | undefined {
  let best: Line | undefined;
  for (const l of linesAbove(text, at, from)) {
    if (!l.text.startsWith('-') || l.indent === at.indent) continue;
    if (!best || Math.abs(l.indent - at.indent) < Math.abs(best.indent - at.indent)) best = l;
  }
  return best;
}

function by(n: number, more: string, less: string): string {
  return `${Math.abs(n)} ${n > 0 ? more : less}`;
}

/** Names the two lines that disagree and by how much. */
function indentationMessage(text: string, e: YAMLError, at: Line, doc: { start: number; end: number }): string | undefined {
  const docStart = doc.start;
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && e.message.includes('block sequence') && at.text.startsWith('-')) {
    const item = siblingItem(text, at, docStart);
    if (!item) return undefined;
    return `indentation: the list item ${keyOf(text, at, at, { item: true })} is indented ${spaces(at.indent)}, but the item ${keyOf(text, item, at, { item: true })} of the same list is indented ${spaces(item.indent)}; `
      + `the items of one list must line up: indent this one by ${by(item.indent - at.indent, 'more', 'less')}, or check the lines between`;
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const below = lineBelow(text, at, doc.end);
    if (!below || below.keyColumn <= at.keyColumn) return undefined;
    return `indentation: ${keyOf(text, below, at)} is indented ${spaces(below.keyColumn)}, deeper than ${keyOf(text, at)} (${spaces(at.keyColumn)}) whose mapping it continues; `
      + `the keys of one mapping must line up: indent ${keyOf(text, below)} by ${below.keyColumn - at.keyColumn} less, or ${keyOf(text, at)} by as many more`;
  }
  const above = linesAbove(text, at, docStart).next().value as Line | undefined;
  if (!above || above.keyColumn === at.keyColumn) return undefined;
  return `indentation: ${keyOf(text, at)} is indented ${spaces(at.keyColumn)}, but ${keyOf(text, above, at)} in the same mapping is indented ${spaces(above.keyColumn)}; `
    + `the keys of one mapping must line up: indent ${keyOf(text, at)} by ${by(above.keyColumn - at.keyColumn, 'more', 'less')}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function errorFinding(uri: string, text: string, e: YAMLError, doc: { start: number; end: number }, severity: 'error' | 'warning'): Finding {
  const parser = firstLine(e.message);
  const pos = Math.min(e.pos[0], text.length);
  if (severity === 'error' && INDENTATION_CODES.has(e.code)) {
    const at = lineAt(text, pos);
    const message = indentationMessage(text, e, at, doc);
    const keyEnd = at.start + at.keyColumn + Math.max(1, /^[^:#\s]*/.exec(text.slice(at.start + at.keyColumn))![0].length);
    if (message) return { ruleId: yamlSyntax.id, severity, message: `${message} (YAML: ${parser})`, uri, span: { start: at.start, end: Math.min(keyEnd, text.length) } };
  }
  return { ruleId: yamlSyntax.id, severity, message: parser, uri, span: { start: pos, end: Math.max(pos, Math.min(e.pos[1], text.length)) } };
}

/** A document's syntax findings: its first error (the others follow from it) and its warnings. */
export function syntaxFindings(uri: string, text: string, doc: Document.Parsed): Finding[] {
  const first = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  const bounds = { start: doc.range[0], end: doc.range[2] };
  const errors = first ? [errorFinding(uri, text, first, bounds, 'error')] : [];
  return [...errors, ...doc.warnings.map((w) => errorFinding(uri, text, w, bounds, 'warning'))];
}

/** The spans of the documents that have a YAML error: rule findings inside them are withheld. */
export function brokenSpans(docs: readonly { span: Span; syntax: readonly Finding[] }[]): Span[] {
  return docs.filter((d) => d.syntax.some((f) => f.severity === 'error' && f.ruleId === yamlSyntax.id)).map((d) => d.span);
}

/** False for a rule finding located inside a broken document. */
export function outsideBroken(broken: readonly Span[]): (f: Finding) => boolean {
  return (f) => broken.length === 0 || !broken.some((s) => f.span.start >= s.start && f.span.start <= s.end);
}
