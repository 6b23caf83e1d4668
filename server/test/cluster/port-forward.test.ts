// PortForwarder through the API stand-in's port-forward endpoint (WebSocket v4.channel.k8s.io)
// to local TCP servers standing in for pods.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { loadKubeconfig } from '../../src/cluster/kubeconfig';
import { PortForwarder } from '../../src/cluster/port-forward';
import { ClusterState } from '../../src/cluster/state';
import { openTarget, readFixtureObjects, type ClusterTarget } from '../support/cluster-target';

let target: ClusterTarget;
let pod: Server;
let forwarder: PortForwarder;

before(async () => {
  target = await openTarget();
  // The "container": answers each chunk in upper case.
  pod = createServer((s) => s.on('data', (d) => s.write(d.toString().toUpperCase())));
  await new Promise<void>((r) => pod.listen(0, '127.0.0.1', () => r()));
  target.standIn?.portForward.targets.set(`${target.namespace}/web-1:8080`, (pod.address() as { port: number }).port);
  const loaded = loadKubeconfig({ env: { KUBECONFIG: target.kubeconfigPath } });
  assert.ok(loaded.ok);
  forwarder = new PortForwarder(loaded.config.kc);
});

after(async () => {
  await new Promise<void>((r) => pod.close(() => r()));
  await target.close();
});

function roundTrip(stream: Duplex | Socket, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stream.once('data', (d: Buffer) => resolve(d.toString()));
    stream.once('error', reject);
    stream.write(text);
  });
}

test('connect(): a duplex stream to the pod port, both ways', async (t) => {
  if (!target.standIn) return t.skip('needs a pod serving TCP: stand-in only');
  const stream = await forwarder.connect({ namespace: target.namespace, pod: 'web-1', port: 8080 });
  assert.equal(await roundTrip(stream, 'hello pod'), 'HELLO POD');
  assert.equal(await roundTrip(stream, 'again'), 'AGAIN');
  const closed = new Promise((r) => stream.once('close', r));
  stream.destroy();
  await closed;
});

test('listen(): a local port forwarding each connection to the pod', async (t) => {
  if (!target.standIn) return t.skip('needs a pod serving TCP: stand-in only');
  const l = await forwarder.listen({ namespace: target.namespace, pod: 'web-1', port: 8080 });
  try {
    const a = connect(l.port, '127.0.0.1');
    const b = connect(l.port, '127.0.0.1');
    assert.deepEqual(await Promise.all([roundTrip(a, 'one'), roundTrip(b, 'two')]), ['ONE', 'TWO']);
    a.destroy();
    b.destroy();
  } finally {
    await l.close();
  }
});

test('Service web:http → a ready pod from the informers → port-forward to its container port', async (t) => {
  if (!target.standIn) return t.skip('needs a pod serving TCP: stand-in only');
  await target.apply(readFixtureObjects('cluster', 'base.yaml'));
  const loaded = loadKubeconfig({ env: { KUBECONFIG: target.kubeconfigPath } });
  assert.ok(loaded.ok);
  const state = new ClusterState(loaded.config, { namespace: target.namespace });
  try {
    await state.start();
    const [first] = state.facts.podTargets(target.namespace, 'web', 'http');
    assert.deepEqual(first, { pod: 'web-1', port: 8080 });
    const stream = await forwarder.connect({ namespace: target.namespace, ...first! });
    assert.equal(await roundTrip(stream, 'via service'), 'VIA SERVICE');
    stream.destroy();
  } finally {
    state.stop();
  }
});

test('a pod the API server does not know: connect() rejects', async () => {
  await assert.rejects(forwarder.connect({ namespace: target.namespace, pod: 'no-such-pod', port: 8080 }));
});

test('nothing listens on the pod port: the stream fails with the error channel\'s message', async (t) => {
  if (!target.standIn) return t.skip('stand-in only');
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
  const port = (closed.address() as { port: number }).port;
  await new Promise<void>((r) => closed.close(() => r()));
  target.standIn.portForward.targets.set(`${target.namespace}/web-1:9999`, port);
  const stream = await forwarder.connect({ namespace: target.namespace, pod: 'web-1', port: 9999 });
  const err = await new Promise<Error>((resolve) => stream.once('error', resolve));
  assert.match(err.message, /^port-forward to ingress-lab-test\/web-1:9999: connect ECONNREFUSED/);
});
