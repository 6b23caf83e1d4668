// Finds the manifest files a CLI command works on: files as given, folders searched
// recursively for *.yaml / *.yml (skipping node_modules and dot-folders).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export class UsageError extends Error {}

export interface InputFile {
  /** Path as the user will want to read it (relative to cwd when given relative). */
  path: string;
  uri: string;
  text: string;
}

const YAML_FILE = /\.ya?ml$/i;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (YAML_FILE.test(name)) out.push(p);
  }
}

/** A NUL byte: no YAML (or any text) file has one; an image or archive named *.yaml does. */
const BINARY = /\0/;

export function collectFiles(paths: readonly string[]): InputFile[] {
  const found: string[] = [];
  const given = paths.length ? paths : ['.'];
  for (const p of given) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) walk(p, found);
    else found.push(p);
  }
  if (!found.length) throw new UsageError(`no *.yaml or *.yml files in ${given.map((p) => `"${p}"`).join(', ')}`);
  return [...new Set(found)].map((path) => {
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UsageError(`${path}: cannot read: ${(e as Error).message}`);
    }
    if (BINARY.test(text)) throw new UsageError(`${path}: not a text file (binary content), so not a YAML manifest`);
    return { path, uri: pathToFileURL(resolve(path)).href, text };
  });
}
