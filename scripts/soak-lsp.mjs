// `npm run soak:lsp`: the long run of the LSP session harness (server/test/lsp/session-harness.ts).
// Builds, then runs the session test with many operations in rounds and prints its figures:
// operations, edits, file events, mismatches against a fresh check, server RSS start/peak/end
// and at the end of each round. Usage: npm run soak:lsp [-- --ops N] [--rounds R] [--seed S]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const env = {
  ...process.env,
  INGRESS_LAB_SESSION_OPS: arg('ops', '5000'),
  INGRESS_LAB_SESSION_ROUNDS: arg('rounds', '4'),
  INGRESS_LAB_SESSION_SEED: arg('seed', String(Date.now() % 1_000_000)),
};
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
console.log(`LSP soak: ${env.INGRESS_LAB_SESSION_ROUNDS} rounds of ${env.INGRESS_LAB_SESSION_OPS} operations, seed ${env.INGRESS_LAB_SESSION_SEED}`);
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-timeout=7200000', join(root, 'out/server/test/lsp/session.test.cjs')],
  { cwd: root, stdio: 'inherit', env });
process.exit(run.status ?? 1);
