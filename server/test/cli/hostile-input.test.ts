// Hostile files through the built CLI: an alias bomb and self-referencing anchors are reported
// (schema/yaml-alias) at their anchors, in bounded time, and every other file is still checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/fixtures';
import { hostileWorkspace } from '../helpers/hostile';

const cli = join(repoRoot(), 'dist/cli/ingress-lab.js');

test('check reads a folder with an alias bomb and self-referencing anchors: each reported, the other files checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-hostile-'));
  try {
    for (const [name, text] of Object.entries(hostileWorkspace())) writeFileSync(join(dir, name), text);
    const r = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 1, r.stderr);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; message: string; range: { start: { line: number } } }[] };
    const alias = diagnostics.filter((d) => d.code === 'schema/yaml-alias').map((d) => [d.file, d.range.start.line, d.message.split(':')[0]]);
    assert.deepEqual(alias, [
      ['a-self.yaml', 4, 'anchor "l" value contains itself'],
      ['b-bomb.yaml', 5, 'document contains excessive aliasing'],
      ['e-self.yaml', 0, 'anchor "x" value contains itself'],
    ]);
    const ingress = diagnostics.filter((d) => d.file === 'c-ingress.yaml').map((d) => d.code);
    assert.deepEqual(ingress, ['ingress/path-absolute'], 'the Ingress is checked, and finds both Services');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check reads a file with lone-CR line endings as kubectl does: the error found, on its line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-cr-'));
  try {
    const lines = ['# a leading comment', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: shop}', 'spec:', '  rules:',
      '    - http:', '        paths:', '          - {path: api, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}', ''];
    writeFileSync(join(dir, 'cr.yaml'), lines.join('\r'));
    const r = spawnSync(process.execPath, [cli, 'check', 'cr.yaml', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { code: string; range: { start: { line: number; character: number } } }[] };
    assert.deepEqual(diagnostics.filter((d) => d.code === 'ingress/path-absolute').map((d) => d.range.start), [{ line: 8, character: 19 }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
