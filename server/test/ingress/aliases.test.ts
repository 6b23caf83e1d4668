// Aliases are expanded the way kubectl and the API server expand them (go-yaml's decoder,
// decode.go), and no further: a "billion laughs" stops within go-yaml's alias budget, an anchor
// containing itself is refused, and neither hides the other documents and files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedAliasRatio } from '../../src/ingress/aliases';
import { parseManifest } from '../../src/ingress/documents';
import { toJson } from '../../src/ingress/source';
import { analyze } from '../../src/rules/analyze';
import { billionLaughs, SELF_REFERENCE } from '../helpers/hostile';

test("the allowed alias ratio is go-yaml's: 99% up to 400,000 decodes, 10% from 4,000,000, linear between", () => {
  assert.equal(allowedAliasRatio(1_000), 0.99);
  assert.equal(allowedAliasRatio(400_000), 0.99);
  assert.equal(allowedAliasRatio(4_000_000), 0.1);
  assert.equal(allowedAliasRatio(40_000_000), 0.1);
  assert.ok(Math.abs(allowedAliasRatio(2_200_000) - 0.545) < 1e-9, 'halfway: halfway between 99% and 10%');
  // The ends of the range: 396,000 of 400,000 decodes, 400,000 of 4,000,000 may come from aliases.
  assert.equal(Math.round(allowedAliasRatio(400_000) * 400_000), 396_000);
  assert.equal(Math.round(allowedAliasRatio(4_000_000) * 4_000_000), 400_000);
});

test('a billion laughs is refused at the anchor being expanded, after a few thousand nodes, and the other documents are read', () => {
  const text = `${billionLaughs()}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n`;
  const file = parseManifest('file:///bomb.yaml', text);
  const [bomb, service] = file.documents;
  assert.deepEqual(bomb!.syntax.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end)]), [['schema/yaml-alias', '&c']]);
  assert.match(bomb!.syntax[0]!.message, /^document contains excessive aliasing/);
  assert.equal(text.slice(bomb!.syntax[0]!.related![0]!.span.start, bomb!.syntax[0]!.related![0]!.span.end), '*c');
  // Read without its aliases: each alias is an empty value where it is written.
  assert.deepEqual(toJson(bomb!.root), { a: Array(9).fill('lol'), ...Object.fromEntries([...'bcdefghij'].map((k) => [k, Array(9).fill(null)])) });
  assert.deepEqual(service!.syntax, []);
  assert.deepEqual(toJson(service!.root), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } });
});

test('an anchor containing itself is refused with the anchor and the alias named, and does not hide another file', () => {
  const selfRef = SELF_REFERENCE;
  const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop}\nspec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n  rules: [{http: {paths: [{path: api, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]\n';
  const { findings } = analyze([{ uri: 'file:///a.yaml', text: selfRef }, { uri: 'file:///b.yaml', text: ingress }]);
  const alias = findings.filter((f) => f.ruleId === 'schema/yaml-alias');
  assert.deepEqual(alias.map((f) => [f.uri, selfRef.slice(f.span.start, f.span.end), f.message]), [
    ['file:///a.yaml', '&x', 'anchor "x" value contains itself: the alias *x inside it can never be expanded'],
  ]);
  assert.ok(findings.some((f) => f.uri === 'file:///b.yaml' && f.ruleId === 'ingress/path-absolute'), 'the other file is still checked');
});

test('ordinary aliases still expand: a value used many times, merge-free, under the anchor\'s path', () => {
  const many = Array.from({ length: 3000 }, (_, i) => `  k${i}: *v`).join('\n');
  const file = parseManifest('file:///many.yaml', `base: &v {x: 1, z: [a, b]}\nuses:\n${many}\n`);
  assert.deepEqual(file.documents[0]!.syntax, []);
  const uses = toJson(file.documents[0]!.root) as { uses: Record<string, unknown> };
  assert.equal(Object.keys(uses.uses).length, 3000);
  assert.deepEqual(uses.uses.k2999, { x: 1, z: ['a', 'b'] });
});

test('severity overrides apply to the alias rule like to any other rule', () => {
  const text = 'a: &x [*x]\n';
  assert.deepEqual(analyze([{ uri: 'file:///a.yaml', text }], { overrides: { 'schema/yaml-alias': 'off' } }).findings, []);
  assert.deepEqual(analyze([{ uri: 'file:///a.yaml', text }], { overrides: { 'schema/yaml-alias': 'warning' } }).findings.map((f) => f.severity), ['warning']);
});

test('the anchor reported is the one named, not a longer name that starts with it (here in a comment)', () => {
  const text = 'a: &l # like &labels\n  b: *l\n';
  const f = parseManifest('file:///a.yaml', text).documents[0]!.syntax[0]!;
  assert.deepEqual([f.ruleId, f.span], ['schema/yaml-alias', { start: 3, end: 5 }]);
});
