// The Routes side panel on the test workspace: hosts at the top, tree.yaml's shadowed path and
// duplicate claim marked, a click opening the YAML at the path, an edit refreshing the tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IngressLabApi } from '../../src/api';
import type { ExplainRouteResult } from '../../../server/src/protocol';
import type { RouteNode } from '../../src/routeNodes';
import type { TryResult } from '../../src/tryResult';
import { activateExtension, fixtureUri, openFixture, rangeText, waitForEvent } from '../helpers';

function host(api: IngressLabApi, name: string): RouteNode | undefined {
  return api.routes.getChildren().find((h) => h.label === name);
}

/** Waits until the panel shows a host whose paths satisfy `ok`. */
function hostWhen(api: IngressLabApi, name: string, ok: (h: RouteNode) => boolean, what: string): Promise<RouteNode> {
  return waitForEvent(what, api.routes.onDidChangeTreeData, () => {
    const h = host(api, name);
    return h && ok(h) ? h : undefined;
  });
}

const labels = (h: RouteNode) => h.children.map((p) => `${p.label} ${p.description}`);

suite('Routes panel', () => {
  let api: IngressLabApi;
  suiteSetup(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('ingressLab.routes.focus'); // the view is contributed (and seen in host-tests.png)
    await hostWhen(api, 'tree.example.com', (h) => h.children.length === 3, 'tree.example.com with its 3 paths');
  });

  test('the top level lists the workspace hosts; a TLS host has a lock, the others a globe', async () => {
    await vscode.commands.executeCommand('ingressLab.refreshRoutes');
    const roots = api.routes.getChildren();
    assert.deepEqual(roots.map((h) => h.label), ['catalog.example.com', 'shop.example.com', 'tree.example.com']);
    const icons = roots.map((h) => (api.routes.getTreeItem(h).iconPath as vscode.ThemeIcon).id);
    assert.deepEqual(icons, ['globe', 'globe', 'lock']);
  });

  test('a shadowed path and a duplicate claim are marked, with the other side named', () => {
    const h = host(api, 'tree.example.com')!;
    assert.equal(h.description, '3 paths · 2 conflicts · 1 shadowed');
    assert.deepEqual(labels(h), [
      '/app Prefix · shadowed by Prefix /app/',
      '/app/ Prefix · conflicts with tree-b',
      '/app/ Prefix · conflicts with tree-a',
    ]);
    const shadowed = api.routes.getTreeItem(h.children[0]!);
    assert.equal(((shadowed.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'list.warningForeground');
    const backend = h.children[0]!.children[0]!;
    assert.equal(backend.label, 'catalog:8080');
  });

  test('clicking a path opens its YAML with the path value selected', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const item = api.routes.getTreeItem(host(api, 'tree.example.com')!.children[1]!);
    assert.ok(item.command, 'the node has a command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), fixtureUri('tree.yaml').toString());
    assert.equal(rangeText(editor!.selection), '23:18-23:23');
    assert.equal(editor!.document.getText(editor!.selection), '/app/');
  });

  test('a path\'s Try (inline and in its context menu) sends the lens\'s request; Explain route names the same rule', async () => {
    const path = host(api, 'tree.example.com')!.children[0]!;
    const item = api.routes.getTreeItem(path);
    assert.equal(item.contextValue, 'ingressLab.route.path', 'the inline Try and the context menu are declared for this context value');
    const result = await vscode.commands.executeCommand<TryResult>('ingressLab.routes.try', path);
    assert.equal(result?.url, 'https://tree.example.com/app');
    const explain = await vscode.commands.executeCommand<ExplainRouteResult>('ingressLab.routes.explain', path);
    assert.equal(explain.route?.path, result?.explain.route?.path);
    assert.equal(explain.route?.ingress, result?.explain.route?.ingress);
    const menus = vscode.extensions.getExtension('ingress-lab.ingress-lab')!.packageJSON.contributes.menus['view/item/context'] as { command: string; group: string }[];
    assert.deepEqual(menus.map((m) => `${m.command} ${m.group}`), [
      'ingressLab.routes.try inline', 'ingressLab.routes.try 1_route@1', 'ingressLab.routes.explain 1_route@2', 'ingressLab.routes.goToYaml 1_route@3',
    ]);
  });

  test('adding a path in the YAML refreshes the tree', async () => {
    const editor = await openFixture('tree.yaml');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const added = '          - path: /new\n            pathType: Exact\n            backend:\n              service:\n'
      + '                name: catalog\n                port:\n                  number: 8080\n';
    try {
      assert.ok(await editor.edit((e) => e.insert(end, added)));
      const h = await hostWhen(api, 'tree.example.com', (x) => x.children.some((p) => p.label === '/new'), 'the new path in the tree');
      assert.ok(labels(h).includes('/new Exact'), labels(h).join('\n'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await hostWhen(api, 'tree.example.com', (x) => x.children.length === 3, 'the tree back to 3 paths after the revert');
  });
});
