// Property: every face agrees (issue 8). Random workspaces (valid and broken Ingresses sharing
// hosts, IngressClasses, Services; live Ingresses with creationTimestamps in a snapshot) are
// edited at random; after every step the CLI's findings (analyze(): the project `check` runs),
// the language server's diagnostics through a real LSP connection (related locations included),
// `route`'s decisions, the proxy's X-Ingress-Lab-Route (the proxy routing with the table the
// server sends), Explain route and the Routes view agree. A fixed seed set runs in npm test;
// `npm run soak:agreement` runs many more (AGREEMENT_RUNS, AGREEMENT_SEED) and says how many ran.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { snapshotFromText } from '../../src/cluster/snapshot';
import { LineIndex } from '../../src/ingress/lines';
import type { Finding } from '../../src/ingress/findings';
import { ExplainRouteRequest, RouteTableRequest, RouteTreeRequest } from '../../src/protocol';
import { decide } from '../../src/proxy/decide';
import { tableFromData } from '../../src/proxy/index';
import { projectOf } from '../../src/rules/analyze';
import { TestClient } from '../lsp/lsp-client';

const RUNS = Number(process.env.AGREEMENT_RUNS ?? 6);
const SEED = Number(process.env.AGREEMENT_SEED ?? 20261206);
const HOSTS = ['h1.example.com', 'h2.example.com', '*.example.com', ''];
const REQUESTS: [string, string][] = [['h1.example.com', '/'], ['h1.example.com', '/a'], ['h1.example.com', '/a/x'], ['h2.example.com', '/b'], ['x.example.com', '/a'], ['other.org', '/']];

const pathArb = fc.record({
  path: fc.constantFrom('/', '/a', '/a/', '/b', 'c'),
  pathType: fc.constantFrom('Prefix', 'Exact', 'ImplementationSpecific'),
  svc: fc.constantFrom('s1', 's2', 's3'),
});
const ruleArb = fc.record({ host: fc.constantFrom(...HOSTS), paths: fc.array(pathArb, { minLength: 1, maxLength: 3 }) });
const ingressArb = fc.record({
  name: fc.constantFrom('a', 'b', 'c', 'd'),
  cls: fc.constantFrom(undefined, 'nginx', 'other'),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 2 }),
  broken: fc.constantFrom('none', 'none', 'none', 'syntax', 'no-api-version'),
});
type IngressSpec = typeof ingressArb extends fc.Arbitrary<infer T> ? T : never;

function ingressYaml(i: IngressSpec, ts?: string): string {
  const rules = i.rules.map((r) => `    - ${r.host ? `host: "${r.host}"\n      ` : ''}http:\n        paths:\n${r.paths.map((p) =>
    `          - path: ${p.path}\n            pathType: ${p.pathType}\n            backend: { service: { name: ${p.svc}, port: { number: 80 } } }\n`).join('')}`).join('');
  let text = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${i.name}\n${ts ? `  creationTimestamp: "${ts}"\n` : ''}spec:\n${i.cls ? `  ingressClassName: ${i.cls}\n` : ''}  rules:\n${rules}`;
  if (i.broken === 'syntax') text += '  broken: [unclosed\n';
  if (i.broken === 'no-api-version') text = text.replace('apiVersion: networking.k8s.io/v1\n', '');
  return text;
}

const EXTRAS = [
  'apiVersion: v1\nkind: Service\nmetadata: { name: s1 }\nspec:\n  ports: [{ port: 80 }]\n',
  'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n  annotations: { ingressclass.kubernetes.io/is-default-class: "true" }\nspec: { controller: k8s.io/ingress-nginx }\n',
];
const fileArb = fc.record({ ingresses: fc.array(ingressArb, { minLength: 0, maxLength: 2 }), extra: fc.constantFrom(-1, 0, 1) })
  .map(({ ingresses, extra }) => [...ingresses.map((i) => ingressYaml(i)), ...(extra >= 0 ? [EXTRAS[extra]!] : [])].join('---\n'));
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), file: fc.nat(2), text: fileArb }),
  fc.record({ kind: fc.constant('insert-above' as const), file: fc.nat(2), lines: fc.integer({ min: 1, max: 3 }) }),
);
const liveArb = fc.array(fc.record({ ingress: ingressArb.map((i) => ({ ...i, broken: 'none' as const })), ts: fc.constantFrom('2023-01-01T00:00:00Z', '2024-06-01T00:00:00Z', '2025-03-01T00:00:00Z') }), { maxLength: 3 });

/** A finding as the LSP shows it: code, severity, start, message, related (uri:line; line 0 in a file the editor does not hold). */
function shown(f: Finding, texts: Map<string, string>): string {
  const at = (uri: string, offset: number) => { const t = texts.get(uri); return t === undefined ? { line: 0, character: 0 } : new LineIndex(t).positionAt(offset); };
  const s = at(f.uri, f.span.start);
  const sev = { error: 1, warning: 2, info: 3, hint: 4 }[f.severity];
  const rel = (f.related ?? []).map((r) => `${r.uri}:${at(r.uri, r.span.start).line}`).join(',');
  return `${f.ruleId} ${sev} ${s.line}:${s.character} ${f.message} [${rel}]`;
}

function fromLsp(d: Diagnostic): string {
  const rel = (d.relatedInformation ?? []).map((r) => `${r.location.uri}:${r.location.range.start.line}`).join(',');
  return `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message} [${rel}]`;
}

function within<T>(p: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(what())), ms); })]).finally(() => clearTimeout(timer));
}

let cases = 0;
let steps = 0;

test(`every face agrees after every random edit (${RUNS} workspaces, seed ${SEED})`, { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-lab-agreement-'));
  try {
    await fc.assert(fc.asyncProperty(fc.array(fileArb, { minLength: 3, maxLength: 3 }), liveArb, fc.array(stepArb, { minLength: 1, maxLength: 4 }), async (initial, live, edits) => {
      cases++;
      const snapshotText = live.map((l) => ingressYaml(l.ingress, l.ts)).join('---\n') || 'apiVersion: v1\nkind: List\nitems: []\n';
      const snapshot = join(dir, `live-${cases}.yaml`);
      writeFileSync(snapshot, snapshotText);
      const cluster = snapshotFromText(pathToFileURL(snapshot).href, snapshotText, `snapshot live-${cases}.yaml`);
      const uris = initial.map((_, k) => `file:///tmp/agreement-${cases}/f${k}.yaml`);
      const texts = new Map(uris.map((u, k) => [u, initial[k]!]));
      const client = new TestClient({ clusterSnapshot: snapshot, settings: { defaultNamespace: 'default' } });
      try {
        await client.initialize();
        // The snapshot is read after initialize: until then the server routes without the live Ingresses.
        await within(client.waitForNotification<{ state: string }>('ingressLab/clusterStatus', (st) => st.state === 'connected'), 10_000, () => 'the snapshot never connected');
        for (const u of uris) await client.open(u, texts.get(u)!);
        await agree(client, texts, cluster);
        for (const e of edits) {
          const uri = uris[e.file]!;
          const old = texts.get(uri)!;
          const lines = old.split('\n').length;
          if (e.kind === 'replace') {
            texts.set(uri, e.text);
            await client.edit(uri, [0, 0], [lines, 0], e.text);
          } else {
            const add = '# moved\n'.repeat(e.lines);
            texts.set(uri, add + old);
            await client.edit(uri, [0, 0], [0, 0], add);
          }
          steps++;
          await agree(client, texts, cluster);
        }
      } catch (e) {
        console.error(`agreement case ${cases}: ${(e as Error).message}`);
        throw e;
      } finally {
        await client.stop();
      }
    }), { numRuns: RUNS, seed: SEED, endOnFailure: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    console.log(`agreement: ${cases} random workspaces, ${steps} random edits, every face compared after each (seed ${SEED})`);
  }
});

