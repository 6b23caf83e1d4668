// Every face names the same rule (issues 8 and 9): a workspace Ingress and a live one claim the
// same host and path, and which one wins depends only on the live creationTimestamps. `check`,
// the language server's diagnostics (a real LSP connection), Explain route, the Routes view,
// `route --snapshot`, `routes --snapshot` and the proxy's X-Ingress-Lab-Route header (the
// editor's proxy, fed the server's table as data) must all name the same winner.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExplainRouteRequest, RouteTableRequest, RouteTreeRequest } from '../../src/protocol';
import { chainResolvers, IngressProxy, ROUTE_HEADER, tableFromData } from '../../src/proxy/index';
import { repoRoot } from '../helpers/fixtures';
import { ingressYaml } from '../helpers/manifests';
import { TestClient } from '../lsp/lsp-client';

const cli = join(repoRoot(), 'dist/cli/ingress-lab.js');
let dir: string;

const ingress = (name: string, svc: string, ts?: string) =>
  ingressYaml({ name, service: svc, host: 'x.example.com', namespace: 'default', creationTimestamp: ts });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingress-lab-faces-'));
  // The workspace's copy of Ingress "a" (it keeps a's live creationTimestamp when applied).
  writeFileSync(join(dir, 'a.yaml'), ingress('a', 'svc-a'));
  // Live: a and b. Which is older decides the winner.
  writeFileSync(join(dir, 'b-older.snapshot'), `${ingress('a', 'svc-a-live', '2025-06-01T00:00:00Z')}---\n${ingress('b', 'svc-b', '2024-01-01T00:00:00Z')}`);
  writeFileSync(join(dir, 'a-older.snapshot'), `${ingress('a', 'svc-a-live', '2023-01-01T00:00:00Z')}---\n${ingress('b', 'svc-b', '2024-01-01T00:00:00Z')}`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The proxy's header for a request, the proxy routing with the table the server sent. */
async function proxyRoute(data: Parameters<typeof tableFromData>[0]): Promise<string> {
  const proxy = new IngressProxy(tableFromData(data).table, { resolver: chainResolvers(), port: 0 });
  const { http } = await proxy.listen();
  try {
    return await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: http.port, path: '/', headers: { host: 'x.example.com' } }, (res) => {
        res.resume();
        resolve(String(res.headers[ROUTE_HEADER]));
      });
      req.on('error', reject);
      req.end();
    });
  } finally {
    await proxy.close();
  }
}

for (const [snapshot, winner, loser] of [['b-older.snapshot', 'b', 'a'], ['a-older.snapshot', 'a', 'b']] as const) {
  test(`the older live Ingress wins in every face (${snapshot}: Ingress default/${winner})`, async () => {
    const file = join(dir, 'a.yaml');
    const uri = pathToFileURL(file).href;
    const snap = join(dir, snapshot);

    const check = JSON.parse(run('check', file, '--snapshot', snap, '--format', 'json').stdout) as { diagnostics: { code: string; message: string }[] };
    const dup = check.diagnostics.filter((d) => d.code === 'conflict/duplicate-route').map((d) => d.message);
    assert.equal(dup.length, 1, JSON.stringify(check));
    assert.match(dup[0]!, winner === 'a' ? /this one wins \(oldest wins: Ingress default\/a was created 2023/ : /Ingress default\/b \(live in the cluster\) wins \(oldest wins/);

    const route = JSON.parse(run('route', '--host', 'x.example.com', '--path', '/', '--snapshot', snap, '--format', 'json', file).stdout);
    assert.equal(route.match.ingress, `default/${winner}`, 'route --snapshot');
    const routes = JSON.parse(run('routes', '--snapshot', snap, '--format', 'json', file).stdout);
    const paths = routes.hosts[0].paths as { ingress: string; reachable: boolean }[];
    assert.deepEqual(paths.filter((p) => p.reachable).map((p) => p.ingress), [`default/${winner}`], 'routes --snapshot');

    const client = new TestClient({ folder: dir, clusterSnapshot: snap, settings: { defaultNamespace: 'default' } });
    try {
      await client.initialize();
      const diags = await client.waitFor(uri, (d) => d.some((x) => x.code === 'conflict/duplicate-route'), true);
      assert.deepEqual(diags.filter((d) => d.code === 'conflict/duplicate-route').map((d) => d.message), dup, 'LSP diagnostics = check');

      const explained = await client.conn.sendRequest(ExplainRouteRequest, { host: 'x.example.com', path: '/' });
      assert.equal(explained.route?.ingress, winner, 'Explain route');

      const tree = await client.conn.sendRequest(RouteTreeRequest, {});
      const mine = tree.hosts.find((h) => h.host === 'x.example.com')!.paths.find((p) => p.ingress === 'a')!;
      assert.equal(mine.status, 'conflict');
      assert.match(mine.reason ?? '', winner === 'a' ? /wins the duplicate claim/ : new RegExp(`loses the duplicate claim to Ingress default/${loser === 'a' ? 'b' : 'a'}`));

      const { table } = await client.conn.sendRequest(RouteTableRequest, { withTable: true });
      assert.match(await proxyRoute(table!), new RegExp(`^Ingress default/${winner} spec\\.rules\\[0\\]\\.http\\.paths\\[0\\] \\(Prefix /\\)$`), 'the proxy header');
    } finally {
      await client.stop();
    }
  });
}
