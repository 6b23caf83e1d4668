// Splits a manifest file into YAML documents and builds a source-mapped tree per document.
// YAML 1.1 is used because Kubernetes (sigs.k8s.io/yaml, go-yaml v2) reads manifests as 1.1:
// `on`/`yes` are booleans, `0755` is octal; numbers and timestamps are typed exactly as go-yaml
// types them (go-yaml-tags.ts). A broken document never hides the others. No I/O.
import { parseAllDocuments, type Document } from 'yaml';
import { AliasBudget, AliasError, YAML_ALIAS_RULE_ID } from './aliases';
import type { Finding } from './findings';
import { K8S_YAML } from './go-yaml-tags';
import { LineIndex } from './lines';
import { fromYaml, type SNode, type Span } from './source';
import { yamlSyntax } from '../rules/schema/yaml-syntax';

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

/** The documents of a text (a whole file, or one slice of it: spans are then relative to the slice). */
export function parseDocuments(uri: string, text: string, firstIndex = 0): ManifestDocument[] {
  const docs = parseAllDocuments(text, {
    ...K8S_YAML,
    uniqueKeys: false,
    prettyErrors: false,
    strict: false,
    keepSourceTokens: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  return list.map((doc, index) => readDocument(uri, text, doc, firstIndex + index));
}

/** One document; a failure inside it (a defect of ours) is reported on it and never hides the others. */
function readDocument(uri: string, text: string, doc: Document.Parsed, index: number): ManifestDocument {
  try {
    return toManifestDocument(uri, text, doc, index);
  } catch (e) {
    const span = clampSpan({ start: doc.range[0], end: doc.range[1] }, text.length);
    const message = `this document could not be read: ${(e as Error)?.message ?? String(e)}`;
    return { index, span, root: undefined, syntax: [{ ruleId: 'schema/yaml-syntax', severity: 'error', message, uri, span }] };
  }
}

function toManifestDocument(uri: string, text: string, doc: Document.Parsed, index: number): ManifestDocument {
  const span = { start: doc.range[0], end: doc.range[1] };
  const syntax: Finding[] = [...doc.errors, ...doc.warnings].map((e) => ({
    ruleId: yamlSyntax.id,
    severity: doc.errors.includes(e) ? 'error' : 'warning',
    message: firstLine(e.message),
    uri,
    span: clampSpan({ start: e.pos[0], end: e.pos[1] }, text.length),
  }));
  const root = doc.contents == null ? undefined : documentTree(uri, text, doc, span, syntax);
  return { index, span, root, syntax };
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

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.min(span.start, length);
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}
