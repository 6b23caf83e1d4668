// The ingress-nginx profile against ingress-nginx's own documentation and e2e expectations,
// restated: docs/user-guide/ingress-path-matching.md (regex, path priority, the warning),
// docs/examples/rewrite (capture groups), test/e2e/annotations/{approot,forcesslredirect,
// redirect,canary}.go, lua_ingress.lua (redirect_to_https), and nginx's `location` docs for
// URI normalization (issue 10, defect 9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableOf } from '../helpers/routing';
import { nginxRoute } from '../../src/ingress/routing/profiles/ingress-nginx';
import { specOnlyRoute } from '../../src/ingress/routing/profiles/spec-only';
import { request, type HttpRequest } from '../../src/ingress/routing/profiles/answer';

function ing(name: string, annotations: Record<string, string>, host: string, paths: [string, string, string][], tls = ''): string {
  const ann = Object.entries(annotations).map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: "${v}"`).join('\n');
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  annotations:
${ann || '    x: y'}
spec:
  ingressClassName: nginx
${tls ? `  tls: [{ hosts: [${tls}], secretName: s }]\n` : ''}  rules:
    - host: ${host}
      http:
        paths:
${paths.map(([p, t, svc]) => `          - { path: "${p}", pathType: ${t}, backend: { service: { name: ${svc}, port: { number: 80 } } } }`).join('\n')}
---
`;
}

function route(yaml: string, host: string, path: string, more: Partial<HttpRequest> = {}) {
  return nginxRoute(tableOf(yaml), request(host, path, more));
}

const svc = (a: { backends: { service: string }[] }) => a.backends.map((b) => b.service).join(',');

test('path priority with rewrite-target on another Ingress of the host (ingress-path-matching.md, "Path Priority")', () => {
  const yaml = ing('test-ingress-1', {}, 'test.com', [['/foo/bar', 'Prefix', 'service1'], ['/foo/bar/', 'Prefix', 'service2']])
    + ing('test-ingress-2', { 'rewrite-target': '/$1' }, 'test.com', [['/foo/bar/(.+)', 'ImplementationSpecific', 'service3']]);
  const a = route(yaml, 'test.com', '/foo/bar/1');
  assert.equal(svc(a), 'service3');
  assert.equal(a.upstreamPath, '/1');
  assert.ok(a.trace.some((t) => t.includes('rewritten to /1 by rewrite-target')), a.trace.join('\n'));
  assert.equal(svc(route(yaml, 'test.com', '/foo/bar/')), 'service2');
  assert.equal(svc(route(yaml, 'test.com', '/foo/bar')), 'service1');
});

test('the documented warning: the longer regex wins over the literal path (ingress-path-matching.md, "Warning")', () => {
  const yaml = ing('test-ingress-3', { 'use-regex': 'true' }, 'test.com', [['/foo/bar/bar', 'Prefix', 'literal'], ['/foo/bar/[A-Z0-9]{3}', 'ImplementationSpecific', 'regex']]);
  assert.equal(svc(route(yaml, 'test.com', '/foo/bar/bar')), 'regex');
  // Prefix under regex is `~* "^/foo"`: case-insensitive and not element-wise, unlike the spec.
  const prefix = ing('p', { 'use-regex': 'true' }, 'h', [['/foo', 'Prefix', 'foo']]);
  assert.equal(svc(route(prefix, 'h', '/foobar')), 'foo');
  assert.equal(svc(route(prefix, 'h', '/FOO')), 'foo');
  assert.equal(route(ing('p', {}, 'h', [['/foo', 'Prefix', 'foo']]), 'h', '/foobar').status, 404);
});

test('rewrite-target with capture groups (docs/examples/rewrite: /something(/|$)(.*) → /$2)', () => {
  const yaml = ing('rewrite', { 'use-regex': 'true', 'rewrite-target': '/$2' }, 'rewrite.bar.com', [['/something(/|$)(.*)', 'ImplementationSpecific', 'http-svc']]);
  assert.equal(route(yaml, 'rewrite.bar.com', '/something').upstreamPath, '/');
  assert.equal(route(yaml, 'rewrite.bar.com', '/something/').upstreamPath, '/');
  assert.equal(route(yaml, 'rewrite.bar.com', '/something/new').upstreamPath, '/new');
  assert.equal(route(yaml, 'rewrite.bar.com', '/something/new?x=1').upstreamPath, '/new?x=1');
});

test('app-root redirects "/" with 302 (e2e annotations/approot.go)', () => {
  const yaml = ing('approot', { 'app-root': '/foo' }, 'approot.bar.com', [['/', 'Prefix', 'echo']]);
  const a = route(yaml, 'approot.bar.com', '/');
  assert.equal(a.status, 302);
  assert.equal(a.location, 'http://approot.bar.com/foo');
  assert.equal(route(yaml, 'approot.bar.com', '/bar').status, 200);
});

