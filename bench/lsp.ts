// The language server beside yaml-language-server (configured with a bundled Kubernetes
// Ingress/Service JSON schema) on the same files, in one run: didOpen → diagnostics, a
// one-character edit → next diagnostics (median, p99 and max; 201 edits up to N=1,000 and 21 at
// N=10,000 for ingress-lab, 41 and 3 for yaml-language-server, whose edits take seconds), how many
// files each edit re-published (a second open file with diagnostics of its own is not touched by
// the edits: 1.0 means only the edited file was sent), completion latency, and the server's peak
// memory, for one file of N Ingresses + N Services. Each server is a separate process over stdio.
// Usage: node out/bench/lsp.cjs   (BENCH_SIZES=100,1000 to choose sizes, BENCH_ONLY=ingress-lab,
// BENCH_EDITS=N edits per size, BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=DIR" node flags for the servers,
// BENCH_SERVER=FILE another build of the ingress-lab server, to compare two builds in turn)
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DidChangeConfigurationNotification, type CompletionList } from 'vscode-languageserver-protocol';
import { repoRoot } from '../server/test/helpers/fixtures';
import { TestClient } from '../server/test/lsp/lsp-client';
import { workspaceText } from './support/workspace-gen';

type ServerName = 'ingress-lab' | 'yaml-language-server';

interface Result {
  openMs: number;
  edits: number;
  editMs: number;
  editP99Ms: number;
  editMaxMs: number;
  /** publishDiagnostics notifications per edit, over every open file. */
  publishedPerEdit: number;
  completionMs: number;
  peakMB: number;
}

