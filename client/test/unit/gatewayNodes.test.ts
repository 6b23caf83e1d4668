// The Routes panel's Gateway API nodes: marked as Gateway API, matches with their conditions,
// filters and conflicts, backendRefs with their share, and the request Try/Explain send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shapeRouteTree, type RouteNode } from '../../src/routeNodes';
import type { RouteTreeBackend, RouteTreePath, RouteTreeResult } from '../../../server/src/protocol';

const loc = (line: number) => ({ uri: 'file:///w/routes.yaml', range: { start: { line, character: 4 }, end: { line, character: 20 } } });
const request = { url: 'http://shop.example.com/api', scheme: 'http' as const, host: 'shop.example.com', ruleHost: 'shop.example.com', path: '/api', pathType: 'PathPrefix', namespace: 'shop', ingress: 'a', location: loc(5), isDefaultBackend: false };
const backend = (service: string, share?: number): RouteTreeBackend => ({ service, port: 80, namespace: 'shop', exists: true, ...(share === undefined ? {} : { share }) });

function match(p: Partial<RouteTreePath> & { reachable?: boolean; conditions?: string[]; filters?: string[] }): RouteTreePath {
  const { reachable = true, conditions = [], filters = [], ...rest } = p;
  return {
    path: '/api', pathType: 'PathPrefix', ingress: 'a', namespace: 'shop', problems: [], location: loc(5), status: 'active',
    gatewayApi: { field: 'spec.rules[0].matches[0]', conditions, filters, listeners: ['Gateway shop/gw listener http'], reachable, request }, ...rest,
  };
}

const tree = (paths: RouteTreePath[]): RouteTreeResult => ({
  hosts: [{ host: 'shop.example.com', tls: false, paths: [match({ path: '/x' })], location: loc(1) }, { host: 'shop.example.com', tls: false, gatewayApi: true, paths, location: loc(3) }],
  cluster: { state: 'disabled', message: '' },
});

const row = (n: RouteNode) => [n.label, n.description, n.icon.id, n.icon.color];

test('an HTTPRoute hostname is its own host node, marked Gateway API, apart from the Ingress host of the same name', () => {
  const [ingressHost, gw] = shapeRouteTree(tree([match({})]));
  assert.notEqual(ingressHost!.id, gw!.id);
  assert.equal(ingressHost!.gatewayApi, undefined);
  assert.deepEqual(row(gw!), ['shop.example.com', 'Gateway API · 1 match', 'type-hierarchy', undefined]);
  assert.equal(gw!.gatewayApi, true);
  assert.match(gw!.tooltip, /\(Gateway API\)[\s\S]*HTTPRoutes: `shop\/a`[\s\S]*Attached through: Gateway shop\/gw listener http/);
  assert.deepEqual(gw!.location, loc(3));
});

test('matches say their type, route, conditions, filters and who wins a tie; the losers are marked', () => {
  const other = (ingress: string) => ({ ingress, path: '/api', pathType: 'PathPrefix', backend: 'api:80', location: loc(9) });
  const [, gw] = shapeRouteTree(tree([
    match({ path: '/login', pathType: 'Exact', conditions: ['header x-env=canary'] }),
    match({ status: 'conflict', others: [other('shop/a'), other('shop/b')], reason: 'the older route (then namespace/name) wins' }), // its own shadowed rule, and the rival
    match({ ingress: 'b', status: 'conflict', reachable: false, others: [other('shop/a')], reason: 'the older route (then namespace/name) wins' }),
    match({ path: '/', filters: ['RequestRedirect 301 to https'] }),
  ]));
  assert.deepEqual(gw!.description, 'Gateway API · 4 matches · 2 conflicts');
  assert.deepEqual(gw!.children.map(row), [
    ['/login', 'Exact · HTTPRoute a · header x-env=canary', 'symbol-event', undefined],
    ['/api', 'PathPrefix · HTTPRoute a · wins over shop/b', 'symbol-event', undefined],
    ['/api', 'PathPrefix · HTTPRoute b · shop/a wins', 'symbol-event', 'list.warningForeground'],
    ['/', 'PathPrefix · HTTPRoute a · RequestRedirect 301 to https', 'symbol-event', undefined],
  ]);
  assert.match(gw!.children[2]!.tooltip, /Never reached: the same match on this hostname is also in \(the winner first\):\n\n- PathPrefix `\/api` → api:80 \(HTTPRoute `shop\/a`\)\n\nDecided by: the older route \(then namespace\/name\) wins\./);
  assert.deepEqual(gw!.children.map((c) => [c.gatewayApi, c.request?.url]), Array(4).fill([true, 'http://shop.example.com/api']));
});

test('every backendRef is a child with its share of the traffic', () => {
  const [, gw] = shapeRouteTree(tree([match({ backend: backend('api', 90), backends: [backend('api', 90), backend('api-canary', 10)] })]));
  assert.deepEqual(gw!.children[0]!.children.map((c) => [c.label, c.description]), [['api:80', '90%'], ['api-canary:80', '10%']]);
});
