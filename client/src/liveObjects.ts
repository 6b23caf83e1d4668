// Read-only views of live cluster objects (`ingress-lab-live:` URIs, where go to definition
// lands for a Service that exists only in the cluster): the text comes from the language
// server's `ingressLab/liveObject` request.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIVE_OBJECT_SCHEME, LiveObjectRequest } from '../../server/src/protocol';

export function registerLiveObjects(client: LanguageClient): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri, token) {
      try {
        const result = await client.sendRequest(LiveObjectRequest, { uri: uri.toString() }, token);
        return result?.text ?? `# ${uri.path}: not available from the cluster.\n`;
      } catch (e) {
        return `# ${uri.path}: the language server could not provide it (${(e as Error)?.message ?? e}).\n`;
      }
    },
  };
  return vscode.workspace.registerTextDocumentContentProvider(LIVE_OBJECT_SCHEME, provider);
}