const TIMEOUT_MS = 10 * 60 * 1000;
const SCHEMA = pathToFileURL(join(repoRoot(), 'bench/schemas/ingress-v1.schema.json')).href;
const YAML_SETTINGS = {
  validate: true, hover: true, completion: true, format: { enable: false },
  schemas: { [SCHEMA]: '*.yaml' }, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
};

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout: ${what}`)), TIMEOUT_MS); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function peakMB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The p-th quantile (nearest rank) of xs. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}

/** Node flags for the server processes (BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof", "--trace-gc"). */
const SERVER_FLAGS = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);

function startClient(name: ServerName): TestClient {
  if (name === 'ingress-lab') return new TestClient({ command: [...SERVER_FLAGS, process.env.BENCH_SERVER ?? join(repoRoot(), 'dist/server/server.js'), '--stdio'] });
  return new TestClient({
    command: [...SERVER_FLAGS, join(repoRoot(), 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    configuration: (section) => (section === 'yaml' ? YAML_SETTINGS : {}),
  });
}

/** Until a tiny document with a bad pathType is reported, the server is not configured yet. */
async function warmUp(client: TestClient, name: ServerName): Promise<void> {
  if (process.env.BENCH_DEBUG) console.error(`warm-up ${name}`);
  await client.initialize();
  if (name === 'yaml-language-server') {
    await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { yaml: YAML_SETTINGS } });
  }
  const uri = 'file:///tmp/bench-warmup.yaml';
  await client.open(uri, 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: w\nspec:\n  rules:\n    - http:\n        paths:\n          - path: x\n            pathType: Prefix\n            backend:\n              service:\n                name: w\n                port:\n                  number: 80\n');
  await withTimeout(client.waitFor(uri, (d) => d.length > 0, true), `${name} warm-up`);
  if (process.env.BENCH_DEBUG) console.error(`warm-up done ${name}; stderr: ${client.stderr}`);
}

/** Edits per size: enough for a p99 that is not just the slowest edit, where an edit takes milliseconds. */
function editCount(name: ServerName, n: number): number {
  if (process.env.BENCH_EDITS) return Number(process.env.BENCH_EDITS);
  if (name === 'yaml-language-server') return n >= 10000 ? 3 : 41;
  return n >= 10000 ? 21 : 201;
}

interface EditTimes {
  times: number[];
  /** client.published.length before the first edit. */
  publishedBefore: number;
}

/** One-character edits in the middle of the file, alternately typed and deleted: the times to the next diagnostics of the file. */
async function editLoop(client: TestClient, name: ServerName, uri: string, at: [number, number], count: number): Promise<EditTimes> {
  const [line, col] = at;
  const times: number[] = [];
  const publishedBefore = client.published.length;
  for (let k = 0; k < count; k++) {
    const next = client.waitFor(uri);
    const t = performance.now();
    if (k % 2 === 0) await client.edit(uri, [line, col], [line, col], 'x');
    else await client.edit(uri, [line, col], [line, col + 1], '');
    await withTimeout(next, `${name} edit`);
    times.push(performance.now() - t);
  }
  return { times, publishedBefore };
}

/** Median completion latency of a pathType value; the answer must offer Prefix. */
async function completionMs(client: TestClient, name: ServerName, uri: string, line: number, character: number): Promise<number> {
  const completions: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const r = await withTimeout(client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }), `${name} completion`);
    completions.push(performance.now() - t);
    const items = Array.isArray(r) ? r : (r as CompletionList | null)?.items ?? [];
    if (!items.some((i) => i.label === 'Prefix')) throw new Error(`${name}: no pathType completion at ${line}`);
  }
  return median(completions);
}

async function measure(name: ServerName, n: number): Promise<Result> {
  const text = workspaceText(n);
  const lines = text.split('\n');
  const nameLine = lines.indexOf(`  name: app-${Math.floor(n / 2)}`);
  const pathLine = lines.findIndex((l, i) => i > nameLine && l.includes('- path: /api/v'));
  const typeLine = pathLine + 1;
  const client = startClient(name);
  try {
    await warmUp(client, name);
    const uri = `file:///tmp/bench-${n}.yaml`;
    const t0 = performance.now();
    const opened = client.waitFor(uri);
    await client.open(uri, text);
    await withTimeout(opened, `${name} didOpen ${n}`);
    const openMs = performance.now() - t0;
    const edits = await editLoop(client, name, uri, [pathLine, lines[pathLine]!.indexOf('/api') + 4], editCount(name, n));
    // The completion answer comes after every publish the last edit caused: they are all counted by now.
    const completion = await completionMs(client, name, uri, typeLine, lines[typeLine]!.indexOf(':') + 2);
    const publishedPerEdit = (client.published.length - edits.publishedBefore) / edits.times.length;
    return {
      openMs, edits: edits.times.length, editMs: median(edits.times), editP99Ms: percentile(edits.times, 0.99), editMaxMs: Math.max(...edits.times),
      publishedPerEdit, completionMs: completion, peakMB: peakMB(client.proc.pid),
    };
  } finally {
    await client.stop().catch(() => client.proc.kill());
  }
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
  console.log('lsp: one file of N Ingresses + N Services; ingress-lab vs yaml-language-server 1.25 with a bundled Ingress schema');
  console.log('    N  measure           ingress-lab   yaml-ls       yaml-ls / ingress-lab');
  for (const n of sizes) {
    const ours = await measure('ingress-lab', n);
    let theirs: Result | undefined;
    try {
      if (process.env.BENCH_ONLY === 'ingress-lab') throw new Error('skipped (BENCH_ONLY)');
      theirs = await measure('yaml-language-server', n);
    } catch (e) {
      console.log(`${String(n).padStart(5)}  yaml-language-server: ${(e as Error).message}`);
    }
    const rows: [string, keyof Result, (v: number) => string][] = [
      ['didOpen→diag', 'openMs', fmt], ['edits measured', 'edits', String], ['edit→diag', 'editMs', fmt], ['edit→diag p99', 'editP99Ms', fmt],
      ['edit→diag max', 'editMaxMs', fmt], ['files sent/edit', 'publishedPerEdit', (v) => v.toFixed(2)], ['completion', 'completionMs', fmt],
      ['peak RSS', 'peakMB', (v) => `${v.toFixed(0)} MB`],
    ];
    console.log(`${String(n).padStart(5)}  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${cpus().length} CPUs)`);
    for (const [label, key, f] of rows) {
      const counts = key === 'edits' || key === 'publishedPerEdit';
      const ratio = theirs && !counts ? `${(theirs[key] / ours[key]).toFixed(1)}x` : '-';
      console.log(`${String(n).padStart(5)}  ${label.padEnd(16)}  ${f(ours[key]).padEnd(12)}  ${(theirs ? f(theirs[key]) : '-').padEnd(12)}  ${ratio}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
