// The snapshot adapter: `kubectl get -o yaml` List output as the cluster.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotFromText } from '../../src/cluster/snapshot';

const LIST = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec: {selector: {app: web}, ports: [{name: http, port: 80}]}
- apiVersion: v1
  kind: Pod
  metadata: {name: web-1, namespace: shop, labels: {app: web}}
  status: {phase: Running}
- apiVersion: v1
  kind: Secret
  metadata: {name: tls, namespace: shop}
  type: kubernetes.io/tls
  data: {tls.crt: "", tls.key: UFJJVkFURQ==}
`;

test('objects of a List become cluster objects and facts; absent kinds are unknown, not empty', () => {
  const v = snapshotFromText('file:///snap.yaml', LIST, 'snapshot snap.yaml');
  assert.deepEqual(v.errors, []);
  assert.equal(v.objects.find('Service', 'shop', 'web')[0]?.origin, 'cluster');
  assert.equal(v.facts.podsMatching('shop', { app: 'web' }), 1);
  assert.equal(v.facts.endpoints('shop', 'web'), undefined, 'no EndpointSlice in the snapshot: unknown');
  assert.ok(v.facts.unavailable.has('IngressClass'));
  assert.ok(!v.facts.unavailable.has('Secret'));
  assert.doesNotMatch(JSON.stringify(v.objects.list('Secret')), /UFJJVkFURQ==/);
});

test('a snapshot with a syntax error reports it', () => {
  const v = snapshotFromText('file:///snap.yaml', 'kind: [', 'snapshot snap.yaml');
  assert.equal(v.errors.length > 0, true);
});

test('ready pods behind a Service port, with the resolved container port (for port-forwards)', () => {
  const v = snapshotFromText('file:///s.yaml', `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: web-a, namespace: shop, labels: {kubernetes.io/service-name: web}}
ports: [{name: http, port: 8080}, {name: metrics, port: 9090}]
endpoints:
  - {addresses: [10.0.0.1], conditions: {ready: true}, targetRef: {kind: Pod, name: web-1}}
  - {addresses: [10.0.0.2], conditions: {ready: false}, targetRef: {kind: Pod, name: web-2}}
  - {addresses: [10.0.0.3], targetRef: {kind: Pod, name: web-3}}
`, 'snapshot s.yaml');
  assert.deepEqual(v.facts.podTargets('shop', 'web', 'http'), [{ pod: 'web-1', port: 8080 }, { pod: 'web-3', port: 8080 }]);
  assert.deepEqual(v.facts.podTargets('shop', 'web', 'metrics').map((t) => t.port), [9090, 9090]);
  assert.deepEqual(v.facts.podTargets('shop', 'web', ''), []);
  assert.deepEqual(v.facts.endpoints('shop', 'web'), { ready: 2, total: 3 });
});