test('force-ssl-redirect answers 308 to https without the trailing slash (e2e forcesslredirect.go, lua_ingress.lua)', () => {
  const yaml = ing('f', { 'force-ssl-redirect': 'true' }, 'forcesslredirect.bar.com', [['/', 'Prefix', 'echo']]);
  const a = route(yaml, 'forcesslredirect.bar.com', '/');
  assert.equal(a.status, 308);
  assert.equal(a.location, 'https://forcesslredirect.bar.com');
  assert.equal(route(yaml, 'forcesslredirect.bar.com', '/x/?q=1').location, 'https://forcesslredirect.bar.com/x?q=1');
  assert.equal(route(yaml, 'forcesslredirect.bar.com', '/', { scheme: 'https' }).status, 200);
});

test('ssl-redirect defaults to true where a TLS certificate covers the host; "false" turns it off', () => {
  const on = ing('t', {}, 'shop.example.com', [['/', 'Prefix', 'web']], 'shop.example.com');
  assert.equal(route(on, 'shop.example.com', '/cart').status, 308);
  assert.ok(route(on, 'shop.example.com', '/cart').trace.some((t) => t.includes('ssl-redirect')));
  assert.equal(route(ing('t', { 'ssl-redirect': 'false' }, 'shop.example.com', [['/', 'Prefix', 'web']], 'shop.example.com'), 'shop.example.com', '/cart').status, 200);
  assert.equal(route(ing('t', {}, 'plain.example.com', [['/', 'Prefix', 'web']]), 'plain.example.com', '/cart').status, 200);
});

test('permanent-redirect 301, its code annotation, temporal-redirect 302 (e2e annotations/redirect.go)', () => {
  const p = route(ing('r', { 'permanent-redirect': 'http://redirect.example.com' }, 'redirect', [['/something', 'Prefix', 'echo']]), 'redirect', '/something');
  assert.deepEqual([p.status, p.location], [301, 'http://redirect.example.com']);
  const code = route(ing('r', { 'permanent-redirect': 'http://redirect.example.com', 'permanent-redirect-code': '302' }, 'redirect', [['/something', 'Prefix', 'echo']]), 'redirect', '/something');
  assert.equal(code.status, 302);
  assert.equal(route(ing('r', { 'temporal-redirect': 'http://t.example.com' }, 'redirect', [['/something', 'Prefix', 'echo']]), 'redirect', '/something').status, 302);
});

test('canary by header, cookie and weight; a canary without a mainline Ingress is a 404 (e2e annotations/canary.go)', () => {
  const main = ing('main', {}, 'foo', [['/', 'Prefix', 'httpbun']]);
  const canary = ing('canary', { canary: 'true', 'canary-by-header': 'CanaryByHeader', 'canary-by-cookie': 'CanaryByCookie', 'canary-weight': '10' }, 'foo', [['/', 'Prefix', 'canary-svc']]);
  assert.equal(svc(route(main + canary, 'foo', '/', { headers: { canarybyheader: 'always' } })), 'canary-svc');
  assert.equal(svc(route(main + canary, 'foo', '/', { headers: { canarybyheader: 'never' } })), 'httpbun');
  assert.equal(svc(route(main + canary, 'foo', '/', { headers: { cookie: 'a=b; CanaryByCookie=always' } })), 'canary-svc');
  assert.deepEqual(route(main + canary, 'foo', '/').backends.map((b) => [b.service, b.weight]), [['httpbun', 90], ['canary-svc', 10]]);
  assert.equal(route(canary, 'foo', '/', { headers: { canarybyheader: 'always' } }).status, 404);
});

test('backend-protocol is carried on the backend', () => {
  const a = route(ing('g', { 'backend-protocol': 'GRPC' }, 'g', [['/', 'Prefix', 'grpc']]), 'g', '/');
  assert.equal(a.backends[0]!.protocol, 'GRPC');
});

