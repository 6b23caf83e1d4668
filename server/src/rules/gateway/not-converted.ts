// What the converter could not carry over from an Ingress (or carried over with a change), as
// its per-Ingress report says it, shown on the editor's Gateway API preview at the HTTPRoute
// converted from that Ingress.
import type { ReportedRule } from '../rule';

export const notConverted: ReportedRule = {
  id: 'gateway/not-converted',
  description: 'Something of an Ingress that has no Gateway API Standard equivalent, or converts with a change (the converter\'s per-Ingress report), shown on the HTTPRoute converted from it.',
  severity: 'info',
  scope: 'reported',
  reportedBy: 'the Ingress → Gateway API converter (ingress-lab convert)',
};
