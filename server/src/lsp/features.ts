// Registers the request handlers. Each runs behind `guard`: a cancelled request gets the empty
// answer at once, and a handler that throws logs to stderr and answers empty, never crashing.
import { withServedSets } from './served-sets';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ConvertToGatewayRequest, ExplainRouteRequest, LiveObjectRequest, RouteTableRequest, RouteTreeRequest } from '../protocol';
import { codeActions } from './code-actions';
import { codeLenses } from './codelens';
import { complete } from './completion';
import { convertToGateway, EMPTY_CONVERSION } from './gateway-preview';
import { hover } from './hover';
import { liveObject } from './live-object';
import { definition, references } from './navigation';
import { explainRoute, routeTable, routeTree } from './routes';
import type { Session } from './session';
import { documentSymbols } from './symbols';
import { registerUpstreams } from './upstreams';

export { COMPLETION_TRIGGERS } from './completion';

type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

export function guard<P, R>(log: (m: string) => void, name: string, empty: R, fn: (params: P) => R): Handler<P, R> {
  return (params, token) => {
    if (token?.isCancellationRequested) return empty;
    try {
      const r = fn(params);
      return token?.isCancellationRequested ? empty : r;
    } catch (e) {
      log(`${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      return empty;
    }
  };
}

/** guard for handlers that await (the cluster's OpenAPI docs). */
export function guardAsync<P, R>(log: (m: string) => void, name: string, empty: R, fn: (params: P) => Promise<R>): Handler<P, R> {
  return async (params, token) => {
    if (token?.isCancellationRequested) return empty;
    try {
      const r = await fn(params);
      return token?.isCancellationRequested ? empty : r;
    } catch (e) {
      log(`${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      return empty;
    }
  };
}

/** Longest a hover waits for the cluster's OpenAPI docs on first use before using the bundled ones. */
export const HOVER_OPENAPI_WAIT_MS = 2000;

export function registerFeatures(connection: Connection, session: Session): void {
  const ws = session.project;
  const log = (m: string) => session.runtime.log(m);
  const facts = () => session.cluster.current().facts;
  connection.onCompletion(guard(log, 'completion', null, (p) => complete(ws, facts(), p.textDocument.uri, p.position)));
  connection.onHover(guardAsync(log, 'hover', null, async (p) => {
    const docs = await session.openApi(HOVER_OPENAPI_WAIT_MS);
    return hover(ws, facts(), p.textDocument.uri, p.position, docs);
  }));
  connection.onDefinition(guard(log, 'definition', [], (p) => definition(ws, p.textDocument.uri, p.position)));
  connection.onReferences(guard(log, 'references', [], (p) => references(ws, p.textDocument.uri, p.position, p.context.includeDeclaration)));
  connection.onDocumentSymbol(guard(log, 'documentSymbol', [], (p) => {
    const file = ws.file(p.textDocument.uri);
    return file ? documentSymbols(file) : [];
  }));
  connection.onCodeAction(guard(log, 'codeAction', [], (p) => codeActions(ws, p.textDocument.uri, p.context.diagnostics)));
  connection.onCodeLens(guard(log, 'codeLens', [], (p) => {
    const file = ws.file(p.textDocument.uri);
    return file ? codeLenses(file) : [];
  }));
  connection.onRequest(RouteTableRequest, guard(log, 'routeTable', { routes: [] },
    (p) => withServedSets(routeTable(ws, p?.uri, p?.withTable), ws)));
  connection.onRequest(RouteTreeRequest, guard(log, 'routeTree', { hosts: [], cluster: session.cluster.status() },
    (p) => routeTree(ws, facts(), session.cluster.status(), p?.uri)));
  connection.onRequest(LiveObjectRequest, guard(log, 'liveObject', null, (p) => liveObject(session.cluster.current().objects, p.uri)));
  connection.onRequest(ExplainRouteRequest, guard(log, 'explainRoute', { decision: 'error', trace: [] }, (p) => explainRoute(ws, p)));
  connection.onRequest(ConvertToGatewayRequest, guard(log, 'convertToGateway', EMPTY_CONVERSION,
    (p) => convertToGateway(ws, p?.uri)));
  registerUpstreams(connection, () => session.cluster, log);
}
