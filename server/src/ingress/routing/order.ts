// Precedence between Ingresses where the spec leaves it open (the same host and path in two
// Ingresses). We follow ingress-nginx: the oldest creationTimestamp wins, then the lower
// namespace/name. An Ingress without a creationTimestamp (a workspace file not yet applied)
// counts as newer than every created one, unless the caller knows better: a workspace copy
// of a live Ingress keeps the live creationTimestamp when applied (see CreatedAt). No I/O.
import type { Ingress } from '../model';

/** The creationTimestamp an Ingress has (or will keep once applied). */
export type CreatedAt = (ing: Ingress) => string | undefined;

export const ownCreationTimestamp: CreatedAt = (ing) => ing.creationTimestamp;

function time(ts: string | undefined): number {
  const t = ts ? Date.parse(ts) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

export function ingressRef(ing: Pick<Ingress, 'namespace' | 'name'>): string {
  return `${ing.namespace}/${ing.name}`;
}

/** Negative when a takes precedence over b. */
export function compareIngresses(a: Ingress, b: Ingress, created: CreatedAt = ownCreationTimestamp): number {
  const ta = time(created(a));
  const tb = time(created(b));
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ra = ingressRef(a);
  const rb = ingressRef(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.uri.localeCompare(b.uri) || a.docIndex - b.docIndex;
}

/** Why a beats b, in words (a must precede b). */
export function whyIngressWins(a: Ingress, b: Ingress, created: CreatedAt = ownCreationTimestamp): string {
  if (a === b) return 'earlier in the same Ingress';
  const ta = time(created(a));
  const tb = time(created(b));
  if (ta !== tb) {
    return tb === Number.POSITIVE_INFINITY
      ? `oldest wins: Ingress ${ingressRef(a)} was created ${created(a)}, ${ingressRef(b)} is not created yet`
      : `oldest wins: Ingress ${ingressRef(a)} was created ${created(a)}, ${ingressRef(b)} ${created(b)}`;
  }
  if (ingressRef(a) !== ingressRef(b)) {
    const same = ta === Number.POSITIVE_INFINITY ? 'neither is created yet' : 'same creationTimestamp';
    return `${same}: Ingress ${ingressRef(a)} sorts before ${ingressRef(b)} by namespace/name`;
  }
  return `Ingress ${ingressRef(a)} is defined twice: the first definition wins`;
}
