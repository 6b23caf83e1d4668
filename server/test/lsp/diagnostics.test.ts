// LSP-level: the built server as a separate process over stdio, diagnostics for the indexed
// workspace and for open documents, edits, severity overrides, syntax errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { RouteTreeRequest } from '../../src/protocol';
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
    assert.deepEqual(diags.map((d) => [d.code, d.source, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['ingress/path-absolute', 'ingress-lab', lineOf(text, 'path: api'), 18, 21],
      ['conflict/host-without-tls', 'ingress-lab', lineOf(text, 'preview'), 12, 35],
    ]);
    assert.equal(diags[0]!.message, 'spec.rules[0].http.paths[1].path: Invalid value: "api": must be an absolute path');
    assert.match(diags[0]!.codeDescription!.href, /ingress-path-absolute$/);
    assert.deepEqual(diags[1]!.relatedInformation!.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
      [[SHOP, lineOf(text, 'hosts: [shop'), 'TLS host "shop.example.com"']]);
    assert.equal(client.diagnostics.has(NOTES), false, 'a YAML file without Kubernetes objects gets no diagnostics');
  } finally {
    await client.stop();
  }
});

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\n';
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
    await client.open(uri, SERVICE + INGRESS);
    const first = await client.waitFor(uri, (d) => d.length > 0);
    assert.deepEqual(first.map((d) => [d.code, d.severity, d.range.start]), [['ingress/path-absolute', 1, { line: 16, character: 18 }]]);
    await client.edit(uri, [16, 18], [16, 18], '/');
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
    await client.open(uri, SERVICE + INGRESS);
    const diags = await client.waitFor(uri, (d) => d.length > 0);
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['ingress/path-absolute', 2]]);
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
    await client.open(uri, `apiVersion: v1\nkind: Service\nmetadata: {name: x\n---\n${SERVICE}${INGRESS}`);
    const diags = await client.waitFor(uri, (d) => d.length >= 2);
    assert.deepEqual(diags.map((d) => d.code).sort(), ['ingress/path-absolute', 'schema/yaml-syntax']);
    assert.equal(diags.find((d) => d.code === 'ingress/path-absolute')!.range.start.line, 20);
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 99, character: 99 } });
    assert.equal(h, null);
    assert.equal(client.proc.exitCode, null, 'server still running');
  } finally {
    await client.stop();
  }
});

test('editing a Service re-checks the Ingresses in other files that route to it', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const ing = 'file:///tmp/dep-ingress.yaml';
    const svc = 'file:///tmp/dep-service.yaml';
    await client.open(ing, INGRESS.replace('path: x', 'path: /'));
    const missing = await client.waitFor(ing, (d) => d.length > 0);
    assert.deepEqual(missing.map((d) => [d.code, d.range.start.line]), [['ref/backend-service', 12]]);
    await client.waitForNotification<{ uris: string[] }>('ingressLab/routesChanged', (p) => p.uris.includes(ing));
    await client.open(svc, SERVICE.replace('name: web', 'name: wbe'));
    await client.waitFor(svc);
    await client.edit(svc, [3, 8], [3, 11], 'web');
    assert.deepEqual(await client.waitFor(ing, (d) => d.length === 0), []);
  } finally {
    await client.stop();
  }
});

test('files changed or deleted on disk are re-read through workspace/didChangeWatchedFiles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-ws-'));
  const file = join(dir, 'app.yaml');
  writeFileSync(file, SERVICE + INGRESS);
  const uri = pathToFileURL(file).href;
  const client = new TestClient({ folder: dir });
  try {
    await client.initialize();
    assert.deepEqual((await client.waitFor(uri, (d) => d.length > 0)).map((d) => d.code), ['ingress/path-absolute']);
    writeFileSync(file, SERVICE + INGRESS.replace('path: x', 'path: /x'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    assert.deepEqual(await client.waitFor(uri, (d) => d.length === 0), []);
    writeFileSync(file, SERVICE + INGRESS);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    await client.waitFor(uri, (d) => d.length > 0);
    unlinkSync(file);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    assert.deepEqual(await client.waitFor(uri, (d) => d.length === 0), []);
  } finally {
    await client.stop();
  }
});

test('a clean Ingress file (no diagnostics) announces its routes when the folder is read and when it changes on disk', { timeout: 20_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-ws-'));
  const file = join(dir, 'clean.yaml');
  writeFileSync(file, SERVICE + INGRESS.replace('path: x', 'path: /x'));
  const uri = pathToFileURL(file).href;
  const client = new TestClient({ folder: dir });
  const paths = async () => (await client.conn.sendRequest(RouteTreeRequest, {})).hosts.flatMap((h) => h.paths.map((p) => p.path));
  try {
    await client.initialize();
    await client.waitForNotification<{ uris: string[] }>('ingressLab/routesChanged', (p) => p.uris.includes(uri));
    assert.deepEqual(await paths(), ['/x'], 'the first check of the folder announces its routes');
    const before = client.notifications.filter((n) => n.method === 'ingressLab/routesChanged' && (n.params as { uris: string[] }).uris.includes(uri)).length;
    writeFileSync(file, SERVICE + INGRESS.replace('path: x', 'path: /y'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    let seen = 0;
    await client.waitForNotification<{ uris: string[] }>('ingressLab/routesChanged', (p) => p.uris.includes(uri) && ++seen > before);
    assert.deepEqual(await paths(), ['/y']);
  } finally {
    await client.stop();
  }
});
