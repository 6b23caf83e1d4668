// The Try panel's words around an answer: the curl line, HTTPS for a host without a tls entry,
// and the lens whose own rule does not get its request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExplainRouteResult, TryRouteArgs } from '../../../server/src/protocol';
import { curlCommand, lensRuleLoses, noTlsMessage } from '../../src/tryDetails';
import { PANEL_SCRIPT } from '../../src/webview/panelPage';

test('curl: the lens\'s URL sent to the proxy\'s listener with --connect-to; HTTPS trusts the local CA', () => {
  assert.equal(curlCommand({ host: 'shop.example.com', path: '/api/cart' }, 41234),
    'curl -i --connect-to shop.example.com:80:127.0.0.1:41234 http://shop.example.com/api/cart');
  assert.equal(curlCommand({ host: 'shop.example.com', path: "/it's", https: true }, 8443, '/home/me/ca dir/ca.pem'),
    `curl -i --connect-to shop.example.com:443:127.0.0.1:8443 --cacert '/home/me/ca dir/ca.pem' 'https://shop.example.com/it'\\''s'`);
});

test('https for a host no Ingress lists under tls: said in words, with what to do', () => {
  assert.equal(noTlsMessage({ host: 'plain.example.com', path: '/x', https: true }),
    'The proxy has no certificate for plain.example.com: no Ingress lists it under spec.tls[].hosts, so the proxy (like a controller) does not serve it over HTTPS. Try http://plain.example.com/x, or add plain.example.com to an Ingress\'s tls hosts.');
});

const loc = (line: number) => ({ uri: 'file:///w/a.yaml', range: { start: { line, character: 10 }, end: { line, character: 14 } } });
const args: TryRouteArgs = {
  url: 'http://a.example.com/api', scheme: 'http', host: 'a.example.com', ruleHost: 'a.example.com', path: '/api', pathType: 'ImplementationSpecific',
  namespace: 'shop', ingress: 'a', location: loc(12), isDefaultBackend: false,
};

test('the lens\'s own rule: silent when it wins, named first when another rule or nothing gets the request', () => {
  const won: ExplainRouteResult = { decision: '200', trace: [], route: { host: 'a.example.com', path: '/api', pathType: 'Prefix', namespace: 'shop', ingress: 'a', tls: false, location: loc(12) } };
  assert.equal(lensRuleLoses(args, won), undefined);
  const other: ExplainRouteResult = { decision: '200', trace: [], route: { ...won.route!, path: '/', ingress: 'catch-all', location: loc(3) } };
  assert.equal(lensRuleLoses(args, other), 'This lens\'s own rule, ImplementationSpecific /api of Ingress shop/a, does not get this request: Prefix / of Ingress shop/catch-all gets it. The trace below says why.');
  assert.match(lensRuleLoses(args, { decision: '404 no rule for host', trace: [] }) ?? '', /does not get this request: no rule for host\. /);
  assert.equal(lensRuleLoses(undefined, other), undefined, 'a URL typed in the palette has no lens');
});

test('the panel page\'s script is valid JavaScript (it is a string: the compiler never sees it)', () => {
  assert.doesNotThrow(() => new Function(PANEL_SCRIPT));
});

test('a lens whose path lacks the leading "/": the panel leads with that, then names who gets the request', () => {
  const other: ExplainRouteResult = { decision: '200', trace: [], route: { host: 'a.example.com', path: '/', pathType: 'Prefix', namespace: 'shop', ingress: 'a', tls: false, location: loc(3) } };
  assert.equal(lensRuleLoses({ ...args, pathType: 'Prefix' }, other, 'api'),
    'This lens\'s own rule never gets a request: its path "api" does not start with "/" (the API server refuses such an Ingress, and no request path matches it). Prefix / of Ingress shop/a gets /api instead.');
});
