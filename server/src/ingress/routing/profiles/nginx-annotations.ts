// Reading the ingress-nginx annotations that change where or how a request is routed, with
// their documented defaults (docs/user-guide/nginx-configuration/annotations.md). No I/O.
import type { Ingress } from '../../model';
import { NGINX_PREFIX } from '../../nginx-annotations';

export function nginx(ing: Ingress, name: string): string | undefined {
  return ing.annotations[NGINX_PREFIX + name];
}

export function nginxBool(ing: Ingress, name: string, dflt: boolean): boolean {
  const v = nginx(ing, name)?.trim().toLowerCase();
  return v === undefined ? dflt : v === 'true';
}

export function hasNginxAnnotations(ing: Ingress): boolean {
  return Object.keys(ing.annotations).some((k) => k.startsWith(NGINX_PREFIX));
}

export function isCanary(ing: Ingress): boolean {
  return nginxBool(ing, 'canary', false);
}

/** "use-regex" or "rewrite-target" on an Ingress makes every path of its hosts a regex location. */
export function enforcesRegex(ing: Ingress): boolean {
  return nginxBool(ing, 'use-regex', false) || nginx(ing, 'rewrite-target') !== undefined;
}

/** The redirect code an annotation asks for, when it is a valid 3xx number. */
export function redirectCode(ing: Ingress, name: string, dflt: number): number {
  const n = Number(nginx(ing, name));
  return Number.isInteger(n) && n >= 300 && n <= 308 ? n : dflt;
}

/** The annotations this profile models: every other nginx.ingress.kubernetes.io/* key is listed as not modelled. */
export const MODELLED = new Set([
  'use-regex', 'rewrite-target', 'app-root', 'ssl-redirect', 'force-ssl-redirect',
  'permanent-redirect', 'permanent-redirect-code', 'temporal-redirect', 'temporal-redirect-code',
  'canary', 'canary-by-header', 'canary-by-header-value', 'canary-by-header-pattern', 'canary-by-cookie', 'canary-weight', 'canary-weight-total',
  'backend-protocol',
]);
