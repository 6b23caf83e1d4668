// test-fixtures/demo/README.md says where each deliberate mistake of the demo workspace is
// reported (file, line, rule). The built CLI must report exactly those, no more and no fewer,
// before and after the fix the README describes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fixturePath, repoRoot } from '../helpers/fixtures';

const readme = readFileSync(fixturePath('demo', 'README.md'), 'utf8');

/** The rows of the README's tables, in order: one list of "file:line rule" per table. */
function tables(): string[][] {
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const line of readme.split('\n')) {
    const row = /^\| `([^`]+:\d+)` \| `([^`]+)` \|/.exec(line);
    if (row) (current ??= (out.push([]), out[out.length - 1]!)).push(`${row[1]} ${row[2]}`);
    else if (!line.startsWith('|')) current = undefined;
  }
  return out;
}

function check(dir: string): string[] {
  const r = spawnSync(process.execPath, [join(repoRoot(), 'dist/cli/ingress-lab.js'), 'check', dir, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { file: string; range: { start: { line: number } }; code: string }[] };
  return diagnostics.map((d) => `${relative(dir, d.file)}:${d.range.start.line + 1} ${d.code}`).sort();
}

test('the demo README lists every finding of `ingress-lab check test-fixtures/demo`, at its file and line', () => {
  const [before] = tables();
  assert.ok(before && before.length >= 7, 'the README has its table');
  assert.deepEqual(check(fixturePath('demo')), [...before].sort());
});

test('after the fix the README describes (api → /api), the second table is what changes', () => {
  const [before, after] = tables();
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-demo-'));
  try {
    cpSync(fixturePath('demo'), dir, { recursive: true });
    const file = join(dir, 'shop', 'ingress.yaml');
    const text = readFileSync(file, 'utf8');
    assert.ok(text.includes('- path: api #'), 'the demo still has the path the README talks about');
    writeFileSync(file, text.replace('- path: api #', '- path: /api #'));
    const expected = [...before!.filter((r) => !r.endsWith(' ingress/path-absolute')), ...after!].sort();
    assert.deepEqual(check(dir), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
