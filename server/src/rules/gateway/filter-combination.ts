// HTTPRoute rule filters the v1.2 CRD refuses together (HTTPRouteRule and HTTPRouteFilter
// x-kubernetes-validations), with the CRD's own messages.
import type { HTTPRouteRule } from '../../gateway/model';
import { crdRule, invalid } from './common';

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

export const filterCombination = crdRule('HTTPRoute', 'gateway/filter-combination',
  'HTTPRoute rule filters the CRD refuses together: RequestRedirect with backendRefs or with URLRewrite, ReplacePrefixMatch without exactly one PathPrefix match.',
  (r, report) => {
    for (const rule of r.rules) for (const p of filterProblems(rule)) invalid(report, rule.node, p);
  });
