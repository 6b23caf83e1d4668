// The editor proxy's pod upstreams (clusterUpstream.ts) against a real language server over stdio
// and the API stand-in: the proxy engine asks the server for a ready pod and connects only to the
// loopback port-forward it answers; a refusing pod comes back as a 502 naming pod and port.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenUpstreamRequest, UpstreamFailureRequest, type ClusterStatusParams } from '../../../server/src/protocol';
import { REASON_HEADER, UPSTREAM_HEADER } from '../../../server/src/proxy/index';
import { TestClient } from '../../../server/test/lsp/lsp-client';
import { openTarget, type ClusterTarget } from '../../../server/test/support/cluster-target';
import { serviceObject, sliceObject } from '../../../server/test/support/pod-objects';
import { closeServer, get, startProxy, startUpstream, type TestProxy, type Upstream } from '../../../server/test/proxy/support';
import { ServerPodResolver } from '../../src/clusterUpstream';

const dir = mkdtempSync(join(tmpdir(), 'ilab-podup-'));
let target: ClusterTarget;
let client: TestClient;
let pod: Upstream;
let proxy: TestProxy;
const logged: string[] = [];

before(async () => {
  target = await openTarget();
  if (!target.standIn) return;
  const ns = target.namespace;
  pod = await startUpstream('web-1');
  const refusing = await startUpstream('down-1');
  await closeServer(refusing.server);
  target.standIn.portForward.targets.set(`${ns}/web-1:8080`, pod.port);
  target.standIn.portForward.targets.set(`${ns}/down-1:8080`, refusing.port);
  await target.apply([serviceObject('web'), serviceObject('down'), sliceObject('web', ['web-1']), sliceObject('down', ['down-1'])]);
  client = new TestClient({ env: { KUBECONFIG: target.kubeconfigPath }, settings: { defaultNamespace: ns, cluster: { enabled: true } } });
  await client.initialize();
  await client.waitForNotification<ClusterStatusParams>('ingressLab/clusterStatus', (s) => s.state === 'connected');
  const path = (p: string, svc: string) => `          - {path: ${p}, pathType: Prefix, backend: {service: {name: ${svc}, port: {number: 80}}}}\n`;
  writeFileSync(join(dir, 'ingress.yaml'), `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: pods, namespace: ${ns}}\nspec:\n  rules:\n    - host: pods.example.com\n      http:\n        paths:\n${path('/', 'web')}${path('/down', 'down')}`);
  const resolver = new ServerPodResolver({
    open: (p) => client.conn.sendRequest(OpenUpstreamRequest, p),
    failure: (p) => client.conn.sendRequest(UpstreamFailureRequest, p),
  }, (line) => logged.push(line));
  proxy = await startProxy(dir, { resolver });
});

after(async () => {
  await proxy?.close();
  await client?.stop();
  await pod?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the proxy reaches a ready pod through the server\'s loopback port-forward', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  const r = await get(proxy.port, 'pods.example.com', '/hello');
  assert.equal(r.status, 200, String(r.headers[REASON_HEADER]));
  assert.equal(r.body, 'web-1 /hello');
  assert.equal(r.headers[UPSTREAM_HEADER], `pod ${target.namespace}/web-1:8080`);
});

test('a pod that refuses: 502 naming the pod and port, and the kubelet\'s words in the log', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  const r = await get(proxy.port, 'pods.example.com', '/down');
  assert.equal(r.status, 502);
  assert.match(String(r.headers[REASON_HEADER]), new RegExp(`^pod ${target.namespace}/down-1:8080 refused the connection`));
  assert.match(logged.join('\n'), /down-1:8080: port-forward to .*down-1:8080: connect ECONNREFUSED/);
});