async function agree(client: TestClient, texts: Map<string, string>, cluster: ReturnType<typeof snapshotFromText>): Promise<void> {
  const files = [...texts].map(([uri, text]) => ({ uri, text }));
  const project = projectOf(files, { clusterObjects: cluster.objects, cluster: cluster.facts });
  project.check();
  for (const [uri, text] of texts) {
    const want = project.findings(uri).map((f) => shown(f, texts)).sort();
    const same = (d: Diagnostic[]) => JSON.stringify(d.map(fromLsp).sort()) === JSON.stringify(want);
    if (want.length === 0 && !client.diagnostics.has(uri)) continue;
    await within(client.waitFor(uri, same, true), 10_000, () => `diagnostics of ${uri} differ:\nLSP ${JSON.stringify((client.diagnostics.get(uri) ?? []).map(fromLsp).sort(), null, 1)}\nCLI ${JSON.stringify(want, null, 1)}\n${text}`);
  }
  const { table } = await client.conn.sendRequest(RouteTableRequest, { withTable: true });
  const proxyTable = tableFromData(table!).table;
  const tree = await client.conn.sendRequest(RouteTreeRequest, {});
  const cliTree = project.routeTree();
  for (const [host, path] of REQUESTS) {
    const r = project.route(host, path);
    const rule = decide(project.routeTable(), host, path).rule;
    assert.equal(decide(proxyTable, host, path).rule, rule, `proxy header for ${host}${path}`);
    const explained = await client.conn.sendRequest(ExplainRouteRequest, { host, path });
    const e = r.match?.entry;
    assert.equal(explained.route ? `${explained.route.namespace}/${explained.route.ingress} ${explained.route.path}` : undefined,
      e ? `${e.ref} ${e.path}` : undefined, `Explain route for ${host}${path}`);
  }
  // The Routes view and `routes` mark the same paths conflict/shadowed (workspace paths, keyed by file and line).
  const key = (uri: string, line: number) => `${uri}:${line}`;
  const lspStatus = new Map(tree.hosts.flatMap((h) => h.paths.map((p) => [key(p.location.uri, p.location.range.start.line), p.status ?? 'active'] as const)));
  for (const h of cliTree.hosts) {
    for (const p of h.paths) {
      const text = texts.get(p.uri);
      if (text === undefined) continue;
      const k = key(p.uri, new LineIndex(text).positionAt(p.span.start).line);
      assert.equal(lspStatus.get(k), p.status, `Routes view vs routes for ${p.ingress} ${p.path} (${k})`);
    }
  }
}
