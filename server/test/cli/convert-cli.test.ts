// Runs the built CLI: `convert --to gateway-api`, its files, its report and --check's exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/fixtures';

const root = repoRoot();
const cli = join(root, 'dist/cli/ingress-lab.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('convert without --to is a usage error (exit 2)', () => {
  const r = run('convert', 'test-fixtures/demo');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--to gateway-api is required/);
});

test('convert writes HTTPRoutes to stdout and the report, naming the profile, to stderr', () => {
  const r = run('convert', '--to', 'gateway-api', 'test-fixtures/demo');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /kind: HTTPRoute/);
  assert.doesNotMatch(r.stdout, /kind: Gateway\n/);
  assert.match(r.stderr, /^profile: ingress-nginx \(IngressClass nginx has controller k8s.io\/ingress-nginx\)/);
  assert.match(r.stderr, /Ingress shop\/shop → HTTPRoute shop\/shop-shop-example-com/);
});

test('convert --out DIR --with-gateway writes the Gateway and one file of routes per namespace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convert-'));
  try {
    const r = run('convert', '--to', 'gateway-api', '--with-gateway', '--gateway', 'infra/edge', '--out', dir, 'test-fixtures/demo');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['gateway.yaml', 'httproutes.blog.yaml', 'httproutes.shop.yaml']);
    const gw = readFileSync(join(dir, 'gateway.yaml'), 'utf8');
    assert.match(gw, /name: edge\n {2}namespace: infra/);
    assert.match(gw, /name: https-shop-example-com/);
    assert.match(readFileSync(join(dir, 'httproutes.shop.yaml'), 'utf8'), /namespace: infra\n {6}sectionName: https-shop-example-com/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('convert --check prints the differences and exits 1; a set that converts exactly exits 0', () => {
  const demo = run('convert', '--to', 'gateway-api', '--check', 'test-fixtures/demo');
  assert.equal(demo.code, 1, demo.stderr);
  assert.match(demo.stdout, /^checked \d+ requests: \d+ routed differently/);
  assert.match(demo.stdout, /http:\/\/shop\.example\.com\/api\/ +308 → https:\/\/shop\.example\.com\/api +301 → https:\/\/shop\.example\.com\/api\/ +status 308 vs 301/);
  const dir = mkdtempSync(join(tmpdir(), 'convert-'));
  try {
    writeFileSync(join(dir, 'i.yaml'), `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: a }
spec:
  rules:
    - host: a.example.com
      http: { paths: [{ path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }, { path: /, pathType: Exact, backend: { service: { name: home, port: { number: 80 } } } }] }
`);
    const ok = run('convert', '--to', 'gateway-api', '--check', '--format', 'json', dir);
    assert.equal(ok.code, 0, ok.stdout);
    const out = JSON.parse(ok.stdout) as { check: { checked: number; differences: unknown[] }; profile: { id: string } };
    assert.equal(out.profile.id, 'spec-only');
    assert.ok(out.check.checked >= 10);
    assert.deepEqual(out.check.differences, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('route: HTTPRoutes among the files are routed with the Gateway API rules (a wildcard takes two labels), exit 0', () => {
  const r = run('route', '--host', 'foo.bar.wildcard.io', '--path', '/s2', '--format', 'json', '-n', 'infra', 'test-fixtures/gateway/conformance/hostname-intersection.yaml');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { status: number; gatewayApi: { status: number; backends: { service: string }[]; via: string } };
  assert.equal(out.status, 404, 'no Ingress in the file');
  assert.equal(out.gatewayApi.status, 200);
  assert.deepEqual(out.gatewayApi.backends.map((b) => b.service), ['v2']);
  assert.equal(out.gatewayApi.via, 'HTTPRoute infra/specific-host-matches-listener-wildcard-host spec.rules[0]');
});

test('routes written by convert --out next to their Ingresses: check reports none while they agree, gateway/route-differs once the Ingress changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convert-check-'));
  try {
    const ingress = join(dir, 'ingress.yaml');
    const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web, namespace: shop }\nspec:\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - { path: /shop, pathType: Prefix, backend: { service: { name: web, port: { number: 8080 } } } }\n';
    writeFileSync(ingress, text);
    assert.equal(run('convert', '--to', 'gateway-api', '--out', join(dir, 'out'), dir).code, 0);
    const codes = () => {
      const r = run('check', dir, '--format', 'json');
      const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
      return diagnostics.filter((d) => d.code === 'gateway/route-differs').map((d) => `${d.file.slice(dir.length + 1)} ${d.message}`);
    };
    assert.deepEqual(codes(), []);
    writeFileSync(ingress, text.replace('name: web, port', 'name: storefront, port'));
    const found = codes();
    assert.ok(found.some((d) => d.startsWith('out/httproutes.shop.yaml http://shop.example.com/shop is routed differently: Ingress (spec-only) → shop/storefront:8080')), found.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
