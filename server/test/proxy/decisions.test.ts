// The proxy remembers the ingress-nginx profile's action per (scheme, Host, target) only
// when nothing else can change it: with a canary in the rules, two requests that differ only
// in a header still go to different Services; http and https of the same URL stay apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderProject } from '../../src/cli/workspace';
import { ingressNginxProfile } from '../../src/ingress/routing/profiles/ingress-nginx';
import { DecisionCache } from '../../src/proxy/decisions';
import type { ControllerRequest } from '../../src/proxy/controller-action';
import { fixturePath } from '../helpers/fixtures';

const profile = ingressNginxProfile('test');

function request(scheme: 'http' | 'https', host: string, url: string, headers: Record<string, string> = {}): ControllerRequest {
  return { scheme, host, url, method: 'GET', headers: { host, ...headers } };
}

function cacheOf(folder: string): DecisionCache {
  return new DecisionCache(folderProject([fixturePath('proxy', folder)]).routeTable());
}

test('no canary: the same URL gets the remembered action; http and https of it are told apart (ssl-redirect answers only http)', () => {
  const cache = cacheOf('nginx');
  const first = cache.action(profile, request('http', 'shop.example.com', '/cart/?x=1'));
  assert.equal(first.reply?.status, 308);
  assert.equal(first.reply?.location, 'https://shop.example.com/cart?x=1');
  assert.equal(cache.action(profile, request('http', 'shop.example.com', '/cart/?x=1')), first, 'remembered');
  assert.equal(cache.action(profile, request('https', 'shop.example.com', '/cart/?x=1')).reply, undefined, 'https is forwarded');
  assert.equal(cache.action(profile, request('http', 'api.example.com', '/v1/users?id=7')).path, '/users?id=7');
});

test('with a canary: each request is decided by its own headers, none remembered', () => {
  const cache = cacheOf('canary');
  const service = (headers: Record<string, string>) => cache.action(profile, request('http', 'chat.example.com', '/ws/room1', headers)).target?.service;
  assert.equal(service({ 'x-canary': 'always' }), 'chat-next');
  assert.equal(service({}), 'chat');
  assert.equal(service({ cookie: 'beta=always' }), 'chat-next');
  assert.equal(service({ 'x-canary': 'never', cookie: 'beta=always' }), 'chat');
});
