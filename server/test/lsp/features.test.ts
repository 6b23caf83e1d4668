// LSP-level: completion, hover, definition/references, symbols, CodeLens, quick fixes and the
// custom requests, against the fixture workspace and the cluster stand-in (a snapshot).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest,
  ReferencesRequest, type CompletionItem, type CompletionList, type DocumentSymbol, type MarkupContent, type TextEdit,
} from 'vscode-languageserver-protocol';
import { ExplainRouteRequest, RouteTableRequest, RouteTreeRequest, type TryRouteArgs } from '../../src/protocol';
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
  assert.equal(byLabel.web, 'ports 80/http→8080 · 1/1 ready');
  assert.equal(byLabel.cache, 'ports 6379/redis · 2/3 ready · cluster');
});

test('completes the named Service\'s ports, pathType values and key snippets in a half-typed document', async () => {
  const ports = await completions('  rules:\n    - http:\n        paths:\n          - path: /\n            backend:\n              service:\n                name: api\n                port:\n                  number: |');
  assert.deepEqual(ports.map((i) => i.label), ['9090', '8080']);
  const types = await completions('  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: |');
  assert.deepEqual(types.map((i) => i.label), ['Prefix', 'Exact', 'ImplementationSpecific']);
  assert.deepEqual(types.map((i) => i.sortText), ['0', '1', '2'], 'Prefix first in the editor too, not alphabetical');
  const top = await completions('  rules: []\n|');
  assert.deepEqual(top.map((i) => i.label), [], 'apiVersion, kind, metadata and spec are all there; status is the API server\'s');
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
  assert.match(md2, /SANs: (`[^`]+`, )*`\*\.shop\.example\.com`/, 'SANs in code spans: a bare host name renders as a link');
  assert.match(md2, /Expires: \d{4}-\d\d-\d\d \(/, 'the expiry date, not a timestamp to the millisecond');
  assert.doesNotMatch(md2, /U0VDUkVU|SECRET-KEY|PRIVATE/);
  const h3 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SHOP }, position: lineCol(text, 'pathType: Exact', 2) });
  assert.match((h3!.contents as MarkupContent).value, /^\*\*pathType\*\* `string` \(required\)/);
  const { uri: u4, position: p4 } = await openAt('  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: wb|e\n');
  const h4 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: u4 }, position: p4 });
  assert.match((h4!.contents as MarkupContent).value, /^Services in namespace `shop`: .*`web`/,
    'a missing Service: what the namespace has instead, not the diagnostic once more');
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
  const { uri } = await openAt(`  rules:\n    - host: a.example.com\n      http:\n        paths:\n          - path: /x|\n${BACKEND}`);
  const untyped = await client.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  assert.deepEqual(untyped!.map((l) => l.command!.title), ['Try http://a.example.com/x (no pathType)'], 'as `ingress-lab routes` says it, not a type nobody wrote');
});

async function fixes(uri: string, code: string) {
  const diags = await client.waitFor(uri, (d) => d.some((x) => x.code === code), true);
  const diag = diags.find((d) => d.code === code)!;
  const actions = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
  return (actions ?? []).map((a) => a as { title: string; edit: { changes: Record<string, TextEdit[]> } })
    .map((a) => ({ title: a.title, edits: a.edit.changes[uri]! }));
}

const BACKEND = '            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n';

test('quick fix: prefix the path with "/" and add a missing pathType', async () => {
  const { uri: u1 } = await openAt(`  rules:\n    - http:\n        paths:\n          - path: api|\n            pathType: Prefix\n${BACKEND}`);
  const slash = await fixes(u1, 'ingress/path-absolute');
  assert.deepEqual(slash, [{ title: 'Prefix the path with "/"', edits: [{ range: { start: { line: 9, character: 18 }, end: { line: 9, character: 18 } }, newText: '/' }] }]);
  const { uri } = await openAt(`  rules:\n    - http:\n        paths:\n          - path: api|\n${BACKEND}`);
  const add = await fixes(uri, 'ingress/path-type-required');
  assert.deepEqual(add.map((a) => a.title), ['Add pathType: Prefix', 'Add pathType: Exact', 'Add pathType: ImplementationSpecific']);
  assert.deepEqual(add[0]!.edits, [{ range: { start: { line: 9, character: 21 }, end: { line: 9, character: 21 } }, newText: '\n            pathType: Prefix' }]);
});

test('quick fix: choose an existing Service (closest first) or create a stub; choose a port', async () => {
  const { uri, text } = await openAt(`  rules:\n    - http:\n        paths:\n          - path: /|\n            pathType: Prefix\n${BACKEND.replace('web', 'wbe').replace('number: 80', 'number: 81')}`);
  const svc = await fixes(uri, 'ref/backend-service');
  assert.deepEqual(svc.map((a) => a.title), ['Use Service "web"', 'Use Service "api"', 'Use Service "cache"', 'Create a Service stub "wbe"']);
  assert.equal(svc[0]!.edits[0]!.newText, 'web');
  assert.match(svc[3]!.edits[0]!.newText, /^---\napiVersion: v1\nkind: Service\nmetadata:\n {2}name: wbe\n {2}namespace: shop\n/);
  assert.equal(svc[3]!.edits[0]!.range.start.line, text.split('\n').length - 1);
  const { uri: u2 } = await openAt(`  rules:\n    - http:\n        paths:\n          - path: /|\n            pathType: Prefix\n${BACKEND.replace('number: 80', 'number: 81')}`);
  const port = await fixes(u2, 'ref/backend-port');
  assert.deepEqual(port.map((a) => [a.title, a.edits[0]!.newText]), [['Use port 80 of Service "web"', '80']]);
});

test('quick fix: rewrite a removed apiVersion with the shared migration; add a host to the TLS entry', async () => {
  const uri = `file:///tmp/feature-${++n}.yaml`;
  const old = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\n  namespace: shop\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            backend:\n              serviceName: web\n              servicePort: 80\n';
  await client.open(uri, old);
  const rw = await fixes(uri, 'deprecated/api-version-removed');
  assert.match(rw[0]!.title, /^Rewrite to networking.k8s.io\/v1/);
  assert.match(rw[0]!.edits[0]!.newText, /apiVersion: networking.k8s.io\/v1[^]*pathType: ImplementationSpecific[^]*service:\n\s+name: web\n\s+port:\n\s+number: 80/);
  const { uri: u2 } = await openAt(`  tls:\n    - hosts:\n        - a.example.com\n      secretName: shop-tls\n  rules:\n    - host: b.example.com|\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n${BACKEND}`);
  const tls = await fixes(u2, 'conflict/host-without-tls');
  assert.deepEqual(tls, [{ title: 'Add "b.example.com" to the TLS hosts', edits: [{ range: { start: { line: 8, character: 23 }, end: { line: 8, character: 23 } }, newText: '\n        - b.example.com' }] }]);
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
  assert.deepEqual(shop.paths.map((p) => p.backend?.pods), [[{ name: 'web-1', ready: true }], [{ name: '10.0.2.1', ready: true }]],
    'pods by name from the EndpointSlice targetRef, else the address');
  assert.deepEqual(shop.location?.range.start, { line: 11, character: 12 }, 'the host node links to its host value');
  const cache = (await completions('  defaultBackend:\n    service:\n      name: |')).find((i) => i.label === 'cache');
  assert.equal(cache?.detail, 'ports 6379/redis · 2/3 ready · cluster');
});

test('route tree: a shadowed path names its shadow, a duplicate claim names the other Ingress, both linked to their YAML', async () => {
  const uri = `file:///tmp/feature-tree-${++n}.yaml`;
  const ing = (name: string, paths: [string, string][]) => HEAD.replace('name: t', `name: ${name}`)
    + '  rules:\n    - host: tree.example.com\n      http:\n        paths:\n'
    + paths.map(([p, svc]) => `          - path: ${p}\n            pathType: Prefix\n${BACKEND.replace('web', svc)}`).join('');
  // PathTypePrefix: "If both paths are present in an Ingress spec, the longest matching path (/foo/) is given priority."
  await client.open(uri, `${ing('a', [['/app', 'web'], ['/app/', 'api']])}---\n${ing('b', [['/app/', 'cache']])}`);
  await client.waitFor(uri);
  const tree = await client.conn.sendRequest(RouteTreeRequest, { uri });
  const paths = tree.hosts.find((h) => h.host === 'tree.example.com')!.paths;
  assert.deepEqual(paths.map((p) => [p.ingress, p.path, p.status, p.others?.map((o) => `${o.ingress} ${o.path} → ${o.backend}`)]), [
    ['a', '/app', 'shadowed', ['shop/a /app/ → service api:80']],
    ['a', '/app/', 'conflict', ['shop/b /app/ → service cache:80']],
    ['b', '/app/', 'conflict', ['shop/a /app/ → service api:80']],
  ]);
  assert.equal(paths[0]!.others![0]!.location.range.start.line, paths[1]!.location.range.start.line, 'the shadow links to its path');
  assert.match(paths[0]!.reason ?? '', /the longest matching path is given priority/);
});

test('explainRoute answers with the shared matcher; a path hover says what it wins and what shadows it', async () => {
  const r = await client.conn.sendRequest(ExplainRouteRequest, { host: 'shop.example.com', path: '/checkout' });
  assert.equal(r.route?.path, '/');
  assert.equal(r.route?.service?.name, 'web');
  assert.match(r.decision, /^200 /);
  assert.ok(r.trace.some((l) => /path "\/checkout"/.test(l)), r.trace.join('\n'));
  assert.ok(r.trace.some((l) => /^ {2}✓ Prefix \/ in Ingress \S+: matches/.test(l)), `the winning candidate names its path and Ingress:\n${r.trace.join('\n')}`);
  assert.ok(r.trace.some((l) => /^controller profile (spec-only|ingress-nginx) \(.+\): /.test(l)), `the trace names the controller profile:\n${r.trace.join('\n')}`);
  const miss = await client.conn.sendRequest(ExplainRouteRequest, { host: 'nowhere.example.org', path: '/' });
  assert.equal(miss.route?.host, '', 'an unknown host falls to a rule without host (other tests opened some)');
  const { uri, position } = await openAt('  rules:\n    - host: shadow.example.com\n      http:\n        paths:\n          - path: /app|\n            pathType: Prefix\n' + BACKEND
    + '          - path: /app/\n            pathType: Prefix\n' + BACKEND.replace('web', 'api').replace('number: 80', 'name: http'));
  const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: position.line, character: position.character - 2 } });
  const md = (h!.contents as MarkupContent).value;
  assert.match(md, /Prefix \/app on host shadow.example.com/);
  assert.match(md, /Shadowed by Prefix \/app\/ on host shadow.example.com/);
});

