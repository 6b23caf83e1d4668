// The language client: runs the bundled server (dist/server/server.js) as a separate Node process
// over stdio, for YAML documents, and keeps cluster access off in untrusted workspaces.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { withoutCluster } from './trust';

export const CLIENT_ID = 'ingressLab'; // the client reads `${CLIENT_ID}.trace.server`
const SERVER_BUNDLE = 'dist/server/server.js';
const DEBUG_PORT = 6011; // .vscode/launch.json "Attach to Language Server"

/**
 * Over stdio, not IPC: the server's writer then sends each chunk's diagnostics already encoded
 * (server/src/lsp/diagnostics-json.ts); IPC's process.send would JSON-encode a whole file's list
 * again on every keystroke (about 5 of the 9.5 ms per edit at 1,000 Ingresses).
 */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath(SERVER_BUNDLE);
  return {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
  };
}

const trustMiddleware: Middleware = {
  workspace: {
    async configuration(params, token, next) {
      const result = await next(params, token);
      if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
      return result.map((value, i) => (params.items[i]?.section === SETTINGS_SECTION ? withoutCluster(value) : value));
    },
  },
};

export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  traceOutputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const yamlFiles = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
  context.subscriptions.push(yamlFiles);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: yamlFiles },
    outputChannel,
    traceOutputChannel,
    middleware: trustMiddleware,
  };
  return new LanguageClient(CLIENT_ID, 'Ingress Lab Language Server', serverOptions(context), clientOptions);
}

export const RESTARTED_MESSAGE = 'The Ingress Lab language server is running again.';

/**
 * "Restart Language Server": a progress notification while the server stops and starts again,
 * then a message once it answers (or an error with a button to the output).
 */
export async function restartWithNotice(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  const started = Date.now();
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Restarting the Ingress Lab language server…' },
      () => client.restart(),
    );
  } catch (e) {
    const message = `The Ingress Lab language server did not start again: ${(e as Error).message ?? e}`;
    output.error(message);
    void vscode.window.showErrorMessage(message, 'Show Output').then((c) => c && output.show(true));
    throw e;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  output.info(`the language server is running again (${seconds} s)`);
  void vscode.window.showInformationMessage(`${RESTARTED_MESSAGE} (${seconds} s)`);
}
