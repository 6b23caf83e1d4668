// Conversions between the core's offsets/findings and LSP positions/diagnostics. Done once here.
import {
  DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Location, type Range,
} from 'vscode-languageserver';
import type { Finding, Severity } from '../ingress/findings';
import type { Lines } from '../engine/file-model';
import type { Span } from '../ingress/source';
import { ruleDocsUrl } from '../rules/rule';

export const SOURCE = 'ingress-lab';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(lines: Lines, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export type { LinesOf } from '../engine/index';
import type { LinesOf } from '../engine/index';

export function toLocation(linesOf: LinesOf, uri: string, span: Span): Location {
  const lines = linesOf(uri);
  const zero = { line: 0, character: 0 };
  return { uri, range: lines ? toRange(lines, span) : { start: zero, end: zero } };
}

/** What a quick fix finds again in `Diagnostic.data`. */
export interface DiagnosticData {
  ruleId: string;
  field?: string;
  data?: Record<string, unknown>;
}

export function toDiagnostic(f: Finding, lines: Lines, linesOf: LinesOf): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.span),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    source: SOURCE,
    message: f.message,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({
      location: toLocation(linesOf, r.uri, r.span), message: r.message,
    }));
  }
  const data: DiagnosticData = { ruleId: f.ruleId };
  if (f.field) data.field = f.field;
  if (f.data) data.data = f.data;
  d.data = data;
  return d;
}
