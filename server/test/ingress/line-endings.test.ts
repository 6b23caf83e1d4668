// Line endings: CR LF, LF and a lone CR are all line breaks, for YAML (YAML 1.2 b-break; go-yaml's
// is_break takes CR, LF, NEL, LS, PS) and for positions (the LSP specification and VS Code count
// lines at CR LF, LF and CR). A file saved with old-Mac endings reads as kubectl reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseManifest } from '../../src/ingress/documents';
import { LineIndex } from '../../src/ingress/lines';
import { toJson } from '../../src/ingress/source';
import { analyze } from '../../src/rules/analyze';

const INGRESS = [
  '# a leading comment',
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata: {name: shop}',
  'spec:',
  '  rules:',
  '    - http:',
  '        paths:',
  '          - {path: api, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}',
  '',
];

function located(text: string) {
  const { findings } = analyze([{ uri: 'file:///a.yaml', text }]);
  const lines = new LineIndex(text);
  return findings.filter((f) => f.ruleId === 'ingress/path-absolute').map((f) => [lines.positionAt(f.span.start), f.field]);
}

test('an Ingress saved with CR, LF or CR LF endings gets the same finding at the same line and character', () => {
  const expected = [[{ line: 8, character: 19 }, 'spec.rules[0].http.paths[0].path']];
  for (const eol of ['\n', '\r\n', '\r']) assert.deepEqual(located(INGRESS.join(eol)), expected, JSON.stringify(eol));
  // Mixed in one file, line by line.
  const mixed = INGRESS.map((l, i) => l + ['\r', '\n', '\r\n'][i % 3]).join('');
  assert.deepEqual(located(mixed), expected);
});

test('lone CRs separate documents and end block scalars as line feeds do', () => {
  const text = 'a: 1\r---\rb: |\r  one\r  two\r...\r';
  const docs = parseManifest('file:///a.yaml', text).documents;
  assert.deepEqual(docs.map((d) => toJson(d.root)), [{ a: 1 }, { b: 'one\ntwo\n' }]);
  assert.deepEqual(docs.flatMap((d) => d.syntax), []);
});

test("LineIndex counts lines as VS Code's text documents do, for any mix of CR, LF and CR LF", () => {
  const piece = fc.constantFrom('a', 'bc', ' ', '\r', '\n', '\r\n', '\u2028', '\u0085');
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
    const text = pieces.join('');
    const ours = new LineIndex(text);
    const vscode = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
    assert.equal(ours.lineCount, vscode.lineCount);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CR LF: not a position
      const pos = ours.positionAt(offset);
      assert.deepEqual(pos, vscode.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
      assert.equal(ours.offsetAt(pos), offset);
    }
  }), { seed: 7, numRuns: 300 });
});
