// Authentication is client-node's: an exec credential plugin (as cloud CLIs use) works for
// the probe, the lists and the watches alike. Stand-in only (the plugin prints its token).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKubeconfig } from '../../src/cluster/kubeconfig';
import { PortForwarder } from '../../src/cluster/port-forward';
import { ClusterState } from '../../src/cluster/state';
import { describeStatus } from '../../src/cluster/status';
import { openTarget, readFixtureObjects, waitFor, type ClusterTarget } from '../support/cluster-target';

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

test('an exec plugin that cannot run: status unauthorized, one line, no plugin output; port-forward refuses alike', async (t) => {
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
    await assert.rejects(new PortForwarder(loaded.config.kc).connect({ namespace: 'default', pod: 'p', port: 80 }),
      (e: Error) => !e.message.includes('leaked-secret') && /credential plugin or auth provider failed/.test(e.message));
    assert.equal(status.state, 'unauthorized');
    const line = describeStatus(status);
    assert.match(line, /cannot authenticate: the kubeconfig user.s credential plugin or auth provider failed/);
    assert.ok(!line.includes('leaked-secret'), line);
    assert.ok(!line.includes('\n'));
  } finally {
    await target2.close();
  }
});

test('credentials that stop working mid-session: unauthorized (no crash), connected again once they work', async (t) => {
  const target3 = await openTarget();
  let s: ClusterState | undefined;
  try {
    if (!target3.standIn) return t.skip('needs the API stand-in');
    const standIn = target3.standIn;
    const flag = join(dir, 'plugin-broken');
    const plugin = join(dir, 'flaky.js');
    // Credentials expire at once, so client-node runs the plugin for every request.
    writeFileSync(plugin, `if (require('fs').existsSync(${JSON.stringify(flag)})) process.exit(1);
process.stdout.write(JSON.stringify({apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: {token: process.env.STANDIN_TOKEN, expirationTimestamp: new Date(Date.now() - 1000).toISOString()}}));\n`);
    const kubeconfig = join(dir, 'kubeconfig-flaky');
    writeFileSync(kubeconfig, standIn.kubeconfig({ namespace: target3.namespace, exec: { command: process.execPath, args: [plugin] } }));
    const loaded = loadKubeconfig({ env: { KUBECONFIG: kubeconfig } });
    assert.ok(loaded.ok);
    s = new ClusterState(loaded.config, { namespace: target3.namespace, backoff: { baseMs: 50, maxMs: 200 } });
    assert.equal((await s.start()).state, 'connected');
    const state = s;
    writeFileSync(flag, '');
    standIn.endWatches();
    await waitFor((cb) => state.onStatus(cb), () => state.status.state === 'unauthorized', 'unauthorized');
    rmSync(flag);
    await waitFor((cb) => state.onStatus(cb), () => state.status.state === 'connected', 'connected again');
  } finally {
    s?.stop();
    await target3.close();
  }
});
