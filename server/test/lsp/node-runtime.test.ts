// The Node runtime's timers: a check asked for with no delay (a keystroke on an idle server, see
// Session.schedule) runs right after the message at hand, not after Node's 1 ms minimum timeout,
// which also put the process to sleep and made it wait to be woken on a busy machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs';
import { nodeRuntime } from '../../src/lsp/node-runtime';

test('a zero delay runs before any timer; a disposed one never runs; a delay still waits', async () => {
  const runtime = nodeRuntime();
  const order: string[] = [];
  await new Promise<void>((done) => {
    // Inside an I/O callback, as a didChange handler is.
    readFile(__filename, () => {
      setTimeout(() => { order.push('node timer'); done(); }, 1);
      runtime.setTimeout(() => order.push('later'), 0).dispose();
      runtime.setTimeout(() => order.push('after 5 ms'), 5);
      runtime.setTimeout(() => order.push('no delay'), 0);
    });
  });
  await new Promise((resolve) => runtime.setTimeout(() => resolve(undefined), 10));
  assert.deepEqual(order, ['no delay', 'node timer', 'after 5 ms']);
});
