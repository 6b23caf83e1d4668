// ClusterState against the API stand-in with 1,000 and 10,000 Services (plus as many Pods and
// EndpointSlices, an Ingress per 5 and a TLS Secret per 10 Services, over 20 namespaces):
// time to the first full sync, heap after it, and watch event → onChange latency.
// Run: npm run bench [-- cluster-sync]. The stand-in runs in the same process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKubeconfig } from '../server/src/cluster/kubeconfig';
import { ClusterState } from '../server/src/cluster/state';
import { fixturePath } from '../server/test/helpers/fixtures';
import { K8sStandIn } from '../server/test/support/k8s-standin/server';

function fill(s: K8sStandIn, n: number): void {
  const crt = readFileSync(fixturePath('certs', 'shop-valid.crt')).toString('base64');
  for (let i = 0; i < n; i++) {
    const namespace = `ns${i % 20}`;
    const meta = (name: string, labels?: Record<string, string>) => ({ name, namespace, labels });
    s.store.upsert('services', { metadata: meta(`svc${i}`), spec: { selector: { app: `a${i}` }, ports: [{ name: 'http', port: 80 }] } });
    s.store.upsert('pods', { metadata: meta(`pod${i}`, { app: `a${i}` }), status: { phase: 'Running' } });
    s.store.upsert('endpointslices', {
      metadata: meta(`svc${i}-x`, { 'kubernetes.io/service-name': `svc${i}` }),
      ports: [{ name: 'http', port: 8080 }], endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: `pod${i}` } }],
    });
    if (i % 5 === 0) {
      const backend = { service: { name: `svc${i}`, port: { number: 80 } } };
      s.store.upsert('ingresses', { metadata: meta(`ing${i}`), spec: { rules: [{ host: `h${i}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] } });
    }
    if (i % 10 === 0) s.store.upsert('secrets', { metadata: meta(`tls${i}`), type: 'kubernetes.io/tls', data: { 'tls.crt': crt, 'tls.key': 'a2V5' } });
  }
}

async function watchLatency(s: K8sStandIn, state: ClusterState, rounds: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const name = `late${i}`;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const off = state.onChange(() => {
        if (state.objects.find('Service', 'ns0', name).length === 0) return;
        off();
        resolve();
      });
      s.store.upsert('services', { metadata: { name, namespace: 'ns0' }, spec: { ports: [{ port: 80 }] } });
    });
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

async function run(n: number, dir: string): Promise<void> {
  const s = new K8sStandIn();
  await s.start();
  fill(s, n);
  const file = join(dir, `kubeconfig-${n}`);
  writeFileSync(file, s.kubeconfig());
  const loaded = loadKubeconfig({ env: { KUBECONFIG: file } });
  if (!loaded.ok) throw new Error('kubeconfig');
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const state = new ClusterState(loaded.config);
  const status = await state.start();
  const syncMs = performance.now() - t0;
  const heapMB = (process.memoryUsage().heapUsed - heap0) / 1e6;
  const lat = await watchLatency(s, state, 21);
  console.log(`${String(n).padStart(6)} Services: ${status.state}, first sync ${syncMs.toFixed(0)} ms, heap +${heapMB.toFixed(0)} MB (informers + stand-in), `
    + `watch event → onChange median ${lat[10]!.toFixed(2)} ms, max ${lat[20]!.toFixed(2)} ms`);
  state.stop();
  await s.stop();
  s.portForward.close();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ilab-bench-'));
  try {
    for (const n of [1_000, 10_000]) await run(n, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
