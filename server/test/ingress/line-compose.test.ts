// The line builder (line-compose.ts) reads the plainest manifests without the yaml package's
// Lexer and Parser: whatever document it takes, it must give exactly the tree, spans, field
// paths and typing the Composer gives, and it must give up on anything else. Checked on every
// fixture chunk, on the benchmark's documents, and on random block YAML, clean and mutated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { splitChunks } from '../../src/engine/file-model';
import { plainSpan } from '../../src/ingress/cst-compose';
import { parseDocuments } from '../../src/ingress/documents';
import { K8S_YAML } from '../../src/ingress/go-yaml-tags';
import { lineDocument } from '../../src/ingress/line-compose';
import { plainTyping } from '../../src/ingress/scalar-typing';
import { fixturePath, listFiles } from '../helpers/fixtures';
import { ingressYaml } from '../helpers/manifests';

const typed = plainTyping({ ...K8S_YAML, uniqueKeys: false, strict: false });
const taken = (text: string) => lineDocument(text, typed, plainSpan) !== undefined;

/** Taken or not, parseDocuments (which tries the line builder first) reads text as the Composer does. */
function sameAsComposer(text: string): void {
  assert.deepEqual(parseDocuments('file:///x.yaml', text), parseDocuments('file:///x.yaml', text, 0, false), JSON.stringify(text));
}

test('every fixture chunk and the usual Ingress read the same as through the Composer', () => {
  let count = 0;
  for (const file of listFiles(fixturePath(), (n) => /\.ya?ml$/.test(n))) {
    for (const chunk of splitChunks(readFileSync(file, 'utf8'))) {
      sameAsComposer(chunk.text);
      if (taken(chunk.text)) count++;
    }
  }
  assert.ok(count > 100, `the line builder took ${count} fixture documents`);
  const ingress = ingressYaml({ name: 'shop', service: 'web', host: 'shop.example.com', namespace: 'shop', creationTimestamp: '2024-01-01T00:00:00Z' });
  for (const text of [ingress, `---\n${ingress}`]) {
    assert.ok(taken(text));
    sameAsComposer(text);
  }
});

test('the shapes manifests are made of are taken, with the Composer\'s spans, nulls and YAML 1.1 typing', () => {
  for (const text of [
    'a: 1\nb:\n  c: x  \n  d: [p, q]\ne:\n- 1\n-   y\nf:\n  - g: 2\n    h: 3\n\n\n',
    'x:\n  a: 1\n  b:   \nc:\n', '\n\na: [ p , "q" ]  \nb: {}\nc: []\nd:\n-\n- x\n', '---   \na: 1\n\n\n',
    'a: "x y"\nb: \'it\'\'s\'\n"k": v\n80: on\n', 'a: 1', 'a:', '- a\n- b: [1, 2]\n',
    'a: 0755\nb: 1_000\nc: .5\nd: 2024-01-01\ne: ~\nf: 0x1F\ng: 1:20\nh: yes\n', 'on: off\n~: 1\nnull: 2\n',
  ]) {
    assert.ok(taken(text), JSON.stringify(text));
    sameAsComposer(text);
  }
});

test('comments after content (or after a key with no value), anchors, tags, block and multi-line scalars, escapes, several documents and errors are left to the other ways', () => {
  for (const text of [
    'a: 1 # c\n', 'a:\n# c\n  b: 1\n', 'a:\n  b: 1\n  # c\n', 'a: "x#y"\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |\n  x\n', 'a: 1\n  b\n', 'a:\n  b\nc: 1\n', 'a: b: c\n',
    'a: "\\n"\n', 'a: x\n---\nb: y\n', 'a:\n  - - x\n', 'a:\n\t- 1\n', 'a: 1\r\n', '? a\n: 1\n', '<<: {a: 1}\n',
    'a: [1, 2\n', 'a: {b: 1}\n', '  a: 1\n', 'a:\n    - x\n  b: 1\n', '%YAML 1.1\n---\na: 1\n', 'a: -1\n',
  ]) {
    assert.ok(!taken(text), JSON.stringify(text));
    sameAsComposer(text);
  }
});

