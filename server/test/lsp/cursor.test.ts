// The cursor context read from indentation: works in half-typed documents that do not parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext, pathString, siblingKeys } from '../../src/lsp/cursor';

function at(textWithBar: string) {
  const i = textWithBar.indexOf('|');
  const c = cursorContext(textWithBar.slice(0, i) + textWithBar.slice(i + 1), i);
  return { path: pathString(c.path), position: c.position, key: c.key, prefix: c.prefix };
}

test('keys and values at every depth, with sequences written flush or indented', () => {
  const doc = 'spec:\n  rules:\n  - host: a\n    http:\n      paths:\n        - path: /\n          backend:\n            service:\n              ';
  assert.deepEqual(at(`${doc}na|`), { path: 'spec.rules[].http.paths[].backend.service', position: 'key', key: undefined, prefix: 'na' });
  assert.deepEqual(at(`${doc}name: w|`), { path: 'spec.rules[].http.paths[].backend.service', position: 'value', key: 'name', prefix: 'w' });
  assert.deepEqual(at('spec:\n  rules:\n    - http:\n        paths:\n          - |'), { path: 'spec.rules[].http.paths[]', position: 'key', key: undefined, prefix: '' });
  assert.deepEqual(at('spec:\n  tls:\n    - hosts:\n        - a.example.com\n        - |'), { path: 'spec.tls[].hosts[]', position: 'value', key: 'hosts', prefix: '' });
});

test('siblings above the cursor and earlier sequence items do not leak into the path', () => {
  const doc = 'metadata:\n  name: x\n  labels:\n    a: b\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: "true"\n    |';
  assert.deepEqual(at(doc), { path: 'metadata.annotations', position: 'key', key: undefined, prefix: '' });
  const items = 'spec:\n  rules:\n    - host: a\n      http: {}\n    - host: b\n      |';
  assert.deepEqual(at(items), { path: 'spec.rules[]', position: 'key', key: undefined, prefix: '' });
  assert.deepEqual(at('apiVersion: v1\nkind: Ingress\n---\nkind: |'), { path: '', position: 'value', key: 'kind', prefix: '' });
});

test('keys already in the map at the cursor: same block, same sequence item, nothing from children or other items', () => {
  const keys = (t: string) => [...siblingKeys(t.replace('|', ''), t.indexOf('|'))].sort();
  assert.deepEqual(keys('apiVersion: v1\nkind: Ingress\nspec:\n  rules: []\n|\nmetadata:\n  name: x\n'), ['apiVersion', 'kind', 'metadata', 'spec']);
  const paths = 'spec:\n  rules:\n    - http:\n        paths:\n          - path: /a\n            pathType: Prefix\n            ';
  assert.deepEqual(keys(`${paths}|\n          - path: /b\n            backend: {}\n`), ['path', 'pathType'], 'the next item is not this one');
  assert.deepEqual(keys(`${paths}backend:\n              service: {}\n          - |`), [], 'a new item has no keys yet');
  assert.deepEqual(keys('a: 1\n---\nb: 2\n|\n---\nc: 3\n'), ['b'], 'other documents are not this map');
});

test('a file written with CR or CR LF line breaks reads the same as with LF (YAML takes all three as line breaks)', () => {
  const doc = 'spec:\n  rules:\n  - host: a\n    http:\n      paths:\n        - path: /\n          backend:\n            service:\n              na|';
  const expected = at(doc);
  for (const nl of ['\r', '\r\n']) {
    assert.deepEqual(at(doc.replaceAll('\n', nl)), expected, JSON.stringify(nl));
    const sib = 'apiVersion: v1\nkind: Ingress\nspec:\n  rules: []\n|\nmetadata:\n  name: x\n'.replaceAll('\n', nl);
    assert.deepEqual([...siblingKeys(sib.replace('|', ''), sib.indexOf('|'))].sort(), ['apiVersion', 'kind', 'metadata', 'spec'], JSON.stringify(nl));
  }
});