test('URI normalization: nginx decodes %XX (also %2F), resolves dot segments, merges slashes; spec-only keeps %2F and "//" (issue 10, defect 9)', () => {
  const yaml = ing('n', {}, 'h', [['/', 'Prefix', 'root'], ['/api/health', 'Exact', 'health'], ['/guide', 'Prefix', 'guide']]);
  const t = tableOf(yaml);
  for (const p of ['/public/../api/health', '/api%2Fhealth', '/api//health', '/api/./health']) {
    const a = nginxRoute(t, request('h', p));
    assert.equal(svc(a), 'health', `${p}\n${a.trace.join('\n')}`);
    assert.ok(a.trace[0]!.startsWith('request path:'), a.trace.join('\n'));
  }
  assert.equal(svc(nginxRoute(t, request('h', '/./guide'))), 'guide');
  assert.equal(nginxRoute(t, request('h', '/../etc')).status, 400);
  assert.equal(svc(specOnlyRoute(t, request('h', '/public/../api/health'))), 'health');
  assert.equal(svc(specOnlyRoute(t, request('h', '/api%2Fhealth'))), 'root');
  assert.equal(svc(specOnlyRoute(t, request('h', '/api//health'))), 'root');
  assert.ok(specOnlyRoute(t, request('h', '/api%2Fhealth')).trace.every((l) => !l.includes('percent-decoded')));
});

test('auto selects ingress-nginx by IngressClass controller or nginx annotations, else spec-only; the setting overrides', async () => {
  const { selectProfile } = await import('../../src/ingress/routing/profiles/select');
  const { ingressesOf } = await import('../helpers/routing');
  const plain = ingressesOf(ing('a', {}, 'h', [['/', 'Prefix', 's']]));
  const annotated = ingressesOf(ing('b', { 'ssl-redirect': 'true' }, 'h', [['/', 'Prefix', 's']]));
  const cls = { kind: 'IngressClass', name: 'nginx', controller: 'k8s.io/ingress-nginx' } as never;
  assert.equal(selectProfile('auto', plain, []).id, 'spec-only');
  assert.match(selectProfile('auto', plain, [cls]).reason, /IngressClass nginx has controller k8s.io\/ingress-nginx/);
  assert.equal(selectProfile('auto', annotated, []).id, 'ingress-nginx');
  assert.equal(selectProfile('spec-only', annotated, [cls]).id, 'spec-only');
});

test('nginx auto-redirect: /app → 301 /app/ when only Prefix /app/ exists (nginx location docs; ingress2gateway models it too)', () => {
  const yaml = ing('a', {}, 'h', [['/', 'Prefix', 'root'], ['/app/', 'Prefix', 'app']]);
  const a = route(yaml, 'h', '/app?x=1');
  assert.deepEqual([a.status, a.location], [301, 'http://h/app/?x=1']);
  assert.equal(svc(route(yaml, 'h', '/app/')), 'app');
  assert.equal(svc(route(ing('a', {}, 'h', [['/app/', 'Prefix', 'app'], ['/app', 'Exact', 'exact']]), 'h', '/app')), 'exact');
  assert.equal(svc(route(ing('a', {}, 'h', [['/app', 'Prefix', 'app']]), 'h', '/app')), 'app');
});

test('on a regex host an Exact path is a regex location too (template.go buildLocation: enforceRegex before Exact)', () => {
  const yaml = ing('e', { 'use-regex': 'true' }, 'h', [['/exact', 'Exact', 'exact'], ['/', 'Prefix', 'root']]);
  assert.equal(svc(route(yaml, 'h', '/exactly')), 'exact');
  assert.equal(svc(route(yaml, 'h', '/EXACT')), 'exact');
});

// annotations.md, "Canary", restated: "canary-by-header … When the request header is set to
// always, it will be routed to the canary. When the header is set to never, it will never be
// routed to the canary. For any other value, the header will be ignored and the request compared
// against the other canary rules by precedence"; "canary-by-cookie … When the cookie value is set
// to always, it will be routed to the canary. When the cookie is set to never, it will never be
// routed to the canary. For any other value, the cookie will be ignored and the request compared
// against the other canary rules by precedence"; "canary-by-header -> canary-by-cookie ->
// canary-weight". And balancer.lua (route_to_alternative_balancer): the weight is drawn out of
// canary-weight-total only when that is above 100, else out of 100.
test('canary precedence, as the docs say: header over cookie over weight; "always"/"never" act, any other value falls through', () => {
  const main = ing('main', {}, 'foo', [['/', 'Prefix', 'stable']]);
  const canaryOf = (more: Record<string, string>) => main + ing('canary', { canary: 'true', 'canary-by-header': 'X-Canary', 'canary-by-cookie': 'beta', ...more }, 'foo', [['/', 'Prefix', 'next']]);
  const all = canaryOf({ 'canary-weight': '100' });
  const to = (yaml: string, headers: Record<string, string>) => {
    const a = route(yaml, 'foo', '/', { headers });
    return `${svc(a)} | ${a.trace.find((t) => t.startsWith('canary Ingress'))}`;
  };
  assert.equal(to(all, { 'x-canary': 'never', cookie: 'beta=always' }), 'stable | canary Ingress default/canary: canary-by-header X-Canary: "never": kept on the main backend');
  assert.equal(to(all, { 'x-canary': 'always', cookie: 'beta=never' }), 'next | canary Ingress default/canary: canary-by-header X-Canary: routed to the canary');
  assert.equal(to(all, { 'x-canary': 'maybe', cookie: 'beta=never' }), 'stable | canary Ingress default/canary: canary-by-cookie beta=never: kept on the main backend', 'another header value is ignored: the cookie decides');
  assert.equal(to(canaryOf({}), { cookie: 'a=1; beta=always' }), 'next | canary Ingress default/canary: canary-by-cookie beta=always: routed to the canary');
  assert.equal(to(all, { cookie: 'beta=never' }), 'stable | canary Ingress default/canary: canary-by-cookie beta=never: kept on the main backend', 'the cookie wins over a weight of 100');
  assert.equal(to(all, { cookie: 'beta=yes' }), 'next | canary Ingress default/canary: 100 of 100 requests by canary-weight (no canary header or cookie decided)', 'another cookie value is ignored: the weight decides');
  // With canary-by-header-value, only that value acts ("always" is an ordinary value then) and any other falls through.
  const valued = canaryOf({ 'canary-by-header-value': 'blue' });
  assert.equal(svc(route(valued, 'foo', '/', { headers: { 'x-canary': 'blue' } })), 'next');
  assert.equal(svc(route(valued, 'foo', '/', { headers: { 'x-canary': 'always', cookie: 'beta=never' } })), 'stable');
  assert.equal(svc(route(valued, 'foo', '/', { headers: { 'x-canary': 'never', cookie: 'beta=always' } })), 'next', '"never" is not special with a header value: the cookie decides');
});

