// `ingress-lab lsp --stdio`: runs the language server for any editor (stdio, --node-ipc or
// --socket=PORT, as vscode-languageserver reads them from the command line).
import { runNodeServer } from '../lsp/node-server';
import type { CliIO } from './io';

export const LSP_USAGE = `usage: ingress-lab lsp --stdio | --node-ipc | --socket=PORT

Runs the Ingress Lab language server. Settings come from the client (section "ingressLab").`;

export async function runLsp(argv: string[], io: CliIO): Promise<number> {
  if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket'))) {
    io.err(`ingress-lab lsp: choose a transport\n\n${LSP_USAGE}`);
    return 2;
  }
  runNodeServer();
  return new Promise<number>(() => undefined);
}
