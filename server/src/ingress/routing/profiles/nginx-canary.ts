// Which requests an ingress-nginx canary Ingress takes, as the controller's Lua decides it
// (rootfs/etc/nginx/lua/balancer.lua, route_to_alternative_balancer) and its docs say
// (docs/user-guide/nginx-configuration/annotations.md, "Canary": "Canary rules are evaluated in
// order of precedence. Precedence is as follows: canary-by-header -> canary-by-cookie ->
// canary-weight"):
//   1. canary-by-header, when the request carries that header: with canary-by-header-value,
//      exactly that value routes to the canary; else with canary-by-header-pattern, a value the
//      regex matches anywhere in it (ngx.re.match, PCRE, unanchored) does, and a pattern that
//      fails keeps the request on the main backend ("When the given Regex causes error during
//      request processing, the request will be considered as not matching"; the Lua returns
//      false); without either, "always" routes to the canary and "never" never does. "For any
//      other value, the header will be ignored and the request compared against the other
//      canary rules by precedence." JavaScript's RegExp stands in for PCRE: they agree on the
//      common syntax, and a pattern JavaScript refuses counts as the regex error.
//   2. canary-by-cookie, when the request carries that cookie: "always" → the canary, "never" →
//      never; any other value is ignored and the weight decides.
//   3. canary-weight out of canary-weight-total: the Lua draws math.random(weightTotal) <= weight,
//      weightTotal being the annotation only when it is above 100, else 100.
// No I/O.
import type { Ingress } from '../../model';
import type { HttpRequest } from './answer';
import { nginx } from './nginx-annotations';

/** The canary's weight and the total it is drawn from (balancer.lua: a total of 100 unless the annotation says more). */
export function canaryShare(canary: Ingress): { weight: number; total: number } {
  const annotated = Number(nginx(canary, 'canary-weight-total'));
  const total = Number.isInteger(annotated) && annotated > 100 ? annotated : 100;
  const weight = Math.max(0, Math.min(Math.trunc(Number(nginx(canary, 'canary-weight') ?? 0)) || 0, total));
  return { weight, total };
}

/** A request cookie's value (the first of that name), as nginx's $cookie_NAME reads it. */
export function requestCookie(req: HttpRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface CanaryDecision {
  /** true: the canary; false: the main backend; a number: the canary's weight out of `total`. */
  to: boolean | number;
  total: number;
  /** Which rule decided, in words, for the trace. */
  why: string;
}

/** What a canary-by-header value must be: the set value, else the pattern's matches (an empty annotation is unset, as in the Lua), else "always"/"never". */
export type HeaderWant = { value: string } | { pattern: string } | { always: true };

export function headerWant(canary: Ingress): HeaderWant {
  const value = nginx(canary, 'canary-by-header-value');
  if (value) return { value };
  const pattern = nginx(canary, 'canary-by-header-pattern');
  return pattern ? { pattern } : { always: true };
}

function byHeader(canary: Ingress, req: HttpRequest): CanaryDecision['to'] | undefined {
  const header = nginx(canary, 'canary-by-header');
  const value = header ? req.headers[header.toLowerCase()] : undefined;
  if (value === undefined) return undefined;
  const want = headerWant(canary);
  if ('value' in want) return value === want.value ? true : undefined;
  if ('pattern' in want) {
    const re = headerPattern(want.pattern);
    return re === undefined ? false : re.test(value) ? true : undefined;
  }
  return value === 'always' ? true : value === 'never' ? false : undefined;
}

const patterns = new Map<string, RegExp | undefined>();

/** canary-by-header-pattern compiled once (undefined: the controller's regex error). */
function headerPattern(source: string): RegExp | undefined {
  if (!patterns.has(source)) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(source);
    } catch {
      re = undefined;
    }
    if (patterns.size >= 256) patterns.clear();
    patterns.set(source, re);
  }
  return patterns.get(source);
}

function byCookie(canary: Ingress, req: HttpRequest): CanaryDecision['to'] | undefined {
  const name = nginx(canary, 'canary-by-cookie');
  const value = name ? requestCookie(req, name) : undefined;
  return value === 'always' ? true : value === 'never' ? false : undefined;
}

function keptWhy(canary: Ingress): string {
  const want = headerWant(canary);
  return 'pattern' in want ? `canary-by-header-pattern ${JSON.stringify(want.pattern)} is not a valid regex: kept on the main backend` : '"never": kept on the main backend';
}

export function canaryDecision(canary: Ingress, req: HttpRequest): CanaryDecision {
  const { weight, total } = canaryShare(canary);
  const header = byHeader(canary, req);
  if (header !== undefined) {
    return { to: header, total, why: `canary-by-header ${nginx(canary, 'canary-by-header')}: ${header ? 'routed to the canary' : keptWhy(canary)}` };
  }
  const cookie = byCookie(canary, req);
  if (cookie !== undefined) {
    return { to: cookie, total, why: `canary-by-cookie ${nginx(canary, 'canary-by-cookie')}=${cookie ? 'always: routed to the canary' : 'never: kept on the main backend'}` };
  }
  return { to: weight, total, why: `${weight} of ${total} requests by canary-weight${nginx(canary, 'canary-by-header') || nginx(canary, 'canary-by-cookie') ? ' (no canary header or cookie decided)' : ''}` };
}
