// The Routes side panel (view `ingressLab.routes` in the "Ingress Lab" activity-bar container):
// asks the server for ingressLab/routeTree, shapes it with routeNodes.ts and shows it. Refreshes on
// ingressLab/routesChanged, when the server (re)starts, and on ingressLab.refreshRoutes. A click
// on a node opens its YAML (a path with its value selected); a path has an inline Try and a context
// menu (Try, Explain route, Go to YAML): routeActions.ts.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { RouteTreeRequest, type RouteTreeResult } from '../../server/src/protocol';
import { registerRouteActions, ROUTE_COMMANDS } from './routeActions';
import { shapeRouteTree, type RouteNode } from './routeNodes';

export const ROUTES_VIEW = 'ingressLab.routes';
export const REFRESH_ROUTES_COMMAND = 'ingressLab.refreshRoutes';
/** Context key: the server has answered once (the welcome text switches from "waiting" to "no Ingress"). */
const LOADED_CONTEXT = 'ingressLab.routesLoaded';

const EXPANDED: Record<RouteNode['kind'], vscode.TreeItemCollapsibleState> = {
  host: vscode.TreeItemCollapsibleState.Expanded,
  path: vscode.TreeItemCollapsibleState.Expanded,
  backend: vscode.TreeItemCollapsibleState.Collapsed,
  pod: vscode.TreeItemCollapsibleState.None,
};

export function toTreeItem(n: RouteNode): vscode.TreeItem {
  const item = new vscode.TreeItem(n.label, n.children.length ? EXPANDED[n.kind] : vscode.TreeItemCollapsibleState.None);
  item.id = n.id;
  item.description = n.description;
  item.tooltip = new vscode.MarkdownString(n.tooltip);
  item.iconPath = new vscode.ThemeIcon(n.icon.id, n.icon.color ? new vscode.ThemeColor(n.icon.color) : undefined);
  item.contextValue = `ingressLab.route.${n.kind}`;
  // A click opens the YAML: a path with its value selected, other nodes with their first line.
  if (n.location) item.command = { title: 'Go to YAML', command: ROUTE_COMMANDS.goToYaml, arguments: [n] };
  return item;
}

export class RouteTreeProvider implements vscode.TreeDataProvider<RouteNode>, vscode.Disposable {
  private roots: RouteNode[] = [];
  private asked = 0;
  private loaded = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly fetch: () => Promise<RouteTreeResult>, private readonly log: (msg: string) => void) {}

  /** Asks the server again; the newest answer wins when refreshes overlap. An error keeps the last tree. */
  async refresh(): Promise<void> {
    const n = ++this.asked;
    try {
      const tree = await this.fetch();
      if (n !== this.asked) return;
      this.roots = shapeRouteTree(tree);
      if (!this.loaded) void vscode.commands.executeCommand('setContext', LOADED_CONTEXT, (this.loaded = true));
      this.changed.fire();
    } catch (err) {
      this.log(`route tree: ${err}`);
    }
  }

  getChildren(n?: RouteNode): RouteNode[] {
    return n ? n.children : this.roots;
  }

  getTreeItem(n: RouteNode): vscode.TreeItem {
    return toTreeItem(n);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the view, its refresh command and the refresh triggers; returns the provider (tests read it). */
export function registerRoutesView(client: LanguageClient, onRoutesChanged: vscode.Event<unknown>, output: vscode.LogOutputChannel, subscriptions: vscode.Disposable[]): RouteTreeProvider {
  const provider = new RouteTreeProvider(() => client.sendRequest(RouteTreeRequest, {}), (m) => output.warn(m));
  const refresh = () => {
    if (client.state === State.Running) void provider.refresh();
  };
  subscriptions.push(
    provider,
    vscode.window.createTreeView(ROUTES_VIEW, { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand(REFRESH_ROUTES_COMMAND, () => provider.refresh()),
    ...registerRouteActions(client, output),
    onRoutesChanged(refresh),
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) refresh();
    }),
  );
  return provider;
}
