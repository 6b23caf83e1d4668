// The matcher's pieces: path keys, host normalization, TLS coverage, and that the index
// finds exactly the paths a one-by-one check finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prefixKeys, pathMatches, matchKey, normalizeRequestPath } from '../../src/ingress/routing/paths';
import { hostMatches, hostKey, normalizeRequestHost } from '../../src/ingress/routing/hosts';
import { matchingEntries } from '../../src/ingress/routing/match';
import { analyzeRoutes, lookup, TlsIndex } from '../../src/ingress/routing/index';
import type { Ingress } from '../../src/ingress/model';
import { tableOf } from '../helpers/routing';

test('prefixKeys lists the element prefixes of a request path, trailing slash ignored', () => {
  assert.deepEqual(prefixKeys('/'), ['']);
  assert.deepEqual(prefixKeys('/a/b'), ['', '/a', '/a/b']);
  assert.deepEqual(prefixKeys('/a/b/'), ['', '/a', '/a/b']);
  assert.deepEqual(prefixKeys('/aaa/bbbxyz'), ['', '/aaa', '/aaa/bbbxyz']);
});

test('request paths drop query and fragment and gain a leading slash, with a note', () => {
  assert.deepEqual(normalizeRequestPath('/a?b=/c#d'), { path: '/a', note: 'request path "/a?b=/c#d" read as "/a" (query/fragment ignored)' });
  assert.equal(normalizeRequestPath('').path, '/');
  assert.equal(normalizeRequestPath('api').path, '/api');
  assert.equal(normalizeRequestPath('/x').note, undefined);
});

test('request hosts: lower case, port and trailing dot dropped, IPv6 literal kept', () => {
  assert.equal(normalizeRequestHost('Foo.Example.COM:8443'), 'foo.example.com');
  assert.equal(normalizeRequestHost('foo.example.com.'), 'foo.example.com');
  assert.equal(normalizeRequestHost('[::1]:8080'), '[::1]');
  assert.equal(normalizeRequestHost('10.0.0.1:80'), '10.0.0.1');
});

test('wildcard hosts match exactly one label (docs: Hostname wildcards)', () => {
  const w = hostKey('*.foo.com');
  assert.equal(hostMatches(w, 'bar.foo.com'), true);
  assert.equal(hostMatches(w, 'baz.bar.foo.com'), false);
  assert.equal(hostMatches(w, 'foo.com'), false);
  assert.equal(hostMatches(hostKey(undefined), 'anything.org'), true);
  assert.equal(hostMatches(hostKey('Foo.Bar.com'), 'foo.bar.com'), true);
});

/** Does an Ingress whose TLS entry lists tlsHost cover ruleHost? Asked of the index the rules and Routes view use. */
function tlsCovers(tlsHost: string, ruleHost: string): boolean {
  const ing = { tls: [{ hosts: [{ value: tlsHost }] }] } as unknown as Ingress;
  return new TlsIndex([ing]).covering(ruleHost).length > 0;
}

test('TLS coverage: a wildcard TLS host covers one label down and itself, never a wider wildcard', () => {
  assert.equal(tlsCovers('*.example.com', 'a.example.com'), true);
  assert.equal(tlsCovers('*.example.com', '*.example.com'), true);
  assert.equal(tlsCovers('*.example.com', 'a.b.example.com'), false);
  assert.equal(tlsCovers('a.example.com', '*.example.com'), false);
  assert.equal(tlsCovers('A.example.com', 'a.example.com'), true);
});

test('the index finds exactly the paths that match one by one', () => {
  const rulePaths: [string, string][] = [
    ['/', 'Prefix'], ['/foo', 'Exact'], ['/foo/', 'Exact'], ['/foo', 'Prefix'], ['/foo/', 'Prefix'],
    ['/aaa/bb', 'Prefix'], ['/aaa/bbb', 'Prefix'], ['/aaa/bbb/', 'ImplementationSpecific'], ['/a//b', 'Prefix'],
  ];
  const yaml = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: grid }
spec:
  rules:
    - host: grid
      http:
        paths:
${rulePaths.map(([p, t], i) => `          - { path: "${p}", pathType: ${t}, backend: { service: { name: s${i}, port: { number: 80 } } } }`).join('\n')}
`;
  const table = tableOf(yaml);
  const group = table.exactHosts.get('grid')!;
  const requests = ['/', '/foo', '/foo/', '/foo/x', '/foox', '/FOO', '/aaa/bb', '/aaa/bbb', '/aaa/bbb/', '/aaa/bbb/ccc', '/aaa/bbbxyz', '/a//b', '/a//b/c', '/a/b'];
  for (const r of requests) {
    const viaIndex = matchingEntries(group, r).map((e) => e.node.path).sort();
    const oneByOne = group.entries.filter((e) => pathMatches(e.match, e.key, r)).map((e) => e.node.path).sort();
    assert.deepEqual(viaIndex, oneByOne, r);
  }
  assert.equal(matchKey('Prefix', '/'), '');
});

test('an exact host with no matching path does not fall through to a wildcard or host-less rule', () => {
  const table = tableOf(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: h }
spec:
  rules:
    - host: a.example.com
      http: { paths: [{ path: /api, pathType: Prefix, backend: { service: { name: exact, port: { number: 80 } } } }] }
    - host: "*.example.com"
      http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: wild, port: { number: 80 } } } }] }
`);
  const r = lookup(table, 'a.example.com', '/web');
  assert.equal(r.status, 404);
  assert.match(r.trace.map((s) => s.message).join('\n'), /\*\.example\.com not consulted \(an exact host wins\)/);
  assert.equal(lookup(table, 'b.example.com', '/web').match?.backend?.service?.name?.value, 'wild');
});

test('PathTypePrefix: "/foo and /foo/ both match requests to /foo and /foo/. If both paths are present in an Ingress spec, the longest matching path (/foo/) is given priority."', () => {
  for (const order of [['/foo', '/foo/'], ['/foo/', '/foo']]) {
    const table = tableOf(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: spec }
spec:
  rules:
    - host: h
      http:
        paths:
${order.map((p) => `          - { path: "${p}", pathType: Prefix, backend: { service: { name: "svc${p.replace(/\//g, '-')}", port: { number: 80 } } } }`).join('\n')}
`);
    for (const request of ['/foo', '/foo/', '/foo/bar']) {
      const r = lookup(table, 'h', request);
      assert.equal(r.match?.entry?.path, '/foo/', `${order.join(', ')}: ${request}`);
    }
    const a = analyzeRoutes(table);
    assert.deepEqual(a.shadowed.map((s) => [s.entry.path, s.by.path]), [['/foo', '/foo/']], `${order.join(', ')}: /foo is the one never reached`);
    assert.match(a.shadowed[0]!.reason, /the longest matching path is given priority: "\/foo\/" over "\/foo"/);
  }
});