test('quick fix: a misspelt pathType is replaced by the value it most likely meant (Prefx → Prefix)', async () => {
  const { uri } = await openAt(`  rules:\n    - http:\n        paths:\n          - path: /|\n            pathType: Prefx\n${BACKEND}`);
  const fix = await fixes(uri, 'ingress/path-type-value');
  assert.deepEqual(fix, [{ title: 'Replace with Prefix', edits: [{ range: { start: { line: 10, character: 22 }, end: { line: 10, character: 27 } }, newText: 'Prefix' }] }]);
});

test('quick fix: a path without backend gets a backend skeleton, one choice per Service of the namespace', async () => {
  const { uri, text } = await openAt('  rules:\n    - http:\n        paths:\n          - path: /|\n            pathType: Prefix\n          - path: /b\n            pathType: Exact\n' + BACKEND);
  const add = await fixes(uri, 'ingress/backend-exactly-one');
  assert.deepEqual(add.map((a) => a.title), ['Add a backend: Service "api" port 9090', 'Add a backend: Service "cache" port 6379', 'Add a backend: Service "web" port 80']);
  const edited = applyEdits(text, add[2]!.edits);
  assert.match(edited, /pathType: Prefix\n {12}backend:\n {14}service:\n {16}name: web\n {16}port:\n {18}number: 80\n {10}- path: \/b/);
  const { uri: u2, text: t2 } = await openAt('  rules:\n    - http:\n        paths:\n          - path: /|\n            backend:\n            pathType: Prefix\n');
  const empty = await fixes(u2, 'ingress/backend-exactly-one');
  assert.match(applyEdits(t2, empty[0]!.edits), /path: \/\n {12}backend:\n {14}service:\n {16}name: api\n {16}port:\n {18}number: 9090\n {12}pathType: Prefix\n$/, 'an empty backend: line is filled in place');
});

