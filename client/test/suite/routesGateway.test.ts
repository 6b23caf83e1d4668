// The Routes panel with HTTPRoutes in the workspace: their hostname is a host of its own marked
// Gateway API, its matches in Gateway API precedence with the tie marked, each backendRef with
// its share; a click opens the match's YAML, Explain route answers with the Gateway API matcher,
// and an edit of the HTTPRoute refreshes the panel.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { IngressLabApi } from '../../src/api';
import type { ExplainRouteResult } from '../../../server/src/protocol';
import type { RouteNode } from '../../src/routeNodes';
import { activateExtension, waitForEvent } from '../helpers';

const ROUTES = readFileSync(join(__dirname, '../../../../test-fixtures/gateway/tree/routes.yaml'), 'utf8');

function gatewayHost(api: IngressLabApi, ok: (h: RouteNode) => boolean): Promise<RouteNode> {
  return waitForEvent('the Gateway API host in the Routes panel', api.routes.onDidChangeTreeData, () =>
    api.routes.getChildren().find((h) => h.gatewayApi && h.label === 'shop.example.com' && ok(h)));
}

suite('Routes panel: Gateway API', () => {
  test('HTTPRoutes appear as a Gateway API host → matches → backendRefs, linked to their YAML; Explain uses the Gateway API matcher; edits refresh', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('ingressLab.routes.focus');
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: ROUTES });
    const editor = await vscode.window.showTextDocument(doc);
    const host = await gatewayHost(api, (h) => h.children.length === 5);
    assert.equal(host.description, 'Gateway API · 5 matches · 2 conflicts · 1 shadowed');
    const ingressHost = api.routes.getChildren().find((h) => !h.gatewayApi && h.label === 'shop.example.com');
    assert.ok(ingressHost, 'the Ingress host of the same name stays its own node');
    assert.deepEqual(host.children.map((c) => `${c.label} ${c.description}`), [
      '/login Exact · HTTPRoute a · header x-env=canary',
      '/api PathPrefix · HTTPRoute a · wins over shop/b',
      '/api PathPrefix · HTTPRoute a · shadowed by an earlier rule (PathPrefix /api)',
      '/api PathPrefix · HTTPRoute b · shop/a wins',
      '/ PathPrefix · HTTPRoute b · RequestRedirect 301 to https',
    ]);
    const api0 = host.children[1]!;
    assert.deepEqual(api0.children.map((b) => `${b.label} ${b.description}`), ['api:80 90% · Service not found', 'api-canary:80 10% · Service not found']);
    const item = api.routes.getTreeItem(api0);
    assert.equal(item.contextValue, 'ingressLab.route.path');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
    assert.match(doc.lineAt(vscode.window.activeTextEditor!.selection.start.line).text, /matches: \[\{ path: \{ type: PathPrefix, value: \/api \} \}\]/);
    const explain = await vscode.commands.executeCommand<ExplainRouteResult>('ingressLab.routes.explain', api0);
    assert.match(explain.decision, /^200 → shop\/api:80 \(90%\), shop\/api-canary:80 \(10%\) as \/api via HTTPRoute shop\/a spec\.rules\[0\]$/);
    const at = doc.getText().indexOf('value: /login');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'value: /login'.length)), 'value: /signin'));
    await gatewayHost(api, (h) => h.children.some((c) => c.label === '/signin'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForEvent('the Gateway API host gone', api.routes.onDidChangeTreeData, () => (api.routes.getChildren().some((h) => h.gatewayApi) ? undefined : true));
  });
});
