// Faults only the API stand-in can stage: restarts mid-watch, watches that end, 410 Gone,
// RBAC, bad credentials, a slow server. Skipped against a real cluster.
import { afterEach, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { loadKubeconfig } from '../../src/cluster/kubeconfig';
import { ClusterState, type ClusterStateOptions } from '../../src/cluster/state';
import { describeStatus } from '../../src/cluster/status';
import { analyze } from '../../src/rules/analyze';
import { openTarget, readFixtureObjects, waitFor, type ClusterTarget } from '../support/cluster-target';
import type { K8sStandIn } from '../support/k8s-standin/server';

const open: { target: ClusterTarget; state?: ClusterState }[] = [];

afterEach(async () => {
  for (const o of open.splice(0)) {
    o.state?.stop();
    await o.target.close();
  }
});

/** A stand-in with the base fixtures, prepared by `stage` before the ClusterState starts. */
async function setup(t: TestContext, stage: (s: K8sStandIn) => void = () => {}, opts: ClusterStateOptions = {}) {
  const target = await openTarget();
  const entry: (typeof open)[number] = { target };
  open.push(entry);
  if (!target.standIn) {
    t.skip('needs the API stand-in');
    return undefined;
  }
  await target.apply(readFixtureObjects('cluster', 'base.yaml'));
  stage(target.standIn);
  const loaded = loadKubeconfig({ env: { KUBECONFIG: target.kubeconfigPath } });
  assert.ok(loaded.ok);
  const state = new ClusterState(loaded.config, { namespace: target.namespace, backoff: { baseMs: 20, maxMs: 200 }, ...opts });
  entry.state = state;
  await state.start();
  const s = target.standIn;
  const ns = target.namespace;
  const changes = (cb: () => void) => state.onChange(cb);
  const statuses = (cb: () => void) => state.onStatus(cb);
  return { target, state, s, ns, changes, statuses };
}

const service = (name: string, namespace: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ port: 80 }] } });

test('the API server restarts mid-watch: the watch resumes and sees what changed meanwhile', async (t) => {
  const env = await setup(t);
  if (!env) return;
  const { s, ns, state, changes } = env;
  assert.ok(s.openWatches > 0, 'watches are open');
  await s.stop();
  s.store.upsert('services', service('late', ns));
  await s.start(s.port);
  await waitFor(changes, () => state.objects.find('Service', ns, 'late').length === 1, 'Service late after the restart');
  await waitFor(env.statuses, () => state.status.state === 'connected', 'connected again');
});

test('a watch that ends is resumed from its resourceVersion, without relisting', async (t) => {
  const env = await setup(t);
  if (!env) return;
  const { s, ns, state, changes } = env;
  const lists = () => s.requests.filter((r) => r.startsWith('GET /api/v1/namespaces/') && r.includes('/services') && !r.includes('watch=true')).length;
  const before = lists();
  s.endWatches();
  s.store.upsert('services', service('after-end', ns));
  await waitFor(changes, () => state.objects.find('Service', ns, 'after-end').length === 1, 'Service after-end');
  assert.equal(lists(), before, 'no relist after a clean end of watch');
});

test('410 Gone: the informer relists and drops objects deleted while it was away', async (t) => {
  const env = await setup(t);
  if (!env) return;
  const { s, ns, state, changes } = env;
  await s.stop();
  s.store.delete('services', ns, 'orphan');
  s.store.compact();
  await s.start(s.port);
  await waitFor(changes, () => state.objects.find('Service', ns, 'orphan').length === 0, 'orphan dropped after relist');
  assert.ok(s.requests.some((r) => r.includes('/services') && r.includes('watch=true')), 'watch was attempted');
});

test('410 Gone sent on a live watch (ERROR event) also leads to a relist', async (t) => {
  const env = await setup(t);
  if (!env) return;
  const { s, ns, state, changes } = env;
  s.goneOnNextWatch('services');
  s.endWatches();
  s.store.upsert('services', service('after-gone', ns));
  await waitFor(changes, () => state.objects.find('Service', ns, 'after-gone').length === 1, 'Service after-gone');
});

test('RBAC forbids Secrets: connected, Secrets reported once as forbidden, every other check still runs', async (t) => {
  const env = await setup(t, (s) => s.forbid('secrets'));
  if (!env) return;
  const { state, ns } = env;
  assert.equal(state.status.state, 'connected');
  assert.match(describeStatus(state.status), /not allowed to list secrets/);
  assert.ok(state.facts.unavailable.has('Secret'));
  const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: x, namespace: ${ns}}
spec:
  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}
`;
  const f = analyze([{ uri: 'file:///x.yaml', text }], { clusterObjects: state.objects, cluster: state.facts }).findings;
  assert.match(f.find((x) => x.ruleId === 'tls/secret-exists')!.message, /workspace only: Secrets are not available from cluster context/);
  assert.ok(f.some((x) => x.ruleId === 'ref/service-endpoints'), 'endpoint check still runs');
});

test('listing across all namespaces is forbidden: the informer falls back to the context namespace', async (t) => {
  const env = await setup(t, (s) => s.forbid('pods', 'cluster-scope'), { namespace: undefined });
  if (!env) return;
  assert.equal(env.state.status.state, 'connected');
  assert.equal(env.state.facts.podsMatching(env.ns, { app: 'web' }), 1);
  assert.deepEqual((env.state.status as { forbidden: string[] }).forbidden, []);
});

test('credentials refused: status unauthorized, with no token in the message', async (t) => {
  const env = await setup(t, (s) => s.rejectCredentials(true));
  if (!env) return;
  assert.equal(env.state.status.state, 'unauthorized');
  assert.ok(!describeStatus(env.state.status).includes(env.s.token));
});

test('a slow API server: requests time out and the status says so', async (t) => {
  const env = await setup(t, (s) => s.slow(5_000), { timeoutMs: 200 });
  if (!env) return;
  assert.equal(env.state.status.state, 'unreachable');
  assert.match(describeStatus(env.state.status), /no answer within 0\.2s/);
});

test('an API server that goes away: status unreachable, then connected again when it is back', async (t) => {
  const env = await setup(t);
  if (!env) return;
  const { s, state, statuses } = env;
  await s.stop();
  s.endWatches();
  await waitFor(statuses, () => state.status.state === 'unreachable', 'unreachable');
  assert.match(describeStatus(state.status), /connection (refused|reset|closed)/);
  await s.start(s.port);
  await waitFor(statuses, () => state.status.state === 'connected', 'connected again');
});

test('retry: an API server that is down at start is connected to once it comes up', async (t) => {
  const target = await openTarget();
  open.push({ target });
  if (!target.standIn) return t.skip('needs the API stand-in');
  const s = target.standIn;
  await s.stop();
  const loaded = loadKubeconfig({ env: { KUBECONFIG: target.kubeconfigPath } });
  assert.ok(loaded.ok);
  const state = new ClusterState(loaded.config, { namespace: target.namespace, backoff: { baseMs: 20, maxMs: 200 }, retry: true });
  open[open.length - 1]!.state = state;
  assert.equal((await state.start()).state, 'unreachable');
  await s.start(s.port);
  await waitFor((cb) => state.onStatus(cb), () => state.status.state === 'connected', 'connected after the server came up');
});

test('watch headers held back (a buffering proxy): start() still returns, connected, once the lists are in', async (t) => {
  const env = await setup(t, (s) => s.bufferWatchHeaders(true), { timeoutMs: 300 });
  if (!env) return;
  assert.equal(env.state.status.state, 'connected');
  assert.equal(env.state.objects.list('Service', env.ns).length, 3);
});
