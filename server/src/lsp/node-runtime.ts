// The Node implementation of Runtime: node:fs for files, global timers, stderr for logs.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { liveClusterSource } from './live-source';
import type { Runtime } from './runtime';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const MAX_FILES = 20000;
const MAX_BYTES = 50 * 1024 * 1024;

async function walk(dir: string, out: string[]): Promise<void> {
  let names: import('node:fs').Dirent[];
  try {
    names = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const d of names) {
    if (out.length >= MAX_FILES) return;
    const p = join(dir, d.name);
    if (d.isDirectory()) {
      if (!SKIP_DIRS.has(d.name) && !d.name.startsWith('.')) await walk(p, out);
    } else if (d.isFile() && /\.ya?ml$/i.test(d.name)) out.push(p);
  }
}

const log = (message: string): void => { process.stderr.write(`[ingress-lab] ${message}\n`); };

export function nodeRuntime(): Runtime {
  return {
    async readFile(uri) {
      try {
        const path = URI.parse(uri).fsPath;
        if ((await stat(path)).size > MAX_BYTES) return undefined;
        return await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    async findYamlFiles(folderUri) {
      const out: string[] = [];
      await walk(URI.parse(folderUri).fsPath, out);
      return out.map((p) => URI.file(p).toString());
    },
    setTimeout(callback, ms) {
      // No delay: right after the I/O at hand (Node's own 0 ms timeout waits at least 1 ms, and the
      // process sleeps through it: a keystroke on a busy machine then also waits to be woken).
      if (ms <= 0) {
        const i = setImmediate(callback);
        return { dispose: () => clearImmediate(i) };
      }
      const t = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(t) };
    },
    now: () => new Date(),
    log,
    cluster: (context) => liveClusterSource(context, log),
  };
}