// annotations.md, "Canary": "canary-by-header-pattern: This works the same way as
// canary-by-header-value except it does PCRE Regex matching. Note that when
// canary-by-header-value is set this annotation will be ignored. When the given Regex causes
// error during request processing, the request will be considered as not matching." The Lua
// (route_to_alternative_balancer) matches unanchored and, on a regex error, returns false: the
// main backend, the cookie and weight not consulted.
test('canary-by-header-pattern: a value the regex matches anywhere goes to the canary, another falls through, a broken regex keeps the main backend', () => {
  const main = ing('main', {}, 'foo', [['/', 'Prefix', 'stable']]);
  const canaryOf = (more: Record<string, string>) => main + ing('canary', { canary: 'true', 'canary-by-header': 'X-Canary', 'canary-by-cookie': 'beta', ...more }, 'foo', [['/', 'Prefix', 'next']]);
  const to = (yaml: string, headers: Record<string, string>) => svc(route(yaml, 'foo', '/', { headers }));
  const patterned = canaryOf({ 'canary-by-header-pattern': 'beta-[0-9]+' });
  assert.equal(to(patterned, { 'x-canary': 'beta-42' }), 'next');
  assert.equal(to(patterned, { 'x-canary': 'team-beta-7-eu' }), 'next', 'unanchored, as ngx.re.match');
  assert.equal(to(patterned, { 'x-canary': 'always', cookie: 'beta=never' }), 'stable', '"always" is an ordinary value with a pattern: the cookie decides');
  assert.equal(to(patterned, { 'x-canary': 'gamma', cookie: 'beta=always' }), 'next', 'no match falls through to the cookie');
  assert.equal(to(canaryOf({ 'canary-by-header-pattern': 'beta', 'canary-by-header-value': 'blue' }), { 'x-canary': 'beta' }), 'stable', 'ignored when canary-by-header-value is set');
  const broken = canaryOf({ 'canary-by-header-pattern': 'beta-(', 'canary-weight': '100' });
  const a = route(broken, 'foo', '/', { headers: { 'x-canary': 'beta-1', cookie: 'beta=always' } });
  assert.equal(svc(a), 'stable', 'a regex error is "not matching" and the Lua returns false: not the cookie, not the weight');
  assert.ok(a.trace.some((t) => t.includes('canary-by-header-pattern "beta-(" is not a valid regex')), a.trace.join('\n'));
});

test('canary-weight-total: out of the annotation above 100, else out of 100 (balancer.lua)', () => {
  const main = ing('main', {}, 'foo', [['/', 'Prefix', 'stable']]);
  const shares = (more: Record<string, string>) => route(main + ing('c', { canary: 'true', ...more }, 'foo', [['/', 'Prefix', 'next']]), 'foo', '/').backends.map((b) => `${b.service}=${b.weight}`).join(' ');
  assert.equal(shares({ 'canary-weight': '10', 'canary-weight-total': '1000' }), 'stable=990 next=10');
  assert.equal(shares({ 'canary-weight': '10', 'canary-weight-total': '50' }), 'stable=90 next=10');
  assert.equal(shares({ 'canary-weight': '0' }), 'stable=1');
});
