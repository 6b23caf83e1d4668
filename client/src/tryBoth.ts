// `ingressLab.tryBoth`, "Try Both (Ingress / Gateway API)": the same request sent through the
// editor's proxy twice, once routed by the workspace's Ingresses (with their controller
// profile) and once by the Gateway API set they convert to (plus the workspace's HTTPRoutes),
// chosen by the X-Ingress-Lab-As header on the same listener; the Try panel shows both answers
// side by side (tryCompare.ts). From the palette, a CodeLens argument, or the Try panel's button.
import * as vscode from 'vscode';
import type { ExplainRouteParams, TryRouteArgs } from '../../server/src/protocol';
import type { RouteSetId } from '../../server/src/proxy/route-sets';
import { requestUrl } from './format';
import type { ProxyController } from './proxyController';
import type { ResultPanel } from './resultPanel';
import { compareTries, SET_HEADERS, type TryBothResult, type TrySide } from './tryCompare';
import { curlCommand, noTlsMessage } from './tryDetails';
import { sendTry } from './tryRequest';
import { askRequest } from './tryRoute';

const TITLES: Record<RouteSetId, string> = { ingress: 'Ingress', 'gateway-api': 'Gateway API' };

async function side(set: RouteSetId, req: ExplainRouteParams, port: number, ca: string, title: string): Promise<TrySide> {
  try {
    const response = await sendTry({ https: !!req.https, port, host: req.host, path: req.path, ca, headers: SET_HEADERS[set] });
    return { set, title, response };
  } catch (e) {
    return { set, title, error: (e as Error).message };
  }
}

async function sendBoth(req: ExplainRouteParams, proxy: ProxyController): Promise<TryBothResult> {
  const url = requestUrl(req);
  const at = new Date().toISOString();
  const info = await proxy.ensureStarted();
  const port = req.https ? info.https?.port : info.http.port;
  const via = `127.0.0.1:${port ?? '?'}`;
  const titles = { ingress: `${TITLES.ingress} (${proxy.profileId ?? 'spec-only'} profile)`, gateway: `${TITLES['gateway-api']} (converted + workspace HTTPRoutes)` };
  const failed = (error: string) => compareTries({ url, via, at }, { set: 'ingress', title: titles.ingress, error }, { set: 'gateway-api', title: titles.gateway, error });
  if (port === undefined) return failed('The proxy serves no HTTPS here.');
  if (req.https && !(await proxy.servesTls(req.host))) return failed(noTlsMessage(req));
  // One after the other: the upstream sees them in a known order, and a weighted split is not raced.
  const ingress = await side('ingress', req, port, info.ca.certPem, titles.ingress);
  const gateway = await side('gateway-api', req, port, info.ca.certPem, titles.gateway);
  const curl = curlCommand(req, port, req.https ? info.ca.certPath : undefined, SET_HEADERS['gateway-api']);
  return compareTries({ url, via, at, curl }, ingress, gateway);
}

export function createTryBoth(output: vscode.LogOutputChannel, proxy: ProxyController, panel: ResultPanel) {
  const run = async (req: ExplainRouteParams): Promise<TryBothResult> => {
    const result = await sendBoth(req, proxy);
    output.info(`try both: ${result.url}: ${result.summary}`);
    panel.show(result, () => void run(req));
    return result;
  };
  return async (args?: TryRouteArgs | ExplainRouteParams): Promise<TryBothResult | undefined> => {
    const req = await askRequest(args);
    return req ? run(req) : undefined;
  };
}
