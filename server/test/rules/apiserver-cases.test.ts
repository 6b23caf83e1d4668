// The API server's own validation cases, kept as fixtures: each file in
// test-fixtures/apiserver-cases/ is one case from kubernetes pkg/apis/networking/validation
// (validation_test.go, its header names the Go test and case) or one branch of validation.go,
// written as a manifest, with the exact errors a current kube-apiserver returns for it on create
// (`<field>: <Type>: <detail>`, i.e. Go's field.Error.Error()). The CLI's ingress/ and schema/
// errors on the file must be exactly that set: same field paths, error types and details.
// The fixtures are written by scripts/gen-apiserver-cases.mjs (one readable table of the cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../src/rules/analyze';
import { fixturePath, listFiles, repoRoot } from '../helpers/fixtures';

interface ApiServerCase {
  /** The Go test and case name (or the validation.go function and branch). */
  go: string;
  /** Every error the API server reports, as field.Error.Error() prints it. */
  errors: string[];
}

/** What the API server would answer: our error-level findings from the families that mirror it. */
const API_SERVER = /^(ingress|schema)\//;

const files = listFiles(fixturePath('apiserver-cases'), (n) => n.endsWith('.yaml'));

test('the API server case table is not empty', () => {
  assert.ok(files.length >= 90, `only ${files.length} cases`);
});

for (const file of files) {
  const expected = JSON.parse(readFileSync(file.replace(/\.yaml$/, '.expected.json'), 'utf8')) as ApiServerCase;
  test(`${basename(file, '.yaml')}: ${expected.go}`, () => {
    const text = readFileSync(file, 'utf8');
    const { findings } = analyze([{ uri: pathToFileURL(file).href, text }]);
    const actual = findings.filter((f) => f.severity === 'error' && API_SERVER.test(f.ruleId)).map((f) => f.message);
    assert.deepEqual([...actual].sort(), [...expected.errors].sort());
  });
}

test('the built CLI (check --format json on the whole folder) reports exactly the same errors per file', () => {
  const root = repoRoot();
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/ingress-lab.js'), 'check', '--format', 'json', 'test-fixtures/apiserver-cases'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 1, r.stderr);
  const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { file: string; severity: string; code: string; message: string }[] };
  for (const file of files) {
    const expected = (JSON.parse(readFileSync(file.replace(/\.yaml$/, '.expected.json'), 'utf8')) as ApiServerCase).errors;
    const rel = relative(root, file);
    const actual = diagnostics.filter((d) => d.file === rel && d.severity === 'error' && API_SERVER.test(d.code)).map((d) => d.message);
    assert.deepEqual(actual.sort(), [...expected].sort(), rel);
  }
});
