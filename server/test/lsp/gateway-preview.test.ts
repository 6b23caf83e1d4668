// LSP-level: `ingressLab/convertToGateway` through the built server converts the Ingresses of one
// open document to HTTPRoutes and lists the requests the conversion routes differently.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { ConvertToGatewayRequest } from '../../src/protocol';
import { ingressYaml, rewriteCase } from '../helpers/gateway-cases';
import { TestClient } from './lsp-client';

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(() => client.stop());

interface HttpRouteJs {
  kind: string;
  spec: { hostnames: string[]; rules: { matches: { path: unknown }[]; backendRefs: { name: string; port: number }[] }[] };
}

async function convert(text: string) {
  const uri = `file:///tmp/gateway-preview-${Math.random().toString(36).slice(2)}.yaml`;
  await client.open(uri, text);
  await client.waitFor(uri);
  return client.conn.sendRequest(ConvertToGatewayRequest, { uri });
}

test('converts the Ingress of a document to an HTTPRoute with its host, path and backend', async () => {
  const r = await convert(ingressYaml({ name: 'web', host: 'shop.example.com', path: '/shop', pathType: 'Prefix', service: 'web' }));
  const [route] = parseAllDocuments(r.yaml).map((d) => d.toJS() as HttpRouteJs);
  assert.equal(route?.kind, 'HTTPRoute', r.yaml);
  assert.deepEqual(route.spec.hostnames, ['shop.example.com']);
  const rule = route.spec.rules[0]!;
  assert.deepEqual(rule.matches[0]!.path, { type: 'PathPrefix', value: '/shop' });
  assert.deepEqual(rule.backendRefs.map((b) => [b.name, b.port]), [['web', 8080]]);
  assert.deepEqual(r.differences, [], 'a plain Prefix path converts exactly');
  assert.ok(r.checked > 0);
});

test('an ingress-nginx rewrite-target with capture groups (/$2) is listed as a difference, with both answers', async () => {
  const r = await convert(rewriteCase('shop.example.com'));
  assert.match(r.profile, /^ingress-nginx /);
  assert.ok(r.notes.some((n) => n.ingress === 'shop/api' && /rewrite-target/.test(n.message)), JSON.stringify(r.notes));
  const d = r.differences.find((x) => /\/API\//.test(x.request));
  assert.ok(d, `the upper-case request routes differently: ${JSON.stringify(r.differences)}`);
  assert.match(d.ingress, /shop\/api:8080/);
  assert.match(d.gateway, /shop\/web:8080/);
  assert.match(d.why, /different Service/);
});

test('a document without Ingress converts to nothing', async () => {
  const r = await convert('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n');
  assert.deepEqual(r, { yaml: '', profile: '', notes: [], checked: 0, differences: [] });
});
