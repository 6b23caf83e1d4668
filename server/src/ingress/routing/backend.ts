// Backends as the CLI and the route tree show them: the networking.k8s.io/v1 JSON shape
// (legacy serviceName/servicePort converted), a short label, and an identity key. No I/O.
import type { IngressBackend } from '../model';

export type BackendJson =
  | { service: { name: string | null; port: { number: number } | { name: string } | null } }
  | { resource: { apiGroup: string | null; kind: string | null; name: string | null } }
  | null;

export function backendJson(b: IngressBackend | undefined): BackendJson {
  if (b?.service) {
    const s = b.service;
    const port = s.portNumber ? { number: s.portNumber.value } : s.portName ? { name: s.portName.value } : null;
    return { service: { name: s.name?.value ?? null, port } };
  }
  if (b?.resource) {
    const r = b.resource;
    return { resource: { apiGroup: r.apiGroup?.value ?? null, kind: r.kind?.value ?? null, name: r.name?.value ?? null } };
  }
  return null;
}

/** "service web:80", "service web:http", "resource StorageBucket static", "no backend". */
export function backendLabel(b: IngressBackend | undefined): string {
  const j = backendJson(b);
  if (!j) return 'no backend';
  if ('service' in j) {
    const port = j.service.port ? ('number' in j.service.port ? j.service.port.number : j.service.port.name) : '?';
    return `service ${j.service.name ?? '?'}:${port}`;
  }
  return `resource ${j.resource.apiGroup ? `${j.resource.apiGroup}/` : ''}${j.resource.kind ?? '?'} ${j.resource.name ?? '?'}`;
}

/** Two backends with the same key send traffic to the same place. */
export function backendKey(b: IngressBackend | undefined): string {
  return JSON.stringify(backendJson(b));
}
