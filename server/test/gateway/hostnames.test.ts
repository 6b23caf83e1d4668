// Gateway API hostname semantics (HTTPRouteSpec.hostnames, Listener.hostname docs): a wildcard
// matches one or more labels; a route's hostnames intersect its listener's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostnameMatches, hostnameScore, intersectHostnames } from '../../src/gateway/hostnames';

test('"*.example.com" matches foo.example.com and foo.bar.example.com, never example.com', () => {
  assert.ok(hostnameMatches('*.example.com', 'foo.example.com'));
  assert.ok(hostnameMatches('*.example.com', 'foo.bar.example.com'));
  assert.ok(!hostnameMatches('*.example.com', 'example.com'));
  assert.ok(!hostnameMatches('*.example.com', 'fooexample.com'));
});

test('intersection: the listener hostname where a route wildcard covers it; route hostnames the listener accepts; none is no attachment', () => {
  assert.deepEqual(intersectHostnames('very.specific.com', ['non.matching.com', '*.specific.com']), ['very.specific.com']);
  assert.deepEqual(intersectHostnames('*.wildcard.io', ['wildcard.io', 'foo.wildcard.io', 'foo.bar.wildcard.io']), ['foo.wildcard.io', 'foo.bar.wildcard.io']);
  assert.deepEqual(intersectHostnames('*.wildcard.io', ['specific.but.wrong.com']), []);
  assert.deepEqual(intersectHostnames(undefined, ['a.com']), ['a.com']);
  assert.equal(intersectHostnames(undefined, []), undefined);
});

test('an exact hostname outranks any wildcard; a longer wildcard outranks a shorter one', () => {
  const exact = hostnameScore('foo.bar.com', 'foo.bar.com')!;
  const wild = hostnameScore('*.bar.com', 'foo.bar.com')!;
  const longer = hostnameScore('*.b.bar.com', 'a.b.bar.com')!;
  assert.ok(exact > wild);
  assert.ok(longer > hostnameScore('*.bar.com', 'a.b.bar.com')!);
  assert.equal(hostnameScore('*.bar.com', 'bar.com'), undefined);
});