test('whole-line comments are taken, Helm\'s `# Source:` atop a document among them', () => {
  const ingress = ingressYaml({ name: 'shop', service: 'web', host: 'shop.example.com', namespace: 'shop', creationTimestamp: '2024-01-01T00:00:00Z' });
  const lines = ingress.split('\n');
  for (const text of [`---\n# Source: shop/templates/ingress.yaml\n${ingress}`, `# top\n${ingress}`, [...lines.slice(0, 2), '# the team owns it', ...lines.slice(2)].join('\n')]) {
    assert.ok(taken(text), text);
    sameAsComposer(text);
  }
});

/** Random block YAML in the styles manifests use: nested maps and lists, compact lists, flow lists, quotes, blank lines. */
const scalar = fc.oneof(
  fc.constantFrom('x', 'web-1', '80', 'on', 'no', '0755', '1_000', '0x1F', '.5', '~', 'null', '2024-01-01', '1:20', 'a b', '/api/v1', 'a:b', '-', '"q"', "'it''s'", '""', '[1, "2"]', '[]', '{}', '*.example.com'),
  fc.stringMatching(/^[a-z0-9./][a-z0-9./:-]{0,7}$/),
);
const key = fc.oneof(fc.constantFrom('a', 'name', 'port', 'on', '80', '"k"', "'q'", 'a b', 'x.y/z'), fc.stringMatching(/^[a-z]{1,5}$/));
type Tree = string | { map: [string, Tree][] } | { seq: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.record({ map: fc.array(fc.tuple(key, tie('t')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('t'), { minLength: 1, maxLength: 3 }) })),
})).t;

function render(t: Tree, indent: number, step: number, compact: boolean, blank: boolean): string {
  const pad = ' '.repeat(indent);
  if (typeof t === 'string') return ` ${t}\n`;
  const nl = blank ? '\n' : '';
  if ('map' in t) return '\n' + t.map.map(([k, v]) => `${pad}${k}:${render(v, indent + step, step, compact, blank)}`).join(nl);
  const at = compact ? Math.max(0, indent - step) : indent;
  // A map item starts on the dash's line (`- name: x`), as manifests write it.
  const item = (v: Tree) => (typeof v !== 'string' && 'map' in v ? ` ${render(v, at + 2, step, compact, blank).slice(at + 3)}` : render(v, at + 2, step, compact, blank));
  return '\n' + t.seq.map((v) => `${' '.repeat(at)}-${item(v)}`).join(nl);
}

const documentText = fc.tuple(fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([entries, step, compact, blank, start]) => (start ? '---\n' : '') + render({ map: entries }, 0, step, compact, blank).slice(1));

/** One small edit: a character inserted or removed where it changes the structure. */
const mutated = fc.tuple(documentText, fc.nat(), fc.constantFrom('', ' ', '  ', ':', '- ', '\n', '"', "'", '[', ']', ',', '{', '#', '\t', '-', '---\n'), fc.boolean())
  .map(([text, at, insert, remove]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(remove ? i + 1 : i);
  });

/** A whole-line comment put before a random line, at a random indent (Helm writes `# Source: …` atop each document). */
const commented = fc.tuple(documentText, fc.nat(), fc.nat({ max: 6 }), fc.constantFrom('# c', '#', '# Source: chart/templates/x.yaml', '#: a - b', '# x # y'))
  .map(([text, at, indent, comment]) => {
    const lines = text.split('\n');
    lines.splice(at % lines.length, 0, ' '.repeat(indent) + comment);
    return lines.join('\n');
  });

test('random block YAML, clean and mutated: whatever the line builder takes reads as through the Composer', () => {
  let took = 0;
  fc.assert(fc.property(fc.oneof(documentText, mutated, commented), (text) => {
    if (taken(text)) took++;
    sameAsComposer(text);
  }), { numRuns: 3000, seed: Number(process.env.LINE_COMPOSE_SEED ?? 8) });
  assert.ok(took > 300, `the line builder took ${took} of 3000`);
});
