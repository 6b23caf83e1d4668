// `npm run soak:proxy`: `ingress-lab serve` (the built CLI, as a user runs it) under minutes
// of trouble (issue 10, "Proxy soak"): 50 keep-alive connections in a loop, the rules file
// rewritten every 100 ms, a backend killed and restarted, a backend that never answers, and
// slow clients (headers dribbled a byte at a time, large answers read slowly). Every 10 s:
// requests served and failed (with why), p99 latency, and the proxy's RSS and open fds.
// Requests to /stable must never fail; the others fail only as explained (502 while the
// killed backend is down, 504 from the hung one). Exit 1 on any other failure, or when the
// proxy's fds or RSS keep growing. SOAK_SECONDS (default 120) sets the length.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const CONNECTIONS = 50;
const HEADERS_TIMEOUT_S = 2;

// A backend process: /big answers 1 MiB, /hang never answers, anything else a line.
const BACKEND = `
const http = require('http');
const big = Buffer.alloc(1 << 20, 120);
http.createServer((req, res) => {
  if (req.url.startsWith('/hang')) return;
  if (req.url.startsWith('/stable/big')) return res.end(big);
  res.end(process.argv[1] + ' ' + req.url);
}).listen(Number(process.argv[2]), '127.0.0.1', function () { process.send(this.address().port); });`;

function startBackend(name, port = 0) {
  const proc = spawn(process.execPath, ['-e', BACKEND, name, String(port)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve) => proc.once('message', (p) => resolve({ proc, port: p })));
}

function rules(generation) {
  const path = (p, svc) => `          - {path: ${p}, pathType: Prefix, backend: {service: {name: ${svc}, port: {number: 80}}}}`;
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: soak, namespace: soak, annotations: {generation: "${generation}"}}
spec:
  rules:
    - host: soak.example.com
      http:
        paths:
${[path('/stable', 'stable'), path('/flaky', 'flaky'), path('/hang', 'hung'), path(`/extra-${generation % 7}`, 'stable')].join('\n')}
`;
}

async function startServe(dir, ports) {
  const maps = Object.entries(ports).flatMap(([svc, port]) => ['--map', `soak/${svc}:80=http://127.0.0.1:${port}`]);
  const proc = spawn(process.execPath, [join(root, 'dist/cli/ingress-lab.js'), 'serve', join(dir, 'rules'), '--port', '0', '--no-https',
    '--headers-timeout', String(HEADERS_TIMEOUT_S), ...maps], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let reloads = 0;
  const port = await new Promise((resolve) => proc.stdout.on('data', (d) => {
    out += d.toString();
    reloads += (d.toString().match(/^reloaded:/gm) ?? []).length;
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
    if (out.length > 1e5) out = out.slice(-1e4);
  }));
  return { proc, port, reloads: () => reloads };
}

function processStats(pid) {
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  return { rssMb: rss, fds: readdirSync(`/proc/${pid}/fd`).length };
}

class Tally {
  constructor() { this.reset(); this.total = { served: 0, failed: new Map() }; }
  reset() { this.latencies = []; this.served = 0; this.failed = new Map(); }
  ok(ms) { this.served++; this.total.served++; this.latencies.push(ms); }
  fail(path, why) {
    const key = `${path.split('/')[1]}: ${why}`;
    for (const m of [this.failed, this.total.failed]) m.set(key, (m.get(key) ?? 0) + 1);
  }
  p99() {
    const l = this.latencies.sort((a, b) => a - b);
    return l.length ? l[Math.min(l.length - 1, Math.floor(l.length * 0.99))] : NaN;
  }
}

const PATHS = [...Array(16).fill('/stable'), '/flaky', '/flaky', '/flaky', '/hang'];

function oneRequest(port, agent, tally, n) {
  const path = `${PATHS[n % PATHS.length]}/${n}`;
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { host: 'soak.example.com' } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) tally.ok(performance.now() - t0);
        else tally.fail(path, `${res.statusCode} ${res.headers['x-ingress-lab-reason'] ?? ''}`.replace(/127\.0\.0\.1:\d+/, '…').replace(/\d+ms/, 'Nms').trim());
        resolve();
      });
      res.on('error', () => { tally.fail(path, 'response cut'); resolve(); });
    });
    req.on('error', (e) => { tally.fail(path, `client error ${e.code ?? e.message}`); resolve(); });
    req.end();
  });
}

/** A client that dribbles its request head, one byte every 200 ms, then reads the answer. */
function slowSender(port, tally) {
  const head = 'GET /stable/slow-sender HTTP/1.1\r\nHost: soak.example.com\r\nConnection: close\r\n\r\n';
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let i = 0;
    let answer = '';
    const timer = setInterval(() => { if (i < head.length) s.write(head[i++]); }, 200);
    s.on('data', (d) => { answer += d.toString(); });
    s.on('error', () => {});
    s.on('close', () => {
      clearInterval(timer);
      if (answer.startsWith('HTTP/1.1 200')) tally.ok(0); else tally.fail('/slow-sender', answer.slice(0, 30) || 'closed without answer');
      resolve();
    });
  });
}

