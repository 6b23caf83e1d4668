// `npm run fuzz`: the long run of the fuzzing harness (server/test/fuzz). Builds, then feeds
// many hostile manifests through parse → rules → matcher in process and a share of them through
// the built CLI, with a fresh seed (printed, to replay: INGRESS_LAB_FUZZ_SEED=N npm run fuzz).
// Usage: npm run fuzz [-- RUNS [CLI_RUNS]]   (defaults 5000 and 100)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [runs = '5000', cliRuns = '100'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const seed = process.env.INGRESS_LAB_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
console.log(`fuzz: ${runs} inputs in process, ${cliRuns} through the CLI, seed ${seed}`);
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-timeout=0', join(root, 'out/server/test/fuzz/fuzz.test.cjs')], {
  cwd: root, stdio: 'inherit',
  env: { ...process.env, INGRESS_LAB_FUZZ_FULL: '1', INGRESS_LAB_FUZZ_SEED: seed, INGRESS_LAB_FUZZ_RUNS: runs, INGRESS_LAB_FUZZ_CLI_RUNS: cliRuns },
});
process.exit(r.status ?? 1);
