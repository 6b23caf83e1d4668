// Completion offers the Services of the workspace (services.yaml is never opened: the server
// indexes the workspace's manifests).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, waitForValue } from '../helpers';

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('completion', () => {
  suiteSetup(activateExtension);

  test('a backend service name completes to the Services in the Ingress namespace', async () => {
    const editor = await openFixture('complete-me.yaml');
    const at = new vscode.Position(15, 22); // after `name: ` under backend.service
    assert.equal(editor.document.lineAt(15).text.trim(), 'name:');
    const labels = await waitForValue('Service names in the completion list', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', editor.document.uri, at);
      const names = list.items.map(label);
      return names.includes('checkout') && names.includes('catalog') ? names : undefined;
    });
    assert.ok(!labels.includes('blog-frontend'), 'Services of other namespaces are not offered');
  });
});
