// `ingress-lab check` with --snapshot, --cluster[=optional], --context and --dry-run-server,
// against the target (API stand-in or a real cluster).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { fixturePath } from '../helpers/fixtures';
import { openTarget, readFixtureObjects, type ClusterTarget } from '../support/cluster-target';

let target: ClusterTarget;
const dir = mkdtempSync(join(tmpdir(), 'ilab-cli-'));
const workspace = fixturePath('cluster', 'workspace');

before(async () => {
  target = await openTarget();
  await target.apply(readFixtureObjects('cluster', 'base.yaml'));
});

after(async () => {
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], kubeconfig?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const saved = process.env.KUBECONFIG;
  if (kubeconfig) process.env.KUBECONFIG = kubeconfig;
  else delete process.env.KUBECONFIG;
  try {
    const code = await main(['check', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), version: 'test' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    if (saved === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = saved;
  }
}

/** Writes `<name>.yaml`: an Ingress in the target's namespace with the given spec.rules lines. */
function ingressFile(name: string, rules: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n  namespace: ${target.namespace}\nspec:\n  rules:\n${rules}`);
  return file;
}

async function closedPortKubeconfig(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  const file = join(dir, 'closed.yaml');
  writeFileSync(file, `apiVersion: v1
kind: Config
current-context: gone
clusters: [{name: gone, cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]
users: [{name: me, user: {token: abc}}]
contexts: [{name: gone, context: {cluster: gone, user: me}}]
`);
  return file;
}

test('--cluster: one status line, then findings that used the live objects', async () => {
  const r = await run([workspace, '--cluster', '--namespace', target.namespace, '--format', 'json'], target.kubeconfigPath);
  assert.match(r.err, new RegExp(`^cluster: connected to context ${target.context} \\(https://`));
  assert.equal(r.err.split('\n').filter((l) => l.startsWith('cluster:')).length, 1);
  const diags = (JSON.parse(r.out) as { diagnostics: { code: string; message: string }[] }).diagnostics;
  assert.ok(diags.some((d) => d.code === 'ref/service-endpoints' && d.message.startsWith('no ready pods behind api:http')));
  assert.ok(diags.some((d) => d.code === 'ref/backend-service' && d.message.includes('"missing"')));
  assert.ok(!diags.some((d) => d.code === 'ref/backend-service' && d.message.includes('"web"')), 'web exists in the cluster');
  assert.equal(r.code, 0);
});

test('--context names a context that is not in the kubeconfig: exit 2 with one line', async () => {
  const r = await run([workspace, '--context', 'nope'], target.kubeconfigPath);
  assert.equal(r.code, 2);
  // The list names every context of the kubeconfig (just one with the stand-in).
  assert.match(r.err, new RegExp(`^ingress-lab check: cluster: context "nope" not found in kubeconfig \\((.*, )?${target.context}(, .*)?\\)$`));
});

test('an unreachable cluster is exit 2 with one clear line; --cluster=optional carries on', async () => {
  const kubeconfig = await closedPortKubeconfig();
  const r = await run([workspace, '--cluster'], kubeconfig);
  assert.equal(r.code, 2);
  assert.match(r.err, /^ingress-lab check: cluster: context gone \(https:\/\/127\.0\.0\.1:\d+\) is unreachable: connection refused \(ECONNREFUSED\)$/);
  const opt = await run([workspace, '--cluster=optional'], kubeconfig);
  assert.equal(opt.code, 0);
  assert.match(opt.err, /unreachable: connection refused \(ECONNREFUSED\) \(continuing without the cluster\)/);
  assert.match(opt.out, /looked in the workspace only: no cluster connected/);
});

test('--cluster without any kubeconfig: exit 2', async () => {
  const r = await run([workspace, '--cluster'], join(dir, 'does-not-exist.yaml'));
  assert.equal(r.code, 2);
  assert.equal(r.err, 'ingress-lab check: cluster: no kubeconfig found (looked for the files in KUBECONFIG)');
});

test('--snapshot: kubectl List output stands in for the cluster', async () => {
  const snap = join(dir, 'snap.yaml');
  writeFileSync(snap, `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Service, metadata: {name: web, namespace: default}, spec: {ports: [{port: 80}]}}
`);
  const r = await run([workspace, '--snapshot', snap]);
  assert.equal(r.err.split('\n')[0], 'cluster: using snapshot snap.yaml');
  assert.match(r.out, /Service "api" not found in namespace "default" \(looked in the workspace and in snapshot snap\.yaml\)/);
  assert.doesNotMatch(r.out, /Service "web" not found/);
  const bad = await run([workspace, '--snapshot', join(dir, 'missing.yaml')]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--snapshot \S*missing\.yaml: no such file$/m);
});

test('--dry-run-server: the API server\'s refusal lands on the field it names', async () => {
  const file = ingressFile('dry', `    - http:
        paths:
          - path: api
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
`);
  const r = await run([file, '--cluster', '--dry-run-server', '--format', 'json'], target.kubeconfigPath);
  const diags = (JSON.parse(r.out) as { diagnostics: { code: string; message: string; field: string; range: { start: { line: number; character: number } } }[] }).diagnostics;
  const dry = diags.filter((d) => d.code === 'ingress/dry-run-server');
  assert.deepEqual(dry.map((d) => [d.field, d.message, d.range.start]), [[
    'spec.rules[0].http.paths[0].path',
    'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
    { line: 9, character: 18 },
  ]]);
  assert.equal(r.code, 1);
});

test('--dry-run-server: an admission webhook denial is reported on the object', async (t) => {
  if (!target.standIn) return t.skip('needs the API stand-in to install a webhook');
  target.standIn.denyByWebhook('host "live.shop.example.com" and path "/" is already defined in ingress ingress-lab-test/live-shop');
  const file = ingressFile('dup', `    - host: live.shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`);
  const r = await run([file, '--cluster', '--dry-run-server'], target.kubeconfigPath);
  target.standIn.denyByWebhook(undefined);
  assert.match(r.out, /dup\.yaml:4:9 error ingress\/dry-run-server the API server refused the dry run: admission webhook "validate\.nginx\.ingress\.kubernetes\.io" denied the request: host "live\.shop\.example\.com"/);
});
