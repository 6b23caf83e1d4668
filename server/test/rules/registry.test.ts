// The registry is the only source of rule ids: every id is registered once, the `ingressLab.rules`
// setting in package.json and docs/rules.md are generated from it (node scripts/rules-doc.mjs),
// and the docs never name an id that does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, rulesSettingSchema, unknownRuleIds } from '../../src/rules/index';
import { repoRoot } from '../helpers/fixtures';

const read = (...p: string[]) => readFileSync(join(repoRoot(), ...p), 'utf8');

test('every rule id is registered once', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  assert.ok(ids.includes('schema/yaml-syntax') && ids.includes('ingress/dry-run-server'), 'the parser\'s and the dry run\'s ids are registered rules');
});

test('package.json\'s ingressLab.rules is the registry\'s (stale: run node scripts/rules-doc.mjs)', () => {
  const pkg = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  assert.deepEqual(pkg.contributes.configuration.properties['ingressLab.rules'], rulesSettingSchema(ALL_RULES));
});

test('docs/rules.md has every registered rule (stale: run node scripts/rules-doc.mjs)', () => {
  const doc = read('docs', 'rules.md');
  const documented = [...doc.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]!);
  assert.deepEqual(documented.sort(), ALL_RULES.map((r) => r.id).sort());
});

test('settings docs and protocol comments name only rule ids that exist', () => {
  const texts = [read('package.json'), read('server', 'src', 'protocol.ts'), read('README.md')];
  const named = texts.flatMap((t) => [...t.matchAll(/"((?:schema|ingress|ref|tls|conflict|annotation|deprecated|gateway)\/[a-z0-9-]+)"/g)].map((m) => m[1]!));
  assert.ok(named.length > 0);
  assert.deepEqual(unknownRuleIds(Object.fromEntries(named.map((id) => [id, 'off']))), []);
});
