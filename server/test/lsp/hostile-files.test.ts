// Hostile files in the language server's workspace: an alias bomb and self-referencing anchors
// are reported where they are, and never stop the files read after them from being indexed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hostileWorkspace } from '../helpers/hostile';
import { TestClient } from './lsp-client';

test('an alias bomb and self-referencing anchors in the folder: reported at the anchor, every later file still read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-hostile-'));
  for (const [name, text] of Object.entries(hostileWorkspace())) writeFileSync(join(dir, name), text);
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  const client = new TestClient({ folder: dir });
  try {
    await client.initialize();
    // The Ingress's Services live before (beside a self-reference) and after the bad files.
    const ingress = await client.waitFor(uri('c-ingress.yaml'), (d) => d.length > 0);
    assert.deepEqual(ingress.map((d) => d.code), ['ingress/path-absolute']);
    const self = await client.waitFor(uri('a-self.yaml'), (d) => d.length > 0, true);
    assert.deepEqual(self.map((d) => [d.code, d.range.start]), [['schema/yaml-alias', { line: 4, character: 10 }]]);
    const bomb = await client.waitFor(uri('b-bomb.yaml'), (d) => d.some((x) => x.code === 'schema/yaml-alias'), true);
    assert.match(String(bomb.find((d) => d.code === 'schema/yaml-alias')!.message), /^document contains excessive aliasing/);
    // Opening the bomb (the editor's copy wins over the disk's) gives the same answer.
    await client.open(uri('b-bomb.yaml'), hostileWorkspace()['b-bomb.yaml']!);
    await client.edit(uri('b-bomb.yaml'), [0, 0], [0, 0], '# edited\n');
    await client.waitFor(uri('b-bomb.yaml'), (d) => d.some((x) => x.code === 'schema/yaml-alias' && x.range.start.line === 6));
    assert.equal(client.proc.exitCode, null);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a document with lone-CR line endings gets its diagnostics on the lines VS Code shows', async () => {
  const lines = ['# a leading comment', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: shop}', 'spec:', '  rules:',
    '    - http:', '        paths:', '          - {path: api, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}', ''];
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///tmp/cr-only.yaml';
    await client.open(uri, lines.join('\r'));
    const diags = await client.waitFor(uri, (d) => d.some((x) => x.code === 'ingress/path-absolute'));
    assert.deepEqual(diags.find((d) => d.code === 'ingress/path-absolute')!.range, { start: { line: 8, character: 19 }, end: { line: 8, character: 22 } });
    // An edit on a later line (positions as VS Code counts them) moves it like any other.
    await client.edit(uri, [0, 0], [0, 0], '#\r');
    await client.waitFor(uri, (d) => d.some((x) => x.code === 'ingress/path-absolute' && x.range.start.line === 9));
  } finally {
    await client.stop();
  }
});
