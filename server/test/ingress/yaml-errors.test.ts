// A misplaced indentation is one finding where the structure went wrong, naming the lines
// that disagree (issue 10, "Messages a person meets"): not the parser's cascade, not the
// schema rules' guesses about the misread tree, and never "[object Object]".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/rules/analyze';
import { LineIndex } from '../../src/ingress/lines';
import { fixturePath, repoRoot } from '../helpers/fixtures';

const demo = readFileSync(fixturePath('demo/shop/ingress.yaml'), 'utf8');

/** The demo Ingress with two spaces taken off lines from..to (1-based). */
function dedent(from: number, to = from): string {
  return demo.split('\n').map((l, i) => (i + 1 >= from && i + 1 <= to && l.startsWith('  ') ? l.slice(2) : l)).join('\n');
}

function errorsOf(text: string) {
  const lines = new LineIndex(text);
  return analyze([{ uri: 'file:///shop/ingress.yaml', text }]).findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ ...f, line: lines.positionAt(f.span.start).line + 1 }));
}

test('"backend" two spaces short under http: one error at that line, saying which lines disagree and by how much', () => {
  const text = dedent(24);
  assert.match(text.split('\n')[23]!, /^ {10}backend:$/);
  const errors = errorsOf(text);
  assert.deepEqual(errors.map((e) => [e.ruleId, e.line]), [['schema/yaml-syntax', 24]]);
  assert.equal(errors[0]!.message, 'indentation: "backend" is indented 10 spaces, but "pathType" (the line above) in the same mapping is indented 12 spaces; '
    + 'the keys of one mapping must line up: indent "backend" by 2 more (YAML: All mapping items must start at the same column)');
  assert.equal(text.slice(errors[0]!.span.start, errors[0]!.span.end), '          backend', 'the indentation and the key');
});

test('a list item out of line with its siblings names the sibling', () => {
  const [e, ...rest] = errorsOf(dedent(29));
  assert.deepEqual(rest, []);
  assert.equal(e!.line, 29);
  assert.match(e!.message, /^indentation: the list item "- path" is indented 8 spaces, but the item "- path" \(7 lines above\) of the same list is indented 10 spaces; the items of one list must line up: indent this one by 2 more/);
});

test('a key deeper than the mapping it continues is named with the key it should line up with', () => {
  const [e, ...rest] = errorsOf(dedent(22));
  assert.deepEqual(rest, []);
  assert.match(e!.message, /^indentation: "pathType" \(the line below\) is indented 12 spaces, deeper than "path" \(10 spaces\) whose mapping it continues; .*indent "pathType" by 2 less, or "path" by as many more/);
});

test('any two spaces taken off any block of the demo Ingress: a YAML error is the only error, and no message says "[object Object]" or the v1beta1 rename', () => {
  for (let from = 19; from <= 52; from++) {
    for (const to of [from, from + 1, 28, 42, 52].filter((t) => t >= from)) {
      const findings = analyze([{ uri: 'file:///i.yaml', text: dedent(from, to) }]).findings;
      const where = `lines ${from}-${to}`;
      const errors = findings.filter((f) => f.severity === 'error');
      if (errors.some((f) => f.ruleId === 'schema/yaml-syntax')) assert.equal(errors.length, 1, `${where}: ${errors.map((f) => f.message).join('\n')}`);
      assert.ok(findings.every((f) => !f.message.includes('[object') && !f.message.includes('renamed spec.backend')), `${where}: ${findings.map((f) => f.message).join('\n')}`);
    }
  }
});

const misplaced = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  backend:
    service: { name: web, port: { number: 80 } }
  rules:
    - http:
        backend:
          service: { name: web, port: { number: 80 } }
        paths:
          - path: /
            pathType: Prefix
            service: { name: web }
            backend: { service: { name: web, port: { number: 80 } } }
      ? [a, b]
      : c
`;

test('valid YAML, wrong level: the field is named where it belongs; the v1beta1 hints only where v1beta1 had the field; a list key is named by its JSON', () => {
  const unknown = analyze([{ uri: 'file:///m.yaml', text: misplaced }]).findings.filter((f) => f.ruleId === 'schema/unknown-field').map((f) => f.message);
  assert.deepEqual(unknown, [
    'unknown field "spec.backend"; networking.k8s.io/v1 renamed spec.backend to spec.defaultBackend',
    'unknown field "spec.rules[0].http.backend"; "backend" is a field of each item of spec.rules[0].http.paths: check its indentation',
    'unknown field "spec.rules[0].http.paths[0].service"; "service" is a field of spec.rules[0].http.paths[0].backend: check its indentation',
    'unknown field "spec.rules[0].["a","b"]"',
  ]);
});

test('the CLI prints the one indentation error for the walk-through edit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-indent-'));
  try {
    writeFileSync(join(dir, 'ingress.yaml'), dedent(24));
    const r = spawnSync(process.execPath, [join(repoRoot(), 'dist/cli/ingress-lab.js'), 'check', dir], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    const errors = r.stdout.split('\n').filter((l) => / error /.test(l));
    assert.equal(errors.length, 1, r.stdout);
    assert.match(errors[0]!, /ingress\.yaml:24:1 error schema\/yaml-syntax indentation: "backend" is indented 10 spaces/);
    assert.doesNotMatch(r.stdout, /object Object/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
