// `npm run soak:agreement [-- RUNS [SEED]]`: the every-face agreement property
// (server/test/engine/agreement.property.test.ts) on many more random workspaces than npm test
// runs (default 200, a random seed); prints how many workspaces and edits ran, and the seed to
// replay a failure with.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [runs = '200', seed = String(Math.floor(Math.random() * 2 ** 31))] = process.argv.slice(2);
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'out/server/test/engine/agreement.property.test.cjs'], {
  cwd: root, stdio: 'inherit', env: { ...process.env, AGREEMENT_RUNS: runs, AGREEMENT_SEED: seed },
});
process.exit(r.status ?? 1);
