// Garbage in, no crash out: random half-typed YAML, random edits and requests at random
// positions. The server must answer every request and log no handler failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest, ReferencesRequest,
} from 'vscode-languageserver-protocol';
import { RouteTreeRequest } from '../../src/protocol';
import { TestClient } from './lsp-client';

const PIECES = [
  'apiVersion: networking.k8s.io/v1\n', 'kind: Ingress\n', 'kind: Service\n', 'metadata:\n  name: x\n', '---\n', 'spec:\n',
  '  rules:\n', '    - host: "*.a.b"\n', '      http:\n        paths:\n', '          - path: /x\n', '            pathType: Prefix\n',
  '            backend:\n              service:\n                name: web\n', '                port: {number: 80}\n',
  '  tls: [{hosts: [a], secretName: s}]\n', 'items: [\n', '"unterminated\n', ': :\n', '- - -\n', '&a *a\n', '\t\tkey: v\n',
  'apiVersion: extensions/v1beta1\n', '  backend:\n    serviceName: s\n    servicePort: 80\n', '%YAML 1.1\n', '...\n', '\u00e9\u{1F600}: x\n',
];

test('random documents, edits and requests never crash the server or fail a handler', async () => {
  const client = new TestClient();
  let seed = Number(process.env.INGRESS_LAB_FUZZ_SEED ?? 42);
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % Math.max(1, n); };
  try {
    await client.initialize();
    for (let d = 0; d < 8; d++) {
      const uri = `file:///tmp/fuzz-${d}.yaml`;
      let text = Array.from({ length: 5 + rnd(25) }, () => PIECES[rnd(PIECES.length)]).join('');
      await client.open(uri, text);
      for (let k = 0; k < 25; k++) {
        const lines = text.split('\n');
        const line = rnd(lines.length);
        const character = rnd(lines[line]!.length + 1);
        const insert = PIECES[rnd(PIECES.length)]!.slice(0, rnd(12));
        const endChar = Math.min(lines[line]!.length, character + rnd(3));
        await client.edit(uri, [line, character], [line, endChar], insert);
        lines[line] = lines[line]!.slice(0, character) + insert + lines[line]!.slice(endChar);
        text = lines.join('\n');
        const after = text.split('\n');
        const position = { line: rnd(after.length), character: 0 };
        position.character = rnd(after[position.line]!.length + 1);
        const doc = { textDocument: { uri }, position };
        await client.conn.sendRequest(CompletionRequest.type, doc);
        await client.conn.sendRequest(HoverRequest.type, doc);
        await client.conn.sendRequest(DefinitionRequest.type, doc);
        await client.conn.sendRequest(ReferencesRequest.type, { ...doc, context: { includeDeclaration: true } });
      }
      const diags = await client.waitFor(uri, () => true, true);
      await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: diags } });
      await client.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    }
    const tree = await client.conn.sendRequest(RouteTreeRequest, {});
    assert.ok(Array.isArray(tree.hosts));
    assert.equal(client.proc.exitCode, null);
    assert.doesNotMatch(client.stderr, /failed|uncaught|unhandled/i, client.stderr);
  } finally {
    await client.stop();
  }
});
