// `ingress-lab serve` as a process (the built dist/cli/ingress-lab.js): what it prints, one
// log line per request without the query, reload when a file changes, --map refusals.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, fixturePath } from '../helpers/fixtures';
import { createServer } from 'node:http';
import { closeServer, get, listenLocal, spawnServe, startUpstream, type ServeProcess, type Upstream } from './support';

const cli = join(repoRoot(), 'dist/cli/ingress-lab.js');
const dir = mkdtempSync(join(tmpdir(), 'ilab-serve-'));
let web: Upstream;
let serve: ServeProcess;

before(async () => {
  web = await startUpstream('web');
  cpSync(fixturePath('proxy', 'routes'), join(dir, 'rules'), { recursive: true });
  serve = spawnServe(cli, [join(dir, 'rules'), '--port', '0', '--https-port', '0', '--ca-dir', join(dir, 'ca'), '--map', `shop/web:80=${web.url}`]);
});

after(async () => {
  if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

test('prints where it listens, then one line per request (method, host, path, status, rule, upstream, ms), no query', async () => {
  const port = await serve.port();
  await serve.waitOutput(/listening on https:\/\/127\.0\.0\.1:\d+ \(TLS hosts only; CA: .*ca\.pem\)/);
  const r = await get(port, 'shop.example.com', '/cart?token=abc123');
  assert.equal(r.status, 200);
  const line = await serve.waitOutput(/^GET shop\.example\.com\/cart .*$/m);
  assert.match(line[0], new RegExp(`^GET shop\\.example\\.com/cart 200 Ingress shop/shop spec\\.rules\\[0\\]\\.http\\.paths\\[0\\] \\(Prefix /\\) → ${web.url.replace(/\./g, '\\.')} \\d+\\.\\dms$`));
  assert.doesNotMatch(serve.output(), /abc123/);
});

test('a changed file is picked up without a restart', async () => {
  const port = await serve.port();
  assert.equal((await get(port, 'shop.example.com', '/renamed')).body, 'web /renamed');
  const file = join(dir, 'rules', 'ingress.yaml');
  const mark = serve.output().length;
  writeFileSync(file, readFileSync(file, 'utf8').replace('host: shop.example.com', 'host: store.example.com'));
  await serve.waitOutput(/^reloaded: 2 Ingress\(es\) from 2 file\(s\)$/m, mark);
  const r = await get(port, 'store.example.com', '/renamed');
  assert.equal(r.body, 'web /renamed');
  assert.equal(r.headers['x-ingress-lab-route'], 'Ingress shop/shop spec.rules[0].http.paths[0] (Prefix /)');
  // shop.example.com now has no rule: the docs Ingress's defaultBackend takes it (not mapped: 503).
  assert.equal((await get(port, 'shop.example.com', '/renamed')).headers['x-ingress-lab-route'], 'Ingress shop/docs spec.defaultBackend (defaultBackend)');
});

test('SIGINT stops it with exit 0', async () => {
  await serve.waitOutput(/listening on http/);
  const exited = new Promise<number | null>((r) => serve.child.once('exit', (code) => r(code)));
  serve.child.kill('SIGINT');
  assert.equal(await exited, 0);
});

test('--map to a non-loopback address is refused before anything listens (exit 2)', () => {
  const r = spawnSync(process.execPath, [cli, 'serve', fixturePath('proxy', 'routes'), '--port', '0', '--no-https', '--map', 'shop/web:80=http://192.168.1.10:3000'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^ingress-lab serve: --map "shop\/web:80=http:\/\/192\.168\.1\.10:3000": 192\.168\.1\.10 is not a loopback address/);
  assert.doesNotMatch(r.stdout, /listening/);
});

test('--headers-timeout: a backend that never answers gets a 504 in that time, and the log line says why', async () => {
  const hung = createServer(() => {}); // takes requests, answers none
  const port = await listenLocal(hung);
  const s = spawnServe(cli, [fixturePath('proxy', 'routes'), '--port', '0', '--no-https', '--headers-timeout', '0.3', '--map', `shop/web:80=http://127.0.0.1:${port}`]);
  try {
    const r = await get(await s.port(), 'shop.example.com', '/slow');
    assert.equal(r.status, 504);
    assert.match(String(r.headers['x-ingress-lab-reason']), /timed out: no response headers from the upstream within 300ms$/);
    await s.waitOutput(/^GET shop\.example\.com\/slow 504 .* \(mapped upstream .* timed out: no response headers from the upstream within 300ms\) /m);
  } finally {
    s.child.kill('SIGKILL');
    await closeServer(hung);
  }
  const bad = spawnSync(process.execPath, [cli, 'serve', '--headers-timeout', 'soon'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--headers-timeout must be a number of seconds/);
});

test('--as gateway-api serves the converted set by default (301 where ingress-nginx says 308), X-Ingress-Lab-As: ingress the other; --as must name a set', async () => {
  const s = spawnServe(cli, [fixturePath('proxy', 'gateway'), '--port', '0', '--no-https', '--as', 'gateway-api']);
  try {
    const port = await s.port();
    await s.waitOutput(/^serving as gateway-api by default \(X-Ingress-Lab-As: ingress for the other set\); Gateway API set: 5 HTTPRoute\(s\)$/m);
    const g = await get(port, 'shop.example.com', '/');
    assert.equal(g.status, 301);
    assert.equal(g.headers['x-ingress-lab-route'], 'HTTPRoute shop/shop-shop-example-com-http spec.rules[0].matches[0] (PathPrefix /)');
    assert.equal((await get(port, 'shop.example.com', '/', { headers: { 'x-ingress-lab-as': 'ingress' } })).status, 308);
    await s.waitOutput(/^GET shop\.example\.com\/ 301 HTTPRoute shop\/shop-shop-example-com-http /m);
  } finally {
    s.child.kill('SIGKILL');
  }
  const bad = spawnSync(process.execPath, [cli, 'serve', '--as', 'istio'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--as must be ingress or gateway-api, not "istio"/);
});
