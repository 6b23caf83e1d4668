// The LSP session harness (issue 10, "Harnesses"): thousands of random edits and file events
// through a real LSP connection to the built server (dist/server/server.js). At checkpoints and
// at the end, once the server has published, its diagnostics must equal a fresh check
// (analyze(), the engine of `ingress-lab check`) of the same texts, related locations included;
// the server must stay up, and its memory (RSS, from /proc) come back to its level.
// Used by session.test.ts (a fixed-seed slice in `npm test`) and scripts/soak-lsp.mjs (the long run).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import type { Finding } from '../../src/ingress/findings';
import { LineIndex } from '../../src/ingress/lines';
import { analyze } from '../../src/rules/analyze';
import { TestClient } from './lsp-client';
import { FILES, initialFiles, operations, type Op } from './session-ops';

export interface SessionFigures {
  seed: number;
  operations: number;
  edits: number;
  fileEvents: number;
  opens: number;
  closes: number;
  checkpoints: number;
  /** Checkpoints where the server's diagnostics still differed from a fresh check at the deadline. */
  mismatches: number;
  /** The first differences seen (a few lines each). */
  examples: string[];
  /** Server RSS: after the first check, the highest seen, at the end; and at the end of each round (back to the first files, all closed). */
  rssMB: { start: number; peak: number; end: number; rounds: number[] };
  serverUp: boolean;
  stderr: string;
  seconds: number;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];
const at = (l: LineIndex, offset: number) => { const p = l.positionAt(offset); return `${p.line}:${p.character}`; };

function rssMB(pid: number | undefined): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

/** The files as the server should see them: the editor's text when open, else the disk's. */
class Truth {
  readonly disk = new Map<string, string>();
  readonly open = new Map<string, string>();
  constructor(readonly dir: string) {}
  uri(name: string): string { return pathToFileURL(join(this.dir, name)).href; }
  text(name: string): string | undefined { return this.open.get(name) ?? this.disk.get(name); }
  files(): { uri: string; text: string }[] {
    return FILES.flatMap((n) => { const t = this.text(n); return t === undefined ? [] : [{ uri: this.uri(n), text: t }]; });
  }
}

function findingLine(f: Finding, lines: Map<string, LineIndex>): string {
  const l = lines.get(f.uri)!;
  const related = (f.related ?? []).map((r) => {
    const rl = lines.get(r.uri);
    return ` ↳ ${r.uri.split('/').pop()} ${rl ? `${at(rl, r.span.start)}-${at(rl, r.span.end)}` : '0:0-0:0'} ${r.message}`;
  });
  return `${f.uri.split('/').pop()} ${at(l, f.span.start)}-${at(l, f.span.end)} ${f.severity} ${f.ruleId} ${f.message}${related.join('')}`;
}

function diagnosticLine(uri: string, d: Diagnostic): string {
  const r = (x: Diagnostic['range']) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
  const related = (d.relatedInformation ?? []).map((i) => ` ↳ ${i.location.uri.split('/').pop()} ${r(i.location.range)} ${i.message}`);
  return `${uri.split('/').pop()} ${r(d.range)} ${SEVERITY[d.severity ?? 0]} ${String(d.code)} ${String(d.message)}${related.join('')}`;
}

/** What a fresh check says about the texts, one line per finding. */
export function expectedLines(files: { uri: string; text: string }[]): string[] {
  const lines = new Map(files.map((f) => [f.uri, new LineIndex(f.text)]));
  return analyze(files).findings.map((f) => findingLine(f, lines)).sort();
}

function actualLines(client: TestClient, truth: Truth): string[] {
  return FILES.flatMap((n) => (client.diagnostics.get(truth.uri(n)) ?? []).map((d) => diagnosticLine(truth.uri(n), d))).sort();
}

