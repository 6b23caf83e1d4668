// `npm start`: Ingress Lab on the demo workspace in a real VS Code (code-server on 127.0.0.1).
// Builds and packages the extension (only when its sources changed), installs it into a profile
// kept under .vscode-test/profiles/start, serves test-fixtures/demo, prints the URL, and on Ctrl-C
// stops code-server's whole process group.
// Usage: npm start [-- --port N] [-- --profile NAME] [-- FOLDER]   (INGRESS_LAB_PORT works too; default 8765)
import { openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, installExtension, makeProfile, startCodeServer } from './code-server.mjs';
import { ensureVSCodeEnv, root } from './vscode-env.mjs';

const { values, positionals } = parseArgs({
  options: { port: { type: 'string' }, profile: { type: 'string', default: 'start' } },
  allowPositionals: true,
});
const wanted = Number(values.port ?? process.env.INGRESS_LAB_PORT ?? 8765);
const demo = join(root, 'test-fixtures/demo');
const folder = resolve(positionals[0] ?? demo);
/** Opened with the demo, so its Ingress, CodeLenses and problems are there at once. */
const DEMO_FILE = 'shop/ingress.yaml';

/** The wanted port when it is free, else any free one. */
async function pickPort() {
  const { createServer } = await import('node:net');
  const free = await new Promise((ok) => {
    const s = createServer().once('error', () => ok(false)).listen(wanted, '127.0.0.1', () => s.close(() => ok(true)));
  });
  return free ? wanted : freePort();
}

async function main() {
  ensureVSCodeEnv({ browser: false });
  const profile = makeProfile(values.profile, {}, { fresh: false });
  console.log('▶ build and install the extension');
  const pkg = installExtension(profile);
  console.log(`  ${pkg.cached ? 'unchanged since the last package' : `packaged ${pkg.vsix}`}${pkg.installed ? ', installed' : ''}`);
  const logFile = join(profile.dir, 'code-server.log');
  const server = await startCodeServer({ profile, folder, port: await pickPort(), log: openSync(logFile, 'w') });
  const open = folder === demo ? `&payload=${encodeURIComponent(JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${server.port}${join(folder, DEMO_FILE)}`]]))}` : '';
  const url = `${server.url}/?folder=${encodeURI(folder)}${open}`;
  console.log(`\n  Ingress Lab is running on ${folder}\n\n    ${url}\n`);
  console.log(`  (code-server pid ${server.pid}, log ${logFile}; Ctrl-C to stop)`);
  let stopping = false;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${why}: stopping code-server…`);
    await server.stop();
    process.exit(0);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stop(sig));
  const { code, signal } = await server.exited;
  if (!stopping) {
    console.error(`code-server exited on its own (${signal ?? `exit ${code}`}); see ${logFile}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(`✖ ${err.message}`);
  process.exit(1);
});
