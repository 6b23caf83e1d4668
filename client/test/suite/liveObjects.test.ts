// The `ingress-lab-live:` scheme in a real VS Code: opening such a URI asks the language server
// (ingressLab/liveObject) for its text; a Secret is never shown. The editor-test workspace has
// no cluster, so the server says the object is not there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers';

suite('live object views', () => {
  test('an ingress-lab-live: Service view opens as read-only YAML with the server\'s text', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('ingress-lab-live:/namespaces/default/services/web.yaml'));
    assert.equal(doc.languageId, 'yaml');
    assert.equal(doc.getText(), '# Service default/web is not in the cluster (any more).\n');
    // A content provider's documents cannot be saved: the scheme has no writable file system.
    assert.notEqual(vscode.workspace.fs.isWritableFileSystem('ingress-lab-live'), true);
  });

  test('a Secret is never served', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('ingress-lab-live:/namespaces/default/secrets/tls.yaml'));
    assert.match(doc.getText(), /not available from the cluster/);
  });
});
