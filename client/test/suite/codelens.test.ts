// The "Try" CodeLens above each path runs ingressLab.tryRoute, which asks the server where the
// request goes and tells the user.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplainRouteResult, TryRouteArgs } from '../../../server/src/protocol';
import { activateExtension, openFixture, waitForValue } from '../helpers';

suite('CodeLens: try a route', () => {
  suiteSetup(activateExtension);

  test('one lens per path, each running ingressLab.tryRoute', async () => {
    const editor = await openFixture('routes.yaml');
    const lenses = await waitForValue('two CodeLenses', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider', editor.document.uri, 10);
      return all.length >= 2 ? all : undefined;
    });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.command]), [
      [11, 'ingressLab.tryRoute'],
      [18, 'ingressLab.tryRoute'],
    ]);
    assert.equal(lenses[0].command?.title, 'Try http://shop.example.com/catalog (Prefix)');
  });

  test('a lens asks the server where the request goes: /catalog/shoes → Service catalog', async () => {
    const api = await activateExtension();
    const editor = await openFixture('routes.yaml');
    const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
    const args = all[0].command?.arguments?.[0] as TryRouteArgs;
    assert.equal(args.url, 'http://shop.example.com/catalog');
    const shown = (await vscode.commands.executeCommand<{ explain: ExplainRouteResult }>('ingressLab.tryRoute', { ...args, path: '/catalog/shoes' })).explain;
    const direct = await api.explainRoute({ host: 'shop.example.com', path: '/catalog/shoes', https: false });
    assert.deepEqual(shown, direct);
    assert.equal(shown.route?.service?.name, 'catalog', shown.decision);
    assert.equal(shown.route?.ingress, 'storefront');
    assert.equal(shown.route?.path, '/catalog');
  });
});
