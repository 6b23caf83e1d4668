// The proxy with the ingress-nginx profile does what the controller does before forwarding:
// ssl-redirect answers http with 308 to https (an answer, nothing relayed), rewrite-target
// changes the path the upstream receives; without a profile nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalMapResolver, parseMapping, ROUTE_HEADER } from '../../src/proxy/index';
import { ingressNginxProfile } from '../../src/ingress/routing/profiles/ingress-nginx';
import { fixturePath } from '../helpers/fixtures';
import { get, startProxy, startUpstream } from './support';

test('ssl-redirect: 308 with Location and the rule, no upstream contacted; rewrite-target: the upstream sees the rewritten path', async () => {
  const web = await startUpstream('web');
  const api = await startUpstream('api');
  const resolver = new LocalMapResolver([parseMapping(`shop/web:80=${web.url}`), parseMapping(`shop/api:80=${api.url}`)]);
  const p = await startProxy(fixturePath('proxy', 'nginx'), { resolver, profile: ingressNginxProfile('test') });
  const plain = await startProxy(fixturePath('proxy', 'nginx'), { resolver });
  try {
    const r = await get(p.port, 'shop.example.com', '/cart/?x=1');
    assert.equal(r.status, 308);
    assert.equal(r.headers.location, 'https://shop.example.com/cart?x=1');
    assert.equal(r.headers[ROUTE_HEADER], 'Ingress shop/shop spec.rules[0].http.paths[0] (Prefix /)');
    assert.match(r.body, /ssl-redirect/);
    assert.equal(web.seen.length, 0);
    const a = await get(p.port, 'api.example.com', '/v1/users?id=7');
    assert.equal(a.status, 200);
    assert.equal(api.seen.at(-1)!.url, '/users?id=7');
    assert.equal((await get(plain.port, 'shop.example.com', '/cart')).status, 200);
  } finally {
    await Promise.all([p.close(), plain.close(), web.close(), api.close()]);
  }
});
