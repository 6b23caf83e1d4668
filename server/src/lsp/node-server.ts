// The Node runtime's start-up: builds the runtime (files, timers, stderr log) and the connection
// (stdio, IPC or socket, as the command line says) and hands both to startServer.
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { inspect } from 'node:util';
import { createDiagnosticsJsonEncoder } from './diagnostics-json';
import { nodeRuntime } from './node-runtime';
import { startServer } from './server';

export function runNodeServer(): void {
  const runtime = nodeRuntime();
  // Anything printed by mistake must not corrupt the protocol stream on stdout (count, group,
  // table and time print through console.log; dir writes itself).
  console.log = (...args: unknown[]) => runtime.log(args.map(String).join(' '));
  console.info = console.debug = console.dirxml = console.log;
  console.dir = (item: unknown) => runtime.log(inspect(item));
  process.on('uncaughtException', (e) => runtime.log(`uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => runtime.log(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  startServer(connect(), runtime);
}

/**
 * The connection the command line asks for. Over stdio the writer's JSON encoder reuses each
 * chunk's encoded diagnostics (diagnostics-json.ts); IPC and sockets keep the library's own.
 * stdin is still handed over as a stream, so the library ends the process when it closes.
 */
function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: createDiagnosticsJsonEncoder() });
  // The typings pair streams with streams and reader with writer; the library takes a stream and a writer too.
  return createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
}


