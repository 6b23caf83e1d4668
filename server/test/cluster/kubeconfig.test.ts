// Kubeconfig loading as kubectl does it, and the statuses a user sees when it goes wrong.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { loadKubeconfig } from '../../src/cluster/kubeconfig';
import { describeStatus } from '../../src/cluster/status';
import { Backoff } from '../../src/cluster/backoff';

const dir = mkdtempSync(join(tmpdir(), 'ilab-kubeconfig-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SECRET_TOKEN = 'sekret-token-123';

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const config = (o: { current?: string; contexts: [string, string, string?][]; clusters: string[]; users?: string[] }) => [
  'apiVersion: v1', 'kind: Config',
  ...(o.current ? [`current-context: ${o.current}`] : []),
  'clusters:', ...o.clusters.flatMap((c) => [`- name: ${c}`, '  cluster:', `    server: https://${c}.example:6443`]),
  'users:', ...(o.users ?? ['me']).flatMap((u) => [`- name: ${u}`, '  user:', `    token: ${SECRET_TOKEN}`]),
  'contexts:', ...o.contexts.flatMap(([name, cluster, ns]) => [`- name: ${name}`, '  context:', `    cluster: ${cluster}`, '    user: me', ...(ns ? [`    namespace: ${ns}`] : [])]),
  '',
].join('\n');

test('no kubeconfig at all: status no-kubeconfig naming where it looked', () => {
  const home = join(dir, 'empty-home');
  mkdirSync(home, { recursive: true });
  const r = loadKubeconfig({ env: {}, home });
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.status, { state: 'no-kubeconfig', message: 'no kubeconfig found (looked for ~/.kube/config)' });
});

test('~/.kube/config is used when KUBECONFIG is unset, with the context namespace', () => {
  const home = join(dir, 'home');
  mkdirSync(join(home, '.kube'), { recursive: true });
  writeFileSync(join(home, '.kube', 'config'), config({ current: 'dev', contexts: [['dev', 'c1', 'shop']], clusters: ['c1'] }));
  const r = loadKubeconfig({ env: {}, home });
  assert.ok(r.ok);
  assert.equal(r.config.context, 'dev');
  assert.equal(r.config.namespace, 'shop');
  assert.equal(r.config.server, 'https://c1.example:6443');
});

test('KUBECONFIG with several files merges them; the first current-context wins; missing files are skipped', () => {
  const a = file('a.yaml', config({ current: 'prod', contexts: [['dev', 'c1']], clusters: ['c1'] }));
  const b = file('b.yaml', config({ current: 'dev', contexts: [['prod', 'c2']], clusters: ['c2'] }));
  const env = { KUBECONFIG: [join(dir, 'nope.yaml'), a, b].join(delimiter) };
  const r = loadKubeconfig({ env });
  assert.ok(r.ok);
  assert.equal(r.config.context, 'prod');
  assert.equal(r.config.server, 'https://c2.example:6443');
  assert.equal(r.config.namespace, 'default');
  const named = loadKubeconfig({ env, context: 'dev' });
  assert.ok(named.ok);
  assert.equal(named.config.server, 'https://c1.example:6443');
});

test('a named context that does not exist is a clear bad-kubeconfig status', () => {
  const a = file('c.yaml', config({ current: 'dev', contexts: [['dev', 'c1']], clusters: ['c1'] }));
  const r = loadKubeconfig({ env: { KUBECONFIG: a }, context: 'staging' });
  assert.deepEqual(!r.ok && r.status, { state: 'bad-kubeconfig', message: 'context "staging" not found in kubeconfig (dev)' });
});

test('a context naming a missing cluster is reported, not thrown', () => {
  const a = file('d.yaml', config({ current: 'dev', contexts: [['dev', 'gone']], clusters: ['c1'] }));
  const r = loadKubeconfig({ env: { KUBECONFIG: a } });
  assert.deepEqual(!r.ok && r.status, { state: 'bad-kubeconfig', message: 'context "dev" names cluster "gone", which the kubeconfig does not define' });
});

test('a malformed kubeconfig is reported in one line that never shows its contents', () => {
  const a = file('bad.yaml', `apiVersion: v1\nusers:\n- name: me\n  user:\n    token: ${SECRET_TOKEN}\n   bad: [indent\n`);
  const r = loadKubeconfig({ env: { KUBECONFIG: a } });
  assert.equal(!r.ok && r.status.state, 'bad-kubeconfig');
  const line = !r.ok ? describeStatus(r.status) : '';
  assert.match(line, /^cluster: kubeconfig .*bad\.yaml cannot be read: /);
  assert.ok(!line.includes(SECRET_TOKEN), line);
  assert.ok(!line.includes('\n'));
});

test('back-off doubles up to its cap (with jitter) and starts over after a success', () => {
  const b = new Backoff({ baseMs: 100, maxMs: 1000 });
  const d = Array.from({ length: 8 }, () => b.next());
  const within = (v: number, x: number) => v >= x * 0.8 && v <= x * 1.2;
  [100, 200, 400, 800, 1000, 1000, 1000, 1000].forEach((x, i) => assert.ok(within(d[i]!, x), `delay ${i} = ${d[i]} ≈ ${x}`));
  b.reset();
  assert.ok(within(b.next(), 100));
});

test('a server URL with user:password@ is shown without them', () => {
  const a = file('userinfo.yaml', config({ current: 'dev', contexts: [['dev', 'c1']], clusters: ['c1'] }).replace('https://c1.example:6443', 'https://admin:hunter2@c1.example:6443'));
  const r = loadKubeconfig({ env: { KUBECONFIG: a } });
  assert.ok(r.ok);
  assert.equal(r.config.server, 'https://c1.example:6443');
});
