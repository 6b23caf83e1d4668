// Runs the built CLI (dist/cli/ingress-lab.js) as a process: `route` and `routes`, their
// JSON on stdout and their exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/fixtures';

const root = repoRoot();
const cli = join(root, 'dist/cli/ingress-lab.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (s: string) => JSON.parse(s) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test('route: a matching request prints the rule, its location and backend, exit 0', () => {
  const r = run('route', '--host', 'Shop.Example.com:443', '--path', '/cart', '--format', 'json', 'test-fixtures/demo');
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.deepEqual(out.match, {
    ingress: 'shop/shop',
    file: join('test-fixtures', 'demo', 'shop', 'ingress.yaml'),
    range: { start: { line: 21, character: 12 }, end: { line: 27, character: 28 } },
    field: 'spec.rules[0].http.paths[0]',
    host: 'shop.example.com',
    path: '/',
    pathType: 'Prefix',
    backend: { service: { name: 'web', port: { number: 80 } } },
    via: 'rule',
  });
  assert.equal(out.status, 200);
  assert.deepEqual(out.request, { host: 'shop.example.com', path: '/cart' });
  assert.ok(out.trace.some((s: { step: string }) => s.step === 'host'));
});

test('route: no match prints status 404 with a trace saying why, exit 1', () => {
  const r = run('route', '--host', 'exact-foo', '--path', '/foo/', '--format', 'json', 'test-fixtures/routing/docs-path-table.yaml');
  assert.equal(r.code, 1);
  const out = json(r.stdout);
  assert.equal(out.match, null);
  assert.equal(out.status, 404);
  const reasons = out.trace.flatMap((s: { candidates?: { reason: string }[] }) => (s.candidates ?? []).map((c) => c.reason));
  assert.ok(reasons.some((x: string) => x.includes('trailing slash')), reasons.join('\n'));
});

test('route: the defaultBackend is reported with via "defaultBackend"', () => {
  const r = run('route', '--host', 'api.example.com', '--path', '/nope', '--format', 'json', 'test-fixtures/routing/host-precedence.yaml');
  assert.equal(r.code, 0, r.stderr);
  const m = json(r.stdout).match;
  assert.equal(m.via, 'defaultBackend');
  assert.equal(m.ingress, 'default/catch-all');
  assert.deepEqual(m.backend, { service: { name: 'catch-all', port: { number: 80 } } });
  assert.equal(m.path, null);
});

test('route: text output names the backend and the file:line:col of the rule', () => {
  const r = run('route', '--host', 'mixed', '--path', '/foo', 'test-fixtures/routing/docs-path-table.yaml');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^mixed\/foo → service foo-exact:80$/m);
  assert.match(r.stdout, /docs-path-table\.yaml:\d+:\d+/);
  assert.match(r.stdout, /Exact beats Prefix at equal length/);
});

test('route and routes: a missing path or a bad --format exits 2 with a message on stderr', () => {
  const missing = run('route', '--host', 'x', '--path', '/', 'no/such/dir');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no\/such\/dir: no such file or directory/);
  const bad = run('routes', '--format', 'xml', 'test-fixtures/demo');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format must be text or json/);
  assert.equal(run('route', '--bogus').code, 2);
});

test('routes: JSON tree with hosts, paths and the conflict/shadowed marks, exit 0', () => {
  const r = run('routes', '--format', 'json', 'test-fixtures/rules/conflict/shadowed-path/fail-trailing-slash.yaml', 'test-fixtures/routing/ingress-precedence.yaml');
  assert.equal(r.code, 0, r.stderr);
  const tree = json(r.stdout);
  const web = tree.hosts.find((h: { host: string }) => h.host === 'web.example.com');
  assert.deepEqual(web.paths.map((p: Record<string, unknown>) => [p.path, p.status, p.reachable]), [['/foo/', 'active', true], ['/foo', 'shadowed', false]]);
  assert.equal(web.paths[1].others[0].path, '/foo/');
  const shop = tree.hosts.find((h: { host: string }) => h.host === 'shop.example.com');
  assert.deepEqual(shop.paths.map((p: Record<string, unknown>) => [p.ingress, p.status, p.reachable]), [['default/older', 'conflict', true], ['default/newer', 'conflict', false]]);
  assert.equal(typeof shop.paths[0].range.start.line, 'number');
});