/** A client that asks for 1 MiB and reads it in small sips (paused most of the time). */
function slowReader(port, tally) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/stable/big', agent: false, headers: { host: 'soak.example.com' } }, (res) => {
      let got = 0;
      // 16 KiB every 20 ms: the proxy must hold the rest back (backpressure), not buffer it all.
      const sip = setInterval(() => { const c = res.read(16 * 1024) ?? res.read(); if (c) got += c.length; }, 20);
      res.on('end', () => { clearInterval(sip); if (got === 1 << 20) tally.ok(0); else tally.fail('/slow-reader', `short body ${got}`); resolve(); });
      res.on('error', () => { clearInterval(sip); tally.fail('/slow-reader', 'response cut'); resolve(); });
    });
    req.on('error', (e) => { tally.fail('/slow-reader', `client error ${e.code}`); resolve(); });
    req.end();
  });
}

/** Kills the flaky backend every 30 s and restarts it (same port) 10 s later. */
function chaos(backends) {
  const timers = [];
  const cycle = () => {
    backends.flaky.proc.kill('SIGKILL');
    console.log('  ! flaky backend killed');
    timers.push(setTimeout(async () => {
      backends.flaky = await startBackend('flaky', backends.flaky.port);
      console.log('  ! flaky backend restarted');
    }, 10_000));
  };
  timers.push(setTimeout(() => { cycle(); timers.push(setInterval(cycle, 30_000)); }, 15_000));
  return () => timers.forEach((t) => clearTimeout(t));
}

const EXPLAINED = [/^flaky: 502 /, /^hang: 504 mapped upstream http:\/\/… timed out: no response headers/];

function printWindow(t, tally, serve, samples) {
  const stats = processStats(serve.proc.pid);
  samples.push(stats);
  const failed = [...tally.failed].map(([k, v]) => `${v}× ${k}`).join('; ') || 'none';
  console.log(`${String(t).padStart(4)} s  served ${String(tally.served).padStart(6)}  p99 ${tally.p99().toFixed(1).padStart(7)} ms  RSS ${stats.rssMb.toFixed(0)} MB  fds ${stats.fds}  reloads ${serve.reloads()}  failed: ${failed}`);
  tally.reset();
}

function verdict(tally, samples, fdsAfter) {
  const unexplained = [...tally.total.failed].filter(([k]) => !EXPLAINED.some((re) => re.test(k)));
  const failedTotal = [...tally.total.failed.values()].reduce((a, b) => a + b, 0);
  console.log(`\nserved ${tally.total.served}, failed ${failedTotal}:`);
  for (const [k, v] of tally.total.failed) console.log(`  ${String(v).padStart(6)}× ${k}${EXPLAINED.some((re) => re.test(k)) ? '' : '   ← unexplained'}`);
  const rss = samples.map((s) => s.rssMb);
  console.log(`RSS ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MB; open fds after the clients left: ${fdsAfter} (at start: ${samples[0].fds})`);
  const problems = [];
  if (unexplained.length) problems.push(`${unexplained.length} kind(s) of unexplained failure`);
  if (fdsAfter > samples[0].fds + 10) problems.push(`fds grew from ${samples[0].fds} to ${fdsAfter}`);
  if (rss.at(-1) > 3 * rss[0]) problems.push(`RSS grew from ${rss[0].toFixed(0)} to ${rss.at(-1).toFixed(0)} MB`);
  console.log(problems.length ? `✖ ${problems.join('; ')}` : '✔ every failure explained (502 while the flaky backend was down, 504 from the hung one), no leak');
  return problems.length === 0;
}

async function main() {
  if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
  const dir = mkdtempSync(join(tmpdir(), 'ilab-soak-'));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules', 'ingress.yaml'), rules(0));
  const backends = { stable: await startBackend('stable'), flaky: await startBackend('flaky'), hung: await startBackend('hung') };
  const serve = await startServe(dir, { stable: backends.stable.port, flaky: backends.flaky.port, hung: backends.hung.port });
  console.log(`soak: ingress-lab serve on :${serve.port}, ${CONNECTIONS} keep-alive connections + 5 slow senders + 5 slow readers for ${SECONDS} s; rules rewritten every 100 ms; the flaky backend killed every 30 s (back 10 s later); /hang never answered (--headers-timeout ${HEADERS_TIMEOUT_S})`);
  const tally = new Tally();
  const samples = [processStats(serve.proc.pid)];
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const end = Date.now() + SECONDS * 1000;
  let n = 0;
  const until = (f) => async () => { while (Date.now() < end) await f(); };
  const clients = [
    ...Array.from({ length: CONNECTIONS }, until(() => oneRequest(serve.port, agent, tally, n++))),
    ...Array.from({ length: 5 }, until(() => slowSender(serve.port, tally))),
    ...Array.from({ length: 5 }, until(() => slowReader(serve.port, tally))),
  ];
  let generation = 0;
  const reload = setInterval(() => writeFileSync(join(dir, 'rules', 'ingress.yaml'), rules(++generation)), 100);
  const stopChaos = chaos(backends);
  const started = Date.now();
  const report = setInterval(() => printWindow(Math.round((Date.now() - started) / 1000), tally, serve, samples), 10_000);
  try {
    await Promise.all(clients);
  } finally {
    clearInterval(reload);
    clearInterval(report);
    stopChaos();
    agent.destroy();
  }
  printWindow(Math.round((Date.now() - started) / 1000), tally, serve, samples);
  // The backends close idle kept-alive connections after 5 s (node's keepAliveTimeout): wait for that.
  await new Promise((r) => setTimeout(r, 6000));
  const fdsAfter = processStats(serve.proc.pid).fds;
  const ok = verdict(tally, samples, fdsAfter);
  serve.proc.kill('SIGINT');
  for (const b of Object.values(backends)) b.proc.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}

await main();
