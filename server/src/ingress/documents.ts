// Splits a manifest file into YAML documents and builds a source-mapped tree per document.
// YAML 1.1 is used because Kubernetes (sigs.k8s.io/yaml, go-yaml v2) reads manifests as 1.1:
// `on`/`yes` are booleans, `0755` is octal; numbers and timestamps are typed exactly as go-yaml
// types them (go-yaml-tags.ts). A broken document never hides the others. No I/O.
import { Composer, Parser, type CST, type Document } from 'yaml';
import { plainSpan, simpleComposer, type SpanFactory } from './cst-compose';
import { lineDocument } from './line-compose';
import { plainTyping } from './scalar-typing';
import { AliasBudget, AliasError, YAML_ALIAS_RULE_ID } from './aliases';
import type { Finding } from './findings';
import { K8S_YAML } from './go-yaml-tags';
import { LineIndex } from './lines';
import { fromYaml, type SNode, type Span } from './source';
import { yamlSyntax } from '../rules/schema/yaml-syntax';
import { syntaxFindings } from './yaml-errors';

export interface ManifestDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** Span of the whole document, separators excluded. */
  span: Span;
  /** The document's tree, or undefined for an empty document. */
  root: SNode | undefined;
  /** What the parser found: YAML syntax errors and warnings (`schema/yaml-syntax`), aliases go-yaml refuses (`schema/yaml-alias`). */
  syntax: Finding[];
}

export interface ManifestFile {
  uri: string;
  text: string;
  lines: LineIndex;
  documents: ManifestDocument[];
}

export function parseManifest(uri: string, text: string): ManifestFile {
  return { uri, text, lines: new LineIndex(text), documents: parseDocuments(uri, text) };
}

const PARSE_OPTIONS = { ...K8S_YAML, uniqueKeys: false, prettyErrors: false, strict: false, keepSourceTokens: false } as const;
const composeSimple = simpleComposer(PARSE_OPTIONS);
const typed = plainTyping(PARSE_OPTIONS);
/** Top-level tokens that carry nothing but comments and spacing between documents. */
const QUIET = new Set(['comment', 'newline', 'space', 'byte-order-mark']);

/**
 * The documents of a text (a whole file, or one slice of it: spans are then relative to the
 * slice). A text that is one document of the plainest shape is read line by line without the
 * yaml package's parser (line-compose.ts); each other document of the usual shape is built
 * straight from the CST (cst-compose.ts); the others are composed by the yaml package as
 * parseAllDocuments would. A file with directives,
 * `...` or stray tokens between documents is composed the usual way throughout (`simple: false`
 * forces that for every file: the reference the fuzzing harness compares against). `span` makes
 * the spans of the trees built from the CST (plain `{ start, end }` objects by default).
 */
export function parseDocuments(uri: string, text: string, firstIndex = 0, simple = true, span?: SpanFactory): ManifestDocument[] {
  const plainest = simple ? lineDocument(text, typed, span ?? plainSpan) : undefined;
  if (plainest) return [{ index: firstIndex, span: plainest.span, root: plainest.root, syntax: [] }];
  const source = lineFeeds(text);
  return (simple && parseSimple(uri, text, source, firstIndex, span)) || parseComposed(uri, text, source, firstIndex);
}

/** Document by document from the CST; undefined when something between documents needs the Composer's state. */
function parseSimple(uri: string, text: string, source: string, firstIndex: number, span?: SpanFactory): ManifestDocument[] | undefined {
  const out: ManifestDocument[] = [];
  for (const token of new Parser().parse(source)) {
    if (token.type !== 'document') {
      if (QUIET.has(token.type)) continue;
      return undefined;
    }
    const index = firstIndex + out.length;
    const simple = composeSimple(token, span);
    if (simple) out.push({ index, span: simple.span, root: simple.root, syntax: [] });
    else for (const doc of composeOne(token)) out.push(readDocument(uri, text, doc, index));
  }
  return out;
}

