// ingressLab/openUpstream over stdio against the API stand-in: the server picks a ready pod of a
// Service (port by number or name, through the EndpointSlices' container ports) and answers a
// loopback port that relays through a port-forward; no ready pods, an unknown port and no
// cluster are 503s that say so; a pod refusing the connection is explained by upstreamFailure.
// The route tree from the same cluster: live-only Ingresses, defaultBackends, pods with ports.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { OpenUpstreamRequest, RouteTreeRequest, UpstreamFailureRequest, type ClusterStatusParams, type OpenUpstreamResult } from '../../src/protocol';
import { openTarget, type ClusterTarget } from '../support/cluster-target';
import { closeServer, startUpstream, type Upstream } from '../proxy/support';
import { serviceObject, sliceObject } from '../support/pod-objects';
import { TestClient } from './lsp-client';

let target: ClusterTarget;
let client: TestClient;
let pod: Upstream;

const slice = sliceObject;
const service = (name: string) => serviceObject(name, 'web');

/** GET /hello through a loopback port: the raw answer once the body arrived, or '' when the connection closed without one. */
function rawGet(port: number): Promise<{ text: string; localPort: number }> {
  return new Promise((resolve, reject) => {
    let localPort = 0;
    let text = '';
    const s = connect(port, '127.0.0.1', () => {
      localPort = s.localPort ?? 0;
      s.write('GET /hello HTTP/1.1\r\nhost: x\r\n\r\n');
    });
    s.on('data', (d) => {
      text += d.toString();
      if (text.endsWith('/hello')) s.destroy();
    });
    s.on('close', () => resolve({ text, localPort }));
    s.once('error', (e) => { if (!localPort) reject(e); });
  });
}

before(async () => {
  target = await openTarget();
  if (!target.standIn) return;
  pod = await startUpstream('web-1');
  target.standIn.portForward.targets.set(`${target.namespace}/web-1:8080`, pod.port);
  await target.apply([service('web'), service('idle'), service('down'), slice('web', ['web-1']), slice('idle', [], ['idle-1']), slice('down', ['down-1'])]);
  client = new TestClient({ env: { KUBECONFIG: target.kubeconfigPath }, settings: { defaultNamespace: target.namespace, cluster: { enabled: true } } });
  await client.initialize();
  await client.waitForNotification<ClusterStatusParams>('ingressLab/clusterStatus', (s) => s.state === 'connected');
});

after(async () => {
  await client?.stop();
  await pod?.close();
  await target?.close();
});

const open = (service: string, port: number | string) => client.conn.sendRequest(OpenUpstreamRequest, { namespace: target.namespace, service, port });

test('a Service port by number or by name: a ready pod, reached through a loopback port-forward', async (t) => {
  if (!target.standIn) return t.skip('needs pods serving local TCP: stand-in only');
  for (const port of [80, 'http']) {
    const r = await open('web', port);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual({ ...r, port: 0 }, { ok: true, label: `pod ${target.namespace}/web-1:8080`, namespace: target.namespace, pod: 'web-1', podPort: 8080, host: '127.0.0.1', port: 0 });
    const answer = await rawGet(r.port);
    assert.match(answer.text, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(answer.text, /web-1 \/hello$/);
  }
});

test('no ready pods, no such port: 503s that name the Service and namespace', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  assert.deepEqual(await open('idle', 80), { ok: false, status: 503, reason: `Service ${target.namespace}/idle:80 has no ready pods` });
  assert.deepEqual(await open('web', 81), { ok: false, status: 503, reason: `Service ${target.namespace}/web has no port 81 in the cluster` });
});

test('a pod refusing the connection: the relay closes, and upstreamFailure says it was refused', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  const closed = await startUpstream('gone');
  const port = closed.port;
  await closeServer(closed.server);
  target.standIn.portForward.targets.set(`${target.namespace}/down-1:8080`, port);
  const r = await open('down', 80) as Extract<OpenUpstreamResult, { ok: true }>;
  assert.equal(r.label, `pod ${target.namespace}/down-1:8080`);
  const answer = await rawGet(r.port);
  assert.equal(answer.text, '');
  const why = await client.conn.sendRequest(UpstreamFailureRequest, { port: r.port, clientPort: answer.localPort });
  assert.equal(why.refused, true, JSON.stringify(why));
  assert.match(why.reason ?? '', /down-1:8080.*ECONNREFUSED/);
  assert.deepEqual(await client.conn.sendRequest(UpstreamFailureRequest, { port: r.port, clientPort: answer.localPort }), {}, 'told once');
});

test('without a cluster: 503 saying cluster access is off', async () => {
  const plain = new TestClient({ settings: { cluster: { enabled: false } } });
  try {
    await plain.initialize();
    const r = await plain.conn.sendRequest(OpenUpstreamRequest, { namespace: 'shop', service: 'web', port: 80 });
    assert.deepEqual(r, { ok: false, status: 503, reason: 'Service shop/web:80 cannot reach pods: Cluster access is off (ingressLab.cluster.enabled).' });
  } finally {
    await plain.stop();
  }
});

/** Asks again until the answer satisfies `ok` (the informers deliver a change soon after it is made). */
async function eventually<T>(what: string, ask: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await ask();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('route tree: a live-only Ingress marked live, its defaultBackend listed last, ready pods with the container port the Service port resolves to', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  const backend = { service: { name: 'web', port: { name: 'http' } } };
  await target.apply([{
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'live-only', creationTimestamp: '2024-01-01T00:00:00Z' },
    spec: { defaultBackend: backend, rules: [{ host: 'live.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] },
  }]);
  const tree = await eventually('the live Ingress in the route tree', () => client.conn.sendRequest(RouteTreeRequest, {}), (tr) => tr.hosts.some((h) => h.host === 'live.example.com'));
  const live = tree.hosts.find((h) => h.host === 'live.example.com')!.paths[0]!;
  assert.equal(live.live, true);
  assert.equal(live.location.uri, `ingress-lab-live:/namespaces/${target.namespace}/ingresses/live-only.yaml`);
  assert.deepEqual(live.backend?.pods, [{ name: 'web-1', ready: true, port: 8080 }]);
  const last = tree.hosts.at(-1)!;
  assert.equal(last.host, '', 'defaultBackends come last');
  assert.deepEqual(last.paths.map((p) => [p.ingress, p.isDefaultBackend, p.backend?.service, p.backend?.port]), [['live-only', true, 'web', 'http']]);
});
