// What the status bar and the Try Route notification say, from the server's data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDecision, requestFromUrl, statusText, statusTooltip } from '../../src/format';
import type { ExplainRouteResult, RouteListEntry } from '../../../server/src/protocol';

test('status bar: the context name when connected, the state otherwise', () => {
  assert.equal(statusText({ state: 'connected', source: 'kind-dev', message: 'v1.31' }), '$(cloud) Ingress: kind-dev');
  assert.equal(statusText({ state: 'disabled', message: 'ingressLab.cluster.enabled is off' }), '$(circle-slash) Ingress: no cluster');
  assert.equal(statusText({ state: 'unreachable', source: 'prod', message: 'connect ECONNREFUSED' }), '$(debug-disconnect) Ingress: unreachable');
  assert.match(statusTooltip({ state: 'forbidden', source: 'prod', message: 'cannot list secrets' }), /forbidden\*\*\n\ncannot list secrets\n\nSource: prod$/);
});

const route: RouteListEntry = {
  host: 'shop.example.com', path: '/api', pathType: 'Prefix', namespace: 'shop', ingress: 'shop', tls: true,
  service: { name: 'api', port: 'http' },
  location: { uri: 'file:///w/shop.yaml', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } },
};

test('the notification is one sentence: the URL, the Service and port, the path and Ingress that won', () => {
  const res: ExplainRouteResult = { route, decision: '200 → service api:http via Prefix /api on host shop.example.com in Ingress shop/shop', trace: [] };
  assert.equal(describeDecision({ host: 'shop.example.com', path: '/api/cart', https: true }, res),
    'https://shop.example.com/api/cart goes to Service api:http via Prefix /api of Ingress shop/shop.');
});

test('a defaultBackend says so, without the status code', () => {
  const res: ExplainRouteResult = { decision: '200 → service fallback:80 via defaultBackend of Ingress shop/shop', trace: [] };
  assert.equal(describeDecision({ host: 'shop.example.com', path: '/x' }, res),
    'http://shop.example.com/x goes to Service fallback:80 via defaultBackend of Ingress shop/shop.');
});

test('an unrouted request says 404 once', () => {
  const res: ExplainRouteResult = { decision: '404 → 404 Not Found', trace: [] };
  const want = 'http://nope.example.com/ gets 404 Not Found: no Ingress rule or defaultBackend takes it.';
  assert.equal(describeDecision({ host: 'nope.example.com', path: '/' }, res), want);
  assert.equal(describeDecision({ host: 'nope.example.com', path: '/' }, { decision: '', trace: [] }), want);
});

test('a typed URL becomes a request; anything else is refused', () => {
  assert.deepEqual(requestFromUrl('https://Shop.Example.com/api?q=1'), { host: 'shop.example.com', path: '/api', https: true });
  assert.deepEqual(requestFromUrl('http://x.example.com'), { host: 'x.example.com', path: '/', https: false });
  assert.equal(requestFromUrl('shop.example.com/api'), undefined);
  assert.equal(requestFromUrl('ftp://shop.example.com/'), undefined);
});
