// A converted HTTPRoute that sends a request somewhere other than the Ingress it was converted
// from. Reported by the equivalence check (gateway/equivalence.ts) wherever converted routes are
// shown: on the editor's Gateway API preview, and on workspace HTTPRoutes that carry the
// converter's `ingress-lab.github.io/converted-from` annotation (engine/gateway-routes.ts).
import type { ReportedRule } from '../rule';

export const routeDiffers: ReportedRule = {
  id: 'gateway/route-differs',
  description: 'A request the converted HTTPRoutes route differently from the Ingress they were converted from (another status, Service, port, weight, rewritten path or redirect), with both answers and why; shown on the HTTPRoute match that answers it.',
  severity: 'warning',
  scope: 'reported',
  reportedBy: 'the conversion equivalence check (ingress-lab convert --check)',
};
