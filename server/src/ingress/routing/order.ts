// Precedence between Ingresses where the spec leaves it open (the same host and path in two
// Ingresses). We follow ingress-nginx: the oldest creationTimestamp wins, then the lower
// namespace/name. An Ingress without a creationTimestamp (a workspace file not yet applied)
// counts as newer than every created one. No I/O.
import type { Ingress } from '../model';

function createdAt(ing: Ingress): number {
  const t = ing.creationTimestamp ? Date.parse(ing.creationTimestamp) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

export function ingressRef(ing: Pick<Ingress, 'namespace' | 'name'>): string {
  return `${ing.namespace}/${ing.name}`;
}

/** Negative when a takes precedence over b. */
export function compareIngresses(a: Ingress, b: Ingress): number {
  const ta = createdAt(a);
  const tb = createdAt(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ra = ingressRef(a);
  const rb = ingressRef(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.uri.localeCompare(b.uri) || a.docIndex - b.docIndex;
}

/** Why a beats b, in words (a must precede b). */
export function whyIngressWins(a: Ingress, b: Ingress): string {
  if (a === b) return 'earlier in the same Ingress';
  const ta = createdAt(a);
  const tb = createdAt(b);
  if (ta !== tb) {
    return tb === Number.POSITIVE_INFINITY
      ? `oldest wins: Ingress ${ingressRef(a)} was created ${a.creationTimestamp}, ${ingressRef(b)} is not created yet`
      : `oldest wins: Ingress ${ingressRef(a)} was created ${a.creationTimestamp}, ${ingressRef(b)} ${b.creationTimestamp}`;
  }
  if (ingressRef(a) !== ingressRef(b)) {
    return `same creationTimestamp: Ingress ${ingressRef(a)} sorts before ${ingressRef(b)} by namespace/name`;
  }
  return `Ingress ${ingressRef(a)} is defined twice: the first definition wins`;
}
