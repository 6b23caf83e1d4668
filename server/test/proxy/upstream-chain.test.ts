// chainResolvers: the first resolver that answers wins, else the first refusal's status with
// every reason; synchronous while its resolvers are (a mapped URL costs no turn of the event
// loop per request), a promise as soon as one of them answers with one (a port-forward).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainResolvers, type Resolution, type UpstreamResolver } from '../../src/proxy/index';

const target = { namespace: 'shop', service: 'web', port: 80 };
const ok = (label: string): Resolution => ({ ok: true, upstream: { label } });
const no = (status: 502 | 503, reason: string): Resolution => ({ ok: false, status, reason });
const sync = (r: Resolution): UpstreamResolver => ({ resolve: () => r });
const later = (r: Resolution): UpstreamResolver => ({ resolve: () => Promise.resolve(r) });

test('all synchronous: the answer comes back at once, no promise', () => {
  const r = chainResolvers(sync(no(503, 'no local mapping')), sync(ok('pod shop/web-1:8080'))).resolve(target);
  assert.ok(!(r instanceof Promise));
  assert.deepEqual(r, ok('pod shop/web-1:8080'));
});

test('a resolver that answers later: the chain waits for it, and the next one after a refusal', async () => {
  assert.deepEqual(await chainResolvers(sync(no(503, 'a')), later(ok('pod shop/web-1:8080'))).resolve(target), ok('pod shop/web-1:8080'));
  assert.deepEqual(await chainResolvers(later(no(503, 'a')), sync(ok('http://127.0.0.1:3000'))).resolve(target), ok('http://127.0.0.1:3000'));
});

test('every one refuses: the first refusal\'s status, every reason in order, sync or not', async () => {
  assert.deepEqual(await chainResolvers(sync(no(503, 'no local mapping')), later(no(502, 'pod refused'))).resolve(target), no(503, 'no local mapping; pod refused'));
  assert.deepEqual(chainResolvers(sync(no(502, 'x')), sync(no(503, 'y'))).resolve(target), no(502, 'x; y'));
  assert.equal((chainResolvers().resolve(target) as Exclude<Resolution, { ok: true }>).status, 503);
});
