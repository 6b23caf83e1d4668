// Only what changed is published again (issue 8): an edit to a Service re-checks every Ingress
// that names it, but a file whose text and diagnostics stay the same is not sent again; a file
// whose diagnostics do change is; the edited file itself always is. Over a real LSP connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol';
import { backendPortRule } from '../../src/rules/ref/backend-port';
import { pathAbsolute } from '../../src/rules/ingress/path-absolute';
import { TestClient } from './lsp-client';

const PATH = pathAbsolute.id;
const PORT = backendPortRule.id;

const SERVICES = 'file:///ws/services.yaml';
const A = 'file:///ws/a.yaml';
const B = 'file:///ws/b.yaml';
const service = (port: number, label = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${label}spec:\n  selector: {app: web}\n  ports: [{name: http, port: ${port}}]\n`;
const ingress = (name: string, port: number) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\nspec:\n  rules:\n    - host: ${name}.example.com\n      http:\n        paths:\n          - path: x\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: ${port}\n`;

/**
 * The documents published after an edit of services.yaml: up to the answer of a request sent once
 * services.yaml's diagnostics arrived (the server sends one check's publications together, in order).
 */
async function publishedBy(client: TestClient, edit: () => Promise<unknown>): Promise<string[]> {
  const before = client.published.length;
  const edited = client.waitFor(SERVICES);
  await edit();
  await edited;
  await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SERVICES } });
  return client.published.slice(before).sort();
}

test('a Service edit re-sends only the files whose diagnostics changed, and the edited one', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    for (const [uri, text] of [[SERVICES, service(80)], [A, ingress('a', 80)], [B, ingress('b', 8080)]] as const) {
      const shown = client.waitFor(uri);
      await client.open(uri, text);
      await shown;
    }
    const codes = (uri: string) => (client.diagnostics.get(uri) ?? []).map((d) => d.code).sort();
    assert.deepEqual(codes(A), [PATH]);
    assert.deepEqual(codes(B), [PATH, PORT]);

    // The selector: a.yaml and b.yaml are checked again (they name the Service) but nothing they
    // show changes, b.yaml's related location in services.yaml included.
    const selector = service(80).split('\n').findIndex((l) => l.includes('selector:'));
    assert.deepEqual(await publishedBy(client, () => client.edit(SERVICES, [selector, 18], [selector, 21], 'api')), [SERVICES]);

    // A label above the ports: b.yaml's related location moves a line down. Only b.yaml is sent again.
    const label = '  labels: {tier: front}\n';
    assert.deepEqual(await publishedBy(client, () => client.edit(SERVICES, [4, 0], [4, 0], label)), [B, SERVICES]);

    // The port: b.yaml's port reference now resolves, a.yaml's no longer does. Both are sent.
    const portLine = service(80, label).split('\n').findIndex((l) => l.includes('ports:'));
    const changed = await publishedBy(client, () => client.edit(SERVICES, [portLine, 0], [portLine + 1, 0], '  ports: [{name: http, port: 8080}]\n'));
    assert.deepEqual(changed, [A, B, SERVICES]);
    assert.deepEqual(codes(A), [PATH, PORT]);
    assert.deepEqual(codes(B), [PATH]);
  } finally {
    await client.stop();
  }
});
