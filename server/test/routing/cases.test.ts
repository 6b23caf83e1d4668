// Walks test-fixtures/routing/<case>.yaml with <case>.requests.json beside it: each request
// must reach the expected Service (or 404), and the trace must say why when the case asks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { lookup } from '../../src/ingress/routing/index';
import { fixturePath, listFiles } from '../helpers/fixtures';
import { tableOf } from '../helpers/routing';

interface RequestCase {
  host: string;
  path: string;
  service?: string;
  status?: 404;
  via?: 'rule' | 'defaultBackend';
  ingress?: string;
  traceIncludes?: string;
}

const files = listFiles(fixturePath('routing'), (n) => n.endsWith('.yaml'));

test('routing fixtures exist', () => {
  assert.ok(files.length >= 5, `found ${files.length} routing cases`);
});

for (const file of files) {
  const table = tableOf(readFileSync(file, 'utf8'));
  const cases = JSON.parse(readFileSync(file.replace(/\.yaml$/, '.requests.json'), 'utf8')) as RequestCase[];
  for (const c of cases) {
    const expect = c.status === 404 ? '404' : `${c.service}${c.via ? ` via ${c.via}` : ''}`;
    test(`${basename(file, '.yaml')}: ${c.host}${c.path} → ${expect}`, () => {
      const r = lookup(table, c.host, c.path, { explain: 50 });
      const trace = r.trace.flatMap((s) => [s.message, ...(s.candidates ?? []).map((k) => k.reason)]).join('\n');
      if (c.status === 404) {
        assert.equal(r.match, undefined, `expected 404, got ${r.match?.backend?.service?.name?.value}\n${trace}`);
        assert.equal(r.status, 404);
      } else {
        assert.equal(r.match?.backend?.service?.name?.value, c.service, trace);
        assert.equal(r.status, 200);
        assert.equal(r.match?.via, c.via ?? 'rule');
        if (c.ingress) assert.equal(`${r.match?.ingress.namespace}/${r.match?.ingress.name}`, c.ingress);
      }
      if (c.traceIncludes) assert.ok(trace.includes(c.traceIncludes), `trace lacks "${c.traceIncludes}":\n${trace}`);
    });
  }
}
