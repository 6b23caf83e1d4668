// ClusterState against a target (the API stand-in, or a real cluster when
// INGRESS_LAB_TEST_KUBECONFIG is set): connection status, the informers' caches, watch
// updates, secret hygiene, and the cluster-aware rules on a workspace.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadKubeconfig } from '../../src/cluster/kubeconfig';
import { ClusterState } from '../../src/cluster/state';
import { analyze } from '../../src/rules/analyze';
import { fixturePath } from '../helpers/fixtures';
import { openTarget, readFixtureObjects, waitFor, type ClusterTarget } from '../support/cluster-target';

let target: ClusterTarget;
let state: ClusterState;

before(async () => {
  target = await openTarget();
  await target.apply(readFixtureObjects('cluster', 'base.yaml'));
  const loaded = loadKubeconfig({ env: { KUBECONFIG: target.kubeconfigPath } });
  assert.ok(loaded.ok, 'target kubeconfig loads');
  state = new ClusterState(loaded.config, { namespace: target.namespace, backoff: { baseMs: 50, maxMs: 500 } });
  await state.start();
});

after(async () => {
  state?.stop();
  await target?.close();
});

const changes = (cb: () => void) => state.onChange(cb);

function checkWorkspace() {
  const file = fixturePath('cluster', 'workspace', 'shop.yaml');
  return analyze([{ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') }], {
    defaultNamespace: target.namespace, clusterObjects: state.objects, cluster: state.facts,
  }).findings;
}

test('connects and reports the context and the server version once', () => {
  assert.equal(state.status.state, 'connected');
  assert.equal((state.status as { context: string }).context, target.context);
  assert.match((state.status as { version: string }).version, /^v1\.\d+/);
});

test('the informers hold the live objects as model objects and facts', () => {
  assert.deepEqual(state.objects.list('Service', target.namespace).map((s) => s.name).sort(), ['api', 'orphan', 'web']);
  assert.equal(state.objects.find('Service', target.namespace, 'web')[0]?.origin, 'cluster');
  assert.ok(state.objects.find('IngressClass', '', 'ingress-lab-test').length === 1);
  // >= : on a real cluster the EndpointSlice controller adds a slice for the pod as well.
  assert.ok(state.facts.endpoints(target.namespace, 'web')!.ready >= 1);
  assert.deepEqual(state.facts.endpoints(target.namespace, 'api'), { ready: 0, total: 1 });
  assert.equal(state.facts.podsMatching(target.namespace, { app: 'web' }), 1);
});

test('only Secrets of type kubernetes.io/tls are kept, with tls.crt and no other value', () => {
  const secrets = state.objects.list('Secret', target.namespace);
  assert.deepEqual(secrets.map((s) => s.name), ['shop-tls']);
  assert.ok(secrets[0]!.tlsCrt?.includes('BEGIN CERTIFICATE'));
  assert.deepEqual(secrets[0]!.keys.sort(), ['tls.crt', 'tls.key']);
  const everything = JSON.stringify(secrets);
  assert.doesNotMatch(everything, /TEST-PRIVATE-KEY-MATERIAL|VEVTVC1QUklWQVRF/);
  assert.ok(!('kubectl.kubernetes.io/last-applied-configuration' in secrets[0]!.annotations));
});

test('cluster-aware rules use the live objects and say where they looked', () => {
  const byRule = (id: string) => checkWorkspace().filter((f) => f.ruleId === id).map((f) => f.message);
  assert.deepEqual(byRule('ref/service-endpoints'), [`no ready pods behind api:http (1 endpoint(s), none ready, in cluster context ${target.context})`]);
  assert.equal(byRule('ref/service-selector').length, 1);
  assert.match(byRule('ref/service-selector')[0]!, /orphan .*selects no pod/);
  assert.deepEqual(byRule('ref/backend-service'), [`Service "missing" not found in namespace "${target.namespace}" (looked in the workspace and in cluster context ${target.context})`]);
  assert.deepEqual(byRule('ref/ingress-class'), []);
  assert.deepEqual(byRule('tls/cert-host').length, 1);
  assert.match(byRule('tls/cert-host')[0]!, /does not cover "api.example.com"/);
});

test('watch events update the cache: a Service created and deleted in the cluster', async () => {
  const seen: (string[] | undefined)[] = [];
  const off = state.onChange((keys) => seen.push(keys));
  await target.apply(readFixtureObjects('cluster', 'base.yaml').filter((o) => o.metadata.name === 'web' && o.kind === 'Service')
    .map((o) => ({ ...o, metadata: { ...o.metadata, name: 'missing' } })));
  await waitFor(changes, () => state.objects.find('Service', target.namespace, 'missing').length === 1, 'Service missing to appear');
  assert.ok(seen.some((k) => k?.includes(`Service/${target.namespace}/missing`)), 'the change names the Service');
  assert.deepEqual(checkWorkspace().filter((f) => f.ruleId === 'ref/backend-service'), []);
  await target.remove('Service', 'missing');
  await waitFor(changes, () => state.objects.find('Service', target.namespace, 'missing').length === 0, 'Service missing to go');
  off();
});

test('a live Ingress not in the workspace that claims the same host and path is named in the conflict', () => {
  const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: mine, namespace: ${target.namespace}}
spec:
  ingressClassName: ingress-lab-test
  rules:
    - host: live.shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}
`;
  const f = analyze([{ uri: 'file:///mine.yaml', text }], { defaultNamespace: target.namespace, clusterObjects: state.objects, cluster: state.facts }).findings;
  const dup = f.filter((x) => x.ruleId === 'conflict/duplicate-route');
  assert.equal(dup.length, 1);
  assert.match(dup[0]!.message, new RegExp(`Ingress ${target.namespace}/live-shop \\(live in the cluster\\)`));
});
