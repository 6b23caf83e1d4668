// The proxy against its peers, in one run (issue 9, "The proxy keeps up"): the same small
// Node backend reached directly, through a bare node:http proxy, through `ingress-lab serve`
// (the built CLI, as a user runs it; also with --profile ingress-nginx) and through nginx
// (1 worker, keep-alive upstream, equivalent `location` rules). Load: `wrk -t1 -c50` (else
// a keep-alive loop here, and the report says so). Figures: requests/s, p50/p99 latency, CPU time per request of the
// proxy process and its kernel part (from /proc), and their ratios to nginx; the load average
// before and after each table says how busy the machine was. Peers take turns, round after
// round, so each sees the same machine; the median round is reported with the range.
// Run: npm run bench -- proxy   (BENCH_SECONDS, BENCH_ROUNDS to change the defaults)
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { cpuMs, CONNECTIONS, nodeLoad, which, wrkLoad, type Load } from './support/load';
import { startNginx } from './support/nginx';

const SERVE_NGINX = 'serve ingress-nginx';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PAYLOADS: Record<string, string> = { '/': 'hello from web\n', '/64k': 'x'.repeat(64 * 1024) };

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
    const body = PAYLOADS[req.url ?? '/'] ?? PAYLOADS['/']!;
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  process.send!({ port: await listen(server) });
}

