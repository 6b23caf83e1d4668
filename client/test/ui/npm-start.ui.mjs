// `npm start` as a user runs it: it prints a URL, the URL shows the demo workspace in VS Code, and
// Ctrl-C (SIGINT) stops it with nothing left running. Uses its own profile, not the user's.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '../../../scripts/code-server.mjs';

/** Everything the child printed so far, and a way to wait (with a deadline) for a line in it. */
function watchStdout(child) {
  let seen = '';
  child.stdout.on('data', (chunk) => { seen += chunk; });
  const died = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`npm start exited (${code})`))));
  died.catch(() => {}); // only a failure while someone waits
  return (re, ms) => Promise.race([waitFor(`npm start to print ${re}`, async () => re.exec(seen) ?? undefined, ms), died])
    .catch((e) => { throw new Error(`${e.message}\n--- its output so far:\n${seen}`); });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function scenario({ page, root, port, shot }) {
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--port', String(port), '--profile', 'start-test'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    const printed = watchStdout(child);
    const [, url, pid] = await printed(/^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)\n[^]*code-server pid (\d+)/m, 120_000);
    assert.ok(url.startsWith(`http://127.0.0.1:${port}/?folder=${root}/test-fixtures/demo&`), url);
    await page.goto(url);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row >> text=shop', { timeout: 60_000 });
    // The demo's shop Ingress opens with the URL: its CodeLenses show the extension is running.
    await page.waitForSelector('.codelens-decoration a >> text=/^Try https:\/\/shop\.example\.com/', { timeout: 60_000 });
    await shot('-npm-start');
    console.log(`  ✔ npm start printed ${url.slice(0, 60)}…; it opens the demo with Ingress Lab running`);

    child.kill('SIGINT');
    const { code } = await waitFor('npm start to exit after Ctrl-C', async () => child.exitCode !== null && (await exited), 15_000);
    assert.equal(code, 0, 'npm start exits 0 on Ctrl-C');
    await waitFor(`code-server's process group ${pid} to end`, async () => !groupAlive(Number(pid)), 10_000);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'nothing listens on the port any more');
    console.log('  ✔ Ctrl-C stopped it: exit 0, no process left in its group, port closed');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
