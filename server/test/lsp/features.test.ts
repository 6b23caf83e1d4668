// LSP-level: completion, hover, definition/references, symbols, CodeLens, quick fixes and the
// custom requests, against the fixture workspace and the cluster stand-in (a snapshot).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest,
  ReferencesRequest, type CompletionItem, type CompletionList, type DocumentSymbol, type MarkupContent, type TextEdit,
} from 'vscode-languageserver-protocol';
import { RouteTableRequest, RouteTreeRequest, type TryRouteArgs } from '../../src/protocol';
import { fixturePath } from '../helpers/fixtures';
import { cursor, TestClient } from './lsp-client';

const SHOP = pathToFileURL(fixturePath('lsp', 'ws', 'shop.yaml')).href;
const SERVICES = pathToFileURL(fixturePath('lsp', 'ws', 'services.yaml')).href;
let client: TestClient;
let n = 0;

before(async () => {
  client = new TestClient({ folder: fixturePath('lsp', 'ws'), clusterSnapshot: fixturePath('lsp', 'snapshot.yaml') });
  await client.initialize();
  await client.waitFor(SHOP, (d) => d.length > 0, true);
});
after(() => client.stop());

const HEAD = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: t\n  namespace: shop\nspec:\n';

/** Opens text (with a `|` cursor) as a new document and waits until it has been checked. */
async function openAt(body: string) {
  const { text, position } = cursor(HEAD + body);
  const uri = `file:///tmp/feature-${++n}.yaml`;
  await client.open(uri, text);
  await client.waitFor(uri);
  return { uri, position, text };
}

async function completions(body: string): Promise<CompletionItem[]> {
  const { uri, position } = await openAt(body);
  const r = await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  return Array.isArray(r) ? r : (r as CompletionList).items;
}

test('completes Service names in the Ingress namespace, workspace and cluster, with ports and readiness', async () => {
  const items = await completions('  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: |');
  const byLabel = Object.fromEntries(items.map((i) => [i.label, i.detail]));
  assert.deepEqual(Object.keys(byLabel).sort(), ['api', 'cache', 'web']);
  assert.equal(byLabel.web, 'ports 80/http→8080');
  assert.equal(byLabel.cache, 'ports 6379/redis · 2/3 ready · cluster');
});

test('completes the named Service\'s ports, pathType values and key snippets in a half-typed document', async () => {
  const ports = await completions('  rules:\n    - http:\n        paths:\n          - path: /\n            backend:\n              service:\n                name: api\n                port:\n                  number: |');
  assert.deepEqual(ports.map((i) => i.label), ['9090', '8080']);
  const types = await completions('  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: |');
  assert.deepEqual(types.map((i) => i.label), ['Prefix', 'Exact', 'ImplementationSpecific']);
  const keys = await completions('  rules:\n    - http:\n        paths:\n          - |');
  assert.deepEqual(keys.map((i) => i.label), ['path', 'pathType', 'backend']);
  assert.match((keys[2]!.textEdit as TextEdit).newText, /^backend:\n {2}service:\n {4}name: \$\{1:service\}/);
});

test('completes TLS Secrets (kubernetes.io/tls only), classes with the default marked, hosts and annotations', async () => {
  const secrets = await completions('  tls:\n    - hosts: [shop.example.com]\n      secretName: |');
  assert.deepEqual(secrets.map((i) => i.label), ['shop-tls']);
  const classes = await completions('  ingressClassName: |');
  assert.deepEqual(classes.map((i) => [i.label, i.detail, i.preselect]), [['nginx', 'k8s.io/ingress-nginx · default', true]]);
  const hosts = await completions('  rules:\n    - host: |');
  assert.ok(hosts.some((i) => i.label === 'shop.example.com'));
  const ann = cursor('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: t\n  annotations:\n    nginx.ingress.kubernetes.io/backend-protocol: |');
  const uri = `file:///tmp/feature-${++n}.yaml`;
  await client.open(uri, ann.text);
  const r = await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: ann.position }) as CompletionList;
  assert.deepEqual(r.items.map((i) => i.label), ['HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'FCGI', 'AUTO_HTTP']);
});

function lineCol(text: string, needle: string, delta = 0) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line]!.indexOf(needle) + delta };
}

test('hover: backend Service ports/selector/readiness; TLS certificate without key data; field docs', async () => {
  const text = (await import('node:fs')).readFileSync(fixturePath('lsp', 'ws', 'shop.yaml'), 'utf8');
  const h1 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SHOP }, position: lineCol(text, 'name: web', 7) });
  const md1 = (h1!.contents as MarkupContent).value;
  assert.match(md1, /Service shop\/web/);
  assert.match(md1, /`80\/http→8080` TCP/);
  assert.match(md1, /`app=web`/);
  const h2 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SHOP }, position: lineCol(text, 'secretName: shop-tls', 13) });
  const md2 = (h2!.contents as MarkupContent).value;
  assert.match(md2, /CN=shop.example.com/);
  assert.match(md2, /DNS:\*\.shop\.example\.com/);
  assert.match(md2, /Expires: \d{4}-/);
  assert.doesNotMatch(md2, /U0VDUkVU|SECRET-KEY|PRIVATE/);
  const h3 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SHOP }, position: lineCol(text, 'pathType: Exact', 2) });
  assert.match((h3!.contents as MarkupContent).value, /^\*\*pathType\*\* `string` \(required\)/);
});

