// `npm run bench`: builds, then runs every benchmark bundle (out/bench/*.cjs, built from the
// top-level bench/*.ts; helpers live in bench/support/) one after another, so they do not
// compete for the CPU. Usage: npm run bench [-- pattern]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pattern = process.argv.slice(2).find((a) => !a.startsWith('--'));

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

if (run(['scripts/build.mjs']) !== 0) process.exit(1);
const dir = join(root, 'out/bench');
const files = (existsSync(dir) ? readdirSync(dir) : [])
  .filter((f) => f.endsWith('.cjs') && (!pattern || f.includes(pattern)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n▶ ${f.replace(/\.cjs$/, '')}`);
  if (run([join(dir, f)]) !== 0) {
    console.error(`✖ ${f} failed`);
    failed++;
  }
}
if (files.length === 0) console.log('no benchmarks in out/bench');
process.exit(failed ? 1 : 0);
