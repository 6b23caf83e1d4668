// Every API-server, schema and deprecation rule has passing and failing cases beside it in
// test-fixtures/rules/<rule-id>/, so no rule ships untested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { ALL_RULES } from '../../src/rules/index';
import { fixturePath } from '../helpers/fixtures';

/** Rules whose cases live in a unit test instead (a 256 KiB fixture would bloat the repository). */
const UNIT_TESTED = new Set(['ingress/annotations-too-long']);

test('ingress/, schema/ and deprecated/ rules each have pass and fail cases', () => {
  const missing: string[] = [];
  for (const rule of ALL_RULES) {
    // Reported rules (the parser's, the dry run's) have their own tests (validation, dry-run, cluster CLI).
    if (!/^(ingress|schema|deprecated)\//.test(rule.id) || UNIT_TESTED.has(rule.id) || rule.scope === 'reported') continue;
    const dir = fixturePath('rules', ...rule.id.split('/'));
    const names = existsSync(dir) ? readdirSync(dir) : [];
    if (!names.some((n) => n.startsWith('pass-'))) missing.push(`${rule.id}: no pass case`);
    if (!names.some((n) => n.startsWith('fail-') && n.endsWith('.expected.json'))) missing.push(`${rule.id}: no fail case`);
  }
  assert.deepEqual(missing, []);
});
