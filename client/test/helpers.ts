// Shared helpers for the extension-host tests: activate the extension, open fixture files, and
// wait on conditions (events or a re-checked probe with a deadline), never on fixed sleeps.
import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { IngressLabApi } from '../src/api';

export const EXTENSION_ID = 'ingress-lab.ingress-lab';

export async function activateExtension(): Promise<IngressLabApi> {
  const ext = vscode.extensions.getExtension<IngressLabApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need test-fixtures/editor-tests open as the workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc);
}

/** Re-evaluates `probe` whenever `event` fires (and once now) until it returns a value. */
export function waitForEvent<T>(what: string, event: vscode.Event<unknown>, probe: () => T | undefined, ms = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const v = probe();
      if (v === undefined) return false;
      done();
      resolve(v);
      return true;
    };
    const sub = event(() => void check());
    const timer = setTimeout(() => { done(); reject(new Error(`timed out after ${ms} ms waiting for ${what}`)); }, ms);
    const done = () => { sub.dispose(); clearTimeout(timer); };
    check();
  });
}

/** Re-runs an async probe until it returns a value (for answers that have no change event). */
export async function waitForValue<T>(what: string, probe: () => Thenable<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The diagnostic code as a string (codes with a codeDescription arrive as `{ value, target }`). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return c === undefined ? undefined : typeof c === 'object' ? String(c.value) : String(c);
}

/** Waits until the document has a diagnostic with this code, and returns them all. */
export function diagnosticsWithCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitForEvent(`a ${code} diagnostic on ${uri.path}`, vscode.languages.onDidChangeDiagnostics, () => {
    const all = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
    return all.length > 0 ? all : undefined;
  });
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Asks the test driver (scripts/editor-test.mjs, which watches this console) for a screenshot of
 * the workbench as it is, and waits until the file exists.
 */
export async function screenshot(name: string): Promise<void> {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  const file = join(root, 'test-artifacts', `${name}.png`);
  rmSync(file, { force: true });
  console.log(`[screenshot] ${file}`);
  await waitForValue(`the screenshot ${file}`, async () => (existsSync(file) ? true : undefined), 15_000);
}
