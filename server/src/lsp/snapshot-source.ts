// A ClusterSource read from a snapshot file (YAML of objects as `kubectl get -o yaml` writes
// them, EndpointSlices and Pods included): the cluster stand-in for tests and demos.
import { parseManifest } from '../ingress/documents';
import { extractObjects } from '../ingress/model';
import { asMap, asSeq, get, getIn, str, type SNode } from '../ingress/source';
import { ClusterObjects } from '../ingress/store';
import type { ClusterFacts } from '../rules/rule';
import type { ClusterSource } from './cluster-source';

interface PodInfo { namespace: string; labels: Record<string, string>; ready: boolean }

function labelsOf(root: SNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of asMap(getIn(root, 'metadata', 'labels'))?.entries ?? []) out[e.key] = String(str(e.value) ?? '');
  return out;
}

function endpointCounts(roots: SNode[], namespaceOf: (r: SNode) => string) {
  const counts = new Map<string, { ready: number; total: number }>();
  for (const r of roots.filter((x) => str(get(x, 'kind')) === 'EndpointSlice')) {
    const svc = labelsOf(r)['kubernetes.io/service-name'];
    if (!svc) continue;
    const key = `${namespaceOf(r)}/${svc}`;
    const c = counts.get(key) ?? { ready: 0, total: 0 };
    for (const ep of asSeq(get(r, 'endpoints'))?.items ?? []) {
      c.total++;
      const ready = getIn(ep, 'conditions', 'ready');
      if (ready?.kind !== 'scalar' || ready.value !== false) c.ready++;
    }
    counts.set(key, c);
  }
  return counts;
}

function podsOf(roots: SNode[], namespaceOf: (r: SNode) => string): PodInfo[] {
  return roots.filter((r) => str(get(r, 'kind')) === 'Pod').map((r) => {
    const conds = asSeq(getIn(r, 'status', 'conditions'))?.items ?? [];
    const ready = conds.some((c) => str(get(c, 'type')) === 'Ready' && str(get(c, 'status')) === 'True');
    return { namespace: namespaceOf(r), labels: labelsOf(r), ready };
  });
}

/** Builds the source from the snapshot's text (read by the caller). */
export function snapshotSource(name: string, text: string, defaultNamespace: string): ClusterSource {
  const file = parseManifest(`snapshot:${name}`, text);
  const objects = new ClusterObjects();
  for (const o of extractObjects(file, { defaultNamespace, origin: 'cluster' })) objects.upsert(o);
  const roots = file.documents.flatMap((d) => {
    const items = asSeq(get(d.root, 'items'))?.items;
    return items ?? (d.root ? [d.root] : []);
  });
  const namespaceOf = (r: SNode) => str(getIn(r, 'metadata', 'namespace')) ?? defaultNamespace;
  const counts = endpointCounts(roots, namespaceOf);
  const pods = podsOf(roots, namespaceOf);
  const facts: ClusterFacts = {
    source: name,
    endpoints: (ns, svc) => counts.get(`${ns}/${svc}`),
    podsMatching: (ns, selector) => pods.filter((p) => p.namespace === ns
      && Object.entries(selector).every(([k, v]) => p.labels[k] === v)).length,
    unavailable: new Set(),
  };
  const status = { state: 'connected' as const, source: name, message: `Cluster objects from snapshot ${name}.` };
  return {
    status: () => status,
    current: () => ({ objects, facts }),
    onDidChange: () => () => undefined,
    onDidChangeStatus: () => () => undefined,
    dispose: () => undefined,
  };
}
