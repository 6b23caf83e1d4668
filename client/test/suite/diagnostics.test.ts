// A broken Ingress gets diagnostics in the editor, with the rule id as code and the exact range.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, diagnosticsWithCode, fixtureUri, openFixture, rangeText } from '../helpers';

suite('diagnostics', () => {
  suiteSetup(activateExtension);

  test('a relative path is an error on the path value, worded like the API server', async () => {
    await openFixture('broken-ingress.yaml');
    const [d, ...more] = await diagnosticsWithCode(fixtureUri('broken-ingress.yaml'), 'ingress/path-absolute');
    assert.equal(more.length, 0);
    assert.equal(rangeText(d.range), '11:18-11:22', 'the range covers `cart` on line 12');
    assert.equal(d.message, 'spec.rules[0].http.paths[0].path: Invalid value: "cart": must be an absolute path');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.source, 'ingress-lab');
  });

  test('a valid Ingress gets no error', async () => {
    await openFixture('routes.yaml');
    await diagnosticsWithCode(fixtureUri('broken-ingress.yaml'), 'ingress/path-absolute'); // the server is answering
    const errors = vscode.languages.getDiagnostics(fixtureUri('routes.yaml'))
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
  });
});
