// Ingress → Gateway API (Standard channel, valid from v1.2): HTTPRoutes per Ingress and host,
// the Gateway they attach to, and a report per Ingress of everything that changes or has no
// equivalent, never a silent drop. Canary Ingresses (ingress-nginx) are merged into the routes
// of their main Ingress. No I/O.
import type { Ingress, Service } from '../../ingress/model';
import { NGINX_PREFIX } from '../../ingress/nginx-annotations';
import { compareIngresses, ingressRef } from '../../ingress/routing/order';
import { isCanary, MODELLED } from '../../ingress/routing/profiles/nginx-annotations';
import { gatewayObject, type HostUse } from './gateway';
import { ingressRoutes, type RouteContext } from './routes';
import type { ConversionNote, ConvertOptions, ConvertResult, Json } from './types';

function unmodelled(ing: Ingress, nginx: boolean): string[] {
  const keys = Object.keys(ing.annotations).filter((k) => k.startsWith(NGINX_PREFIX));
  if (!nginx) return keys.length ? [`${keys.length} nginx.ingress.kubernetes.io/* annotation${keys.length === 1 ? '' : 's'} ignored: the spec-only profile does not apply them`] : [];
  const rest = keys.map((k) => k.slice(NGINX_PREFIX.length)).filter((k) => !MODELLED.has(k));
  return rest.length ? [`not converted (no Gateway API Standard equivalent modelled): ${rest.join(', ')}`] : [];
}

export function convertIngresses(ingresses: readonly Ingress[], services: readonly Service[], opts: ConvertOptions): ConvertResult {
  const sorted = [...ingresses].sort((a, b) => compareIngresses(a, b));
  const notes: ConversionNote[] = [];
  const push = (n: ConversionNote) => {
    if (!notes.some((m) => m.ingress === n.ingress && m.message === n.message)) notes.push(n);
  };
  const gwNs = opts.gatewayNamespace ?? sorted[0]?.namespace ?? 'default';
  const ctx: RouteContext = {
    services, nginx: opts.nginx, opts, gatewayNamespace: gwNs, all: sorted,
    canaries: opts.nginx ? sorted.filter(isCanary) : [],
    warn: (ing, message) => push({ ingress: ingressRef(ing), severity: 'warning', message }),
  };
  const routes: Json[] = [];
  const uses: HostUse[] = [];
  const routesOf = new Map<string, string[]>();
  for (const ing of sorted) {
    unmodelled(ing, opts.nginx).forEach((message) => push({ ingress: ingressRef(ing), severity: 'info', message }));
    if (ctx.canaries.includes(ing)) {
      push({ ingress: ingressRef(ing), severity: 'info', message: 'canary Ingress: merged into the routes of the Ingress with the same host and path' });
      continue;
    }
    const r = ingressRoutes(ing, ctx);
    for (const h of r.hosts.filter((x) => x.host.startsWith('*.'))) ctx.warn(ing, `host ${h.host}: an Ingress wildcard matches exactly one label, a Gateway API hostname wildcard one or more (a.b${h.host.slice(1)} is routed after conversion)`);
    routes.push(...r.routes);
    uses.push(...r.hosts.map((h) => ({ ...h, namespace: ing.namespace })));
    routesOf.set(ingressRef(ing), r.routes.map((o) => `${ing.namespace}/${(o.metadata as { name: string }).name}`));
  }
  const gateway = gatewayObject(uses, sorted, opts, gwNs, (message) => push({ ingress: `Gateway ${gwNs}/${opts.gatewayName}`, severity: 'warning', message }));
  return { routes, gateway, notes, routesOf };
}
