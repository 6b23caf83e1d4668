// A quick fix from the server applies in the editor and the diagnostic goes away.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, diagnosticsWithCode, openFixture, waitForEvent } from '../helpers';

suite('quick fix', () => {
  suiteSetup(activateExtension);

  teardown(() => vscode.commands.executeCommand('workbench.action.files.revert'));

  test('"prefix the path with /" fixes a relative path', async () => {
    const editor = await openFixture('broken-ingress.yaml');
    const uri = editor.document.uri;
    const [d] = await diagnosticsWithCode(uri, 'ingress/path-absolute');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    // The API drops an action's diagnostics on the way back: the request was for d.range only.
    const fix = actions.find((a) => a.isPreferred && a.kind?.value === 'quickfix');
    assert.ok(fix?.edit, `no preferred quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(11).text, '          - path: /cart');
    await waitForEvent('the path-absolute diagnostic to go away', vscode.languages.onDidChangeDiagnostics, () =>
      vscode.languages.getDiagnostics(uri).some((x) => codeOf(x) === 'ingress/path-absolute') ? undefined : true);
  });
});
