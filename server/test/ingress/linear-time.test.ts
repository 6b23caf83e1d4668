// Hostile input must cost time in proportion to its size (issue 10, defect 3): request
// paths, rule paths, YAML lines and API field paths of the shapes that made the old
// regexes backtrack quadratically. The work of the matcher is counted (keys made), and the
// regexes get inputs of a million characters, where a quadratic pass needs hours and a
// linear one milliseconds: the test's own time-out, not a timing assertion, is the bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRouteTable, lookup } from '../../src/ingress/routing/index';
import { matchKey, prefixKeys, trimTrailingSlashes } from '../../src/ingress/routing/paths';
import { cursorContext } from '../../src/lsp/cursor';
import { nodeAtField } from '../../src/cluster/dry-run';
import { parseDocuments } from '../../src/ingress/documents';
import { writtenNamespace } from '../../src/lsp/completion';
import { ingressesOf } from '../helpers/routing';

const MB = 1 << 20;
const slashes = (n: number, tail = 'x') => '/'.repeat(n) + tail;

test('prefixKeys makes only keys of lengths the index holds: work independent of the number of slashes', () => {
  for (const n of [1_000, 200_000]) {
    const keys = prefixKeys(slashes(n), new Set([0, 4]));
    assert.deepEqual(keys, ['', '////']);
  }
  // Without lengths, every element prefix (the contract other callers rely on).
  assert.deepEqual(prefixKeys('/a/b/'), ['', '/a', '/a/b']);
  assert.deepEqual(prefixKeys('/a/b', new Set([2])), ['/a']);
});

test('trailing slashes are trimmed by a loop; same answers as before', () => {
  assert.equal(trimTrailingSlashes('/a/b///'), '/a/b');
  assert.equal(trimTrailingSlashes('////'), '');
  assert.equal(trimTrailingSlashes('/a'), '/a');
  assert.equal(matchKey('Prefix', slashes(MB)), slashes(MB));
  assert.equal(matchKey('Prefix', '/'.repeat(MB)), '');
});

test('the matcher on a request path of a million slashes answers, and as it did for short paths', { timeout: 60_000 }, () => {
  const table = buildRouteTable(ingressesOf(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a, namespace: d}
spec:
  rules:
    - host: a.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: root, port: {number: 80}}}}
          - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
`));
  for (const path of [slashes(MB), slashes(MB, ''), `/api${slashes(MB)}`]) {
    const r = lookup(table, 'a.example.com', path);
    assert.equal(r.match?.backend?.service?.name?.value, path.startsWith('/api') ? 'api' : 'root');
  }
});

test('a rule path of a million slashes is read and checked', { timeout: 60_000 }, () => {
  const yaml = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a, namespace: d}
spec:
  rules:
    - http:
        paths:
          - {path: "${slashes(MB)}", pathType: Prefix, backend: {service: {name: s, port: {number: 80}}}}
`;
  assert.equal(parseDocuments('file:///a.yaml', yaml).length, 1);
  assert.equal(buildRouteTable(ingressesOf(yaml)).ingresses.length, 1);
});

test('editor: a line of a million blanks without a colon, and a document of a million blank lines', { timeout: 60_000 }, () => {
  const line = `a${' '.repeat(MB)}x`;
  assert.equal(cursorContext(`${line}\n`, line.length).position, 'key');
  assert.equal(cursorContext(`spec:\n  ${line}: `, line.length + 10).key, line);
  assert.equal(writtenNamespace(`${'\n'.repeat(MB)}x`), undefined);
  assert.equal(writtenNamespace('kind: Ingress\nmetadata:\n  namespace: shop\n'), 'shop');
});

test('dry run: an API field path of a million "[" maps to the nearest node', { timeout: 60_000 }, () => {
  const doc = parseDocuments('file:///a.yaml', 'spec: {a: 1}\n')[0]!;
  assert.ok(nodeAtField(doc.root!, `spec${'['.repeat(MB)}`));
  assert.equal(nodeAtField(doc.root!, 'spec.a'), nodeAtField(doc.root!, 'spec[a]'));
});

test('parse: a million-character line and a "#" after it (the line builder\'s comment check looks back over spaces only)', { timeout: 60_000 }, () => {
  for (const text of [`a: ${'x'.repeat(MB)}\n# c\n`, `a: ${'x'.repeat(MB)} #\n`, `${' '.repeat(MB)}# c\na: 1\n`]) {
    const [doc] = parseDocuments('file:///a.yaml', text);
    assert.ok(doc?.root, JSON.stringify(text.slice(0, 20)));
  }
});
