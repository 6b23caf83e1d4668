// LSP-level: a cluster that is down when the language server starts is connected to once it
// comes up (ClusterState's retry), without restarting the server. Stand-in only.
import { test } from 'node:test';
import type { ClusterStatusParams } from '../../src/protocol';
import { openTarget, readFixtureObjects } from '../support/cluster-target';
import { TestClient } from './lsp-client';

const STATUS = 'ingressLab/clusterStatus';

test('an API server that is down at start is connected to when it comes up', { timeout: 30_000 }, async (t) => {
  const target = await openTarget();
  const standIn = target.standIn;
  if (!standIn) {
    await target.close();
    return t.skip('needs the API stand-in to stop and start it');
  }
  await target.apply(readFixtureObjects('cluster', 'base.yaml'));
  await standIn.stop();
  const client = new TestClient({ env: { KUBECONFIG: target.kubeconfigPath }, settings: { defaultNamespace: target.namespace, cluster: { enabled: true } } });
  try {
    await client.initialize();
    await client.waitForNotification<ClusterStatusParams>(STATUS, (s) => s.state === 'unreachable');
    await standIn.start(standIn.port);
    await client.waitForNotification<ClusterStatusParams>(STATUS, (s) => s.state === 'connected');
  } finally {
    await client.stop();
    await target.close();
  }
});
