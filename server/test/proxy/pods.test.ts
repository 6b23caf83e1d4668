// The proxy to a Service's ready pods through the API stand-in's port-forward, with local
// TCP servers as the pods: round-robin, 503 without ready pods, a pod dying mid-flight.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKubeconfig } from '../../src/cluster/kubeconfig';
import { PortForwarder } from '../../src/cluster/port-forward';
import { ClusterState } from '../../src/cluster/state';
import { PodResolver, servicePorts, REASON_HEADER, UPSTREAM_HEADER } from '../../src/proxy/index';
import { openTarget, type ClusterTarget } from '../support/cluster-target';
import { repoRoot } from '../helpers/fixtures';
import { serviceObject, sliceObject } from '../support/pod-objects';
import { closeServer, get, listenLocal, spawnServe, startProxy, startUpstream, type TestProxy, type Upstream } from './support';

const NS = 'ingress-lab-test';
const dir = mkdtempSync(join(tmpdir(), 'ilab-pods-'));
let target: ClusterTarget;
let state: ClusterState;
let pods: Upstream[];
let p: TestProxy;

const slice = sliceObject;
const service = (name: string) => serviceObject(name);

before(async () => {
  target = await openTarget();
  if (!target.standIn) return; // a real cluster: the tests skip (they need pods serving local TCP)
  pods = [await startUpstream('web-1'), await startUpstream('web-2')];
  for (const pod of pods) target.standIn.portForward.targets.set(`${NS}/${pod.name}:8080`, pod.port);
  await target.apply([service('web'), service('idle'), slice('web', ['web-1', 'web-2']), slice('idle', [], ['idle-1'])]);
  writeFileSync(join(dir, 'ingress.yaml'), `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: live, namespace: ${NS}}
spec:
  rules:
    - host: live.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
          - {path: /idle, pathType: Prefix, backend: {service: {name: idle, port: {name: http}}}}
`);
  const loaded = loadKubeconfig({ env: { KUBECONFIG: target.kubeconfigPath } });
  assert.ok(loaded.ok);
  state = new ClusterState(loaded.config, { namespace: NS });
  await state.start();
  const resolver = new PodResolver(state.facts, new PortForwarder(loaded.config.kc), servicePorts(() => state.objects).portNameOf);
  p = await startProxy(dir, { resolver });
});

after(async () => {
  await p?.close();
  state?.stop();
  for (const pod of pods ?? []) await pod.close();
  await target.close();
  rmSync(dir, { recursive: true, force: true });
});

test('requests go round-robin over the ready pods, through port-forwards', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  const replies = [];
  for (let i = 0; i < 4; i++) replies.push(await get(p.port, 'live.example.com', `/r${i}`));
  assert.deepEqual(replies.map((r) => r.status), [200, 200, 200, 200]);
  const served = replies.map((r) => r.body.split(' ')[0]);
  assert.deepEqual(new Set(served), new Set(['web-1', 'web-2']));
  assert.notEqual(served[0], served[1]);
  assert.match(String(replies[0]!.headers[UPSTREAM_HEADER]), /^pod ingress-lab-test\/web-[12]:8080$/);
});

test('a Service with no ready pods: 503 saying so', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  const r = await get(p.port, 'live.example.com', '/idle');
  assert.equal(r.status, 503);
  assert.equal(r.headers[REASON_HEADER], 'Service ingress-lab-test/idle:http has no ready pods');
  assert.match(r.body, /rule: Ingress ingress-lab-test\/live spec\.rules\[0\]\.http\.paths\[1\] \(Prefix \/idle\)/);
});

test('a pod that dies mid-request: 502 naming it, and the next requests go to the other pod', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  // web-1 now accepts a request, then dies: its socket cut, its port closed.
  const dying: Server = createServer((req) => { req.socket.destroy(); dying.close(); });
  target.standIn.portForward.targets.set(`${NS}/web-1:8080`, await listenLocal(dying));
  let died;
  for (let i = 0; i < 2 && !died; i++) {
    // A request with a body is not retried: what was sent cannot be taken back.
    const r = await get(p.port, 'live.example.com', '/order', { method: 'POST', body: 'one book' });
    if (r.status !== 200) died = r;
  }
  assert.ok(died, 'one of two requests reached web-1');
  assert.equal(died.status, 502);
  assert.match(String(died.headers[REASON_HEADER]), /^pod ingress-lab-test\/web-1:8080 (failed|closed the connection before answering)/);
  const forwardsToWeb1 = () => target.standIn!.requests.filter((r) => r.includes('/pods/web-1/portforward')).length;
  const before = forwardsToWeb1();
  for (let i = 0; i < 3; i++) {
    const r = await get(p.port, 'live.example.com', `/after${i}`);
    assert.equal(r.status, 200);
    assert.equal(r.body, `web-2 /after${i}`);
  }
  assert.equal(forwardsToWeb1(), before, 'web-1 is passed over, not tried and retried');
  await closeServer(dying);
});

test('a request without a body whose pod dies before answering is retried on another pod', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  let hits = 0;
  const dying: Server = createServer((req) => { hits++; req.socket.destroy(); dying.close(); });
  target.standIn.portForward.targets.set(`${NS}/web-1:8080`, await listenLocal(dying));
  const loaded = loadKubeconfig({ env: { KUBECONFIG: target.kubeconfigPath } });
  assert.ok(loaded.ok);
  // A fresh resolver: web-1 is not yet known to have failed.
  const resolver = new PodResolver(state.facts, new PortForwarder(loaded.config.kc), servicePorts(() => state.objects).portNameOf);
  const q = await startProxy(dir, { resolver });
  try {
    const replies = [await get(q.port, 'live.example.com', '/a'), await get(q.port, 'live.example.com', '/b')];
    assert.deepEqual(replies.map((r) => `${r.status} ${r.body}`), ['200 web-2 /a', '200 web-2 /b']);
    assert.equal(hits, 1, 'web-1 got the first request and died');
  } finally {
    await q.close();
    await closeServer(dying);
  }
});

test('ingress-lab serve --cluster: the built CLI forwards to the ready pods of the kubeconfig\'s cluster', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  target.standIn.portForward.targets.set(`${NS}/web-1:8080`, pods[0]!.port);
  const serve = spawnServe(join(repoRoot(), 'dist/cli/ingress-lab.js'), [dir, '--port', '0', '--no-https', '--cluster'], { ...process.env, KUBECONFIG: target.kubeconfigPath });
  try {
    const port = await serve.port();
    const replies = [await get(port, 'live.example.com', '/x'), await get(port, 'live.example.com', '/x')];
    assert.deepEqual(replies.map((r) => r.body).sort(), ['web-1 /x', 'web-2 /x']);
    const line = await serve.waitOutput(/^GET live\.example\.com\/x 200 .* → pod ingress-lab-test\/web-[12]:8080 .*ms$/m);
    assert.ok(line);
    const idle = await get(port, 'live.example.com', '/idle');
    assert.equal(idle.status, 503);
    assert.match(String(idle.headers[REASON_HEADER]), /Service ingress-lab-test\/idle:http has no ready pods/);
  } finally {
    const exited = new Promise((r) => serve.child.once('exit', r));
    serve.child.kill('SIGINT');
    await exited;
  }
});