test('quick fix: a TLS host the certificate does not cover: use a Secret that covers every host of the entry, or remove the host', async () => {
  const pem = (name: string) => readFileSync(fixturePath('certs', `${name}.crt`), 'utf8').trim().split('\n').map((l) => `    ${l}`).join('\n');
  const secret = (name: string, cert: string) => `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  namespace: shop\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: |\n${pem(cert)}\n`;
  const { uri, text } = await openAt(`  tls:\n    - hosts:\n        - shop.example.com\n        - admin.shop.example.com|\n      secretName: narrow\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n${BACKEND}${secret('narrow', 'shop-expired')}${secret('wide', 'shop-valid')}`);
  const fix = await fixes(uri, 'tls/cert-host');
  assert.deepEqual(fix.map((a) => a.title), [
    'Use Secret "shop-tls" (in the workspace), whose certificate covers shop.example.com, admin.shop.example.com',
    'Use Secret "wide" (in the workspace), whose certificate covers shop.example.com, admin.shop.example.com',
    'Remove "admin.shop.example.com" from this TLS entry',
  ]);
  assert.match(applyEdits(text, fix[1]!.edits), /secretName: wide\n/);
  assert.match(applyEdits(text, fix[2]!.edits), /hosts:\n {8}- shop\.example\.com\n {6}secretName: narrow/);
});

