// The `ingress-lab` command: dispatches to one module per subcommand.
import { runCheck, CHECK_USAGE } from './check';
import { runConvert, CONVERT_USAGE } from './convert';
import { runLsp, LSP_USAGE } from './lsp';
import { runRoute, ROUTE_USAGE } from './route';
import { runRoutes, ROUTES_USAGE } from './routes';
import { runServe, SERVE_USAGE } from './serve';
import { UsageError } from './files';
import { processIO, type CliIO } from './io';

declare const INGRESS_LAB_VERSION: string | undefined;
const VERSION = typeof INGRESS_LAB_VERSION === 'string' ? INGRESS_LAB_VERSION : '0.0.0-dev';

type Command = { usage: string; run: (argv: string[], io: CliIO) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  check: { usage: CHECK_USAGE, run: runCheck },
  routes: { usage: ROUTES_USAGE, run: runRoutes },
  route: { usage: ROUTE_USAGE, run: runRoute },
  serve: { usage: SERVE_USAGE, run: runServe },
  convert: { usage: CONVERT_USAGE, run: runConvert },
  lsp: { usage: LSP_USAGE, run: runLsp },
};

const USAGE = `usage: ingress-lab <command> [options]

commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.usage.split('\n')[0]!.replace(/^usage: ingress-lab \S+ ?/, '')}`).join('\n')}

Run "ingress-lab <command> --help" for a command's options.`;

/** node:util parseArgs' messages, in the CLI's words ("Unknown option '--x'. To specify a positional…"). */
function argsMessage(e: Error & { code?: string }): string {
  const option = /'(?:-\w, )?(--?[\w-]+)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? e.message} (see --help)`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(e.message)) return `${option} needs a value`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option} takes no value`;
  return e.message;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(VERSION);
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`ingress-lab: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.usage);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`ingress-lab ${name}: ${argsMessage(e as Error)}`);
      return 2;
    }
    throw e;
  }
}

// Only as the ingress-lab executable: a test bundle that imports main() is also require.main.
if (require.main === module && /ingress-lab(\.js)?$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2), processIO(VERSION)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`ingress-lab: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