test('definition goes from a backend to the Service; references go from the Service to the Ingresses', async () => {
  const text = (await import('node:fs')).readFileSync(fixturePath('lsp', 'ws', 'shop.yaml'), 'utf8');
  const defs = await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: SHOP }, position: lineCol(text, 'name: web', 7) });
  assert.deepEqual(defs, [{ uri: SERVICES, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } }]);
  const refs = await client.conn.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: SERVICES }, position: { line: 3, character: 9 }, context: { includeDeclaration: false },
  });
  assert.deepEqual(refs!.map((r) => [r.uri, r.range.start.line]), [[SHOP, lineCol(text, 'name: web').line], [SHOP, text.split('\n').lastIndexOf('                name: web')]]);
});

test('document symbols: Ingress → host → path', async () => {
  const syms = await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SHOP } }) as DocumentSymbol[];
  const outline = syms.map((s) => [s.name, (s.children ?? []).map((h) => [h.name, (h.children ?? []).map((p) => `${p.name} ${p.detail}`)])]);
  assert.deepEqual(outline, [['Ingress shop', [
    ['shop.example.com', ['/ Prefix → web:80', 'api Exact → api:http']],
    ['*.preview.example.com', ['/ Prefix → web:80']],
  ]]]);
});

test('CodeLens: Try https for TLS hosts, a concrete host for wildcards, pathType shown, args for the client', async () => {
  const lenses = await client.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: SHOP } });
  assert.deepEqual(lenses!.map((l) => l.command!.title), [
    'Try https://shop.example.com/ (Prefix)', 'Try https://shop.example.com/api (Exact)', 'Try http://test.preview.example.com/ (Prefix)',
  ]);
  const args = lenses![1]!.command!.arguments![0] as TryRouteArgs;
  assert.equal(lenses![1]!.command!.command, 'ingressLab.tryRoute');
  assert.deepEqual({ ...args, location: undefined }, {
    url: 'https://shop.example.com/api', scheme: 'https', host: 'shop.example.com', ruleHost: 'shop.example.com', path: '/api',
    pathType: 'Exact', namespace: 'shop', ingress: 'shop', service: { name: 'api', port: 'http' }, location: undefined, isDefaultBackend: false,
  });
});

test('quick fix: prefix the path with "/" and add a missing pathType', async () => {
  const { uri } = await openAt('  rules:\n    - http:\n        paths:\n          - path: api|\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n');
  const diags = await client.waitFor(uri, (d) => d.length > 0, true);
  const actions = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diags[0]!.range, context: { diagnostics: diags } });
  const fix = actions!.find((a) => 'title' in a && a.title === 'Prefix the path with "/"');
  assert.ok(fix && 'edit' in fix);
  assert.deepEqual(fix.edit!.changes![uri], [{ range: { start: { line: 9, character: 18 }, end: { line: 9, character: 18 } }, newText: '/' }]);
  const fake = { ...diags[0]!, code: 'ingress/path-type-required', data: { ruleId: 'ingress/path-type-required', field: 'spec.rules[0].http.paths[0].pathType' } };
  const add = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diags[0]!.range, context: { diagnostics: [fake] } });
  assert.deepEqual(add!.map((a) => a.title), ['Add pathType: Prefix', 'Add pathType: Exact', 'Add pathType: ImplementationSpecific']);
  const edit = (add![0] as { edit: { changes: Record<string, TextEdit[]> } }).edit.changes[uri]![0]!;
  assert.deepEqual(edit, { range: { start: { line: 9, character: 21 }, end: { line: 9, character: 21 } }, newText: '\n            pathType: Prefix' });
});

test('custom requests: route table and route tree with readiness from the cluster', async () => {
  const table = await client.conn.sendRequest(RouteTableRequest, { uri: SHOP });
  assert.deepEqual(table.routes.map((r) => `${r.tls ? 'https' : 'http'} ${r.host} ${r.pathType} ${r.path} → ${r.service?.name}:${r.service?.port}`), [
    'https shop.example.com Prefix / → web:80', 'https shop.example.com Exact api → api:http', 'http *.preview.example.com Prefix / → web:80',
  ]);
  const tree = await client.conn.sendRequest(RouteTreeRequest, { uri: SHOP });
  assert.equal(tree.cluster.state, 'connected');
  const shop = tree.hosts.find((h) => h.host === 'shop.example.com')!;
  assert.deepEqual(shop.paths.map((p) => [p.path, p.backend?.exists, p.problems.map((x) => x.code)]), [['/', true, []], ['api', true, ['ingress/path-absolute']]]);
});
