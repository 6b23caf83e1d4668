// The stdio writer's encoder (server/src/lsp/diagnostics-json.ts) joins each chunk's JSON instead
// of serializing a file's whole diagnostics list again: whatever it writes must read back as the
// very message JSON.stringify would have written, for any list, URI and extra field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic, type Message } from 'vscode-languageserver/node';
import { concatDiagnostics, createDiagnosticsJsonEncoder, encodeMessage, encodePart, withParts } from '../../src/lsp/diagnostics-json';
import { createProject } from '../../src/engine/index';
import { fileDiagnostics } from '../../src/lsp/publish';

function diag(line: number, message: string): Diagnostic {
  return { range: { start: { line, character: 2 }, end: { line, character: 9 } }, severity: DiagnosticSeverity.Warning, code: 'ref/service-exists', source: 'ingress-lab', message, data: { ruleId: 'ref/service-exists' } };
}

function publish(uri: string, diagnostics: Diagnostic[], version?: number): Message {
  const params = version === undefined ? { uri, diagnostics } : { uri, version, diagnostics };
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as Message;
}

const read = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

test('a list made of encoded parts reads back as the list, empty parts and odd URIs included', () => {
  const a = [diag(1, 'Service "web" not found'), diag(4, 'quote " backslash \\ tab \t é ✓')];
  const b = [diag(9, 'third')];
  const list = withParts([...a, ...b], [encodePart(a), encodePart([]), encodePart(b), encodePart([])]);
  for (const uri of ['file:///ws/a.yaml', 'file:///ws/"\\u0000diagnostics".yaml', 'file:///ws/\u0000diagnostics.yaml']) {
    assert.deepEqual(read(encodeMessage(publish(uri, list))), publish(uri, list));
    assert.deepEqual(read(encodeMessage(publish(uri, list, 7))), publish(uri, list, 7));
  }
  const none = withParts([], [encodePart([]), encodePart([])]);
  assert.deepEqual(read(encodeMessage(publish('file:///e.yaml', none))), publish('file:///e.yaml', []));
});

test('the parts are what is sent: a list without parts, or another message, is serialized whole', () => {
  const list = [diag(1, 'one')];
  const stale = withParts([diag(1, 'one')], [encodePart([diag(1, 'what the cache held')])]);
  assert.equal((read(encodeMessage(publish('file:///a.yaml', stale))) as { params: { diagnostics: Diagnostic[] } }).params.diagnostics[0]!.message, 'what the cache held');
  assert.deepEqual(read(encodeMessage(publish('file:///a.yaml', list))), publish('file:///a.yaml', list));
  const response = { jsonrpc: '2.0', id: 3, result: { items: [{ label: 'Prefix' }] } } as Message;
  assert.deepEqual(read(encodeMessage(response)), response);
});

test('dry-run diagnostics appended to a file\'s list are sent after its parts', async () => {
  const a = withParts([diag(1, 'one')], [encodePart([diag(1, 'one')])]);
  const joined = concatDiagnostics(a, [diag(5, 'dry run')]);
  assert.equal(concatDiagnostics(a, []), a);
  const bytes = await createDiagnosticsJsonEncoder().encode(publish('file:///a.yaml', joined), { charset: 'utf-8' });
  assert.deepEqual(read(bytes), publish('file:///a.yaml', [diag(1, 'one'), diag(5, 'dry run')]));
});

test('a file\'s diagnostics encode as they serialize, after edits that move, change and keep chunks', () => {
  const ws = createProject();
  const uri = 'file:///ws/shop.yaml';
  const ingress = (name: string, svc: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\nspec:\n  rules:\n    - host: ${name}.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${svc}\n                port:\n                  number: 80\n`;
  const texts = [
    [ingress('a', 'x'), ingress('b', 'y'), ingress('c', 'z')].join('---\n'),
    ['# moved down\n', ingress('a', 'x'), ingress('b', 'y2'), ingress('c', 'z')].join('---\n'),
    ['# moved down\n', ingress('a', 'x'), ingress('b', 'y2'), ingress('c', 'z')].join('---\n'),
    [ingress('a', 'x'), 'kind: [broken\n', ingress('c', 'z')].join('---\n'),
  ];
  for (const text of texts) {
    ws.setText(uri, text, true);
    ws.check();
    const list = fileDiagnostics(ws, ws.file(uri)!);
    assert.ok(list.length > 0);
    assert.deepEqual(read(encodeMessage(publish(uri, list))), JSON.parse(JSON.stringify(publish(uri, list))));
  }
});

test('the writer\'s encoder reuses one array: each message still reads back whole, shorter or longer than the last', async () => {
  const encoder = createDiagnosticsJsonEncoder();
  const list = (n: number) => {
    const ds = Array.from({ length: n }, (_, i) => diag(i, `finding ${i} ${'x'.repeat(i % 50)}`));
    return withParts(ds, [encodePart(ds.slice(0, n >> 1)), encodePart(ds.slice(n >> 1))]);
  };
  for (const n of [400, 3, 0, 1500, 2]) {
    const msg = publish(`file:///ws/${n}.yaml`, list(n));
    assert.deepEqual(read(await encoder.encode(msg, { charset: 'utf-8' })), JSON.parse(JSON.stringify(msg)), `${n} diagnostics`);
  }
});
