// Editor tests in a real VS Code (code-server 4.100.3 + headless Debian chromium), run by `npm test`:
//  1. extension-host tests: client/test (mocha, real `vscode` API) loaded through the workbench URL
//     payload (extensionDevelopmentPath + extensionTestsPath); the exit code is what the workbench
//     passes to window.codeAutomationExit.
//  2. a Playwright scenario (client/test/ui/demo.ui.mjs) on the packaged .vsix installed into
//     code-server, with test-fixtures/demo open as a user would have it.
//  3. `npm start` itself (client/test/ui/npm-start.ui.mjs): its URL in the browser, then Ctrl-C.
// Every run is time-limited; Ctrl-C here still stops the code-servers it started. Screenshots go to
// test-artifacts/.
// Usage: node scripts/editor-test.mjs [--only=host|ui|start]   (assumes `npm run build` ran)
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, withTimeout, workbenchUrl } from './browser.mjs';
import { freePort, installExtension, makeProfile, startCodeServer } from './code-server.mjs';
import { ensureVSCodeEnv, root } from './vscode-env.mjs';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const artifacts = join(root, 'test-artifacts');
const base = root.replace(/\/$/, '');
// Tests type into their workspaces; nothing they do may be saved over the checked-in fixtures.
const testSettings = { 'ingressLab.cluster.enabled': false, 'files.autoSave': 'off' };

/** A fresh scratch copy of a fixture workspace (same folder name), so tests never touch the original. */
function scratchWorkspace(name) {
  const dir = join(root, '.vscode-test', 'workspaces', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'test-fixtures', name), dir, { recursive: true });
  return dir;
}

/** Stops for whatever runs now, so that an interrupted test run leaves no code-server behind. */
const cleanups = new Set();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    await Promise.all([...cleanups].map((c) => c().catch(() => {})));
    process.exit(130);
  });
}

/** Starts code-server and chromium, runs `body`, and always stops both. */
async function session(name, { profile, limitMs }, body) {
  const server = await startCodeServer({ profile });
  cleanups.add(server.stop);
  const browser = await launchBrowser().catch(async (e) => { await server.stop(); throw e; });
  const shot = (suffix) => browser.page.screenshot({ path: join(artifacts, `${name}${suffix}.png`) }).catch(() => {});
  try {
    return await withTimeout(body({ ...browser, server, shot }), limitMs, name);
  } catch (err) {
    await shot('-failure');
    throw err;
  } finally {
    await browser.close();
    await server.stop();
    cleanups.delete(server.stop);
  }
}

/**
 * The extension host's console (mocha's report included) arrives as page console messages in the
 * form `%c INFO`, `color: …`, format, args…: print those, formatted, and leave workbench noise out.
 */
async function printHostLog(msg, page) {
  const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '?')));
  if (process.env.EDITOR_TEST_DEBUG) console.log(JSON.stringify(args));
  if (typeof args[0] !== 'string' || !/^%c\s*(INFO|ERR|WARN)/.test(args[0]) || args.length < 3) return;
  const text = format(...args.slice(2));
  // A test asks for a picture of the workbench as it is now (it waits until the file exists).
  const shot = /^\[screenshot\] (\S+\.png)$/.exec(text);
  if (shot && shot[1].startsWith(`${artifacts}/`)) return void page.screenshot({ path: shot[1] }).catch((e) => console.error(`  screenshot failed: ${e.message}`));
  if (/^(Resolv|Creating a socket|Updating additional|\[Service Worker\]|ChatSessionStore)/.test(text)) return;
  if (/getaddrinfo ENOTFOUND/.test(text)) return; // the workbench looks for an extension gallery
  console.log(`  │ ${text.replace(/\n/g, '\n  │ ')}`);
}

async function hostTests() {
  const profile = makeProfile('host-tests', testSettings);
  return session('host-tests', { profile, limitMs: 180_000 }, async ({ page, server, shot }) => {
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    let exit;
    const exited = new Promise((resolve) => { exit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => { exit(code); });
    page.on('console', (msg) => void printHostLog(msg, page));
    const payload = [
      ['extensionDevelopmentPath', remote(base)],
      ['extensionTestsPath', remote(join(base, 'out/client/test/index.cjs'))],
    ];
    await page.goto(workbenchUrl(server.url, scratchWorkspace('editor-tests'), payload));
    const code = await exited;
    await shot('');
    return code;
  });
}

async function uiScenario() {
  const { scenario, startDemoUpstream } = await import('../client/test/ui/demo.ui.mjs');
  const upstream = await startDemoUpstream(); // shop/web:80 answers; the demo's other Services stay unmapped
  const profile = makeProfile('ui', { ...testSettings, 'ingressLab.proxy.map': { 'shop/web:80': upstream.url } });
  const { vsix, cached } = installExtension(profile);
  console.log(`  installed ${vsix}${cached ? ' (package unchanged)' : ''}`);
  try {
    return await session('ui', { profile, limitMs: 120_000 }, (s) =>
      scenario({ ...s, url: s.server.url, demo: scratchWorkspace('demo'), artifacts, upstream }));
  } finally {
    await upstream.close();
  }
}

/** `npm start` itself, in a browser, then Ctrl-C. Runs no code-server of its own. */
async function npmStartScenario() {
  const { scenario } = await import('../client/test/ui/npm-start.ui.mjs');
  const browser = await launchBrowser();
  const shot = (suffix) => browser.page.screenshot({ path: join(artifacts, `ui${suffix}.png`) }).catch(() => {});
  try {
    return await withTimeout(scenario({ ...browser, root: base, port: await freePort(), shot }), 240_000, 'npm start');
  } finally {
    await browser.close();
  }
}

async function main() {
  if (!existsSync(join(root, 'dist/server/server.js'))) throw new Error('no dist/server/server.js: run `npm run build` first');
  ensureVSCodeEnv();
  mkdirSync(artifacts, { recursive: true });
  let failed = false;
  if (!only || only === 'host') {
    console.log('▶ extension-host tests (real vscode API)');
    const t = Date.now();
    const code = await hostTests().catch((e) => { console.error(`  ✖ ${e.message}`); return 1; });
    console.log(`  ${code === 0 ? '✔' : '✖'} exit ${code} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    failed ||= code !== 0;
  }
  if (!only || only === 'ui') {
    console.log('▶ Playwright scenario: the demo workspace in headless chromium');
    const t = Date.now();
    const ok = await uiScenario().then(() => true, (e) => { console.error(`  ✖ ${e.stack ?? e}`); return false; });
    console.log(`  ${ok ? '✔' : '✖'} in ${((Date.now() - t) / 1000).toFixed(1)} s (screenshots in test-artifacts/)`);
    failed ||= !ok;
  }
  if (!only || only === 'start') {
    console.log('▶ npm start, then Ctrl-C');
    const ok = await npmStartScenario().then(() => true, (e) => { console.error(`  ✖ ${e.stack ?? e}`); return false; });
    failed ||= !ok;
  }
  process.exit(failed ? 1 : 0);
}

await main();
