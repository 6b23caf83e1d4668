// Authentication is client-node's: an exec credential plugin (as cloud CLIs use) works for
// the probe, the lists and the watches alike. Stand-in only (the plugin prints its token).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKubeconfig } from '../../src/cluster/kubeconfig';
import { ClusterState } from '../../src/cluster/state';
import { openTarget, readFixtureObjects, type ClusterTarget } from '../support/cluster-target';

const dir = mkdtempSync(join(tmpdir(), 'ilab-exec-'));
let target: ClusterTarget | undefined;
let state: ClusterState | undefined;

after(async () => {
  state?.stop();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an exec credential plugin authenticates every request', async (t) => {
  target = await openTarget();
  if (!target.standIn) return t.skip('needs the API stand-in');
  await target.apply(readFixtureObjects('cluster', 'base.yaml'));
  const plugin = join(dir, 'credential.js');
  writeFileSync(plugin, `process.stdout.write(JSON.stringify({apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: {token: process.env.STANDIN_TOKEN}}));\n`);
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, target.standIn.kubeconfig({ namespace: target.namespace, exec: { command: process.execPath, args: [plugin] } }));
  const loaded = loadKubeconfig({ env: { KUBECONFIG: kubeconfig } });
  assert.ok(loaded.ok);
  state = new ClusterState(loaded.config, { namespace: target.namespace });
  const status = await state.start();
  assert.equal(status.state, 'connected');
  assert.equal(state.objects.list('Service', target.namespace).length, 3);
  assert.ok(target.standIn.openWatches >= 6, 'every informer watches with the plugin\'s token');
});
