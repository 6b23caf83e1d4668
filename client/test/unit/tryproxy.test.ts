// The pure parts of Try: the ingressLab.proxy.map setting's validation and what the panel tells
// the user to do after the proxy's own 503/502/404.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProxyMap } from '../../src/proxyMap';
import { adviceFor, guidanceFor } from '../../src/tryResult';
import type { TryResponse } from '../../src/tryRequest';
import type { ExplainRouteResult } from '../../../server/src/protocol';

test('proxy.map: loopback http URLs are taken, everything else is refused naming the setting and key', () => {
  const { mappings, errors } = parseProxyMap({
    'shop/web:80': 'http://127.0.0.1:3000',
    'shop/api:http': 'http://localhost:8081/',
    'shop/evil:80': 'http://10.0.0.5:80',
    'shop/tls:443': 'https://127.0.0.1:8443',
    'web:80': 'http://127.0.0.1:3000',
    'shop/num:80': 3000,
  });
  assert.deepEqual(mappings.map((m) => [m.key, m.url.origin]), [['shop/web:80', 'http://127.0.0.1:3000'], ['shop/api:http', 'http://localhost:8081']]);
  assert.deepEqual(errors, [
    'ingressLab.proxy.map "shop/evil:80": 10.0.0.5 is not a loopback address (127.0.0.1, ::1, localhost); the proxy only relays to this machine',
    'ingressLab.proxy.map "shop/tls:443": only http:// URLs can be mapped, not https:',
    'ingressLab.proxy.map "web:80": the key must be NAMESPACE/SERVICE:PORT and the value http://127.0.0.1:PORT',
    'ingressLab.proxy.map "shop/num:80": the value must be a URL string like "http://127.0.0.1:3000"',
  ]);
  assert.deepEqual(parseProxyMap(['x']).errors, ['ingressLab.proxy.map must be an object like { "shop/web:80": "http://127.0.0.1:3000" }']);
  assert.deepEqual(parseProxyMap(undefined), { mappings: [], errors: [] });
});

const explain: ExplainRouteResult = {
  decision: '', trace: [],
  route: {
    host: 'shop.example.com', path: '/', pathType: 'Prefix', namespace: 'shop', ingress: 'shop', tls: false, service: { name: 'web', port: 80 },
    location: { uri: 'file:///w/shop.yaml', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } },
  },
};
const answer = (status: number, reason?: string, upstream?: string): TryResponse =>
  ({ status, statusText: '', ms: 1, headers: [], reason, upstream, body: { bytes: 0, truncated: false } });

test('guidance: map the Service after a 503, start it after a refused 502, nothing after a real answer', () => {
  assert.equal(guidanceFor(explain, answer(503, 'no local mapping for Service shop/web:80'), false),
    'Map shop/web:80 to a local URL in ingressLab.proxy.map, e.g. "shop/web:80": "http://127.0.0.1:3000", or turn on ingressLab.cluster.enabled to reach Service shop/web\'s pods, then try again.');
  assert.match(guidanceFor(explain, answer(503, 'no local mapping'), true) ?? '', /or connect the cluster \(the status bar says why it is not\), then try again\.$/);
  assert.equal(guidanceFor(explain, answer(502, 'http://127.0.0.1:3000 failed: ECONNREFUSED', 'http://127.0.0.1:3000'), false),
    'Nothing answers at http://127.0.0.1:3000: start your service there, or change "shop/web:80" in ingressLab.proxy.map.');
  assert.equal(guidanceFor(explain, answer(200), false), undefined);
  assert.equal(guidanceFor(explain, answer(503, 'no local mapping for Service shop/web:80 (…); Service shop/web:80 has no ready pods'), true),
    'Service shop/web has no ready pods in the cluster (kubectl get pods -n shop). To try it against a process of your own, map shop/web:80 in ingressLab.proxy.map.');
  assert.match(guidanceFor(explain, answer(503, 'no local mapping …; Service shop/web has no port 80 in the cluster'), true) ?? '', /^Service shop\/web in the cluster has no port 80: fix the backend's port \(or the Service\)\. A mapping would only hide the mistake\.$/);
  assert.match(guidanceFor(explain, answer(502, 'pod shop/web-1:8080 refused the connection (ECONNREFUSED)', 'pod shop/web-1:8080'), true) ?? '', /^pod shop\/web-1:8080 did not answer \(it refused the connection\): is the container listening/);
  assert.equal(guidanceFor(explain, answer(503), false), undefined, 'a 503 from the upstream itself carries no proxy reason');
});

test('advice: a refused mapping is said to be refused and why; a Service without the port is no case for a mapping', () => {
  const refused = 'ingressLab.proxy.map "shop/web:80": 10.0.0.5 is not a loopback address (127.0.0.1, ::1, localhost); the proxy only relays to this machine';
  assert.deepEqual(adviceFor(explain, answer(503, 'no local mapping for Service shop/web:80'), { clusterEnabled: false, refusedMapping: refused }), {
    text: `Your mapping was refused, so the proxy has none for Service shop/web: ${refused}.`, setting: 'ingressLab.proxy.map',
  });
  assert.deepEqual(adviceFor(explain, answer(503, 'no local mapping for Service shop/web:80'), { clusterEnabled: false, portMissing: true }), {
    text: 'Service shop/web has no port 80: fix the backend\'s port (or the Service). A mapping would only hide the mistake.',
  });
  assert.equal(adviceFor(explain, answer(503, 'no local mapping for Service shop/web:80'), { clusterEnabled: false }).setting, 'ingressLab.proxy.map', 'the panel offers to open the setting');
});