function difference(expected: string[], actual: string[]): string {
  const missing = expected.filter((e) => !actual.includes(e)).slice(0, 3).map((e) => `  - ${e}`);
  const extra = actual.filter((a) => !expected.includes(a)).slice(0, 3).map((a) => `  + ${a}`);
  return [...missing, ...extra].join('\n');
}

/** Waits (on publishDiagnostics, with a deadline) until the server agrees with a fresh check; the difference if it never does. */
async function converge(client: TestClient, truth: Truth, deadlineMs: number): Promise<string | undefined> {
  const expected = expectedLines(truth.files());
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const actual = actualLines(client, truth);
    if (actual.length === expected.length && actual.every((a, i) => a === expected[i])) return undefined;
    const left = deadline - Date.now();
    if (left <= 0) return difference(expected, actual);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([client.nextPublish(), new Promise((r) => { timer = setTimeout(r, left); })]);
    clearTimeout(timer);
  }
}

/** Applies one operation to the disk, the editor and the model of the truth. */
async function apply(client: TestClient, truth: Truth, op: Op, f: SessionFigures): Promise<void> {
  // An edit goes to one of the open documents (the file number picks which).
  const open = [...truth.open.keys()];
  const name = op.kind === 'edit' && open.length ? open[op.file % open.length]! : FILES[op.file]!;
  const uri = truth.uri(name);
  const path = join(truth.dir, name);
  if (op.kind === 'open' && !truth.open.has(name) && truth.disk.has(name)) {
    truth.open.set(name, truth.disk.get(name)!);
    await client.open(uri, truth.disk.get(name)!);
    f.opens++;
  } else if (op.kind === 'close' && truth.open.has(name)) {
    truth.open.delete(name);
    await client.close(uri);
    f.closes++;
  } else if (op.kind === 'write') {
    const type = truth.disk.has(name) ? FileChangeType.Changed : FileChangeType.Created;
    truth.disk.set(name, op.text);
    writeFileSync(path, op.text);
    await client.filesChanged([{ uri, type }]);
    f.fileEvents++;
  } else if (op.kind === 'delete' && truth.disk.has(name)) {
    truth.disk.delete(name);
    unlinkSync(path);
    await client.filesChanged([{ uri, type: FileChangeType.Deleted }]);
    f.fileEvents++;
  } else if (op.kind === 'edit' && truth.open.has(name)) {
    await edit(client, truth, name, op);
    f.edits++;
  }
}

async function edit(client: TestClient, truth: Truth, name: string, op: Extract<Op, { kind: 'edit' }>): Promise<void> {
  const text = truth.open.get(name)!;
  const start = op.at % (text.length + 1);
  const end = Math.min(text.length, start + op.remove);
  const lines = new LineIndex(text);
  const s = lines.positionAt(start);
  const e = lines.positionAt(end);
  truth.open.set(name, text.slice(0, start) + op.insert + text.slice(end));
  await client.edit(truth.uri(name), [s.line, s.character], [e.line, e.character], op.insert);
}

export interface SessionOptions {
  seed: number;
  operations: number;
  /** Compare with a fresh check every this many operations (and at the end). */
  checkEvery: number;
  /** How long the server may take to publish what a fresh check says, per checkpoint. */
  deadlineMs?: number;
  /** Rounds of `operations` (each from its own seed), each ending back at the first files with every document closed. */
  rounds?: number;
  /** Called after each checkpoint (the long run prints progress). */
  progress?: (f: SessionFigures) => void;
}

