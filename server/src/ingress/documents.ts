// Splits a manifest file into YAML documents and builds a source-mapped tree per document.
// YAML 1.1 is used because Kubernetes (sigs.k8s.io/yaml, go-yaml v2) reads manifests as 1.1:
// `on`/`yes` are booleans, `0755` is octal; numbers and timestamps are typed exactly as go-yaml
// types them (go-yaml-tags.ts). A broken document never hides the others. No I/O.
import { parseAllDocuments, type Document } from 'yaml';
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
  /** YAML syntax errors and warnings in this document, as findings (rule `schema/yaml-syntax`). */
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
  return list.map((doc, index) => toManifestDocument(uri, text, doc, firstIndex + index));
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
  const root = doc.contents == null ? undefined : fromYaml(doc.contents, '', doc, span);
  return { index, span, root, syntax };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.min(span.start, length);
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}