/** The floor for a Node proxy: node:http in and out, keep-alive upstream, no routing, no checks. */
async function roleNodeProxy(upstreamPort: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const server = createServer((req, res) => {
    const up = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers, agent }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  process.send!({ port: await listen(server) });
}

function child(args: string[]): Promise<{ proc: ChildProcess; port: number }> {
  const proc = fork(__filename, args, { stdio: 'inherit' });
  return new Promise((resolve) => proc.once('message', (m: { port: number }) => resolve({ proc, port: m.port })));
}

async function freePort(): Promise<number> {
  const s = createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

interface Peer {
  name: string;
  port: number;
  /** The proxy's processes, for CPU time; none for the direct peer. */
  pids(): number[];
  stop(): Promise<void> | void;
}

/** `ingress-lab serve` from dist/ with `args`, its log (one line per request) to a file as nginx's access log is. */
async function startServe(dir: string, upstreamPort: number, name: string, args: string[] = []): Promise<Peer> {
  const cli = join(__dirname, '../../dist/cli/ingress-lab.js');
  const log = join(dir, `${name.replace(/\W+/g, '-')}.log`);
  const fd = openSync(log, 'w');
  const map = ['web', 'api'].flatMap((s) => ['--map', `bench/${s}:80=http://127.0.0.1:${upstreamPort}`]);
  // BENCH_SERVE_NODE_ARGS=--cpu-prof profiles the proxy under load.
  const proc = spawn(process.execPath, [...(process.env.BENCH_SERVE_NODE_ARGS?.split(' ').filter(Boolean) ?? []), cli, 'serve', join(dir, 'rules'), '--port', '0', '--no-https', ...map, ...args],
    { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  let port: number | undefined;
  for (let i = 0; i < 500 && !port; i++) {
    port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(readFileSync(log, 'utf8'))?.[1]) || undefined;
    if (!port) await new Promise((r) => setTimeout(r, 20));
  }
  if (!port) throw new Error(`ingress-lab serve did not start: ${readFileSync(log, 'utf8')}`);
  return {
    name, port, pids: () => [proc.pid!],
    stop: () => new Promise<void>((r) => { proc.once('exit', () => r()); proc.kill('SIGINT'); }),
  };
}

/** cpuPerReq: µs of CPU time per request, sysPerReq the part of it spent in the kernel (socket reads and writes, wake-ups). */
interface Round { load: Load; cpuPerReq: number; sysPerReq: number }

async function measure(peer: Peer, path: string, loader: (port: number, path: string, s: number) => Promise<Load>): Promise<Round> {
  await loader(peer.port, path, 1); // warm-up: JIT, pooled connections
  const before = cpuMs(peer.pids());
  const load = await loader(peer.port, path, SECONDS);
  const after = cpuMs(peer.pids());
  const perReq = (ms: number) => (peer.pids().length && load.requests ? (ms * 1000) / load.requests : NaN);
  return { load, cpuPerReq: perReq(after.user + after.system - before.user - before.system), sysPerReq: perReq(after.system - before.system) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmtN = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-');

function summary(rounds: Round[]) {
  const rps = rounds.map((r) => r.load.rps);
  return {
    rps: median(rps), min: Math.min(...rps), max: Math.max(...rps),
    p50: median(rounds.map((r) => r.load.p50)), p99: median(rounds.map((r) => r.load.p99)),
    cpu: median(rounds.map((r) => r.cpuPerReq)), sys: median(rounds.map((r) => r.sysPerReq)), errors: rounds.reduce((a, r) => a + r.load.errors, 0),
  };
}

type Summary = ReturnType<typeof summary>;

/** `load`: the 1-minute load average before and after the rounds (other work on the machine shows there). */
function report(path: string, results: Map<string, Summary>, load: [number, number]): void {
  console.log(`\n${path === '/' ? 'small' : '64 KiB'} responses (GET ${path}), ${CONNECTIONS} connections, median of ${ROUNDS} rounds of ${SECONDS} s, load average ${load[0].toFixed(2)} → ${load[1].toFixed(2)}:`);
  console.log(`  ${'peer'.padEnd(20)}${'req/s (range)'.padEnd(26)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'CPU µs/req'.padStart(12)}${'(kernel)'.padStart(10)}`);
  for (const [name, s] of results) {
    const range = `${fmtN(s.rps)} (${fmtN(s.min)}–${fmtN(s.max)})`;
    console.log(`  ${name.padEnd(20)}${range.padEnd(26)}${fmtN(s.p50, 2).padStart(8)}${fmtN(s.p99, 2).padStart(8)}${fmtN(s.cpu, 0).padStart(12)}${fmtN(s.sys, 0).padStart(10)}${s.errors ? `  (${s.errors} errors)` : ''}`);
  }
  const ratio = (peer: string, goal = '', who = 'ingress-lab serve') => {
    const serve = results.get(who);
    const o = results.get(peer);
    if (!serve || !o) return `  vs ${peer}: not measured`;
    return `  ${who === SERVE_NGINX ? 'serve --profile ingress-nginx' : 'serve'} / ${peer}: req/s ${(serve.rps / o.rps).toFixed(2)}×${goal ? ' (goal ≥ 0.5×)' : ''}, p50 ${(serve.p50 / o.p50).toFixed(2)}×, p99 ${(serve.p99 / o.p99).toFixed(2)}×${goal ? ' (goal ≤ 2×)' : ''}, CPU/request ${(serve.cpu / o.cpu).toFixed(2)}×`;
  };
  console.log(ratio('nginx', 'goal'));
  console.log(ratio('nginx', 'goal', SERVE_NGINX));
  console.log(ratio('node:http proxy'));
  const serve = results.get('ingress-lab serve');
  if (serve && results.get('direct')) console.log(`  serve / direct: req/s ${(serve.rps / results.get('direct')!.rps).toFixed(2)}×`);
}

async function startPeers(dir: string, upstreamPort: number): Promise<Peer[]> {
  const peers: Peer[] = [{ name: 'direct', port: upstreamPort, pids: () => [], stop: () => {} }];
  const node = await child(['--role=node-proxy', String(upstreamPort)]);
  peers.push({ name: 'node:http proxy', port: node.port, pids: () => [node.proc.pid!], stop: () => { node.proc.kill(); } });
  peers.push(await startServe(dir, upstreamPort, 'ingress-lab serve'));
  // ingress-nginx users' case: the profile's redirects, rewrites and canaries are checked on every request.
  peers.push(await startServe(dir, upstreamPort, SERVE_NGINX, ['--profile', 'ingress-nginx']));
  const nginxBin = which('nginx', ['/usr/sbin/nginx']);
  if (!nginxBin) console.log('nginx not found (Debian: apt-get install nginx-light): the nginx peer is skipped');
  else {
    const port = await freePort();
    const nginx = await startNginx(nginxBin, join(dir, 'nginx'), port, upstreamPort);
    peers.push({ name: 'nginx', port, pids: nginx.pids, stop: nginx.stop });
  }
  return peers;
}

async function main(): Promise<void> {
  const wrk = which('wrk', ['/usr/bin/wrk']);
  const loader = wrk ? (port: number, path: string, s: number) => wrkLoad(wrk, port, path, s) : nodeLoad;
  console.log(`proxy bench: ${wrk ? `wrk -t1 -c${CONNECTIONS}` : `wrk not found (Debian: apt-get install wrk): a keep-alive loop of ${CONNECTIONS} in the bench process instead`}; ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)} at start`);
  const dir = mkdtempSync(join(tmpdir(), 'ilab-bench-'));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules', 'ingress.yaml'), INGRESS);
  const upstream = await child(['--role=upstream']);
  const peers: Peer[] = [];
  try {
    peers.push(...await startPeers(dir, upstream.port));
    for (const path of ['/', '/64k']) {
      const loadBefore = loadavg()[0]!;
      const rounds = new Map<string, Round[]>(peers.map((p) => [p.name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate the order each round: no peer always runs first or last.
        for (let i = 0; i < peers.length; i++) {
          const peer = peers[(i + round) % peers.length]!;
          rounds.get(peer.name)!.push(await measure(peer, path, loader));
        }
      }
      report(path, new Map([...rounds].map(([name, rs]) => [name, summary(rs)])), [loadBefore, loadavg()[0]!]);
    }
  } finally {
    for (const p of peers) await p.stop();
    upstream.proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const role = process.argv.find((a) => a.startsWith('--role='))?.slice(7);
// A child stopped by the parent exits normally (so `--cpu-prof` still writes its profile).
if (role) process.once('SIGTERM', () => process.exit(0));
const run = role === 'upstream' ? roleUpstream() : role === 'node-proxy' ? roleNodeProxy(Number(process.argv[3])) : main();
run.catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
