// Walks test-fixtures/rules/<rule-id>/ and checks each rule on its passing and failing cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../src/rules/analyze';
import { LineIndex } from '../src/ingress/lines';
import { parseManifest } from '../src/ingress/documents';
import { ClusterObjects } from '../src/ingress/store';
import { extractObjects } from '../src/ingress/model';
import { ALL_RULES } from '../src/rules/index';
import { fixturePath, listFiles } from './helpers/fixtures';

const root = fixturePath('rules');
const cases = listFiles(root, (n) => /^(pass|fail)-.*\.ya?ml$/.test(n));

function clusterFor(dir: string) {
  const file = join(dir, 'cluster.yaml');
  if (!existsSync(file)) return undefined;
  const store = new ClusterObjects();
  const parsed = parseManifest(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  for (const o of extractObjects(parsed, { defaultNamespace: 'default', origin: 'cluster' })) store.upsert(o);
  return store;
}

test('every rule case folder names a registered rule', () => {
  const ids = new Set(ALL_RULES.map((r) => r.id).concat('schema/yaml-syntax'));
  for (const file of cases) {
    const id = relative(root, dirname(file)).split('\\').join('/');
    assert.ok(ids.has(id), `${relative(root, file)}: no rule with id ${id}`);
  }
});

for (const file of cases) {
  const dir = dirname(file);
  const ruleId = relative(root, dir).split('\\').join('/');
  const name = basename(file);
  test(`${ruleId}: ${name}`, () => {
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const { findings } = analyze([{ uri, text }], {
      clusterObjects: clusterFor(dir),
      now: new Date('2026-11-28T00:00:00Z'),
    });
    const lines = new LineIndex(text);
    const mine = findings.filter((f) => f.ruleId === ruleId).map((f) => {
      const s = lines.positionAt(f.span.start);
      const e = lines.positionAt(f.span.end);
      return { line: s.line, character: s.character, endLine: e.line, endCharacter: e.character, field: f.field, message: f.message };
    });
    if (name.startsWith('pass-')) {
      assert.deepEqual(mine, [], `${ruleId} must not report on ${name}`);
      return;
    }
    const expectedFile = file.replace(/\.ya?ml$/, '.expected.json');
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, unknown>[];
    const actual = mine.map((m, i) => (expected[i] && 'message' in expected[i]! ? m : { ...m, message: undefined }))
      .map((m) => JSON.parse(JSON.stringify(m)));
    assert.deepEqual(actual, expected, `${ruleId} on ${name}`);
  });
}
