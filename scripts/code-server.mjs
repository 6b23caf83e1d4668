// Runs a real VS Code (code-server from the .vscode-test/ cache) on 127.0.0.1 for `npm start` and the
// editor tests: a clean profile, the extension packaged and installed once per content change, and a
// process group that is stopped as a whole.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cacheDir, paths, root, tmpDir } from './vscode-env.mjs';

/** User settings that keep a fresh profile quiet: no Welcome page, no gallery, no telemetry. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
};

/** A profile folder (user data + extensions) with settings written before the first start. */
export function makeProfile(name, settings = {}, { fresh = true } = {}) {
  const dir = join(cacheDir, 'profiles', name);
  if (fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'user-data', 'User'), { recursive: true });
  mkdirSync(join(dir, 'extensions'), { recursive: true });
  writeFileSync(join(dir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));
  return { dir, userDataDir: join(dir, 'user-data'), extensionsDir: join(dir, 'extensions') };
}

/** code-server writes a config into the home folder unless it is given one. */
function writeConfig(profile) {
  const file = join(profile.dir, 'config.yaml');
  writeFileSync(file, 'auth: none\n');
  return file;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns a truthy value; rejects with `what` after `ms`. */
export async function waitFor(what, probe, ms, everyMs = 100) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Starts code-server in its own process group. Resolves when /healthz answers.
 * `stop()` ends the whole group (file watchers and extension hosts included).
 */
export async function startCodeServer({ profile, folder, port, log = 'ignore', env = {} }) {
  port ??= await freePort();
  const configFile = writeConfig(profile);
  const args = [
    '--config', configFile, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir,
  ];
  if (folder) args.push(folder);
  const child = spawn(paths.codeServer, args, {
    detached: true, // its own process group, so stop() reaches every descendant
    stdio: ['ignore', log, log],
    env: { ...process.env, TMPDIR: tmpDir, ...env },
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let dead = false;
  exited.then(() => { dead = true; });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (dead) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    const done = await Promise.race([exited, new Promise((r) => setTimeout(r, 5000, undefined))]);
    if (!done) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  try {
    await waitFor(`code-server on ${url}`, async () => {
      if (dead) throw new Error('code-server exited during start-up');
      return (await fetch(`${url}/healthz`)).ok;
    }, 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, pid: child.pid, stop, exited };
}

/** Files whose content defines the packaged extension (for the install cache key). */
function packagedInputs() {
  const files = ['package.json', 'package-lock.json', 'README.md', 'LICENSE', '.vscodeignore', 'scripts/build.mjs'];
  const walk = (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : []).flatMap((n) => {
    const rel = join(dir, n);
    return statSync(join(root, rel)).isDirectory() ? walk(rel) : [rel];
  });
  return [...files, ...walk('client/src'), ...walk('server/src'), ...walk('syntaxes'), ...walk('docs')]
    .filter((f) => existsSync(join(root, f)));
}

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** A key for the packaged extension's content: it changes when any input of the .vsix does. */
function contentKey() {
  const hash = createHash('sha256');
  for (const f of packagedInputs()) hash.update(f).update(readFileSync(join(root, f)));
  return hash.digest('hex').slice(0, 16);
}

/** Packages the extension (vsce runs the minified build) unless the same sources were packaged already. */
export function packageExtension() {
  const key = contentKey();
  const vsix = join(cacheDir, 'ingress-lab.vsix');
  const keyFile = `${vsix}.key`;
  if (existsSync(vsix) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) return { vsix, key, cached: true };
  sh('npm', ['run', '--silent', 'package', '--', '--out', vsix]); // the same `npm run package`, another --out
  writeFileSync(keyFile, key);
  return { vsix, key, cached: false };
}

/** Installs the packaged extension into a profile, unless this very package is installed there. */
export function installExtension(profile) {
  const pkg = packageExtension();
  const marker = join(profile.dir, 'installed.key');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === pkg.key) return { ...pkg, installed: false };
  sh(paths.codeServer, [
    '--config', writeConfig(profile), '--install-extension', pkg.vsix, '--force',
    '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir,
  ]);
  writeFileSync(marker, pkg.key);
  return { ...pkg, installed: true };
}
