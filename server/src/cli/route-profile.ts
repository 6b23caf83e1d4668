// The controller profile's side of `ingress-lab route`: which profile routes the Ingresses
// (--profile, else auto) and what that controller does with the request (redirect, rewrite,
// canary), shown after the matcher's answer. Kept apart so route.ts stays the matcher's face.
import { UsageError } from './files';
import type { RouteTable } from '../ingress/routing/index';
import { answerLabel, profileLines, request, type HttpRequest, type RouteAnswer } from '../ingress/routing/profiles/answer';
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

type RequestFlags = { scheme?: string; method?: string; header?: string[] };

/** The request that --host, --path, --scheme, --method and --header describe. */
export function requestOf(host: string, path: string, values: RequestFlags): HttpRequest {
  if (values.scheme !== 'http' && values.scheme !== 'https') throw new UsageError(`--scheme must be http or https, not "${values.scheme}"`);
  return request(host, path, { scheme: values.scheme, method: (values.method ?? 'GET').toUpperCase(), headers: headers(values.header) });
}

/** What the project's controller profile does with the request. */
export function profiledRoute(profile: ControllerProfile, table: RouteTable, req: HttpRequest): ProfiledRoute {
  return { profile, answer: profile.route(table, req) };
}

export function profiledText(p: ProfiledRoute): string[] {
  return profileLines('profile', p.profile, p.answer);
}

export function gatewayText(a: RouteAnswer): string[] {
  return [`gateway-api (HTTPRoutes in the files): ${answerLabel(a)}${a.via ? ` via ${a.via}` : ''}`, ...a.trace.map((t) => `  ${t}`)];
}