/** Starts the server on a fresh workspace folder, runs the session, stops the server; the figures. */
export async function runSession(opts: SessionOptions): Promise<SessionFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-session-'));
  mkdirSync(dir, { recursive: true });
  const truth = new Truth(dir);
  initialFiles(opts.seed).forEach((text, i) => { truth.disk.set(FILES[i]!, text); writeFileSync(join(dir, FILES[i]!), text); });
  const client = new TestClient({ folder: dir });
  const f: SessionFigures = {
    seed: opts.seed, operations: 0, edits: 0, fileEvents: 0, opens: 0, closes: 0, checkpoints: 0, mismatches: 0, examples: [],
    rssMB: { start: 0, peak: 0, end: 0, rounds: [] }, serverUp: true, stderr: '', seconds: 0,
  };
  const started = Date.now();
  try {
    await client.initialize();
    await checkpoint(client, truth, f, opts.deadlineMs);
    f.rssMB.start = f.rssMB.peak = rssMB(client.proc.pid);
    for (let round = 0; round < (opts.rounds ?? 1); round++) {
      await runOperations(client, truth, f, opts, opts.seed + round);
      await settle(client, truth, f, opts.deadlineMs);
      f.rssMB.rounds.push(f.rssMB.end);
    }
  } finally {
    f.serverUp = client.proc.exitCode === null && client.proc.signalCode === null;
    f.stderr = client.stderr;
    f.seconds = Math.round((Date.now() - started) / 100) / 10;
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return f;
}

async function runOperations(client: TestClient, truth: Truth, f: SessionFigures, opts: SessionOptions, seed: number): Promise<void> {
  for (const op of operations(seed, opts.operations)) {
    await apply(client, truth, op, f);
    f.operations++;
    if (f.operations % opts.checkEvery === 0) {
      await checkpoint(client, truth, f, opts.deadlineMs);
      f.rssMB.peak = Math.max(f.rssMB.peak, rssMB(client.proc.pid));
      opts.progress?.(f);
    }
  }
}

/** Back to where the session started: every document closed, the first files on disk again. The server's memory should follow. */
async function settle(client: TestClient, truth: Truth, f: SessionFigures, deadlineMs?: number): Promise<void> {
  for (const name of [...truth.open.keys()]) {
    truth.open.delete(name);
    await client.close(truth.uri(name));
  }
  const first = initialFiles(f.seed);
  for (const [i, name] of FILES.entries()) {
    truth.disk.set(name, first[i]!);
    writeFileSync(join(truth.dir, name), first[i]!);
  }
  await client.filesChanged(FILES.map((n) => ({ uri: truth.uri(n), type: FileChangeType.Changed })));
  await checkpoint(client, truth, f, deadlineMs);
  f.rssMB.end = rssMB(client.proc.pid);
  f.rssMB.peak = Math.max(f.rssMB.peak, f.rssMB.end);
}

async function checkpoint(client: TestClient, truth: Truth, f: SessionFigures, deadlineMs = 10_000): Promise<void> {
  f.checkpoints++;
  const diff = await converge(client, truth, deadlineMs);
  if (!diff) return;
  f.mismatches++;
  if (f.examples.length < 5) f.examples.push(`after operation ${f.operations}:\n${diff}`);
  // INGRESS_LAB_SESSION_DUMP=DIR keeps the texts of each mismatch (DIR/op-N/name, open ones marked) to replay it.
  const dump = process.env.INGRESS_LAB_SESSION_DUMP;
  if (dump) {
    const to = join(dump, `op-${f.operations}`);
    mkdirSync(to, { recursive: true });
    for (const name of FILES) {
      const text = truth.text(name);
      if (text !== undefined) writeFileSync(join(to, `${truth.open.has(name) ? 'open-' : ''}${name}`), text);
    }
  }
}

/** One line of figures, for the test log and the long run. */
export function figuresLine(f: SessionFigures): string {
  return `seed ${f.seed}: ${f.operations} operations (${f.edits} edits, ${f.fileEvents} file events, ${f.opens} opens, ${f.closes} closes) in ${f.seconds} s; `
    + `${f.checkpoints} checkpoints, ${f.mismatches} mismatches; server RSS start ${f.rssMB.start} MB, peak ${f.rssMB.peak} MB, end ${f.rssMB.end} MB`
    + `${f.rssMB.rounds.length > 1 ? ` (end of each round: ${f.rssMB.rounds.join(', ')} MB)` : ''}; server ${f.serverUp ? 'up' : 'DOWN'}`;
}
