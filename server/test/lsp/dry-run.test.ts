// `ingressLab.cluster.dryRun` over stdio against the cluster target: the API server's own
// refusals arrive as diagnostics at their field after the local ones, only changed Ingresses
// are sent again, and (in memory) a failing dry run is reported once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { ClusterStatusParams } from '../../src/protocol';
import { DryRunner } from '../../src/lsp/dry-run';
import type { KObject } from '../../src/ingress/model';
import { openTarget, readFixtureObjects, type ClusterTarget } from '../support/cluster-target';
import { TestClient } from './lsp-client';

let target: ClusterTarget;

before(async () => {
  target = await openTarget();
  await target.apply(readFixtureObjects('cluster', 'base.yaml'));
});
after(() => target?.close());

const RULE = 'ingress/dry-run-server';
const ingress = (name: string, path: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: ${path}\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n`;
const dry = (d: Diagnostic[]) => d.filter((x) => x.code === RULE);

async function connected(dryRun: boolean): Promise<TestClient> {
  const client = new TestClient({ env: { KUBECONFIG: target.kubeconfigPath }, settings: { defaultNamespace: target.namespace, cluster: { enabled: true, dryRun } } });
  await client.initialize();
  await client.waitForNotification<ClusterStatusParams>('ingressLab/clusterStatus', (s) => s.state === 'connected');
  return client;
}

test('with dryRun on, the API server\'s refusal arrives at the field after the local diagnostics, and goes when fixed', async () => {
  const client = await connected(true);
  try {
    const uri = 'file:///tmp/dry-a.yaml';
    await client.open(uri, ingress('dry-a', 'api'));
    const first = await client.waitFor(uri, (d) => d.length > 0);
    assert.ok(first.some((d) => d.code === 'ingress/path-absolute'), 'local diagnostics come first, without the dry run');
    const refused = dry(await client.waitFor(uri, (d) => dry(d).length > 0));
    assert.equal(refused.length, 1);
    assert.equal(refused[0]!.message, 'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path');
    assert.deepEqual(refused[0]!.range, { start: { line: 8, character: 18 }, end: { line: 8, character: 21 } });
    await client.edit(uri, [8, 18], [8, 18], '/');
    const fixed = await client.waitFor(uri, (d) => dry(d).length === 0);
    assert.ok(!fixed.some((d) => d.code === 'ingress/path-absolute'));
  } finally {
    await client.stop();
  }
});

test('an admission webhook denial lands on metadata.name; an edit re-sends only the Ingress that changed', { skip: !process.env.INGRESS_LAB_TEST_KUBECONFIG ? false : 'stand-in only' }, async () => {
  const standIn = target.standIn!;
  standIn.denyByWebhook('host "shop.example.com" and path "/" is already defined in ingress other/shop');
  const client = await connected(true);
  try {
    const [a, b] = ['file:///tmp/dry-b.yaml', 'file:///tmp/dry-c.yaml'];
    await client.open(a, ingress('dry-b', '/'));
    await client.open(b, ingress('dry-c', '/'));
    const denied = dry(await client.waitFor(a, (d) => dry(d).length > 0));
    assert.match(denied[0]!.message as string, /admission webhook "validate\.nginx\.ingress\.kubernetes\.io" denied the request: host "shop\.example\.com"/);
    assert.deepEqual(denied[0]!.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 13 } });
    await client.waitFor(b, (d) => dry(d).length > 0, true);
    const sent = () => standIn.requests.filter((r) => r.includes('dryRun=All')).length;
    const before = sent();
    standIn.denyByWebhook(undefined);
    await client.edit(a, [8, 19], [8, 19], 'x');
    await client.waitFor(a, (d) => dry(d).length === 0);
    assert.equal(sent() - before, 1, 'only the edited Ingress is sent again');
    assert.equal(dry(client.diagnostics.get(b)!).length, 1, 'the other keeps its (unchanged) result');
  } finally {
    standIn.denyByWebhook(undefined);
    await client.stop();
  }
});

test('a dry run that cannot reach the API server is reported once, not per edit', async () => {
  const reports: string[] = [];
  let runs = 0;
  const timers: (() => void)[] = [];
  let text = 'a';
  const obj = () => ({ kind: 'Ingress', namespace: 'default', name: 'x', uri: 'file:///x.yaml', origin: 'workspace', root: { kind: 'scalar', value: text, span: { start: 0, end: 0 }, path: '' } }) as unknown as KObject;
  const runner = new DryRunner({
    api: () => ({ dryRun: async () => { runs++; return { findings: [], notes: ['dry run of Ingress default/x failed: connection refused'] }; } }),
    ingresses: () => [obj()],
    severity: () => undefined,
    setTimeout: (cb) => { timers.push(cb); return { dispose: () => undefined }; },
    republish: () => undefined,
    report: (m) => reports.push(m),
    log: () => undefined,
  });
  for (const t of ['a', 'ab', 'abc']) {
    text = t;
    runner.schedule();
    await new Promise<void>((resolve) => { const cb = timers.pop()!; cb(); setImmediate(resolve); });
  }
  assert.equal(runs, 3, 'each changed text is tried');
  assert.equal(reports.length, 1);
  assert.match(reports[0]!, /connection refused/);
});
