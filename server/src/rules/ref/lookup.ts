// Shared wording for reference rules: where an object was looked for (workspace only, or
// workspace and cluster) and where a found object came from. Rule ids are the same with and
// without a cluster; only the message says which sources were consulted.
import type { KnownKind, KObject, Ingress, IngressBackend, Service, ServiceBackendRef } from '../../ingress/model';
import type { RuleContext } from '../rule';

const PLURAL: Record<string, string> = {
  Service: 'Services', Secret: 'Secrets', IngressClass: 'IngressClasses', Ingress: 'Ingresses',
};

/** True when the cluster (or snapshot) can tell us about objects of this kind. */
export function clusterKnows(ctx: RuleContext, kind: KnownKind): boolean {
  return !!ctx.cluster && !ctx.cluster.unavailable.has(kind);
}

/** "(looked in the workspace only: no cluster connected)" and its variants. */
export function lookedIn(ctx: RuleContext, kind: KnownKind): string {
  if (!ctx.cluster) return 'looked in the workspace only: no cluster connected';
  if (ctx.cluster.unavailable.has(kind)) {
    return `looked in the workspace only: ${PLURAL[kind] ?? kind} are not available from ${ctx.cluster.source}`;
  }
  return `looked in the workspace and in ${ctx.cluster.source}`;
}

/** "workspace" or "cluster, context kind-dev": where the object a rule used was found. */
export function foundIn(obj: KObject, ctx: RuleContext): string {
  if (obj.origin === 'workspace') return 'from the workspace';
  return ctx.cluster ? `from ${ctx.cluster.source}` : 'from the cluster';
}

export interface BackendRef {
  backend: IngressBackend;
  service: ServiceBackendRef & { name: NonNullable<ServiceBackendRef['name']> };
}

/** Every service backend of an Ingress (defaultBackend first, then each rule path) that names a Service. */
function serviceBackends(ing: Ingress): BackendRef[] {
  const all: (IngressBackend | undefined)[] = [ing.defaultBackend, ...ing.rules.flatMap((r) => r.paths.map((p) => p.backend))];
  const out: BackendRef[] = [];
  for (const b of all) {
    const name = b?.service?.name;
    if (b && name && name.value) out.push({ backend: b, service: { ...b.service!, name } });
  }
  return out;
}

/** Each named service backend with the Service it resolves to in the Ingress's namespace (workspace first), if any. */
export function resolvedBackends(ing: Ingress, ctx: RuleContext): (BackendRef & { svc: Service | undefined })[] {
  return serviceBackends(ing).map((b) => ({ ...b, svc: ctx.store.find('Service', ing.namespace, b.service.name.value)[0] }));
}

/** The port as the user wrote it: `80` or `http`. */
export function portLabel(ref: ServiceBackendRef): string | undefined {
  if (ref.portNumber) return String(ref.portNumber.value);
  if (ref.portName) return ref.portName.value;
  return undefined;
}
