// LSP-level: the built server as a separate process over stdio, diagnostics for the indexed
// workspace and for open documents, edits, severity overrides, syntax errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { fixturePath } from '../helpers/fixtures';
import { TestClient } from './lsp-client';

const WS = fixturePath('lsp', 'ws');
const SHOP = pathToFileURL(fixturePath('lsp', 'ws', 'shop.yaml')).href;
const NOTES = pathToFileURL(fixturePath('lsp', 'ws', 'notes.yaml')).href;

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle));
}

test('workspace manifests are indexed at start and checked without being opened', async () => {
  const client = new TestClient({ folder: WS });
  try {
    const init = await client.initialize();
    assert.equal(init.capabilities.codeLensProvider?.resolveProvider, false);
    const diags = await client.waitFor(SHOP, (d) => d.length > 0);
    const text = readFileSync(fixturePath('lsp', 'ws', 'shop.yaml'), 'utf8');
    const line = lineOf(text, 'path: api');
    assert.deepEqual(diags.map((d) => [d.code, d.source, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['ingress/path-absolute', 'ingress-lab', line, 18, 21]]);
    assert.equal(diags[0]!.message, 'spec.rules[0].http.paths[1].path: Invalid value: "api": must be an absolute path');
    assert.match(diags[0]!.codeDescription!.href, /ingress-path-absolute$/);
    assert.equal(client.diagnostics.has(NOTES), false, 'a YAML file without Kubernetes objects gets no diagnostics');
  } finally {
    await client.stop();
  }
});

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: a
spec:
  rules:
    - http:
        paths:
          - path: x
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`;

test('an open document is checked, and a one-character edit clears the finding', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///tmp/open-a.yaml';
    await client.open(uri, INGRESS);
    const first = await client.waitFor(uri, (d) => d.length > 0);
    assert.deepEqual(first.map((d) => [d.code, d.severity, d.range.start]), [['ingress/path-absolute', 1, { line: 8, character: 18 }]]);
    await client.edit(uri, [8, 18], [8, 18], '/');
    const after = await client.waitFor(uri, (d) => d.length === 0);
    assert.deepEqual(after, []);
  } finally {
    await client.stop();
  }
});

test('per-rule severity overrides from ingressLab.rules, "off" included', async () => {
  const client = new TestClient({ settings: { rules: { 'ingress/path-absolute': 'warning' } } });
  try {
    await client.initialize();
    const uri = 'file:///tmp/open-b.yaml';
    await client.open(uri, INGRESS);
    const diags = await client.waitFor(uri, (d) => d.length > 0);
    assert.equal(diags[0]!.severity, 2);
    client.settings = { rules: { 'ingress/path-absolute': 'off' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.waitFor(uri, (d) => d.length === 0), []);
  } finally {
    await client.stop();
  }
});

test('a syntax error in one document does not hide findings in the others; bad requests answer empty', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///tmp/open-c.yaml';
    await client.open(uri, `apiVersion: v1\nkind: Service\nmetadata: {name: x\n---\n${INGRESS}`);
    const diags = await client.waitFor(uri, (d) => d.length >= 2);
    assert.deepEqual(diags.map((d) => d.code).sort(), ['ingress/path-absolute', 'schema/yaml-syntax']);
    assert.equal(diags.find((d) => d.code === 'ingress/path-absolute')!.range.start.line, 12);
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 99, character: 99 } });
    assert.equal(h, null);
    assert.equal(client.proc.exitCode, null, 'server still running');
  } finally {
    await client.stop();
  }
});
