// The controller profile's side of `ingress-lab route`: which profile routes the Ingresses
// (--profile, else auto) and what that controller does with the request (redirect, rewrite,
// canary), shown after the matcher's answer. Kept apart so route.ts stays the matcher's face.
import { UsageError } from './files';
import { parseManifest } from '../ingress/documents';
import { extractGatewayObjects } from '../gateway/model';
import { gatewayTableOfObjects, type GatewayTable } from '../gateway/table';
import { gatewayLookup } from '../gateway/match';
import type { IngressClass } from '../ingress/model';
import type { RouteTable } from '../ingress/routing/index';
import { ACTION_TRACE, answerLabel, request, type HttpRequest, type RouteAnswer } from '../ingress/routing/profiles/answer';
import { selectProfile } from '../ingress/routing/profiles/select';
import { PROFILE_SETTINGS, type ControllerProfile, type ProfileSetting } from '../ingress/routing/profiles/types';

export const PROFILE_OPTIONS = {
  profile: { type: 'string', default: 'auto' },
  scheme: { type: 'string', default: 'http' },
  method: { type: 'string', default: 'GET' },
  header: { type: 'string', multiple: true },
} as const;

export const PROFILE_USAGE = `  --profile P        controller profile: auto (default: ingress-nginx when an IngressClass has
                     controller k8s.io/ingress-nginx or an Ingress has nginx.ingress.kubernetes.io/*
                     annotations, else spec-only), spec-only or ingress-nginx
  --scheme S         http (default) or https: redirects such as ssl-redirect depend on it
  --method M         the request method (default GET)
  --header 'K: V'    a request header (repeatable), e.g. a canary header, or 'Cookie: beta=always'
                     for canary-by-cookie`;

export function profileSetting(v: string): ProfileSetting {
  if (!(PROFILE_SETTINGS as readonly string[]).includes(v)) throw new UsageError(`--profile must be auto, spec-only or ingress-nginx, not "${v}"`);
  return v as ProfileSetting;
}

function headers(list: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of list ?? []) {
    const i = h.indexOf(':');
    if (i <= 0) throw new UsageError(`--header must be "Name: value", not "${h}"`);
    out[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
  }
  return out;
}

export interface ProfiledRoute {
  profile: ControllerProfile;
  answer: RouteAnswer;
}

export function profiledRoute(table: RouteTable, classes: readonly IngressClass[], host: string, path: string, values: { profile?: string; scheme?: string; method?: string; header?: string[] }): ProfiledRoute {
  if (values.scheme !== 'http' && values.scheme !== 'https') throw new UsageError(`--scheme must be http or https, not "${values.scheme}"`);
  const profile = selectProfile(profileSetting(values.profile ?? 'auto'), table.ingresses, classes);
  const req: HttpRequest = request(host, path, { scheme: values.scheme, method: (values.method ?? 'GET').toUpperCase(), headers: headers(values.header) });
  return { profile, answer: profile.route(table, req) };
}

export function profiledText(p: ProfiledRoute): string[] {
  return [
    `profile ${p.profile.id} (${p.profile.reason}): ${answerLabel(p.answer)}`,
    ...p.answer.trace.filter((t) => ACTION_TRACE.test(t)).map((t) => `  ${t}`),
  ];
}

/** The HTTPRoutes and Gateways among the files, as the Gateway API matcher's table (undefined when there are none). */
export function gatewayTableOf(files: readonly { uri: string; text: string }[], defaultNamespace: string): GatewayTable | undefined {
  const objects = files.flatMap((f) => extractGatewayObjects(parseManifest(f.uri, f.text), { defaultNamespace }));
  return objects.some((o) => o.kind === 'HTTPRoute') ? gatewayTableOfObjects(objects) : undefined;
}

/** Where the HTTPRoutes among the files send the same request (Gateway API precedence and hostnames). */
export function gatewayRoute(table: GatewayTable, host: string, path: string, values: { scheme?: string; method?: string; header?: string[] }): RouteAnswer {
  return gatewayLookup(table, request(host, path, { scheme: values.scheme === 'https' ? 'https' : 'http', method: (values.method ?? 'GET').toUpperCase(), headers: headers(values.header) }));
}

export function gatewayText(a: RouteAnswer): string[] {
  return [`gateway-api (HTTPRoutes in the files): ${answerLabel(a)}${a.via ? ` via ${a.via}` : ''}`, ...a.trace.map((t) => `  ${t}`)];
}
