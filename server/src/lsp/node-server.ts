// The Node runtime's start-up: builds the runtime (files, timers, stderr log) and the connection
// (stdio, IPC or socket, as the command line says) and hands both to startServer.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeRuntime } from './node-runtime';
import { startServer } from './server';

export function runNodeServer(): void {
  const runtime = nodeRuntime();
  // Anything printed by mistake must not corrupt the protocol stream on stdout.
  console.log = (...args: unknown[]) => runtime.log(args.map(String).join(' '));
  console.info = console.log;
  process.on('uncaughtException', (e) => runtime.log(`uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => runtime.log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, runtime);
}


