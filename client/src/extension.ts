// activate(): the composition root. It builds the output channel, the language client, the status
// bar item and the command table, puts every one of them in context.subscriptions, and returns the
// API tests call. Behaviour lives in the modules it wires together.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ClusterStatusNotification, ExplainRouteRequest, RoutesChangedNotification, type RoutesChangedParams } from '../../server/src/protocol';
import type { IngressLabApi } from './api';
import { ClusterStatusItem } from './clusterStatus';
import { Commands, registerCommands } from './commands';
import { GatewayPreview } from './gatewayPreview';
import { createLanguageClient, restartWithNotice } from './languageClient';
import { registerLiveObjects } from './liveObjects';
import { ProxyController } from './proxyController';
import { ResultPanel } from './resultPanel';
import { registerRoutesView } from './routesView';
import { TraceChannel } from './traceChannel';
import { createTryRoute } from './tryRoute';
import { createTryBoth } from './tryBoth';

let running: LanguageClient | undefined;
let runningProxy: ProxyController | undefined;

export function activate(context: vscode.ExtensionContext): IngressLabApi {
  const output = vscode.window.createOutputChannel('Ingress Lab', { log: true });
  const trace = new TraceChannel(output);
  const status = new ClusterStatusItem(Commands.showOutput);
  context.subscriptions.push(output, trace, status);

  const client = (running = createLanguageClient(context, output, trace));
  context.subscriptions.push(
    client,
    registerLiveObjects(client),
    client.onNotification(ClusterStatusNotification, (s) => status.show(s)),
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) status.showStopped('The Ingress Lab language server stopped. Run "Ingress Lab: Restart Language Server".');
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.restart()),
  );

  // The language client keeps one handler per notification: fan routesChanged out to every listener.
  const routesChanged = new vscode.EventEmitter<RoutesChangedParams>();
  context.subscriptions.push(routesChanged, client.onNotification(RoutesChangedNotification, (p) => routesChanged.fire(p)));
  const proxy = (runningProxy = new ProxyController(client, routesChanged.event, output, vscode.Uri.joinPath(context.globalStorageUri, 'ca'), Commands.showOutput));
  const panel = new ResultPanel(routesChanged.event);
  const gateway = new GatewayPreview(client, routesChanged.event);
  context.subscriptions.push(proxy, panel, gateway);
  const routes = registerRoutesView(client, routesChanged.event, output, context.subscriptions);

  let starting = client.start();
  const restartServer = async () => {
    output.info('restarting the language server');
    starting = restartWithNotice(client, output);
    await starting;
  };
  context.subscriptions.push(...registerCommands({
    restartServer,
    showOutput: () => output.show(true),
    tryRoute: createTryRoute(client, output, proxy, panel),
    previewGatewayApi: (uri?: vscode.Uri) => gateway.open(uri),
    // "Try both": the same request through the Ingress set and the Gateway API set, side by side.
    tryBoth: createTryBoth(output, proxy, panel),
  }));
  void starting.then(() => proxy.ensureStarted().catch((e: Error) => output.error(e.message)), () => undefined);

  starting.catch((err) => {
    output.error(`the language server did not start: ${err}`);
    status.showStopped(`The Ingress Lab language server did not start: ${err}`);
  });
  return {
    ready: () => starting,
    client,
    clusterStatus: () => status.current,
    onClusterStatus: status.onDidChange,
    explainRoute: (params) => client.sendRequest(ExplainRouteRequest, params),
    restartServer,
    routes,
    logUri: context.logUri,
    proxy,
    resultPanel: panel,
  };
}

/** Lets VS Code wait for the server process to exit and the proxy to close (the subscriptions are disposed without waiting). */
export async function deactivate(): Promise<void> {
  await Promise.all([running?.stop().catch(() => undefined), runningProxy?.dispose()]);
}
