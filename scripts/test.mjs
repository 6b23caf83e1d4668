// The whole test suite, in the order a failure is cheapest to find:
// build → type-check → lint → unit/LSP/CLI/cluster tests (node:test) → editor tests (real VS Code).
// Usage: npm test [-- --only=unit|editor] [-- pattern]   (pattern filters node:test files by name)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const pattern = args.find((a) => !a.startsWith('--'));

function run(title, cmd, cmdArgs, opts = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function walk(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p, suffix) : p.endsWith(suffix) ? [p] : [];
  });
}

run('build', process.execPath, ['scripts/build.mjs']);
if (!only) {
  run('type-check', process.execPath, ['node_modules/typescript/bin/tsc', '-b']);
  run('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']);
}
if (!only || only === 'unit') {
  const files = [...walk(join(root, 'out/server/test'), '.test.cjs'), ...walk(join(root, 'out/client/test/unit'), '.test.cjs')]
    .filter((f) => !pattern || f.includes(pattern))
    .sort();
  run(`node:test (${files.length} files)`, process.execPath, ['--test', '--test-reporter=spec', '--test-timeout=120000', ...files]);
}
if ((!only || only === 'editor') && existsSync(join(root, 'scripts/editor-test.mjs'))) {
  run('editor tests (real VS Code)', process.execPath, ['scripts/editor-test.mjs']);
}
console.log('\n✔ all tests passed');
