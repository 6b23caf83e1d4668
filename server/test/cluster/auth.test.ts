// Authentication is client-node's: an exec credential plugin (as cloud CLIs use) works for
// the probe, the lists and the watches alike. Stand-in only (the plugin prints its token).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKubeconfig } from '../../src/cluster/kubeconfig';
import { ClusterState } from '../../src/cluster/state';
import { describeStatus } from '../../src/cluster/status';
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

test('an exec plugin that cannot run: status unauthorized, one line, no plugin output', async (t) => {
  const target2 = await openTarget();
  try {
    if (!target2.standIn) return t.skip('needs the API stand-in');
    const plugin = join(dir, 'failing.js');
    writeFileSync(plugin, `process.stderr.write('token=leaked-secret\\n'); process.exit(3);\n`);
    const kubeconfig = join(dir, 'kubeconfig-failing');
    writeFileSync(kubeconfig, target2.standIn.kubeconfig({ exec: { command: process.execPath, args: [plugin] } }));
    const loaded = loadKubeconfig({ env: { KUBECONFIG: kubeconfig } });
    assert.ok(loaded.ok);
    const s = new ClusterState(loaded.config);
    const status = await s.start();
    s.stop();
    assert.equal(status.state, 'unauthorized');
    const line = describeStatus(status);
    assert.match(line, /cannot authenticate: the kubeconfig user.s credential plugin or auth provider failed/);
    assert.ok(!line.includes('leaked-secret'), line);
    assert.ok(!line.includes('\n'));
  } finally {
    await target2.close();
  }
});
