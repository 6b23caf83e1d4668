// Requests/s and p50/p99 latency through the Ingress Lab proxy vs a direct connection to the
// same upstream, in the same run: the upstream and the proxy each run in their own process,
// the load loop (keep-alive, CONCURRENCY requests in flight) in this one. Rounds alternate
// direct and proxied so both see the same machine; the best round of each is reported.
// Run: npm run bench [-- proxy].
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { folderProject } from '../server/src/cli/workspace';
import { IngressProxy, LocalMapResolver, parseMapping } from '../server/src/proxy/index';

const CONCURRENCY = 32;
const RUN_MS = 1500;
const ROUNDS = 3;
const PAYLOADS = { small: 'hello from web\n', '64k': 'x'.repeat(64 * 1024) };

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: bench, namespace: bench}
spec:
  rules:
    - host: bench.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
          - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
`;

function listen(server: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}

async function roleUpstream(): Promise<void> {
  const server = createServer((req, res) => {
    const body = req.url === '/64k' ? PAYLOADS['64k'] : PAYLOADS.small;
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  process.send!({ port: await listen(server) });
}

async function roleProxy(upstreamPort: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ilab-bench-'));
  writeFileSync(join(dir, 'ingress.yaml'), INGRESS);
  const table = folderProject([dir]).routeTable();
  rmSync(dir, { recursive: true, force: true });
  const proxy = new IngressProxy(table, { port: 0, resolver: new LocalMapResolver([parseMapping(`bench/web:80=http://127.0.0.1:${upstreamPort}`)]) });
  process.send!({ port: (await proxy.listen()).http.port });
}

function child(args: string[]): Promise<{ proc: ChildProcess; port: number }> {
  const proc = fork(__filename, args, { stdio: 'inherit' });
  return new Promise((resolve) => proc.once('message', (m: { port: number }) => resolve({ proc, port: m.port })));
}

interface Result { rps: number; p50: number; p99: number; errors: number }

async function load(port: number, path: string): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + RUN_MS;
  const one = () => new Promise<void>((resolve) => {
    const t0 = performance.now();
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { host: 'bench.example.com' } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        if (res.statusCode === 200) latencies.push(performance.now() - t0);
        else errors++;
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end();
  });
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (performance.now() < end) await one(); }));
  const elapsed = performance.now() - start;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { rps: (latencies.length / elapsed) * 1000, p50: pct(0.5), p99: pct(0.99), errors };
}

function best(a: Result | undefined, b: Result): Result {
  return !a || b.rps > a.rps ? b : a;
}

const fmt = (r: Result) => `${Math.round(r.rps).toLocaleString('en-US').padStart(7)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms${r.errors ? `  (${r.errors} errors)` : ''}`;

async function main(): Promise<void> {
  // Three processes (load loop, proxy, upstream) share the machine: say how busy it was.
  console.log(`proxy bench: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)} at start`);
  const upstream = await child(['--role=upstream']);
  const proxy = await child([`--role=proxy`, String(upstream.port)]);
  try {
    for (const [name, path] of [['small', '/'], ['64k', '/64k']] as const) {
      let direct: Result | undefined;
      let proxied: Result | undefined;
      await load(proxy.port, path); // warm-up (JIT, connections)
      for (let round = 0; round < ROUNDS; round++) {
        direct = best(direct, await load(upstream.port, path));
        proxied = best(proxied, await load(proxy.port, path));
      }
      console.log(`proxy bench, ${name} responses, ${CONCURRENCY} in flight, keep-alive:`);
      console.log(`  direct   ${fmt(direct!)}`);
      console.log(`  proxied  ${fmt(proxied!)}`);
      console.log(`  ratio proxied/direct: throughput ${(proxied!.rps / direct!.rps).toFixed(2)}, p50 latency ${(proxied!.p50 / direct!.p50).toFixed(2)}x, p99 latency ${(proxied!.p99 / direct!.p99).toFixed(2)}x`);
    }
  } finally {
    upstream.proc.kill();
    proxy.proc.kill();
  }
}

const role = process.argv.find((a) => a.startsWith('--role='))?.slice(7);
// A child stopped by the parent exits normally (so `--cpu-prof` still writes its profile).
if (role) process.once('SIGTERM', () => process.exit(0));
const run = role === 'upstream' ? roleUpstream() : role === 'proxy' ? roleProxy(Number(process.argv[3])) : main();
run.catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
