// A fixed-seed slice of the LSP session harness (session-harness.ts): random edits, opens,
// closes and file events through a real LSP connection; the server stays up, its diagnostics
// equal a fresh check (related locations included) at every checkpoint, and its memory comes
// back. The long run: `npm run soak:lsp` (scripts/soak-lsp.mjs). INGRESS_LAB_SESSION_SEED
// replays another seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figuresLine, runSession } from './session-harness';

const seed = Number(process.env.INGRESS_LAB_SESSION_SEED ?? 20261206);
const count = Number(process.env.INGRESS_LAB_SESSION_OPS ?? 600);
const rounds = Number(process.env.INGRESS_LAB_SESSION_ROUNDS ?? 1);

test(`LSP session: ${rounds} × ${count} random operations (seed ${seed}) keep the server up and its diagnostics equal to a fresh check`, async () => {
  const f = await runSession({ seed, operations: count, rounds, checkEvery: Math.max(50, Math.floor(count / 12)), deadlineMs: Number(process.env.INGRESS_LAB_SESSION_DEADLINE ?? 10_000) });
  console.log(figuresLine(f));
  if (f.mismatches) console.log(f.examples.join('\n\n'));
  assert.ok(f.serverUp, `the server exited:\n${f.stderr}`);
  assert.doesNotMatch(f.stderr, /failed|uncaught|unhandled/i, f.stderr);
  assert.ok(f.edits > f.operations / 2 && f.fileEvents > 0 && f.closes > 0, 'the session edited, closed and changed files');
  assert.equal(f.mismatches, 0, f.examples.join('\n\n'));
  // RSS: V8 keeps a grown heap, so "its level" is the end of the first round; later rounds must come back near it.
  const [first] = f.rssMB.rounds;
  assert.ok(f.rssMB.end <= Math.max(f.rssMB.start, first!) + 64, `memory back to its level: start ${f.rssMB.start} MB, rounds ${f.rssMB.rounds.join(', ')} MB`);
});
