// `ingressLab.trace.server` turns the protocol trace on in the Ingress Lab output channel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, waitForValue } from '../helpers';

async function channelLog(logUri: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(logUri, 'Ingress Lab.log')).then((b) => b, () => new Uint8Array());
  return new TextDecoder().decode(bytes);
}

suite('server trace', () => {
  const config = () => vscode.workspace.getConfiguration('ingressLab');
  suiteTeardown(() => config().update('trace.server', undefined, vscode.ConfigurationTarget.Global));

  test('with trace "messages" the requests appear in the output channel; with "off" they do not', async () => {
    const api = await activateExtension();
    const editor = await openFixture('routes.yaml');
    const lenses = () => vscode.commands.executeCommand('vscode.executeCodeLensProvider', editor.document.uri);
    await lenses();
    assert.doesNotMatch(await channelLog(api.logUri), /\[trace\].*textDocument\/codeLens/, 'no trace while the setting is off');

    await config().update('trace.server', 'messages', vscode.ConfigurationTarget.Global);
    await waitForValue('a traced codeLens request in "Ingress Lab.log"', async () => {
      await lenses();
      return /\[trace\] Sending request 'textDocument\/codeLens/.test(await channelLog(api.logUri)) || undefined;
    });
  });
});
