// Session.reload reads a file from disk asynchronously: what the editor or the file watcher says
// while the read is under way must win over the text the read brings back (the LSP session soak,
// seed 777: a file written, then opened and edited before its re-read returned, lost the edit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { Session } from '../../src/lsp/session';
import type { Runtime } from '../../src/lsp/runtime';

const URI_A = 'file:///ws/a.yaml';
const DISK = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: disk\n';
const EDITOR = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: editor\n';

/** A session whose disk reads wait until `release` is called with the text they return. */
function sessionWithSlowDisk() {
  const pending: ((text: string | undefined) => void)[] = [];
  const runtime = {
    readFile: () => new Promise<string | undefined>((resolve) => pending.push(resolve)),
    setTimeout: () => ({ dispose() {} }),
    now: () => new Date(0),
    log: () => {},
  } as unknown as Runtime;
  const session = new Session({} as Connection, runtime);
  return { session, release: (k: number, text: string | undefined) => pending[k]!(text) };
}

test('a document opened while its file is being re-read keeps the editor text', async () => {
  const { session, release } = sessionWithSlowDisk();
  const reading = session.reload(URI_A);
  session.project.setText(URI_A, EDITOR, true); // didOpen
  release(0, DISK);
  await reading;
  assert.equal(session.project.file(URI_A)?.text, EDITOR);
});

test('a file deleted while it is being re-read stays deleted', async () => {
  const { session, release } = sessionWithSlowDisk();
  const reading = session.reload(URI_A);
  session.deleted(URI_A);
  release(0, DISK);
  await reading;
  assert.equal(session.project.file(URI_A), undefined);
});

test('of two re-reads of a file under way, the later one wins whichever returns first', async () => {
  const { session, release } = sessionWithSlowDisk();
  const first = session.reload(URI_A);
  const second = session.reload(URI_A);
  release(1, EDITOR);
  await second;
  release(0, DISK);
  await first;
  assert.equal(session.project.file(URI_A)?.text, EDITOR);
});
