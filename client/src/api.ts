// What activate() returns: a small API that tests (and other extensions) can call instead of
// reaching into the UI.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ProxyController } from './proxyController';
import type { ResultPanel } from './resultPanel';
import type { RouteTreeProvider } from './routesView';
import type { ClusterStatusParams, ExplainRouteParams, ExplainRouteResult } from '../../server/src/protocol';

export interface IngressLabApi {
  /** Resolves once the language server runs (again, after a restart). */
  ready(): Promise<void>;
  /** The running language client. */
  readonly client: LanguageClient;
  /** The last cluster status the server reported, if any. */
  clusterStatus(): ClusterStatusParams | undefined;
  readonly onClusterStatus: vscode.Event<ClusterStatusParams>;
  explainRoute(params: ExplainRouteParams): Promise<ExplainRouteResult>;
  restartServer(): Promise<void>;
  /** The Routes side panel's data provider (its nodes, its change event, refresh()). */
  readonly routes: RouteTreeProvider;
  /** Folder of the extension's log files; the output channel's is `Ingress Lab.log` in it. */
  readonly logUri: vscode.Uri;
  /** The editor's proxy (started once the server runs). */
  readonly proxy: ProxyController;
  /** The Try result panel. */
  readonly resultPanel: ResultPanel;
}
