// LSP-level: HTTPRoutes that `convert --out` wrote next to their Ingresses get gateway/route-differs
// diagnostics through the normal publishDiagnostics pipeline, and they follow edits to the Ingress.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { createProject } from '../../src/engine/index';
import { convertTable } from '../../src/gateway/conversion';
import { yamlDocs } from '../../src/gateway/convert/emit';
import { routeDiffers } from '../../src/rules/gateway/route-differs';
import { ingressYaml } from '../helpers/gateway-cases';
import { TestClient } from './lsp-client';

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(() => client.stop());

/** What `convert --to gateway-api --out` writes for these Ingresses. */
function convertedYaml(ingresses: string): string {
  const p = createProject();
  p.setText('file:///in.yaml', ingresses);
  const table = p.routeTable();
  return yamlDocs(convertTable(table, [], p.profile('auto', table), { name: 'ingress-lab' }).routes);
}

const differs = (ds: Diagnostic[]) => ds.filter((d) => d.code === routeDiffers.id);

test('a converted HTTPRoute file has no diagnostics while faithful, and a gateway/route-differs warning on its match once the Ingress changes', async () => {
  const dir = `file:///tmp/converted-${Math.random().toString(36).slice(2)}`;
  const ingUri = `${dir}/ingress.yaml`;
  const routesUri = `${dir}/out/httproutes.shop.yaml`;
  const ingress = ingressYaml({ name: 'web', host: 'shop.example.com', path: '/shop', pathType: 'Prefix', service: 'web' });
  const routes = convertedYaml(ingress);
  await client.open(ingUri, ingress);
  await client.open(routesUri, routes);
  assert.deepEqual(await client.waitFor(routesUri, () => true, true), []);
  const line = ingress.split('\n').findIndex((l) => l.trim() === 'name: web' && l.startsWith('                '));
  await client.edit(ingUri, [line, 22], [line, 25], 'storefront');
  const ds = differs(await client.waitFor(routesUri, (d) => differs(d).length > 0));
  const d = ds.find((x) => String(x.message).startsWith('http://shop.example.com/shop is routed differently: '));
  assert.ok(d, JSON.stringify(ds.map((x) => x.message)));
  assert.equal(d.severity, 2);
  assert.match(String(d.message), /Ingress \(spec-only\) → shop\/storefront:8080 as \/shop; Gateway API → shop\/web:8080 as \/shop: different Service, port or weights/);
  assert.equal(routes.split('\n')[d.range.start.line]!.trim(), '- path:');
  assert.equal(d.relatedInformation?.[0]?.location.uri, ingUri);
  await client.edit(ingUri, [line, 22], [line, 32], 'web');
  await client.waitFor(routesUri, (x) => differs(x).length === 0);
});
