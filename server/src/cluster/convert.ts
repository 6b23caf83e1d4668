// Turns API objects (plain JSON from a list, a watch event or a snapshot) into the model's
// typed views, after dropping what must never be kept: Secret values other than tls.crt,
// the last-applied-configuration annotation (it may embed a whole Secret) and managedFields.
import { objectsFromRoot, type KObject, type KnownKind } from '../ingress/model';
import { EMPTY_SPAN, fromJson, type SMap } from '../ingress/source';

type Json = Record<string, unknown>;

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const KEEP_SECRET_VALUES = new Set(['tls.crt']);

/** A copy of an API object safe to keep in memory and show: no secret values, no last-applied copy. */
export function sanitize<T>(obj: T): T {
  if (!obj || typeof obj !== 'object') return obj;
  const o = { ...(obj as Json) };
  if (o.metadata && typeof o.metadata === 'object') {
    const meta = { ...(o.metadata as Json) };
    delete meta.managedFields;
    if (meta.annotations && typeof meta.annotations === 'object') {
      const ann = { ...(meta.annotations as Json) };
      delete ann[LAST_APPLIED];
      meta.annotations = ann;
    }
    o.metadata = meta;
  }
  if (o.kind === 'Secret' || 'data' in o || 'stringData' in o) {
    for (const field of ['data', 'stringData']) {
      const d = o[field];
      if (!d || typeof d !== 'object') continue;
      o[field] = Object.fromEntries(Object.keys(d).map((k) => [k, KEEP_SECRET_VALUES.has(k) ? (d as Json)[k] : '']));
    }
  }
  return o as T;
}

/**
 * What an informer keeps of an object of this kind: sanitized, and for Pods only what the
 * checks and the route tree read (name, labels, phase, readiness, IP): a real Pod's spec and
 * status are many kilobytes.
 */
export function slim<T>(kind: string, obj: T): T {
  const o = sanitize(obj) as Json;
  if (kind !== 'Pod' || !o) return o as T;
  const meta = (o.metadata ?? {}) as Json;
  const status = (o.status ?? {}) as Json;
  const ready = Array.isArray(status.conditions) ? (status.conditions as Json[]).filter((c) => c.type === 'Ready') : undefined;
  return {
    apiVersion: o.apiVersion, kind: o.kind,
    metadata: { name: meta.name, namespace: meta.namespace, uid: meta.uid, resourceVersion: meta.resourceVersion, labels: meta.labels, creationTimestamp: meta.creationTimestamp },
    status: { phase: status.phase, podIP: status.podIP, conditions: ready },
  } as T;
}

/** The model view of one API object (undefined for kinds the model does not know). */
export function toKObject(obj: unknown, kind: KnownKind, uri: string): KObject | undefined {
  const clean = sanitize({ ...(obj as Json), kind: (obj as Json).kind ?? kind }) as Json;
  if (!clean.apiVersion) clean.apiVersion = kind === 'Service' || kind === 'Secret' ? 'v1' : 'networking.k8s.io/v1';
  const root = fromJson(clean) as SMap;
  return objectsFromRoot(root, uri, 0, EMPTY_SPAN, { defaultNamespace: 'default', origin: 'cluster' })[0];
}

/** A stable pseudo-URI for a live object: it has no file. */
export function clusterUri(source: string, kind: string, namespace: string | undefined, name: string): string {
  return `k8s://${encodeURIComponent(source)}/${kind}/${namespace ? `${namespace}/` : ''}${name}`;
}
