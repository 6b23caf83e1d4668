// Walks test-fixtures/gateway/conformance/<case>.yaml with <case>.requests.json beside it: the
// Gateway API conformance suite's HTTPRoute requests and expected answers, restated (see the
// folder's README). Each request must reach the expected Service, redirect, rewrite or 404.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseManifest } from '../../src/ingress/documents';
import { extractGatewayObjects, type Gateway, type HTTPRoute } from '../../src/gateway/model';
import { buildGatewayTable } from '../../src/gateway/table';
import { gatewayLookup } from '../../src/gateway/match';
import { request } from '../../src/ingress/routing/profiles/answer';
import { fixturePath, listFiles } from '../helpers/fixtures';

interface Case {
  host?: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  backend?: string;
  status?: number;
  upstreamPath?: string;
  location?: string;
  weights?: Record<string, number>;
}

const files = listFiles(fixturePath('gateway/conformance'), (n) => n.endsWith('.yaml'));

test('the conformance cases are all there', () => {
  assert.equal(files.length, 13);
});

for (const file of files) {
  const objects = extractGatewayObjects(parseManifest('file:///c.yaml', readFileSync(file, 'utf8')), { defaultNamespace: 'gateway-conformance-infra' });
  const table = buildGatewayTable(objects.filter((o): o is HTTPRoute => o.kind === 'HTTPRoute'), objects.filter((o): o is Gateway => o.kind === 'Gateway'));
  const cases = JSON.parse(readFileSync(file.replace(/\.yaml$/, '.requests.json'), 'utf8')) as Case[];
  cases.forEach((c, i) => {
    const expect = c.backend ?? (c.weights ? JSON.stringify(c.weights) : String(c.status));
    test(`${basename(file, '.yaml')} #${i}: ${c.method ?? 'GET'} ${c.host ?? ''}${c.path} ${JSON.stringify(c.headers ?? {})} → ${expect}`, () => {
      const a = gatewayLookup(table, request(c.host ?? 'gw.test', c.path, { method: c.method ?? 'GET', headers: c.headers ?? {} }));
      const why = a.trace.join('\n');
      assert.equal(a.status, c.status ?? 200, why);
      if (c.backend) assert.deepEqual(a.backends.map((b) => b.service), [c.backend], why);
      if (c.weights) assert.deepEqual(Object.fromEntries(a.backends.map((b) => [b.service, b.weight])), c.weights, why);
      if (c.upstreamPath) assert.equal(a.upstreamPath, c.upstreamPath, why);
      if (c.location) assert.equal(a.location, c.location, why);
    });
  });
}
