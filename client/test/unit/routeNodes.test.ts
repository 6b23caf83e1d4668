// The Routes panel's nodes from the server's route tree: what each row says, its icon, and where a
// click goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathValueColumns, shapeRouteTree, type RouteNode } from '../../src/routeNodes';
import type { RouteTreePath, RouteTreeResult } from '../../../server/src/protocol';

const loc = (line: number, uri = 'file:///w/shop.yaml') => ({ uri, range: { start: { line, character: 10 }, end: { line, character: 20 } } });

function path(p: Partial<RouteTreePath> & Pick<RouteTreePath, 'path'>): RouteTreePath {
  return { pathType: 'Prefix', ingress: 'shop', namespace: 'shop', problems: [], location: loc(5), status: 'active', ...p };
}

const tree = (connected: boolean, paths: RouteTreePath[], tls = true): RouteTreeResult => ({
  hosts: [{ host: 'shop.example.com', tls, paths, location: loc(3) }, { host: '*', tls: false, paths: [path({ path: '/' })] }],
  cluster: connected ? { state: 'connected', source: 'kind', message: '' } : { state: 'disabled', message: '' },
});

const row = (n: RouteNode) => [n.label, n.description, n.icon.id, n.icon.color];

test('hosts at the top: a lock for TLS hosts, a globe otherwise, a host-less rule as "(any host)", linked to the host', () => {
  const roots = shapeRouteTree(tree(false, [path({ path: '/a' }), path({ path: '/b' })]));
  assert.deepEqual(roots.map(row), [['shop.example.com', '2 paths', 'lock', undefined], ['(any host)', '1 path', 'globe', undefined]]);
  assert.deepEqual(roots[0]!.location, loc(3));
  assert.match(roots[0]!.tooltip, /^\*\*https:\/\/shop\.example\.com\*\*/);
  assert.deepEqual(roots[1]!.location, loc(5), 'without a host location, the first path');
});

test('a shadowed path says by what; a conflict names the other Ingress; the host counts both', () => {
  const other = (ingress: string, p: string) => ({ ingress, path: p, pathType: 'Prefix', backend: 'service web:80', location: loc(9) });
  const [host] = shapeRouteTree(tree(false, [
    path({ path: '/app', status: 'conflict', others: [other('shop/b', '/app'), other('team/c', '/app')], reason: 'wins the duplicate claim' }),
    path({ path: '/app/', status: 'shadowed', others: [other('shop/shop', '/app')], reason: 'Prefix /app matches every request it would' }),
  ]));
  assert.equal(host!.description, '2 paths · 1 conflict · 1 shadowed');
  assert.deepEqual(host!.children.map(row), [
    ['/app', 'Prefix · conflicts with b, team/c', 'link', 'list.errorForeground'],
    ['/app/', 'Prefix · shadowed by Prefix /app', 'link', 'list.warningForeground'],
  ]);
  assert.match(host!.children[1]!.tooltip, /Never reached; shadowed by:\n\n- Prefix `\/app` → service web:80 \(Ingress `shop\/shop`\)/);
});

test('other findings on a path are counted in its row and listed in its tooltip', () => {
  const [host] = shapeRouteTree(tree(false, [path({ path: 'api', pathType: 'Exact', problems: [{ code: 'ingress/path-absolute', message: 'must be an absolute path', severity: 'error' }] })]));
  const p = host!.children[0]!;
  assert.deepEqual(row(p), ['api', 'Exact · 1 problem', 'link', 'list.errorForeground']);
  assert.match(p.tooltip, /- error: must be an absolute path \(`ingress\/path-absolute`\)/);
});

test('Service:port under each path, linked to the Service when the workspace defines it, else to the path', () => {
  const [host] = shapeRouteTree(tree(false, [
    path({ path: '/', backend: { service: 'web', port: 80, namespace: 'shop', exists: true, location: loc(40, 'file:///w/svc.yaml') } }),
    path({ path: '/x', location: loc(12), backend: { service: 'gone', port: 'http', namespace: 'shop', exists: false } }),
  ]));
  const [web, gone] = host!.children.map((p) => p.children[0]!);
  assert.deepEqual(row(web!), ['web:80', undefined, 'server', undefined]);
  assert.equal(web!.location!.uri, 'file:///w/svc.yaml');
  assert.deepEqual(row(gone!), ['gone:http', 'Service not found', 'server', 'list.warningForeground']);
  assert.deepEqual(gone!.location, loc(12));
  assert.equal(web!.children.length, 0, 'no pods without a cluster');
  assert.match(web!.tooltip, /connect a cluster/);
});

