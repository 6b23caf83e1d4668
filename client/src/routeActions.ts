// The Routes view's actions on a node: Try (inline on a path, and in its context menu), Explain
// route and Go to YAML. Try and Explain take the path's own CodeLens arguments from the server
// (the same example host and scheme the lens above the path uses), so the view, the lens and
// the panel send the same request. Go to YAML selects the path value of a path node.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExplainRouteRequest, TRY_ROUTE_COMMAND, type TryRouteArgs } from '../../server/src/protocol';
import { describeDecision } from './format';
import { pathValueColumns, type RouteNode } from './routeNodes';

export const ROUTE_COMMANDS = {
  tryPath: 'ingressLab.routes.try',
  explainPath: 'ingressLab.routes.explain',
  goToYaml: 'ingressLab.routes.goToYaml',
} as const;

/** Opens the node's YAML: a path node with its path value selected, any other node with its first line. */
export async function goToYaml(node: RouteNode | undefined): Promise<void> {
  const loc = node?.location;
  if (!loc) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(loc.uri));
  const { start, end } = loc.range;
  let selection = new vscode.Range(start.line, start.character, start.line, start.line === end.line ? end.character : Number.MAX_SAFE_INTEGER);
  for (let l = start.line; node.kind === 'path' && l <= Math.min(end.line, doc.lineCount - 1); l++) {
    const cols = pathValueColumns(doc.lineAt(l).text);
    if (cols) {
      selection = new vscode.Range(l, cols.start, l, cols.end);
      break;
    }
  }
  await vscode.window.showTextDocument(doc, { selection: doc.validateRange(selection), preview: true });
}

/** The CodeLens arguments for the path a node stands for (the lens on the node's first line); a Gateway API match carries its own. */
async function lensArgsOf(node: RouteNode | undefined): Promise<TryRouteArgs | undefined> {
  if (node?.request) return node.request;
  const loc = node?.kind === 'path' ? node.location : undefined;
  if (!loc) return undefined;
  const uri = vscode.Uri.parse(loc.uri);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  const lens = lenses.find((l) => l.range.start.line === loc.range.start.line && l.command?.command === TRY_ROUTE_COMMAND);
  return lens?.command?.arguments?.[0] as TryRouteArgs | undefined;
}

/** The proxy's "Try both" (Ingress / Gateway API side by side), where this build has it. */
export const TRY_BOTH_COMMAND = 'ingressLab.tryBoth';

/**
 * Try on a Gateway API match: the request goes through the proxy's Gateway API set and its
 * Ingress set side by side ("Try both"), when the proxy offers it; otherwise the user is told
 * that only Explain answers for HTTPRoutes here.
 */
async function tryGatewayMatch(args: TryRouteArgs): Promise<unknown> {
  if ((await vscode.commands.getCommands(true)).includes(TRY_BOTH_COMMAND)) return vscode.commands.executeCommand(TRY_BOTH_COMMAND, args);
  void vscode.window.showInformationMessage('Ingress Lab: the proxy of this build serves the Ingresses only; use Explain route to see where the Gateway API sends this request.');
  return undefined;
}

export function registerRouteActions(client: LanguageClient, output: vscode.LogOutputChannel): vscode.Disposable[] {
  const noPath = () => void vscode.window.showWarningMessage('Ingress Lab: this route has no CodeLens to try (is its file open in a YAML editor?).');
  return [
    vscode.commands.registerCommand(ROUTE_COMMANDS.goToYaml, goToYaml),
    vscode.commands.registerCommand(ROUTE_COMMANDS.tryPath, async (node?: RouteNode) => {
      const args = await lensArgsOf(node);
      if (!args) return noPath();
      return node?.gatewayApi ? tryGatewayMatch(args) : vscode.commands.executeCommand(TRY_ROUTE_COMMAND, args);
    }),
    vscode.commands.registerCommand(ROUTE_COMMANDS.explainPath, async (node?: RouteNode) => {
      const args = await lensArgsOf(node);
      if (!args) return noPath();
      const req = { host: args.host, path: args.path, https: args.scheme === 'https', ...(node?.gatewayApi ? { gatewayApi: true } : {}) };
      const explain = await client.sendRequest(ExplainRouteRequest, req);
      output.info(`explain route: ${describeDecision(req, explain)}\n  ${explain.trace.join('\n  ')}`);
      output.show(true);
      void vscode.window.showInformationMessage(describeDecision(req, explain));
      return explain;
    }),
  ];
}