/** One document token composed alone: with nothing but comments before it, as the stream would compose it. */
function* composeOne(token: CST.Document): Generator<Document.Parsed> {
  const composer = new Composer(PARSE_OPTIONS);
  yield* composer.next(token);
  yield* composer.end(false, -1);
}

/** What parseAllDocuments does, one document at a time, each turned into its tree as soon as it is composed. */
function parseComposed(uri: string, text: string, source: string, firstIndex: number): ManifestDocument[] {
  const composer = new Composer(PARSE_OPTIONS);
  const out: ManifestDocument[] = [];
  const take = (docs: Iterable<Document.Parsed>) => {
    for (const doc of docs) out.push(readDocument(uri, text, doc, firstIndex + out.length));
  };
  for (const token of new Parser().parse(source)) take(composer.next(token));
  take(composer.end(false, source.length));
  return out;
}

/**
 * The text with each lone CR as LF: same length, so every offset still points into the original.
 * YAML 1.1 and 1.2 read a lone CR as a line break, as go-yaml does (is_break: CR, LF, NEL, LS,
 * PS); the yaml package takes only LF and CR LF, and would read a CR-only file as one line.
 */
export function lineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** One document; a failure inside it (a defect of ours) is reported on it and never hides the others. */
function readDocument(uri: string, text: string, doc: Document.Parsed, index: number): ManifestDocument {
  try {
    return toManifestDocument(uri, text, doc, index);
  } catch (e) {
    const span = clampSpan({ start: doc.range[0], end: doc.range[1] }, text.length);
    const message = `this document could not be read: ${(e as Error)?.message ?? String(e)}`;
    return { index, span, root: undefined, syntax: [{ ruleId: yamlSyntax.id, severity: 'error', message, uri, span }] };
  }
}

function toManifestDocument(uri: string, text: string, doc: Document.Parsed, index: number): ManifestDocument {
  const span = { start: doc.range[0], end: doc.range[1] };
  // Lone CRs read as line breaks here too, so the lines an error names are the parser's (same offsets).
  const syntax = doc.errors.length || doc.warnings.length ? syntaxFindings(uri, lineFeeds(text), doc) : [];
  const root = doc.contents == null ? undefined : documentTree(uri, text, doc, span, syntax);
  // A new object: nodes without a range of their own share `span` as their fallback.
  const covering = doc.errors.length > 0 ? { start: span.start, end: coveringEnd(root, syntax, span.end) } : span;
  return { index, span: covering, root, syntax };
}

/**
 * In a broken document, yaml's range can stop short of nodes it still read (e.g. after "Map
 * comment with trailing content"): the document's span is stretched over its tree and errors so
 * that every finding on it lies inside it.
 */
function coveringEnd(root: SNode | undefined, findings: readonly Finding[], end: number): number {
  for (const f of findings) end = Math.max(end, f.span.end);
  const stack = root ? [root] : [];
  for (let n = stack.pop(); n; n = stack.pop()) {
    end = Math.max(end, n.span.end);
    if (n.kind === 'map') for (const e of n.entries) { end = Math.max(end, e.keySpan.end); stack.push(e.value); }
    else if (n.kind === 'seq') stack.push(...n.items);
  }
  return end;
}

/** The document's tree with aliases expanded within go-yaml's budget; past it, reported and read without them. */
function documentTree(uri: string, text: string, doc: Document.Parsed, span: Span, findings: Finding[]): SNode {
  try {
    return fromYaml(doc.contents, '', { doc, text, budget: new AliasBudget() }, span);
  } catch (e) {
    if (!(e instanceof AliasError)) throw e;
    findings.push({
      ruleId: YAML_ALIAS_RULE_ID, severity: 'error', message: e.message, uri, span: e.anchor,
      related: [{ uri, span: e.alias, message: 'the alias expanded here' }],
    });
    return fromYaml(doc.contents, '', { doc, text }, span);
  }
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.min(span.start, length);
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}
