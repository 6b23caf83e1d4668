// LSP-level: `ingressLab/convertToGateway` through the built server converts the Ingresses of one
// open document to HTTPRoutes and lists the requests the conversion routes differently.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { ConvertToGatewayRequest } from '../../src/protocol';
import { ingressYaml, rewriteCase } from '../helpers/gateway-cases';
import { TestClient } from './lsp-client';

let client: TestClient;
before(async () => {
  client = new TestClient();
  await client.initialize();
});
after(() => client.stop());

interface HttpRouteJs {
  kind: string;
  spec: { hostnames: string[]; rules: { matches: { path: unknown }[]; backendRefs: { name: string; port: number }[] }[] };
}

async function convert(text: string, uri = `file:///tmp/gateway-preview-${Math.random().toString(36).slice(2)}.yaml`) {
  await client.open(uri, text);
  await client.waitFor(uri);
  return client.conn.sendRequest(ConvertToGatewayRequest, { uri });
}

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

/** The text a range covers. */
function textAt(text: string, r: Range): string {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line]!.slice(r.start.character, r.end.character);
  return [lines[r.start.line]!.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line]!.slice(0, r.end.character)].join('\n');
}

test('converts the Ingress of a document to an HTTPRoute with its host, path and backend', async () => {
  const r = await convert(ingressYaml({ name: 'web', host: 'shop.example.com', path: '/shop', pathType: 'Prefix', service: 'web' }));
  const [route] = parseAllDocuments(r.yaml).map((d) => d.toJS() as HttpRouteJs);
  assert.equal(route?.kind, 'HTTPRoute', r.yaml);
  assert.deepEqual(route.spec.hostnames, ['shop.example.com']);
  const rule = route.spec.rules[0]!;
  assert.deepEqual(rule.matches[0]!.path, { type: 'PathPrefix', value: '/shop' });
  assert.deepEqual(rule.backendRefs.map((b) => [b.name, b.port]), [['web', 8080]]);
  assert.deepEqual(r.differences, [], 'a plain Prefix path converts exactly');
  assert.ok(r.checked > 0);
});

test('an ingress-nginx rewrite-target with capture groups (/$2) is listed as a difference, with both answers', async () => {
  const r = await convert(rewriteCase('shop.example.com'));
  assert.match(r.profile, /^ingress-nginx /);
  assert.ok(r.notes.some((n) => n.ingress === 'shop/api' && /rewrite-target/.test(n.message)), JSON.stringify(r.notes));
  const d = r.differences.find((x) => /\/API\//.test(x.request));
  assert.ok(d, `the upper-case request routes differently: ${JSON.stringify(r.differences)}`);
  assert.match(d.ingress, /shop\/api:8080/);
  assert.match(d.gateway, /shop\/web:8080/);
  assert.match(d.why, /different Service/);
});

test('a document without Ingress converts to nothing', async () => {
  const r = await convert('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n');
  assert.deepEqual(r, { yaml: '', profile: '', notes: [], checked: 0, differences: [], diagnostics: [] });
});

test('each request routed differently is a warning on the HTTPRoute match that answers it, pointing back at the Ingress path; the report is information on the route', async () => {
  const uri = `file:///tmp/gateway-preview-diag-${Math.random().toString(36).slice(2)}.yaml`;
  const source = rewriteCase('diag.example.com');
  const r = await convert(source, uri);
  const upper = r.diagnostics.find((d) => d.code === 'gateway/route-differs' && messageOf(d).startsWith('http://diag.example.com/API/X '));
  assert.ok(upper, JSON.stringify(r.diagnostics.map(messageOf)));
  assert.equal(upper.severity, 2, 'Warning');
  assert.equal(upper.source, 'ingress-lab');
  // Same words as `convert --check`: the request, both answers, why.
  const row = r.differences.find((d) => d.request === 'http://diag.example.com/API/X')!;
  assert.equal(messageOf(upper), `${row.request} is routed differently: Ingress (ingress-nginx) → ${row.ingress}; Gateway API → ${row.gateway}: ${row.why}`);
  // The Gateway API sends /API/X to web (the regex "/" of the use-regex host): the warning sits on that match.
  assert.match(textAt(r.yaml, upper.range), /^path:\n\s+type: RegularExpression\n\s+value: \(\?i\)\/\.\*\n?$/);
  const webRoute = r.yaml.split('---\n').findIndex((doc) => /name: web-diag-example-com/.test(doc));
  assert.ok(webRoute >= 0 && textAt(r.yaml, { start: { line: 0, character: 0 }, end: upper.range.start }).split('---\n').length - 1 === webRoute, 'in the HTTPRoute converted from Ingress web');
  const [related] = upper.relatedInformation ?? [];
  assert.equal(related?.location.uri, uri);
  assert.match(textAt(source, related!.location.range), /^path: \/api\(\/\|\$\)\(\.\*\)/, 'the Ingress path the request was generated from');
  const note = r.diagnostics.find((d) => d.code === 'gateway/not-converted' && /rewrite-target/.test(messageOf(d)));
  assert.ok(note, JSON.stringify(r.diagnostics.map(messageOf)));
  assert.equal(note.severity, 3, 'Information');
  assert.equal(textAt(r.yaml, note.range), 'api-diag-example-com');
  assert.match(messageOf(note), /^Ingress shop\/api: /);
});
