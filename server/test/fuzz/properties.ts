// What must hold for any input, however hostile: the parse → rules → matcher pipeline in
// process, and the built CLI as a user runs it. Each returns its cost so a run can report the
// worst time and memory per input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocuments } from '../../src/ingress/documents';
import { LineIndex } from '../../src/ingress/lines';
import { lookup } from '../../src/ingress/routing/index';
import type { Finding } from '../../src/ingress/findings';
import type { Span } from '../../src/ingress/source';
import { analyze } from '../../src/rules/analyze';

export interface Cost { ms: number; heapMB: number }

const COMPANION = { uri: 'file:///ws/services.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{name: http, port: 80}]\n' };
const REQUESTS: [string, string][] = [['shop.example.com', '/api/x'], ['a.example.com', '/'], ['', '/'], ['SHOP.example.com:80', '//api/../x']];

function inside(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets ${JSON.stringify(span)}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: ${JSON.stringify(span)} outside 0..${length}`);
}

/** Every finding and related location inside its file, and (for object findings) inside one of the file's documents. */
function checkFindings(findings: readonly Finding[], texts: Map<string, string>, docSpans: Map<string, Span[]>): void {
  const lineIndexes = new Map([...texts].map(([uri, text]) => [uri, new LineIndex(text)]));
  for (const f of findings) {
    const text = texts.get(f.uri);
    assert.ok(text !== undefined, `finding on an unknown file ${f.uri}`);
    inside(f.span, text.length, `${f.ruleId} "${f.message}"`);
    if (f.object) {
      const docs = docSpans.get(f.uri) ?? [];
      assert.ok(docs.some((d) => d.start <= f.span.start && f.span.end <= d.end), `${f.ruleId} "${f.message}" ${JSON.stringify(f.span)} is in no document`);
    }
    for (const r of f.related ?? []) inside(r.span, texts.get(r.uri)?.length ?? -1, `${f.ruleId} related "${r.message}"`);
    const lines = lineIndexes.get(f.uri)!;
    assert.ok(lines.positionAt(f.span.end).line < lines.lineCount);
  }
}

/** parse → rules → route table → matcher, for one manifest beside a small clean file. */
export function checkInProcess(text: string): Cost {
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  // The CST builder and the yaml package's Composer read every input alike.
  assert.deepEqual(parseDocuments('file:///ws/input.yaml', text), parseDocuments('file:///ws/input.yaml', text, 0, false));
  const files = [{ uri: 'file:///ws/input.yaml', text }, COMPANION];
  const { project, findings } = analyze(files);
  const texts = new Map(files.map((f) => [f.uri, f.text]));
  // The documents the project itself read (it parses a file in chunks split at `---` lines).
  const docSpans = new Map(files.map((f) => [f.uri, (project.file(f.uri)?.documents ?? []).map((d) => ({ start: d.span.start, end: d.span.end }))]));
  checkFindings(findings, texts, docSpans);
  const table = project.routeTable();
  for (const [host, path] of REQUESTS) {
    const r = lookup(table, host, path, { explain: 3 });
    assert.ok(r.status === 200 || r.status === 404);
    const span = r.match?.entry?.node.span ?? r.match?.ingress.root.span;
    if (span && r.match?.ingress.uri === 'file:///ws/input.yaml') inside(span, text.length, `route for ${host}${path}`);
  }
  const ms = performance.now() - t0;
  return { ms, heapMB: Math.max(0, process.memoryUsage().heapUsed - before) / 2 ** 20 };
}

/** Old space the CLI may use per input: past it Node aborts, which the exit-code check reports. */
export const CLI_HEAP_MB = 768;

/** The built CLI on one file: exit 0, 1 or 2, no stack trace, within the time and memory limits. */
export function checkCli(cli: string, dir: string, bytes: Buffer): Cost {
  const file = join(dir, 'input.yaml');
  writeFileSync(file, bytes);
  const t0 = performance.now();
  for (const command of ['check', 'routes']) {
    const r = spawnSync(process.execPath, [`--max-old-space-size=${CLI_HEAP_MB}`, cli, command, file, '--format', 'json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
    assert.equal(r.error, undefined, `${command}: ${r.error?.message}`);
    assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `${command} exit ${r.status ?? r.signal}: ${r.stderr.slice(0, 500)}`);
    assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+\)?\n|RangeError|TypeError/, `${command} printed a stack trace: ${r.stderr.slice(0, 500)}`);
    if (command === 'check' && r.status !== 2) JSON.parse(r.stdout);
  }
  return { ms: performance.now() - t0, heapMB: CLI_HEAP_MB };
}
