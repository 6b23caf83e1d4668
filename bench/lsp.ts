// The language server beside yaml-language-server (configured with a bundled Kubernetes
// Ingress/Service JSON schema) on the same files, in one run: didOpen → diagnostics, a
// one-character edit → next diagnostics, completion latency, and the server's peak memory,
// for one file of N Ingresses + N Services (edit→diagnostics: median and p99 of 41 one-character
// edits, 3 at N=10,000). Each server is a separate process over stdio.
// Usage: node out/bench/lsp.cjs   (BENCH_SIZES=100,1000 to choose sizes, BENCH_ONLY=ingress-lab)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DidChangeConfigurationNotification, type CompletionList } from 'vscode-languageserver-protocol';
import { repoRoot } from '../server/test/helpers/fixtures';
import { TestClient } from '../server/test/lsp/lsp-client';
import { workspaceText } from './support/workspace-gen';

type ServerName = 'ingress-lab' | 'yaml-language-server';

interface Result {
  openMs: number;
  editMs: number;
  editP99Ms: number;
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

function startClient(name: ServerName): TestClient {
  if (name === 'ingress-lab') return new TestClient();
  return new TestClient({
    command: [join(repoRoot(), 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
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

async function measure(name: ServerName, n: number): Promise<Result> {
  const text = workspaceText(n);
  const lines = text.split('\n');
  const mid = Math.floor(n / 2);
  const nameLine = lines.indexOf(`  name: app-${mid}`);
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
    const edits: number[] = [];
    const col = lines[pathLine]!.indexOf('/api') + 4;
    for (let k = 0; k < (n >= 10000 ? 3 : 41); k++) {
      const next = client.waitFor(uri);
      const t = performance.now();
      if (k % 2 === 0) await client.edit(uri, [pathLine, col], [pathLine, col], 'x');
      else await client.edit(uri, [pathLine, col], [pathLine, col + 1], '');
      await withTimeout(next, `${name} edit ${n}`);
      edits.push(performance.now() - t);
    }
    const completions: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      const r = await withTimeout(client.conn.sendRequest(CompletionRequest.type, {
        textDocument: { uri }, position: { line: typeLine, character: lines[typeLine]!.indexOf(':') + 2 },
      }), `${name} completion ${n}`);
      completions.push(performance.now() - t);
      const items = Array.isArray(r) ? r : (r as CompletionList | null)?.items ?? [];
      if (!items.some((i) => i.label === 'Prefix')) throw new Error(`${name}: no pathType completion at ${typeLine}`);
    }
    return { openMs, editMs: median(edits), editP99Ms: percentile(edits, 0.99), completionMs: median(completions), peakMB: peakMB(client.proc.pid) };
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
      ['didOpen→diag', 'openMs', fmt], ['edit→diag', 'editMs', fmt], ['edit→diag p99', 'editP99Ms', fmt], ['completion', 'completionMs', fmt], ['peak RSS', 'peakMB', (v) => `${v.toFixed(0)} MB`],
    ];
    for (const [label, key, f] of rows) {
      const ratio = theirs ? `${(theirs[key] / ours[key]).toFixed(1)}x` : '-';
      console.log(`${String(n).padStart(5)}  ${label.padEnd(16)}  ${f(ours[key]).padEnd(12)}  ${(theirs ? f(theirs[key]) : '-').padEnd(12)}  ${ratio}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