test('routes: text output marks the shadowed path', () => {
  const r = run('routes', 'test-fixtures/rules/conflict/shadowed-path/fail-trailing-slash.yaml');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^web\.example\.com$/m);
  assert.match(r.stdout, /\/foo \(Prefix\) +→ service foo:80 .*\[shadowed: never reached, Prefix \/foo\/ in Ingress default\/web wins\]/);
});

test('route --class keeps only the Ingresses of that class (the default class applied)', () => {
  const file = 'test-fixtures/rules/conflict/duplicate-route/pass-different-classes.yaml';
  const svc = (cls: string) => json(run('route', '--host', 'shop.example.com', '--path', '/api', '--format', 'json', '--class', cls, file).stdout).match?.backend.service.name;
  assert.equal(svc('traefik'), 'api-public');
  assert.equal(svc('haproxy'), 'api-internal');
  assert.equal(svc('nginx'), 'api-default');
  const none = run('route', '--host', 'shop.example.com', '--path', '/api', '--class', 'istio', file);
  assert.equal(none.code, 1);
});

test('route --class: an Ingress of a class the controller does not implement gets no traffic (conformance ingress_class.feature)', () => {
  const file = 'test-fixtures/routing/conformance-ingress-class.yaml';
  const other = run('route', '--host', 'ingress-class', '--path', '/', '--format', 'json', '--class', 'conformance', file);
  assert.equal(other.code, 1, other.stderr);
  assert.equal(json(other.stdout).status, 404);
  const own = run('route', '--host', 'ingress-class', '--path', '/', '--format', 'json', '--class', 'some-invalid-class-name', file);
  assert.equal(own.code, 0, own.stderr);
  assert.equal(json(own.stdout).match.backend.service.name, 'ingress-class-prefix');
});

test('routes: HTTPRoutes among the files are listed after the Ingresses, as Gateway API hosts in precedence order with conflicts marked', () => {
  const r = run('routes', 'test-fixtures/gateway/tree/routes.yaml');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'shop.example.com  [Gateway API]');
  assert.match(lines[1]!, /^ {2}\/login \(Exact, header x-env=canary\) +→ login:8080 {2}HTTPRoute shop\/a spec\.rules\[2\] {2}\S+routes\.yaml:20:17$/);
  assert.match(lines[2]!, /→ api:80 \(weight 90\), api-canary:80 \(weight 10\) .*\[conflict: the same match in HTTPRoute shop\/b; this one wins: the older route \(then namespace\/name\) wins\]$/);
  assert.match(lines[3]!, /HTTPRoute shop\/a spec\.rules\[1\] .*\[shadowed: never reached, rule 0 has the same match\]$/);
  assert.match(lines[4]!, /HTTPRoute shop\/b spec\.rules\[0\] .*\[conflict: HTTPRoute shop\/a wins \(the older route \(then namespace\/name\) wins\); this one gets nothing\]$/);
  const json = JSON.parse(run('routes', '--format', 'json', 'test-fixtures/gateway/tree/routes.yaml').stdout) as { hosts: unknown[]; gatewayApi: { hostname: string; matches: { httpRoute: string; status: string; reachable: boolean }[] }[] };
  assert.deepEqual(json.hosts, []);
  assert.deepEqual(json.gatewayApi[0]!.matches.map((m) => [m.httpRoute, m.status, m.reachable]), [['shop/a', 'active', true], ['shop/a', 'conflict', true], ['shop/a', 'shadowed', false], ['shop/b', 'conflict', false], ['shop/b', 'active', true]]);
});

test('route: a canary cookie decides in the profile\'s answer and trace (canary-by-cookie "always"), header before cookie', () => {
  const folder = 'test-fixtures/proxy/canary';
  const byCookie = run('route', '--host', 'chat.example.com', '--path', '/ws/x', '--header', 'Cookie: beta=always', '--format', 'json', folder);
  const answer = JSON.parse(byCookie.stdout).answer as { backends: { service: string }[]; trace: string[] };
  assert.deepEqual(answer.backends.map((b) => b.service), ['chat-next']);
  assert.ok(answer.trace.includes('canary Ingress shop/chat-canary: canary-by-cookie beta=always: routed to the canary'), answer.trace.join('\n'));
  const both = run('route', '--host', 'chat.example.com', '--path', '/ws/x', '--header', 'Cookie: beta=always', '--header', 'X-Canary: never', folder);
  assert.match(both.stdout, /: shop\/chat:80 as \/x\n/);
  assert.match(both.stdout, /canary-by-header X-Canary: "never": kept on the main backend/);
});
