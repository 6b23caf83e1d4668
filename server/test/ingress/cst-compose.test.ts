// The CST builder (cst-compose.ts) stands in for the yaml package's Composer on documents of the
// usual shape: it must give exactly the trees, spans, field paths and typing the Composer gives,
// and give up (to the Composer) on anything else. The fuzzing harness compares the two on hostile
// input; here on every fixture and on the shapes that must take the Composer's way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Parser, type CST } from 'yaml';
import { simpleComposer } from '../../src/ingress/cst-compose';
import { parseDocuments } from '../../src/ingress/documents';
import { K8S_YAML } from '../../src/ingress/go-yaml-tags';
import { fixturePath, listFiles } from '../helpers/fixtures';

const compose = simpleComposer({ ...K8S_YAML, uniqueKeys: false, strict: false });
const documents = (text: string) => [...new Parser().parse(text)].filter((t): t is CST.Document => t.type === 'document');

test('every fixture manifest parses to the same documents with and without the CST builder', () => {
  const files = listFiles(fixturePath(), (n) => /\.ya?ml$/.test(n));
  assert.ok(files.length > 100);
  let built = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(parseDocuments('file:///x.yaml', text), parseDocuments('file:///x.yaml', text, 0, false), file);
    built += documents(text).filter((d) => compose(d)).length;
  }
  assert.ok(built > 300, `the builder took ${built} fixture documents`);
});

test('scalars are typed as go-yaml types them, quoted ones stay strings, block scalars keep their text', () => {
  const text = 'a: on\nb: "on"\nc: 0755\nd: 1_000\ne: 2024-01-01\nf: ~\ng: |\n  x\n  y\nh: 1:20\ni: [.5, 0x1F, null]\n"j": {k: yes}\n';
  const [doc] = parseDocuments('file:///x.yaml', text);
  const [composed] = parseDocuments('file:///x.yaml', text, 0, false);
  assert.deepEqual(doc, composed);
  assert.ok(compose(documents(text)[0]!), 'built from the CST');
});

test('anchors, tags, explicit keys, merge keys, tabs and syntax errors are left to the Composer', () => {
  for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '? a\n: 1\n', 'b: {x: 1}\nc:\n  <<: {y: 2}\n', 'a:\n\t- 1\n', 'a: [1, 2\n', 'a: b: c\n', 'a\nb: 1\n']) {
    assert.equal(compose(documents(text)[0]!), undefined, JSON.stringify(text));
    assert.deepEqual(parseDocuments('file:///x.yaml', text), parseDocuments('file:///x.yaml', text, 0, false), JSON.stringify(text));
  }
});
