// HTTPRoute rules of the Gateway API v1.2 CRD (standard channel) that a hand-written or
// converted route can break: the path value rules, the filter combinations, the redirect
// status enum, and the list limits. Field paths and wording as the API server reports them
// (`<field>: Invalid value: "object": <CEL message>`, `Too many`, `Unsupported value`).
import type { GatewayObjectRule, Reporter } from '../rule';
import type { HTTPRoute, HTTPRouteRule } from '../../gateway/model';
import type { SNode } from '../../ingress/source';

const TYPES = "when type one of ['Exact', 'PathPrefix']";

/** The CRD's messages for an Exact/PathPrefix value, in its order. */
export function pathValueProblem(v: string): string | undefined {
  if (!v.startsWith('/')) return `value must be an absolute path and start with '/' ${TYPES}`;
  for (const bad of ['//', '/./', '/../', '%2f', '%2F', '#']) if (v.includes(bad)) return `must not contain '${bad}' ${TYPES}`;
  for (const end of ['/..', '/.']) if (v.endsWith(end)) return `must not end with '${end}' ${TYPES}`;
  if (!/^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/.test(v)) return `must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) ${TYPES}`;
  return undefined;
}

function invalid(report: Reporter, node: SNode, message: string): void {
  report({ message: `${node.path}: Invalid value: "object": ${message}`, span: node.span, field: node.path });
}

function routes(check: (r: HTTPRoute, report: Reporter) => void): GatewayObjectRule['check'] {
  return (obj, report) => {
    if (obj.kind === 'HTTPRoute') check(obj, report);
  };
}

export const pathValue: GatewayObjectRule = {
  id: 'gateway/path-value',
  description: 'An HTTPRoute Exact or PathPrefix path value the CRD refuses (not absolute, "//", dot segments, %2F, "#", invalid characters).',
  severity: 'error',
  scope: 'gateway',
  check: routes((r, report) => {
    for (const rule of r.rules) {
      for (const m of rule.matches) {
        const node = m.node && m.node.entries.find((e) => e.key === 'path')?.value;
        const problem = m.path.type === 'RegularExpression' ? undefined : pathValueProblem(m.path.value);
        if (node && problem) invalid(report, node, problem);
      }
    }
  }),
};

function filterProblems(rule: HTTPRouteRule): string[] {
  const types = rule.filters.map((f) => f.type);
  const out: string[] = [];
  if (types.includes('RequestRedirect') && rule.backendRefs.length) out.push('RequestRedirect filter must not be used together with backendRefs');
  if (types.includes('RequestRedirect') && types.includes('URLRewrite')) out.push('May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both');
  const prefix = rule.matches.length === 1 && rule.matches[0]!.node && rule.matches[0]!.path.type === 'PathPrefix';
  for (const f of rule.filters) {
    const mod = f.urlRewrite?.path ?? f.requestRedirect?.path;
    if (mod?.type === 'ReplacePrefixMatch' && !prefix) out.push(`When using ${f.urlRewrite ? 'URLRewrite' : 'RequestRedirect'} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified`);
  }
  return out;
}

export const filterCombination: GatewayObjectRule = {
  id: 'gateway/filter-combination',
  description: 'HTTPRoute rule filters the CRD refuses together: RequestRedirect with backendRefs or with URLRewrite, ReplacePrefixMatch without exactly one PathPrefix match.',
  severity: 'error',
  scope: 'gateway',
  check: routes((r, report) => {
    for (const rule of r.rules) for (const p of filterProblems(rule)) invalid(report, rule.node, p);
  }),
};

export const redirectStatus: GatewayObjectRule = {
  id: 'gateway/redirect-status-code',
  description: 'A RequestRedirect statusCode outside the v1.2 Standard enum (301, 302).',
  severity: 'error',
  scope: 'gateway',
  check: routes((r, report) => {
    for (const rule of r.rules) {
      for (const f of rule.filters) {
        const code = f.requestRedirect?.statusCode;
        const node = f.node.entries.find((e) => e.key === 'requestRedirect')?.value;
        const codeNode = node?.kind === 'map' ? node.entries.find((e) => e.key === 'statusCode')?.value : undefined;
        if (code !== undefined && code !== 301 && code !== 302 && codeNode) {
          report({ message: `${codeNode.path}: Unsupported value: ${code}: supported values: "301", "302"`, span: codeNode.span, field: codeNode.path });
        }
      }
    }
  }),
};

function tooMany(report: Reporter, node: SNode | undefined, count: number, max: number): void {
  if (node && count > max) report({ message: `${node.path}: Too many: ${count}: must have at most ${max} items`, span: node.span, field: node.path });
}

export const routeLimits: GatewayObjectRule = {
  id: 'gateway/too-many',
  description: 'More HTTPRoute parentRefs (32), hostnames (16), rules (16), matches (64) or backendRefs (16) than the CRD allows.',
  severity: 'error',
  scope: 'gateway',
  check: routes((r, report) => {
    const spec = r.root.entries.find((e) => e.key === 'spec')?.value;
    const field = (k: string) => (spec?.kind === 'map' ? spec.entries.find((e) => e.key === k)?.value : undefined);
    tooMany(report, field('parentRefs'), r.parentRefs.length, 32);
    tooMany(report, field('hostnames'), r.hostnames.length, 16);
    tooMany(report, field('rules'), r.rules.length, 16);
    for (const rule of r.rules) {
      tooMany(report, rule.node.entries.find((e) => e.key === 'backendRefs')?.value, rule.backendRefs.length, 16);
      tooMany(report, rule.node.entries.find((e) => e.key === 'matches')?.value, rule.matches.length, 64);
    }
  }),
};