/** Applies LSP edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

test('hover on an enum value documents that value (k8s.io/api networking/v1 PathType constants), not the field again', async () => {
  const text = readFileSync(fixturePath('lsp', 'ws', 'shop.yaml'), 'utf8');
  const exact = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SHOP }, position: lineCol(text, 'pathType: Exact', 12) });
  const md = (exact!.contents as MarkupContent).value;
  // PathTypeExact's comment: "matches the URL path exactly and with case sensitivity".
  assert.equal(md, '**Exact** (a value of `pathType`)\n\nMatches the URL path exactly and with case sensitivity.\n\n_Other values: `Prefix`, `ImplementationSpecific`._');
  const { uri, position } = await openAt('  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Pre|fix\n');
  const prefix = ((await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }))!.contents as MarkupContent).value;
  // PathTypePrefix's comment: /foo/bar matches /foo/bar/baz but not /foo/barbaz; the longest matching path wins.
  assert.match(prefix, /^\*\*Prefix\*\* \(a value of `pathType`\)\n\nMatches based on a URL path prefix split by '\/'\. Matching is case sensitive .*not \/foo\/barbaz.*the longest one \(\/foo\/\) wins\./s);
  assert.doesNotMatch(prefix, /pathType determines the interpretation/, 'not the field doc again');
  const { uri: u2, position: p2 } = await openAt('  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefx|\n');
  const typo = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: u2 }, position: { ...p2, character: p2.character - 2 } });
  assert.match((typo!.contents as MarkupContent).value, /^\*\*pathType\*\* `string`/, 'an unknown value keeps the field doc');
});

test('quick fixes in a file written with CR LF or lone CR line breaks insert at the end of the right line', async () => {
  for (const nl of ['\r\n', '\r']) {
    const uri = `file:///tmp/feature-${++n}.yaml`;
    const body = `${HEAD}  tls:\n    - hosts:\n        - a.example.com\n      secretName: shop-tls\n  rules:\n    - host: b.example.com\n      http:\n        paths:\n          - path: /\n${BACKEND}`;
    await client.open(uri, body.replaceAll('\n', nl));
    const add = await fixes(uri, 'ingress/path-type-required');
    assert.deepEqual(add[0]!.edits[0]!.range.start, { line: 14, character: 19 }, `${JSON.stringify(nl)}: after "- path: /", before its line break`);
    const tls = await fixes(uri, 'conflict/host-without-tls');
    assert.deepEqual(tls[0]!.edits, [{ range: { start: { line: 8, character: 23 }, end: { line: 8, character: 23 } }, newText: '\n        - b.example.com' }], JSON.stringify(nl));
  }
});
