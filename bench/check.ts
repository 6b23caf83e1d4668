// `ingress-lab check` wall time and peak memory on synthetic workspaces, each beside a bare
// `yaml` parse of the same files in the same run (the floor: read + parse, nothing else).
// Each measurement runs in a fresh Node process so peak RSS belongs to that job alone; the two
// alternate, so the ratio holds up on a busy machine better than either time does.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { collectFiles } from '../server/src/cli/files';
import { analyze } from '../server/src/rules/analyze';
import { writeWorkspace } from './support/workspace-gen';

interface Sample { ms: number; rssMB: number; findings: number }

function worker(mode: string, dir: string): void {
  const t0 = performance.now();
  const files = collectFiles([dir]);
  let findings = 0;
  if (mode === 'yaml') {
    for (const f of files) findings += parseAllDocuments(f.text, { version: '1.1' }).length * 0;
  } else {
    findings = analyze(files).findings.length;
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
if (w >= 0) worker(process.argv[w + 1]!, process.argv[w + 2]!);
else main();
