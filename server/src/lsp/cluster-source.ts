// How the language server sees a cluster: a ClusterSource yields the live objects (layered
// under the workspace's), the live facts (endpoints, pods) and status events. The server never
// waits on it: without a cluster, or while it connects, local checks run as usual.
import type { Duplex } from 'node:stream';
import type { ApiResponse } from '../cluster/http';
import type { PodPort } from '../cluster/port-forward';
import type { Finding } from '../ingress/findings';
import type { KObject } from '../ingress/model';
import type { ClusterStatusParams } from '../protocol';

export type { ClusterView } from '../engine/index';
import type { ClusterView } from '../engine/index';

/** Requests to the live API server (only a live cluster has them; snapshots do not). */
export interface ClusterApi {
  /** GET of an API path (`/api/v1/namespaces/NS/services/NAME`, `/openapi/v3`...). Rejects on transport errors. */
  get(path: string): Promise<ApiResponse>;
  /** Server-side dry run (dryRun=All) of Ingresses/IngressClasses; transport failures come back as notes. */
  dryRun(objects: readonly KObject[]): Promise<{ findings: Finding[]; notes: string[] }>;
  /** A stream to a pod's port through the API server's port-forward (the editor's proxy reaches pods with it). */
  connectPod?(target: PodPort): Promise<Duplex>;
}

export interface ClusterSource {
  /** Present while the source can talk to an API server. */
  readonly api?: ClusterApi;
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
