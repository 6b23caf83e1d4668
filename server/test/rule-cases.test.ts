// Walks test-fixtures/rules/<rule-id>/ and checks each rule on its passing and failing cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../src/rules/analyze';
import { LineIndex } from '../src/ingress/lines';
import { snapshotFromText } from '../src/cluster/snapshot';
import { ALL_RULES } from '../src/rules/index';
import { fixturePath, listFiles } from './helpers/fixtures';

const root = fixturePath('rules');
const cases = listFiles(root, (n) => /^(pass|fail)-.*\.ya?ml$/.test(n) && !/\.cluster\.ya?ml$/.test(n));

/** The cluster a case runs against: `<case>.cluster.yaml` beside it, else the folder's `cluster.yaml`. */
function clusterFor(file: string) {
  const own = file.replace(/\.ya?ml$/, '.cluster.yaml');
  const path = existsSync(own) ? own : join(dirname(file), 'cluster.yaml');
  if (!existsSync(path)) return undefined;
  const view = snapshotFromText(pathToFileURL(path).href, readFileSync(path, 'utf8'), 'cluster test-cluster');
  assert.deepEqual(view.errors, [], `${path} must parse`);
  return view;
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
    const cluster = clusterFor(file);
    const { findings } = analyze([{ uri, text }], {
      clusterObjects: cluster?.objects,
      cluster: cluster?.facts,
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
