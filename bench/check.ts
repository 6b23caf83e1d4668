// `ingress-lab check` wall time and peak memory on synthetic workspaces, each beside a bare
// `yaml` parse of the same files in the same run (the floor: read + parse, nothing else).
// `check` is the command as a user runs it (the built CLI's main(): find and read the files,
// parse, check, print the findings as text), its output written nowhere. Each measurement runs in a
// fresh Node process so peak RSS belongs to that job alone; the two alternate, so the ratio
// holds up on a busy machine better than either time does.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { collectFiles } from '../server/src/cli/files';
import type { CliIO } from '../server/src/cli/io';
import type { main as CliMain } from '../server/src/cli/main';
import { writeWorkspace } from './support/workspace-gen';

interface Sample { ms: number; rssMB: number; findings: number }

/** `ingress-lab check DIR`: the number of findings it printed (one line each). */
async function check(dir: string): Promise<number> {
  let lines = 0;
  const io: CliIO = { out: (t) => { lines += t.split('\n').length; }, err: () => {}, version: 'bench' };
  // The built executable (npm run bench builds first), loaded only here: the bare parse's
  // process must not pay for loading the CLI, and check pays what a user's run pays.
  const { main: cli } = createRequire(__filename)(resolve(__dirname, '../../dist/cli/ingress-lab.js')) as { main: typeof CliMain };
  await cli(['check', dir], io);
  return lines;
}

async function worker(mode: string, dir: string): Promise<void> {
  const t0 = performance.now();
  let findings = 0;
  if (mode === 'yaml') {
    for (const f of collectFiles([dir])) findings += parseAllDocuments(f.text, { version: '1.1' }).length * 0;
  } else {
    findings = await check(dir);
  }
  const ms = performance.now() - t0;
  const sample: Sample = { ms, rssMB: process.resourceUsage().maxRSS / 1024, findings };
  process.stdout.write(JSON.stringify(sample));
}

function once(mode: string, dir: string): Sample {
  const out = execFileSync(process.execPath, [__filename, '--worker', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out) as Sample;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs alternate (bare parse, check, bare parse, …) so that a change in the machine's load hits
 * both alike; the ratios are the medians of the per-pair ratios, with their range.
 */
function measurePairs(dir: string, runs: number) {
  const pairs: { floor: Sample; check: Sample }[] = [];
  for (let i = 0; i < runs; i++) pairs.push({ floor: once('yaml', dir), check: once('check', dir) });
  const ratios = pairs.map((p) => p.check.ms / p.floor.ms);
  return {
    checkMs: median(pairs.map((p) => p.check.ms)), floorMs: median(pairs.map((p) => p.floor.ms)),
    ratio: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios),
    checkMB: median(pairs.map((p) => p.check.rssMB)), floorMB: median(pairs.map((p) => p.floor.rssMB)),
    findings: pairs[0]!.check.findings,
  };
}

function main(): void {
  const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
  console.log('check: wall time and peak RSS beside a bare yaml parse of the same files, run alternately; medians (ratio range)');
  console.log('ingresses  layout       check ms   yaml ms   ratio (range)          check MB  yaml MB  ratio  findings');
  for (const n of sizes) {
    for (const layout of ['one-file', 'many-files'] as const) {
      const dir = writeWorkspace(n, layout);
      const m = measurePairs(dir, n >= 10000 ? 3 : 5);
      console.log(
        `${String(n).padStart(9)}  ${layout.padEnd(11)} ${m.checkMs.toFixed(0).padStart(9)} ${m.floorMs.toFixed(0).padStart(9)} ` +
        `${m.ratio.toFixed(2).padStart(6)}x (${m.low.toFixed(2)}-${m.high.toFixed(2)}x) ${m.checkMB.toFixed(0).padStart(9)} ${m.floorMB.toFixed(0).padStart(8)} ` +
        `${(m.checkMB / m.floorMB).toFixed(2).padStart(5)}x ${String(m.findings).padStart(9)}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const w = process.argv.indexOf('--worker');
if (w >= 0) void worker(process.argv[w + 1]!, process.argv[w + 2]!);
else main();
