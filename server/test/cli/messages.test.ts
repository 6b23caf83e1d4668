// What `ingress-lab` says when the input or the command line is wrong, run as the built
// process: one clear line on stderr naming the problem, and the exit code the help promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/fixtures';

const root = repoRoot();
const cli = join(root, 'dist/cli/ingress-lab.js');
const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

test('unknown options and missing values are named in our words, exit 2', () => {
  assert.deepEqual(run('check', '--bogus'), { code: 2, stdout: '', stderr: 'ingress-lab check: unknown option --bogus (see --help)' });
  assert.deepEqual(run('routes', '-x'), { code: 2, stdout: '', stderr: 'ingress-lab routes: unknown option -x (see --help)' });
  assert.deepEqual(run('check', '--format'), { code: 2, stdout: '', stderr: 'ingress-lab check: --format needs a value' });
  assert.deepEqual(run('route', '-n'), { code: 2, stdout: '', stderr: 'ingress-lab route: --namespace needs a value' });
});

test('a folder without YAML files and a binary file are errors (exit 2), not "0 files checked"', () => {
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'notes.txt'), 'hello\n');
  assert.deepEqual(run('check', 'docs'), { code: 2, stdout: '', stderr: 'ingress-lab check: no *.yaml or *.yml files in "docs"' });
  assert.equal(run('routes', 'docs').code, 2);
  writeFileSync(join(dir, 'logo.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  assert.deepEqual(run('check', 'logo.yaml'),
    { code: 2, stdout: '', stderr: 'ingress-lab check: logo.yaml: not a text file (binary content), so not a YAML manifest' });
});

test('the summary counts with plurals; an empty manifest is clean', () => {
  writeFileSync(join(dir, 'empty.yaml'), '');
  assert.deepEqual(run('check', 'empty.yaml'), { code: 0, stdout: '', stderr: '1 file checked: no problems found' });
  const demo = spawnSync(process.execPath, [cli, 'check', 'test-fixtures/demo'], { cwd: root, encoding: 'utf8' });
  assert.equal(demo.status, 1);
  assert.match(demo.stderr.trim(), /^\d+ files checked: \d+ errors, \d+ warnings(, \d+ notes?)?$/);
});

test('--version is the package version', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  assert.deepEqual(run('--version'), { code: 0, stdout: `${version}\n`, stderr: '' });
});

test('route: the trace does not end by repeating the first line', () => {
  const r = spawnSync(process.execPath, [cli, 'route', '--host', 'shop.example.com', '--path', '/static/x', 'test-fixtures/demo'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'shop.example.com/static/x → service web:8080');
  assert.equal(lines.filter((l) => l.includes('→ service web:8080')).length, 1, r.stdout);
  assert.match(r.stdout, /wins \(longest match: "\/static" over "\/"\)/);
});

test('a reader that stops early (`check | head -1`) ends the output, not the command: no EPIPE crash, the exit code is still 1', async () => {
  const paths = Array.from({ length: 3000 }, (_, i) => `      - path: p${i}\n        backend: {service: {name: a, port: {number: 80}}}\n`).join('');
  writeFileSync(join(dir, 'many.yaml'), `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: many}\nspec:\n  rules:\n  - http:\n      paths:\n${paths}`);
  const child = spawn(process.execPath, [cli, 'check', 'many.yaml'], { cwd: dir });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.doesNotMatch(stderr, /EPIPE|Unhandled|internal error/);
  assert.match(stderr, /^1 file checked: 3000 errors, 3000 warnings/);
  assert.equal(code, 1);
});
