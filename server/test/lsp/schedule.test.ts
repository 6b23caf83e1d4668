// When the server checks after an edit (Session.schedule): a keystroke that finds the server idle
// is checked at once; keystrokes that queue up behind a slow check, or arrive while a check is
// pending, wait for the debounce and are checked together. Before, "idle" was measured from the
// end of the last check alone, so an editor that sent its next keystroke less than 10 ms after
// the last diagnostics (the LSP bench does) waited the full debounce on almost every edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { DEBOUNCE_MS, Session } from '../../src/lsp/session';
import type { Runtime } from '../../src/lsp/runtime';

const URI = 'file:///ws/a.yaml';
const TEXT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

interface Timer { callback: () => void; ms: number; disposed: boolean }

/** A session on a fake clock whose check takes `checkMs` of it; the timers it sets are recorded, not run. */
function sessionOnFakeClock() {
  const clock = { ms: 1_000_000, checkMs: 0 };
  const timers: Timer[] = [];
  const published: string[] = [];
  const runtime = {
    setTimeout: (callback: () => void, ms: number) => {
      const t: Timer = { callback, ms, disposed: false };
      timers.push(t);
      return { dispose: () => { t.disposed = true; } };
    },
    now: () => new Date(clock.ms),
    log: () => {},
  } as unknown as Runtime;
  const connection = {
    sendDiagnostics: (p: { uri: string }) => { published.push(p.uri); return Promise.resolve(); },
    sendNotification: () => Promise.resolve(),
  } as unknown as Connection;
  const session = new Session(connection, runtime);
  const check = session.project.check.bind(session.project);
  session.project.check = () => {
    clock.ms += clock.checkMs;
    return check();
  };
  /** Runs the last timer set (the pending check) and lets its publish finish. */
  const fire = async () => {
    const t = timers.at(-1)!;
    assert.equal(t.disposed, false);
    t.callback();
    await new Promise((resolve) => setImmediate(resolve));
  };
  /** An edit, as the editor's didChange makes it: the text, then a schedule. Returns the delay chosen. */
  const edit = (text: string) => {
    session.project.setText(URI, text, true);
    session.schedule(DEBOUNCE_MS);
    return timers.at(-1)!.ms;
  };
  return { session, clock, published, fire, edit };
}

test('a keystroke arriving a few ms after a quick check is checked at once, not after the debounce', async () => {
  const { clock, published, fire, edit } = sessionOnFakeClock();
  clock.checkMs = 2;
  assert.equal(edit(TEXT), 0);
  await fire();
  assert.deepEqual(published, [URI]);
  clock.ms += 5; // the editor got the diagnostics and sent the next keystroke
  assert.equal(edit(`${TEXT}  namespace: shop\n`), 0);
  await fire();
  assert.deepEqual(published, [URI, URI]);
});

test('keystrokes that queued up behind a slow check wait for the debounce', async () => {
  const { clock, fire, edit } = sessionOnFakeClock();
  clock.checkMs = 300;
  assert.equal(edit(TEXT), 0);
  await fire();
  clock.ms += 1; // typed during the 300 ms check, handled right after it
  assert.equal(edit(`${TEXT}  namespace: shop\n`), DEBOUNCE_MS);
  clock.ms += 300; // long after the slow check: idle again
  await fire();
  clock.ms += 300;
  assert.equal(edit(TEXT), 0);
});

test('changes arriving while a check is pending are checked together, once', async () => {
  const { clock, published, fire, edit } = sessionOnFakeClock();
  clock.checkMs = 1;
  assert.equal(edit(TEXT), 0);
  assert.equal(edit(`${TEXT}  namespace: a\n`), DEBOUNCE_MS);
  assert.equal(edit(`${TEXT}  namespace: b\n`), DEBOUNCE_MS);
  await fire();
  assert.deepEqual(published, [URI]);
});
