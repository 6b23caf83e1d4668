// The boundary requests of `convert --check` start from a concrete path for each rule path. For
// an ingress-nginx regex path that sample must be a request the regex really matches (nginx's
// `location ~*`: case-insensitive, anchored at the start), or the check proves nothing about it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { samplePath } from '../../src/gateway/equivalence';

test('a sample for each regex path is a plain path that the regex matches, as nginx location ~* reads it', () => {
  const paths = ['/api/[0-9]+/items', '/v\\d+/users', '/u/[a-z]{3}', '/files/[^/]+/raw', '/api(/|$)(.*)', '/img/.*\\.png', '/x/[A-Za-z0-9_-]*/y', '/shop/\\w+'];
  for (const path of paths) {
    const sample = samplePath(path);
    assert.match(sample, new RegExp(`^${path}`, 'i'), `${path} → ${sample}`);
    assert.doesNotMatch(sample, /[[\]{}()*+?|\\^$]/, `${path} → ${sample}: no regex syntax left`);
  }
  assert.equal(samplePath('/api/[0-9]+/items'), '/api/0/items', 'a digit, not the literal "0-9"');
});
