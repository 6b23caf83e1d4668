// The API resources Ingress Lab watches, and how a watch failure is classified.
import type { KnownKind } from '../ingress/model';
import { CredentialError, TransportError } from './http';
import { networkMessage } from './net-errors';

export type WatchedKind = KnownKind | 'Pod' | 'EndpointSlice';

export interface ResourceDef {
  kind: WatchedKind;
  plural: string;
  /** `/api/v1` or `/apis/GROUP/VERSION`. */
  api: string;
  namespaced: boolean;
  /** Server-side filter, e.g. only Secrets of type kubernetes.io/tls. */
  fieldSelector?: string;
}

export const RESOURCES: readonly ResourceDef[] = [
  { kind: 'Service', plural: 'services', api: '/api/v1', namespaced: true },
  { kind: 'EndpointSlice', plural: 'endpointslices', api: '/apis/discovery.k8s.io/v1', namespaced: true },
  { kind: 'Pod', plural: 'pods', api: '/api/v1', namespaced: true },
  { kind: 'IngressClass', plural: 'ingressclasses', api: '/apis/networking.k8s.io/v1', namespaced: false },
  { kind: 'Ingress', plural: 'ingresses', api: '/apis/networking.k8s.io/v1', namespaced: true },
  { kind: 'Secret', plural: 'secrets', api: '/api/v1', namespaced: true, fieldSelector: 'type=kubernetes.io/tls' },
];

export function resourcePath(def: ResourceDef, namespace?: string): string {
  return namespace && def.namespaced ? `${def.api}/namespaces/${namespace}/${def.plural}` : `${def.api}/${def.plural}`;
}

export type Failure =
  | { kind: 'unauthorized'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'other'; message: string };

/** An HTTP error from a list or watch, as thrown by apiRequest callers and client-node's Watch. */
export class HttpStatusError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

export function classify(e: unknown): Failure {
  if (e instanceof TransportError) return { kind: 'unreachable', message: e.message };
  if (e instanceof CredentialError) return { kind: 'unauthorized', message: e.message };
  const err = e as { statusCode?: number; message?: string; cause?: { code?: string } };
  if (err?.statusCode === 401) return { kind: 'unauthorized', message: err.message ?? 'Unauthorized' };
  if (err?.statusCode === 403) return { kind: 'forbidden', message: err.message ?? 'Forbidden' };
  if (err?.statusCode) return { kind: 'other', message: `HTTP ${err.statusCode}: ${err.message ?? ''}` };
  // client-node's Watch hands over undici's errors: `fetch failed` with a cause code.
  const code = err?.cause?.code ?? (err as { code?: string })?.code;
  return { kind: 'unreachable', message: code ? networkMessage(code) : err?.message ?? String(e) };
}
