// LSP-level with a live cluster: the server connects through a kubeconfig to the K8s API
// stand-in, reports the status, and completes live Services; an unreachable cluster never
// holds back local diagnostics. Also `ingress-lab lsp --stdio` as the entry for other editors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionRequest, type CompletionList } from 'vscode-languageserver-protocol';
import type { ClusterStatusParams } from '../../src/protocol';
import { repoRoot } from '../helpers/fixtures';
import { openTarget, readFixtureObjects, type ClusterTarget } from '../support/cluster-target';
import { cursor, TestClient } from './lsp-client';

let target: ClusterTarget;

before(async () => {
  target = await openTarget();
  await target.apply(readFixtureObjects('cluster', 'base.yaml'));
});
after(() => target?.close());

const STATUS = 'ingressLab/clusterStatus';

test('with ingressLab.cluster.enabled the server connects, says so, and completes live Services with readiness', async () => {
  const client = new TestClient({ env: { KUBECONFIG: target.kubeconfigPath }, settings: { defaultNamespace: target.namespace, cluster: { enabled: true } } });
  try {
    await client.initialize();
    const status = await client.waitForNotification<ClusterStatusParams>(STATUS, (s) => s.state === 'connected');
    assert.match(status.message, /connected to context/);
    const { text, position } = cursor(`apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: t\nspec:\n  defaultBackend:\n    service:\n      name: |`);
    const uri = 'file:///tmp/live-a.yaml';
    await client.open(uri, text);
    await client.waitFor(uri);
    const r = await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }) as CompletionList;
    const web = r.items.find((i) => i.label === 'web');
    assert.ok(web, r.items.map((i) => i.label).join(','));
    assert.match(web.detail!, /1\/1 ready · cluster$/);
  } finally {
    await client.stop();
  }
});

test('an unreachable cluster is reported once and local diagnostics still arrive', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-kube-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\ncurrent-context: dead\ncontexts:\n- name: dead\n  context: {cluster: dead, user: u}\nclusters:\n- name: dead\n  cluster: {server: "https://127.0.0.1:9"}\nusers:\n- name: u\n  user: {token: t}\n');
  const client = new TestClient({ env: { KUBECONFIG: kubeconfig }, settings: { cluster: { enabled: true } } });
  try {
    await client.initialize();
    const uri = 'file:///tmp/live-b.yaml';
    await client.open(uri, 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: t\nspec:\n  rules:\n    - http:\n        paths:\n          - path: x\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n');
    const diags = await client.waitFor(uri, (d) => d.some((x) => x.code === 'ingress/path-absolute'));
    assert.ok(diags.length > 0);
    const status = await client.waitForNotification<ClusterStatusParams>(STATUS, (s) => s.state === 'unreachable');
    assert.match(status.message, /unreachable/);
  } finally {
    await client.stop();
  }
});

test('`ingress-lab lsp --stdio` runs the same server for other editors', async () => {
  const client = new TestClient({ command: [join(repoRoot(), 'dist/cli/ingress-lab.js'), 'lsp', '--stdio'] });
  try {
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'ingress-lab');
    const uri = 'file:///tmp/cli-a.yaml';
    await client.open(uri, 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: t\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n');
    const diags = await client.waitFor(uri, (d) => d.length > 0);
    assert.deepEqual(diags.map((d) => d.code), ['ref/backend-service']);
  } finally {
    await client.stop();
  }
});
