// What the status bar and the Try Route notification say, from the server's data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDecision, requestFromUrl, statusText, statusTooltip } from '../../src/format';
import type { ExplainRouteResult, RouteEntry } from '../../../server/src/protocol';

test('status bar: the context name when connected, the state otherwise', () => {
  assert.equal(statusText({ state: 'connected', source: 'kind-dev', message: 'v1.31' }), '$(cloud) Ingress: kind-dev');
  assert.equal(statusText({ state: 'disabled', message: 'ingressLab.cluster.enabled is off' }), '$(circle-slash) Ingress: no cluster');
  assert.equal(statusText({ state: 'unreachable', source: 'prod', message: 'connect ECONNREFUSED' }), '$(debug-disconnect) Ingress: unreachable');
  assert.match(statusTooltip({ state: 'forbidden', source: 'prod', message: 'cannot list secrets' }), /forbidden\*\*\n\ncannot list secrets\n\nSource: prod$/);
});

const route: RouteEntry = {
  host: 'shop.example.com', path: '/api', pathType: 'Prefix', namespace: 'shop', ingress: 'shop', tls: true,
  service: { name: 'api', port: 'http' },
  location: { uri: 'file:///w/shop.yaml', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } },
};

test('the notification leads with the URL and says what the server decided', () => {
  const res: ExplainRouteResult = { route, decision: '200 → service api:http via Prefix /api', trace: [] };
  assert.equal(describeDecision({ host: 'shop.example.com', path: '/api/cart', https: true }, res),
    'https://shop.example.com/api/cart: 200 → service api:http via Prefix /api');
});

test('without a decision, a routed request names the Service, port, Ingress and path that won', () => {
  assert.equal(describeDecision({ host: 'shop.example.com', path: '/api/cart', https: true }, { route, decision: '', trace: [] }),
    'https://shop.example.com/api/cart → shop/api:http (Ingress shop, Prefix /api)');
});

test('an unrouted request says why', () => {
  const res: ExplainRouteResult = { decision: '404: no rule for host nope.example.com', trace: [] };
  assert.equal(describeDecision({ host: 'nope.example.com', path: '/' }, res), 'http://nope.example.com/: 404: no rule for host nope.example.com');
  assert.equal(describeDecision({ host: 'nope.example.com', path: '/' }, { decision: '', trace: [] }), 'http://nope.example.com/: no route');
});

test('a typed URL becomes a request; anything else is refused', () => {
  assert.deepEqual(requestFromUrl('https://Shop.Example.com/api?q=1'), { host: 'shop.example.com', path: '/api', https: true });
  assert.deepEqual(requestFromUrl('http://x.example.com'), { host: 'x.example.com', path: '/', https: false });
  assert.equal(requestFromUrl('shop.example.com/api'), undefined);
  assert.equal(requestFromUrl('ftp://shop.example.com/'), undefined);
});
