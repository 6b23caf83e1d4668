// What the server takes from a connected cluster beyond objects, over stdio against the cluster
// target: go to definition on a backend Service that exists only in the cluster opens a
// read-only `ingress-lab-live:` view whose text `ingressLab/liveObject` serves (no managedFields,
// no last-applied copy; never a Secret), and hovers document fields from the cluster's OpenAPI v3.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DefinitionRequest, HoverRequest, type Location, type MarkupContent } from 'vscode-languageserver-protocol';
import { LiveObjectRequest, type ClusterStatusParams } from '../../src/protocol';
import { openTarget, type ClusterTarget } from '../support/cluster-target';
import { cursor, TestClient } from './lsp-client';

let target: ClusterTarget;
let client: TestClient;

before(async () => {
  target = await openTarget();
  await target.apply([{
    apiVersion: 'v1', kind: 'Service',
    metadata: {
      name: 'live-web',
      labels: { app: 'live-web' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Secret","data":{"password":"aHVudGVyMg=="}}', team: 'shop' },
    },
    spec: { selector: { app: 'live-web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  }]);
  client = new TestClient({ env: { KUBECONFIG: target.kubeconfigPath }, settings: { defaultNamespace: target.namespace, cluster: { enabled: true } } });
  await client.initialize();
  await client.waitForNotification<ClusterStatusParams>('ingressLab/clusterStatus', (s) => s.state === 'connected');
});
after(async () => {
  await client?.stop();
  await target?.close();
});

test('definition of a live-only backend Service opens its read-only live view at metadata.name', async () => {
  const { text, position } = cursor('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: t\nspec:\n  defaultBackend:\n    service:\n      name: live-w|eb\n      port:\n        number: 80\n');
  const uri = 'file:///tmp/live-def.yaml';
  await client.open(uri, text);
  await client.waitFor(uri);
  const locs = await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }) as Location[];
  assert.equal(locs.length, 1);
  assert.equal(locs[0]!.uri, `ingress-lab-live:/namespaces/${target.namespace}/services/live-web.yaml`);
  const view = await client.conn.sendRequest(LiveObjectRequest, { uri: locs[0]!.uri });
  assert.ok(view);
  const lines = view.text.split('\n');
  const r = locs[0]!.range;
  assert.equal(lines[r.start.line]!.slice(r.start.character, r.end.character), 'live-web');
  assert.match(lines[r.start.line]!, /^ {2}name: live-web$/);
  assert.match(view.text, /port: 80/);
  assert.match(view.text, /team: shop/);
  assert.doesNotMatch(view.text, /managedFields|last-applied-configuration|aHVudGVyMg/);
});

test('liveObject never serves a Secret, and says so when the object is gone', async () => {
  const secret = await client.conn.sendRequest(LiveObjectRequest, { uri: `ingress-lab-live:/namespaces/${target.namespace}/secrets/tls.yaml` });
  assert.equal(secret, null);
  const gone = await client.conn.sendRequest(LiveObjectRequest, { uri: `ingress-lab-live:/namespaces/${target.namespace}/services/nope.yaml` });
  assert.match(gone!.text, /is not in the cluster/);
});

test('hover documents fields from the cluster\'s OpenAPI v3, fetched once per connection', async () => {
  const { text, position } = cursor('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: h\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            path|Type: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n');
  const uri = 'file:///tmp/live-hover.yaml';
  await client.open(uri, text);
  const hover = async (line: number, character: number) => ((await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }))?.contents as MarkupContent).value;
  const pathType = await hover(position.line, position.character);
  assert.match(pathType, /^\*\*pathType\*\* `string` \(required\)/);
  assert.match(pathType, /Possible enum values:/);
  assert.match(pathType, /_From the cluster's OpenAPI/);
  const number = await hover(14, 20);
  assert.match(number, /^\*\*number\*\* `integer`/);
  assert.match(number, /numerical port number/);
  assert.match(number, /_From the cluster's OpenAPI/);
  if (target.standIn) {
    assert.equal(target.standIn.requests.filter((r) => r.startsWith('GET /openapi/v3/apis/networking.k8s.io/v1?hash=')).length, 1);
  }
});
