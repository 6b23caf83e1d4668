// What the stand-in serves: resources by group/version/plural, and the discovery documents
// client-node and kubectl ask for.
export interface StandInResource { plural: string; kind: string; group: string; version: string; namespaced: boolean }

export const STANDIN_RESOURCES: readonly StandInResource[] = [
  { plural: 'namespaces', kind: 'Namespace', group: '', version: 'v1', namespaced: false },
  { plural: 'services', kind: 'Service', group: '', version: 'v1', namespaced: true },
  { plural: 'pods', kind: 'Pod', group: '', version: 'v1', namespaced: true },
  { plural: 'secrets', kind: 'Secret', group: '', version: 'v1', namespaced: true },
  { plural: 'endpointslices', kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', namespaced: true },
  { plural: 'ingresses', kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', namespaced: true },
  { plural: 'ingressclasses', kind: 'IngressClass', group: 'networking.k8s.io', version: 'v1', namespaced: false },
];

export function findResource(group: string, version: string, plural: string): StandInResource | undefined {
  return STANDIN_RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

export function apiVersionOf(r: StandInResource): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

/** Discovery: /api, /apis, /api/v1, /apis/GROUP/VERSION. Undefined for other paths. */
export function discovery(parts: string[]): unknown {
  if (parts.length === 1 && parts[0] === 'api') {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
  }
  if (parts.length === 1 && parts[0] === 'apis') {
    const groups = [...new Set(STANDIN_RESOURCES.filter((r) => r.group).map((r) => r.group))];
    return {
      kind: 'APIGroupList', apiVersion: 'v1',
      groups: groups.map((name) => ({ name, versions: [{ groupVersion: `${name}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' } })),
    };
  }
  const gv = parts[0] === 'api' && parts.length === 2 ? { group: '', version: parts[1]! }
    : parts[0] === 'apis' && parts.length === 3 ? { group: parts[1]!, version: parts[2]! } : undefined;
  if (!gv) return undefined;
  const resources = STANDIN_RESOURCES.filter((r) => r.group === gv.group && r.version === gv.version);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(resources[0]!),
    resources: resources.map((r) => ({ name: r.plural, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: VERBS })),
  };
}
