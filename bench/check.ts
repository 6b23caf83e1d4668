// `ingress-lab check` wall time and peak memory on synthetic workspaces, each beside a bare
// `yaml` parse of the same files in the same run (the floor: read + parse, nothing else).
// Each measurement runs in a fresh Node process so peak RSS belongs to that job alone.
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

function measure(mode: string, dir: string, runs: number): Sample {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [__filename, '--worker', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    samples.push(JSON.parse(out) as Sample);
  }
  samples.sort((a, b) => a.ms - b.ms);
  return samples[Math.floor(samples.length / 2)]!;
}

function main(): void {
  const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
  console.log('check: wall time and peak RSS, median of runs, each beside a bare yaml parse of the same files');
  console.log('ingresses  layout       check ms   yaml ms   ratio   check MB  yaml MB  ratio  findings');
  for (const n of sizes) {
    for (const layout of ['one-file', 'many-files'] as const) {
      const dir = writeWorkspace(n, layout);
      const runs = n >= 10000 ? 3 : 5;
      const floor = measure('yaml', dir, runs);
      const check = measure('check', dir, runs);
      console.log(
        `${String(n).padStart(9)}  ${layout.padEnd(11)} ${check.ms.toFixed(0).padStart(9)} ${floor.ms.toFixed(0).padStart(9)} ` +
        `${(check.ms / floor.ms).toFixed(2).padStart(6)}x ${check.rssMB.toFixed(0).padStart(9)} ${floor.rssMB.toFixed(0).padStart(8)} ` +
        `${(check.rssMB / floor.rssMB).toFixed(2).padStart(5)}x ${String(check.findings).padStart(9)}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const w = process.argv.indexOf('--worker');
if (w >= 0) worker(process.argv[w + 1]!, process.argv[w + 2]!);
else main();
