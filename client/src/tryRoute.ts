// `ingressLab.tryRoute`, the command behind the "Try …" CodeLens above every path. For now it asks
// the server which rule a request would use (ingressLab/explainRoute) and shows the decision in a
// notification, with the matcher's trace one click away. The request panel and proxy come later.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ExplainRouteRequest,
  type ExplainRouteParams,
  type ExplainRouteResult,
  type TryRouteArgs,
} from '../../server/src/protocol';
import { describeDecision, requestFromUrl } from './format';

/** The request a user means: from a CodeLens argument, or asked for when run from the palette. */
async function askRequest(args: TryRouteArgs | undefined): Promise<ExplainRouteParams | undefined> {
  if (args) return { host: args.host, path: args.path, https: args.scheme === 'https' };
  const input = await vscode.window.showInputBox({
    title: 'Ingress Lab: Try Route',
    prompt: 'URL of the request to route',
    placeHolder: 'https://shop.example.com/api/cart',
    validateInput: (v) => (requestFromUrl(v) ? undefined : 'Enter a full http(s) URL, e.g. http://example.com/path'),
  });
  return input ? requestFromUrl(input) : undefined;
}

export function createTryRoute(client: LanguageClient, output: vscode.LogOutputChannel) {
  return async (args?: TryRouteArgs): Promise<ExplainRouteResult | undefined> => {
    const req = await askRequest(args);
    if (!req) return undefined;
    const res = await client.sendRequest(ExplainRouteRequest, req);
    const line = describeDecision(req, res);
    output.info(`try route: ${line}\n  ${res.trace.join('\n  ')}`);
    void vscode.window.showInformationMessage(line, 'Show Trace').then((pick) => {
      if (pick) output.show(true);
    });
    return res;
  };
}
