// The extension starts in a real VS Code: the language server runs, the commands the manifest
// declares exist, and the status bar learns the cluster status from the server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { activateExtension, openFixture, waitForEvent } from '../helpers';

suite('activation', () => {
  test('opening a YAML file starts the language server', async () => {
    await openFixture('broken-ingress.yaml');
    const api = await activateExtension();
    assert.equal(api.client.state, State.Running);
  });

  test('every command in package.json is registered', async () => {
    const api = await activateExtension();
    assert.ok(api);
    const declared = (vscode.extensions.getExtension('ingress-lab.ingress-lab')?.packageJSON.contributes.commands ?? [])
      .map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(declared.length >= 3);
    for (const c of declared) assert.ok(registered.has(c), `${c} is declared but not registered`);
  });

  test('the server reports the cluster status (disabled in this workspace)', async () => {
    const api = await activateExtension();
    const status = await waitForEvent('a cluster status', api.onClusterStatus, () => api.clusterStatus());
    assert.equal(status.state, 'disabled');
    assert.ok(status.message.length > 0, 'the status explains itself');
  });

  test('restarting the server brings it back', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('ingressLab.restartServer');
    await api.ready();
    assert.equal(api.client.state, State.Running);
  });
});
