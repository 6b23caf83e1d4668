// Fuzzing parse → rules → matcher → CLI with hostile manifests (issue 10, "Harnesses"). A fixed
// seed runs a small slice in `npm test`; `npm run fuzz` runs many more inputs with a fresh seed
// (INGRESS_LAB_FUZZ_RUNS, INGRESS_LAB_FUZZ_CLI_RUNS, INGRESS_LAB_FUZZ_SEED) and prints the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '../helpers/fixtures';
import { hostileFile, hostileManifest } from './inputs';
import { CLI_HEAP_MB, checkCli, checkInProcess, type Cost } from './properties';

const seed = Number(process.env.INGRESS_LAB_FUZZ_SEED ?? 20261206);
const runs = Number(process.env.INGRESS_LAB_FUZZ_RUNS ?? 60);
const cliRuns = Number(process.env.INGRESS_LAB_FUZZ_CLI_RUNS ?? 2);
/** Per input: far above any honest input (a hang or a blow-up, not a slow machine, trips it). */
const LIMIT_MS = Number(process.env.INGRESS_LAB_FUZZ_LIMIT_MS ?? 20_000);

class Worst {
  count = 0;
  ms = 0;
  heapMB = 0;
  add(c: Cost): Cost {
    this.count++;
    this.ms = Math.max(this.ms, c.ms);
    this.heapMB = Math.max(this.heapMB, c.heapMB);
    assert.ok(c.ms < LIMIT_MS, `an input took ${c.ms.toFixed(0)} ms`);
    return c;
  }
  report(what: string, memory = `${this.heapMB.toFixed(0)} MB of heap growth`): string {
    return `${what}: ${this.count} inputs (seed ${seed}), worst ${this.ms.toFixed(0)} ms and ${memory} per input`;
  }
}

test('hostile manifests: no exception, every range inside its document, routes looked up, bounded time and memory', (t) => {
  const worst = new Worst();
  fc.assert(fc.property(hostileManifest, (text) => { worst.add(checkInProcess(text)); }), { seed, numRuns: runs, endOnFailure: true });
  const report = worst.report('parse → rules → matcher');
  t.diagnostic(report);
  console.log(report);
});

test('hostile files through the built CLI: check and routes exit 0, 1 or 2 with no stack trace', (t) => {
  const cli = join(repoRoot(), 'dist/cli/ingress-lab.js');
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-fuzz-'));
  const worst = new Worst();
  try {
    fc.assert(fc.property(hostileFile, (bytes) => { worst.add(checkCli(cli, dir, bytes)); }), { seed, numRuns: cliRuns, endOnFailure: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const report = worst.report('CLI check + routes', `at most ${CLI_HEAP_MB} MB of old space (capped)`);
  t.diagnostic(report);
  console.log(report);
});
