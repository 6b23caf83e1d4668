// One Ingress path as an HTTPRoute match and filters. Exact stays Exact; Prefix and
// ImplementationSpecific (ingress-nginx matches it as Prefix) become PathPrefix. Under the
// ingress-nginx profile, on a host where `use-regex` or `rewrite-target` makes every location
// `~* "^<path>"`, every path (Exact too) becomes RegularExpression "(?i)<path>.*" (as
// ingress2gateway does); the rewrite-target idiom `<prefix>(/|$)(.*)` → `<to>/$2` becomes
// PathPrefix with URLRewrite ReplacePrefixMatch (the same request for request but upper case);
// a target without capture groups becomes ReplaceFullPath, since nginx replaces the whole URI.
// No I/O.
import type { Ingress } from '../../ingress/model';
import { nginx } from '../../ingress/routing/profiles/nginx-annotations';
import { pathValueProblem } from '../../rules/gateway/path-value';
import type { Json } from './types';

/** Why the v1.2 CRD refuses an Exact or PathPrefix value, in its words (without its "when type one of" tail): the rule gateway/path-value's check. */
export function gatewayPathProblem(p: string): string | undefined {
  return pathValueProblem(p)?.replace(/ when type one of .*$/, '');
}

export interface PathConversion {
  match?: Json;
  filters: Json[];
  warnings: string[];
}

const CAPTURE_IDIOM = /^(\/[^()[\]{}*+?|^$\\]*?)\(\/\|\$\)\(\.\*\)$/;

function rewriteIdiom(p: string, target: string): { prefix: string; to: string } | undefined {
  const m = CAPTURE_IDIOM.exec(p);
  const t = /^(.*\/)\$2$/.exec(target);
  return m && t ? { prefix: m[1] || '/', to: t[1]! } : undefined;
}

function rewriteFilters(target: string | undefined, p: string, warnings: string[]): Json[] {
  if (target === undefined) return [];
  if (/\$\d/.test(target)) {
    warnings.push(`rewrite-target "${target}" on path "${p}" uses capture groups: no Gateway API filter fills them (only the "<prefix>(/|$)(.*)" → "<to>/$2" idiom converts); not converted`);
    return [];
  }
  return [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: target } } }];
}

export function convertPath(ing: Ingress, p: string, pathType: string | undefined, hostRegex: boolean, useNginx: boolean): PathConversion {
  const path = p || '/';
  const warnings: string[] = [];
  const target = useNginx ? nginx(ing, 'rewrite-target') : undefined;
  const idiom = target !== undefined ? rewriteIdiom(path, target) : undefined;
  if (idiom) {
    warnings.push(`path "${path}" with rewrite-target "${target}": converted to PathPrefix ${idiom.prefix} with URLRewrite ReplacePrefixMatch ${idiom.to} (ingress-nginx matches it case-insensitively; PathPrefix is case-sensitive)`);
    return { match: { path: { type: 'PathPrefix', value: idiom.prefix } }, filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: idiom.to } } }], warnings };
  }
  if (useNginx && hostRegex) {
    warnings.push(`path "${path}": use-regex or rewrite-target on this host makes ingress-nginx match it as the case-insensitive regex ^${path}; converted to RegularExpression "(?i)${path}.*" (regex support, dialect and precedence are implementation-specific in the Gateway API; ingress-nginx takes the first match, longest path first)`);
    return { match: { path: { type: 'RegularExpression', value: `(?i)${path}.*` } }, filters: rewriteFilters(target, path, warnings), warnings };
  }
  const type = pathType === 'Exact' ? 'Exact' : 'PathPrefix';
  const problem = gatewayPathProblem(path);
  if (problem) return { filters: [], warnings: [`path "${path}" cannot be ${type === 'Exact' ? 'an Exact' : 'a PathPrefix'} match (${problem}); not converted`] };
  return { match: { path: { type, value: path } }, filters: rewriteFilters(target, path, warnings), warnings };
}
