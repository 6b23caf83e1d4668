// A ClusterSource over the cluster module's ClusterState (kubeconfig + informers). Starting it
// never blocks: status events say when objects arrive; until then checks use the workspace.
import { dryRunObjects } from '../cluster/dry-run';
import { apiRequest } from '../cluster/http';
import { loadKubeconfig } from '../cluster/kubeconfig';
import { PortForwarder } from '../cluster/port-forward';
import { ClusterState } from '../cluster/state';
import { describeStatus, type ClusterStatus } from '../cluster/status';
import type { ClusterStatusParams } from '../protocol';
import { noCluster, type ClusterSource } from './cluster-source';

export function toStatusParams(s: ClusterStatus): ClusterStatusParams {
  const message = describeStatus(s);
  const source = 'context' in s ? `context ${s.context}` : undefined;
  switch (s.state) {
    case 'off': return { state: 'disabled', message };
    case 'connecting': return { state: 'connecting', source, message };
    case 'connected': return { state: 'connected', source, message };
    case 'unauthorized': return { state: 'unauthorized', source, message };
    default: return { state: 'unreachable', source, message };
  }
}

export function liveClusterSource(context: string, log: (m: string) => void): ClusterSource {
  const loaded = loadKubeconfig(context ? { context } : {});
  if (!loaded.ok) return noCluster(describeStatus(loaded.status), toStatusParams(loaded.status).state);
  // retry: a cluster that is unreachable when the editor starts is connected to once it is up.
  const state = new ClusterState(loaded.config, { retry: true });
  const statusListeners = new Set<(s: ClusterStatusParams) => void>();
  const changeListeners = new Set<(keys?: string[]) => void>();
  state.onStatus((s) => {
    const params = toStatusParams(s);
    statusListeners.forEach((l) => l(params));
    if (s.state === 'connected') changeListeners.forEach((l) => l());
  });
  state.onChange((keys) => changeListeners.forEach((l) => l(keys)));
  state.start().catch((e: unknown) => log(`cluster start failed: ${(e as Error)?.message ?? e}`));
  const kc = loaded.config.kc;
  const forwarder = new PortForwarder(kc);
  return {
    api: {
      get: (path) => apiRequest(kc, path, { timeoutMs: 10_000 }),
      dryRun: (objects) => dryRunObjects(kc, objects, 10_000),
      connectPod: (target) => forwarder.connect(target),
    },
    status: () => toStatusParams(state.status),
    current: () => (state.status.state === 'connected' ? { objects: state.objects, facts: state.facts } : {}),
    onDidChange: (l) => { changeListeners.add(l); return () => changeListeners.delete(l); },
    onDidChangeStatus: (l) => { statusListeners.add(l); return () => statusListeners.delete(l); },
    dispose: () => state.stop(),
  };
}
