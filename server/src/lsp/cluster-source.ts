// How the language server sees a cluster: a ClusterSource yields the live objects (layered
// under the workspace's), the live facts (endpoints, pods) and status events. The server never
// waits on it: without a cluster, or while it connects, local checks run as usual.
import type { ObjectStore } from '../ingress/store';
import type { ClusterStatusParams } from '../protocol';
import type { ClusterFacts } from '../rules/rule';

export interface ClusterView {
  objects?: ObjectStore;
  facts?: ClusterFacts;
}

export interface ClusterSource {
  status(): ClusterStatusParams;
  current(): ClusterView;
  /** Objects or facts changed; keys (`Kind/ns/name`) when known, else everything may have. */
  onDidChange(listener: (keys?: string[]) => void): () => void;
  onDidChangeStatus(listener: (status: ClusterStatusParams) => void): () => void;
  dispose(): void;
}

/** No cluster: what the server uses when `ingressLab.cluster.enabled` is false. */
export function noCluster(message = 'Cluster access is off (ingressLab.cluster.enabled).', state: ClusterStatusParams['state'] = 'disabled'): ClusterSource {
  return {
    status: () => ({ state, message }),
    current: () => ({}),
    onDidChange: () => () => undefined,
    onDidChangeStatus: () => () => undefined,
    dispose: () => undefined,
  };
}
