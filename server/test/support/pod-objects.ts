// Cluster objects for tests of Services and their pods: a Service with one named port and an
// EndpointSlice listing ready and not-ready pods (as the endpoints controller writes them, the
// container port already resolved from targetPort).
import type { Obj } from './k8s-standin/store';

/** Service `name`: port 80 named `http` → targetPort (a container port number or name). */
export function serviceObject(name: string, targetPort: number | string = 8080): Obj {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort }] } };
}

/** The EndpointSlice of Service `service`: port `http` is container port 8080 on every pod. */
export function sliceObject(service: string, ready: string[], notReady: string[] = []): Obj {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: `${service}-x`, labels: { 'kubernetes.io/service-name': service } },
    ports: [{ name: 'http', port: 8080 }],
    endpoints: [...ready.map((n) => ({ n, ready: true })), ...notReady.map((n) => ({ n, ready: false }))]
      .map(({ n, ready }, i) => ({ addresses: [`10.0.0.${i + 1}`], conditions: { ready }, targetRef: { kind: 'Pod', name: n } })),
  };
}
