// HTTPS with SNI: hosts named in an Ingress's tls section get a certificate for that name,
// issued on the fly by the local CA; a client that trusts only that CA verifies it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { LocalMapResolver, loadOrCreateCa, parseMapping, ROUTE_HEADER, type CaFiles } from '../../src/proxy/index';
import { CertificateCache } from '../../src/proxy/certs';
import { fixturePath } from '../helpers/fixtures';
import { startProxy, startUpstream, type TestProxy, type Upstream } from './support';

const dir = mkdtempSync(join(tmpdir(), 'ilab-ca-'));
let ca: CaFiles;
let web: Upstream;
let apps: Upstream;
let p: TestProxy;

before(async () => {
  ca = await loadOrCreateCa(dir);
  web = await startUpstream('web');
  apps = await startUpstream('apps');
  const resolver = new LocalMapResolver([parseMapping(`shop/web:80=${web.url}`), parseMapping(`shop/apps:80=${apps.url}`)]);
  p = await startProxy(fixturePath('proxy', 'routes'), { resolver, httpsPort: 0, ca });
});

after(async () => {
  await p.close();
  await web.close();
  await apps.close();
  rmSync(dir, { recursive: true, force: true });
});

function httpsGet(servername: string, path: string): Promise<{ status: number; body: string; altName: string | undefined; route: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: p.httpsPort, path, servername, ca: ca.certPem, headers: { host: servername }, agent: false }, (res) => {
      const altName = (res.socket as TLSSocket).getPeerCertificate().subjectaltname;
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode!, body, altName, route: res.headers[ROUTE_HEADER] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a TLS host: a certificate for exactly that name, trusted through the local CA; X-Forwarded-Proto https', async () => {
  const r = await httpsGet('shop.example.com', '/cart');
  assert.equal(r.status, 200);
  assert.equal(r.body, 'web /cart');
  assert.equal(r.altName, 'DNS:shop.example.com');
  assert.equal(r.route, 'Ingress shop/shop spec.rules[0].http.paths[0] (Prefix /)');
  assert.equal(web.seen.at(-1)!.headers['x-forwarded-proto'], 'https');
});

test('a host under a wildcard TLS entry gets its own certificate, chosen per SNI name', async () => {
  const a = await httpsGet('a.apps.example.com', '/');
  const b = await httpsGet('b.apps.example.com', '/');
  assert.equal(a.altName, 'DNS:a.apps.example.com');
  assert.equal(b.altName, 'DNS:b.apps.example.com');
  assert.equal(b.body, 'apps /');
});

test('a host no tls section names: the handshake is refused', async () => {
  await assert.rejects(httpsGet('docs.example.com', '/guide'), (e: Error & { code?: string }) => /socket hang up|ECONNRESET|alert/i.test(`${e.code} ${e.message}`));
});

test('the CA is created once and reused; its key is readable by the user only', async () => {
  const again = await loadOrCreateCa(dir);
  assert.equal(again.certPem, ca.certPem);
  assert.equal(statSync(join(dir, 'ca-key.pem')).mode & 0o777, 0o600);
});

test('the CA can sign leaves only: basicConstraints CA with pathLenConstraint 0 (no intermediate CA can be made from it)', () => {
  const der = new X509Certificate(ca.certPem).raw;
  // id-ce-basicConstraints (2.5.29.19), critical, OCTET STRING { SEQUENCE { cA TRUE, pathLen 0 } } (RFC 5280 §4.2.1.9)
  const basicConstraints = Buffer.from('0603551d130101ff040830060101ff020100', 'hex');
  assert.ok(der.includes(basicConstraints), der.toString('hex'));
  assert.equal(new X509Certificate(ca.certPem).ca, true);
});

test('leaf certificates are cached per SNI name, the most recently used only', async () => {
  const cache = new CertificateCache(ca, 3);
  const first = cache.contextFor('a.apps.example.com');
  for (const h of ['b', 'c', 'd']) await cache.contextFor(`${h}.apps.example.com`);
  assert.equal(cache.size, 3);
  assert.notEqual(cache.contextFor('a.apps.example.com'), first, 'a was the least recently used: issued again');
  const d = cache.contextFor('d.apps.example.com');
  assert.equal(cache.contextFor('D.apps.example.com'), d, 'a cached name, any case');
  assert.equal(cache.size, 3);
});
