// `ingressLab.tryRoute`, the command behind the "Try …" CodeLens above every path: asks the server
// which rule the request uses and why (ingressLab/explainRoute), sends it for real through the
// editor's proxy (Host and SNI of the lens's host, its path) and shows both in the result panel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ExplainRouteRequest,
  type ExplainRouteParams,
  type ExplainRouteResult,
  type TryRouteArgs,
} from '../../server/src/protocol';
import { describeDecision, requestFromUrl, requestUrl } from './format';
import type { ProxyController } from './proxyController';
import type { ResultPanel } from './resultPanel';
import { sendTry } from './tryRequest';
import { pathValueColumns } from './routeNodes';
import { curlCommand, lensRuleLoses, noTlsMessage } from './tryDetails';
import { adviceFor, mapKeyOf, type AdviceContext, type TryResult } from './tryResult';

/** The request a user means: from a CodeLens argument (or a request already made), or asked for when run from the palette. */
export async function askRequest(args: TryRouteArgs | ExplainRouteParams | undefined): Promise<ExplainRouteParams | undefined> {
  if (args) return { host: args.host, path: args.path, https: 'scheme' in args ? args.scheme === 'https' : !!args.https };
  const input = await vscode.window.showInputBox({
    title: 'Ingress Lab: Try Route',
    prompt: 'URL of the request to route',
    placeHolder: 'https://shop.example.com/api/cart',
    validateInput: (v) => (requestFromUrl(v) ? undefined : 'Enter a full http(s) URL, e.g. http://example.com/path'),
  });
  return input ? requestFromUrl(input) : undefined;
}

/** Sends the request through the editor's proxy and shows the answer, with the matcher's trace, in the result panel. */
export function createTryRoute(client: LanguageClient, output: vscode.LogOutputChannel, proxy: ProxyController, panel: ResultPanel) {
  const run = async (req: ExplainRouteParams, args: TryRouteArgs | undefined): Promise<TryResult> => {
    const explain = await client.sendRequest(ExplainRouteRequest, req);
    output.info(`try route: ${describeDecision(req, explain)}\n  ${explain.trace.join('\n  ')}`);
    const result = await send(req, explain, proxy);
    // When the lens's own rule does not get its request, that is the news: it leads.
    result.lensNote = lensRuleLoses(args, explain, args && await writtenPath(args));
    if (result.error) output.warn(`try route: ${result.url}: ${result.error}`);
    panel.show(result, () => void run(req, args));
    return result;
  };
  return async (args?: TryRouteArgs): Promise<TryResult | undefined> => {
    const req = await askRequest(args);
    return req ? run(req, args) : undefined;
  };
}

async function send(req: ExplainRouteParams, explain: ExplainRouteResult, proxy: ProxyController): Promise<TryResult> {
  const url = requestUrl(req);
  const at = new Date().toISOString();
  let via = '(not started)';
  try {
    const info = await proxy.ensureStarted();
    const port = req.https ? info.https?.port : info.http.port;
    via = `127.0.0.1:${port ?? '?'}`;
    if (port === undefined) return { url, via, explain, at, error: 'The proxy serves no HTTPS here.' };
    const curl = curlCommand(req, port, req.https ? info.ca.certPath : undefined);
    if (req.https && !(await proxy.servesTls(req.host))) return { url, via, explain, at, curl, error: noTlsMessage(req) };
    const response = await sendTry({ https: !!req.https, port, host: req.host, path: req.path, ca: info.ca.certPem });
    const advice = adviceFor(explain, response, adviceContext(explain, proxy));
    const upstream = response.upstream;
    const answeredBy = upstream ? { what: upstream, via: upstream.startsWith('pod ') ? proxy.forwardOf(upstream)?.via : undefined } : undefined;
    return { url, via, explain, at, curl, response, answeredBy, guidance: advice.text, guidanceSetting: advice.setting };
  } catch (e) {
    return { url, via, explain, at, error: `The request failed: ${(e as Error).message}` };
  }
}

/** What the advice needs to know beyond the answer: cluster access, a refused mapping, a missing port. */
function adviceContext(explain: ExplainRouteResult, proxy: ProxyController): AdviceContext {
  // In an untrusted workspace the server ignores the cluster settings (trust.ts): so does the advice.
  const clusterEnabled = vscode.workspace.isTrusted && vscode.workspace.getConfiguration('ingressLab').get<boolean>('cluster.enabled', false);
  const key = mapKeyOf(explain);
  const svc = explain.route?.service;
  const target = svc?.port !== undefined ? { namespace: explain.route!.namespace, service: svc.name, port: svc.port } : undefined;
  return { clusterEnabled, refusedMapping: key ? proxy.refusedMapping(key) : undefined, portMissing: target ? proxy.portMissing(target) : false };
}

/** The path value as written on the lens's line (the lens's URL adds a missing "/"), if the document says. */
async function writtenPath(args: TryRouteArgs): Promise<string | undefined> {
  if (args.isDefaultBackend) return undefined;
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.location.uri));
    const { start, end } = args.location.range;
    for (let l = start.line; l <= Math.min(end.line, doc.lineCount - 1); l++) {
      const cols = pathValueColumns(doc.lineAt(l).text);
      if (cols) return doc.lineAt(l).text.slice(cols.start, cols.end);
    }
  } catch {
    // a document that cannot be opened: the lens's own words will do
  }
  return undefined;
}
