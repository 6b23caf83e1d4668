// What a rule reports. Offsets only, no LSP types: converted once for LSP and once for the CLI.
import type { Span } from './source';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedLocation {
  uri: string;
  span: Span;
  message: string;
}

export interface Finding {
  /** Stable rule id, e.g. `ingress/path-absolute`. Tests and quick fixes key on it. */
  ruleId: string;
  severity: Severity;
  message: string;
  uri: string;
  span: Span;
  /** API-server style field path, e.g. `spec.rules[0].http.paths[0].path`. */
  field?: string;
  /** The object the finding belongs to, e.g. `Ingress default/web`. */
  object?: string;
  related?: RelatedLocation[];
  /** Machine-readable data a quick fix needs (JSON only). */
  data?: Record<string, unknown>;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.uri.localeCompare(b.uri) || a.span.start - b.span.start
    || ORDER[a.severity] - ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId);
}
