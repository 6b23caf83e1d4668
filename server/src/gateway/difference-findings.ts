// The equivalence check and the converter's report as findings on the converted HTTPRoutes, so
// the editor can show each one where it belongs: a request routed differently on the HTTPRoute
// match that answers it (on the hostnames of the routes serving its host when no rule matches,
// else on the routes converted from the Ingress it was generated from), its message in the words
// of `convert --check`, with the Ingress path it came from as related location; the per-Ingress
// report on the first HTTPRoute converted from that Ingress (a note about an Ingress that
// became no route stays in the preview's comment block). No I/O.
import type { Finding } from '../ingress/findings';
import { asMap, get, type Span } from '../ingress/source';
import { CONVERTED_FROM, type ConversionNote } from './convert/types';
import { differenceRow, type Difference } from './equivalence';
import type { GatewayObject, HTTPRoute } from './model';
import { notConverted } from '../rules/gateway/not-converted';
import { routeDiffers } from '../rules/gateway/route-differs';

/** The Ingress ("namespace/name") a Gateway API object was converted from, by the converter's annotation on an HTTPRoute. */
export function convertedFrom(o: GatewayObject): string | undefined {
  return o.kind === 'HTTPRoute' ? o.annotations[CONVERTED_FROM] : undefined;
}

/** spec.hostnames of a route, else its metadata.name, else the whole object. */
function routeSpan(r: HTTPRoute): Span {
  const spec = asMap(get(r.root, 'spec'));
  return get(spec, 'hostnames')?.span ?? get(get(r.root, 'metadata'), 'name')?.span ?? r.span;
}

function placeDifference(d: Difference, routes: readonly HTTPRoute[]): { route: HTTPRoute; span: Span; field?: string } | undefined {
  const e = d.gatewayEntry;
  if (e) {
    const node = e.match.node ?? e.rule.node;
    return { route: e.route, span: node.span, field: node.path };
  }
  const route = d.gatewayRoutes[0] ?? routes.find((r) => d.origin && convertedFrom(r) === d.origin.ref);
  return route && { route, span: routeSpan(route) };
}

/** One finding per difference, on the converted route that answers (or should answer) it; differences with no route to sit on are left out. */
export function differenceFindings(diffs: readonly Difference[], routes: readonly HTTPRoute[], profileId: string): Finding[] {
  return diffs.flatMap((d): Finding[] => {
    const at = placeDifference(d, routes);
    if (!at) return [];
    const [req, ingress, gateway, why] = differenceRow(d);
    const o = d.origin;
    return [{
      ruleId: routeDiffers.id, severity: routeDiffers.severity, uri: at.route.uri, span: at.span, field: at.field,
      object: `HTTPRoute ${at.route.namespace}/${at.route.name}`,
      message: `${req} is routed differently: Ingress (${profileId}) → ${ingress}; Gateway API → ${gateway}: ${why}`,
      ...(o ? { related: [{ uri: o.ingress.uri, span: o.node.span, message: `the path it was generated from: ${o.pathType ?? 'no pathType'} ${o.path || '(none)'} of Ingress ${o.ref}` }] } : {}),
    }];
  });
}

/** The converter's per-Ingress report, one Information finding per note on the first route converted from that Ingress. */
export function noteFindings(notes: readonly ConversionNote[], routes: readonly HTTPRoute[]): Finding[] {
  return notes.flatMap((n): Finding[] => {
    const route = routes.find((r) => convertedFrom(r) === n.ingress);
    if (!route) return [];
    const name = get(get(route.root, 'metadata'), 'name');
    return [{
      ruleId: notConverted.id, severity: notConverted.severity, uri: route.uri, span: name?.span ?? route.span,
      object: `HTTPRoute ${route.namespace}/${route.name}`, message: `Ingress ${n.ingress}: ${n.message}`,
    }];
  });
}
