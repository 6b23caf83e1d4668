// Renders findings for the CLI: text (file:line:col severity code message), JSON with
// LSP-style 0-based ranges, and SARIF 2.1.0 for GitHub code scanning.
import { posix } from 'node:path';
import type { Finding } from '../ingress/findings';
import type { LineIndex, Position } from '../ingress/lines';
import type { Span } from '../ingress/source';
import { ALL_RULES } from '../rules/index';
import { ruleDocsUrl } from '../rules/rule';

export interface FileInfo {
  path: string;
  lines: LineIndex;
}

export type FileLookup = (uri: string) => FileInfo | undefined;

export interface JsonRange {
  start: Position;
  end: Position;
}

export function jsonRange(info: FileInfo | undefined, span: Span): JsonRange {
  if (!info) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { start: info.lines.positionAt(span.start), end: info.lines.positionAt(span.end) };
}

function pathOf(lookup: FileLookup, uri: string): string {
  return lookup(uri)?.path ?? uri;
}

export function formatText(findings: readonly Finding[], lookup: FileLookup): string {
  return findings.map((f) => {
    const r = jsonRange(lookup(f.uri), f.span);
    return `${pathOf(lookup, f.uri)}:${r.start.line + 1}:${r.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}`;
  }).join('\n');
}

export function formatJson(findings: readonly Finding[], lookup: FileLookup): string {
  const diagnostics = findings.map((f) => ({
    file: pathOf(lookup, f.uri),
    range: jsonRange(lookup(f.uri), f.span),
    severity: f.severity,
    code: f.ruleId,
    message: f.message,
    field: f.field ?? null,
    object: f.object ?? null,
    related: (f.related ?? []).map((r) => ({
      file: pathOf(lookup, r.uri), range: jsonRange(lookup(r.uri), r.span), message: r.message,
    })),
  }));
  return JSON.stringify({ diagnostics }, null, 2);
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/**
 * artifactLocation.uri as GitHub code scanning wants it: a relative URI reference (forward
 * slashes, each segment percent-encoded, no leading "./"), resolved against the checkout root;
 * a file that is not under a relative path keeps its absolute file:// URI.
 */
export function sarifUri(lookup: FileLookup, uri: string): string {
  const path = lookup(uri)?.path;
  if (path === undefined) return uri;
  const rel = posix.normalize(path.replace(/\\/g, '/'));
  if (posix.isAbsolute(rel) || /^[A-Za-z]:\//.test(rel)) return uri;
  return rel.split('/').map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg))).join('/');
}

/** A 1-based SARIF region; end column exclusive, columns in UTF-16 code units like LSP's. */
function sarifLocation(lookup: FileLookup, uri: string, span: Span) {
  const r = jsonRange(lookup(uri), span);
  return {
    physicalLocation: {
      artifactLocation: { uri: sarifUri(lookup, uri) },
      region: {
        startLine: r.start.line + 1, startColumn: r.start.character + 1,
        endLine: r.end.line + 1, endColumn: r.end.character + 1,
      },
    },
  };
}

export function formatSarif(findings: readonly Finding[], lookup: FileLookup, version: string): string {
  const rules = ALL_RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    helpUri: ruleDocsUrl(r.id),
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [sarifLocation(lookup, f.uri, f.span)],
    ...(f.related?.length ? {
      relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...sarifLocation(lookup, r.uri, r.span), message: { text: r.message } })),
    } : {}),
  }));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'ingress-lab', informationUri: 'https://github.com/ingress-lab/ingress-lab', version, rules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  }, null, 2);
}
