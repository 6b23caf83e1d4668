// Headless Debian chromium driven by playwright-core (from the .vscode-test/ cache), and a time
// limit for anything that might hang: a browser that fails to start never answers.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { paths, tmpDir } from './vscode-env.mjs';

export async function launchBrowser() {
  const { chromium } = createRequire(import.meta.url)(paths.playwright);
  mkdirSync(tmpDir, { recursive: true });
  const profileDir = mkdtempSync(join(tmpDir, 'chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: paths.chromium,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
  };
  return { context, page: context.pages()[0] ?? (await context.newPage()), close };
}

/** Rejects after `ms` with a message naming `what`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** The workbench URL for a folder, with an optional payload (openFile, extension tests...). */
export function workbenchUrl(base, folder, payload) {
  const q = new URLSearchParams({ folder });
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${base}/?${q}`;
}