test('with a cluster: "2/3 ready" and one pod per endpoint, pass for ready, error for not ready, a warning for none', () => {
  const pods = [{ name: 'web-1', ready: true }, { name: 'web-2', ready: true }, { name: 'web-3', ready: false }];
  const [host] = shapeRouteTree(tree(true, [
    path({ path: '/', backend: { service: 'web', port: 80, namespace: 'shop', exists: true, ready: 2, total: 3, pods } }),
    path({ path: '/idle', backend: { service: 'idle', port: 80, namespace: 'shop', exists: true, ready: 0, total: 0, pods: [] } }),
  ]));
  const [web, idle] = host!.children.map((p) => p.children[0]!);
  assert.equal(web!.description, '2/3 ready');
  assert.deepEqual(web!.children.map(row), [
    ['web-1', 'ready', 'pass', 'testing.iconPassed'], ['web-2', 'ready', 'pass', 'testing.iconPassed'], ['web-3', 'not ready', 'error', 'testing.iconFailed'],
  ]);
  assert.deepEqual(row(idle!), ['idle:80', '0/0 ready', 'server', 'list.warningForeground']);
  assert.deepEqual(idle!.children.map(row), [['no endpoints', undefined, 'warning', 'list.warningForeground']]);
});

test('ids are stable across refreshes and unique', () => {
  const t = tree(true, [path({ path: '/', backend: { service: 'web', port: 80, namespace: 'shop', exists: true, pods: [{ name: 'p', ready: true }] } }), path({ path: '/' , ingress: 'b' })]);
  const ids = (ns: RouteNode[]): string[] => ns.flatMap((n) => [n.id, ...ids(n.children)]);
  assert.deepEqual(ids(shapeRouteTree(t)), ids(shapeRouteTree(structuredClone(t))));
  assert.equal(new Set(ids(shapeRouteTree(t))).size, ids(shapeRouteTree(t)).length);
});

test('a path node\'s click selects the path value: plain, quoted, after "- ", with a comment', () => {
  assert.deepEqual(pathValueColumns('          - path: /app/'), { start: 18, end: 23 });
  assert.deepEqual(pathValueColumns('            path: "/api"  # the API'), { start: 19, end: 23 });
  assert.equal(pathValueColumns('            pathType: Prefix'), undefined);
  assert.equal(pathValueColumns('          - backend:'), undefined);
});

test('a Service without the routed port: "port not found", like "Service not found", the finding in the tooltip', () => {
  const message = 'Service "web" has no port 8080 (it has 80/TCP "http")';
  const [host] = shapeRouteTree(tree(false, [
    path({ path: '/static', problems: [{ code: 'ref/backend-port', message, severity: 'error' }], backend: { service: 'web', port: 8080, namespace: 'shop', exists: true } }),
  ]));
  const backend = host!.children[0]!.children[0]!;
  assert.deepEqual(row(backend), ['web:8080', 'port not found', 'server', 'list.warningForeground']);
  assert.ok(backend.tooltip.includes(message));
});

test('defaultBackends under "(default backend)" after the hosts; a live-only Ingress marked live; a ready pod with its container port', () => {
  const backend = { service: 'web', port: 'http', namespace: 'shop', exists: true, ready: 1, total: 1, pods: [{ name: 'web-1', ready: true, port: 8080 }] };
  const roots = shapeRouteTree({
    hosts: [
      { host: 'live.example.com', tls: false, paths: [path({ path: '/', ingress: 'live-only', live: true, backend })] },
      { host: '', tls: false, paths: [path({ path: '', pathType: '', ingress: 'live-only', isDefaultBackend: true, live: true, backend })] },
    ],
    cluster: { state: 'connected', source: 'kind', message: '' },
  });
  assert.deepEqual(roots.map(row), [['live.example.com', '1 path', 'globe', undefined], ['(default backend)', '1 Ingress', 'inbox', undefined]]);
  assert.deepEqual(row(roots[0]!.children[0]!), ['/', 'Prefix · live (cluster only)', 'cloud', undefined]);
  assert.deepEqual(row(roots[1]!.children[0]!), ['defaultBackend', 'Ingress shop/live-only · live (cluster only)', 'cloud', undefined]);
  const pod = roots[0]!.children[0]!.children[0]!.children[0]!;
  assert.deepEqual(row(pod), ['web-1', 'ready · :8080', 'pass', 'testing.iconPassed']);
  assert.match(pod.tooltip, /container port 8080/);
});
