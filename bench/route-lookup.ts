// Route lookups per second with 10, 1,000 and 10,000 rules, through the same matcher the
// CLI, the conflict rules and the proxy use. The ratio shows whether lookup cost grows with
// the number of rules. Run: npm run bench [-- route-lookup].
import { parseManifest } from '../server/src/ingress/documents';
import { extractObjects, type Ingress } from '../server/src/ingress/model';
import { buildRouteTable, lookup, type RouteTable } from '../server/src/ingress/routing/index';
import { ingressDoc } from './support/workspace-gen';

/** ingressDoc(i) writes two paths (Prefix "/" and Exact "/api/v{i%3}") on host app-{i}.example.com. */
const RULES_PER_INGRESS = 2;
const RUN_MS = 400;
const ROUNDS = 5;

interface Request { host: string; path: string }

interface Case {
  rules: number;
  table: RouteTable;
  buildMs: number;
  requests: Request[];
  routed: number;
  best: number;
}

/** Requests spread over all hosts: Exact hits, Prefix hits, near misses and unknown hosts (404). */
function requestsFor(ingresses: number, count: number): Request[] {
  const out: Request[] = [];
  let seed = 12345;
  for (let k = 0; k < count; k++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const i = seed % ingresses;
    const host = k % 7 === 0 ? `app-${i}.example.org` : `App-${i}.example.com:443`;
    const path = [`/api/v${i % 3}`, `/api/v${i % 3}/`, `/static/app-${k}.js`, `/?page=${k}`][k % 4]!;
    out.push({ host, path });
  }
  return out;
}

function prepare(rules: number): Case {
  const n = rules / RULES_PER_INGRESS;
  const text = Array.from({ length: n }, (_, i) => ingressDoc(i)).join('---\n');
  const ingresses = extractObjects(parseManifest('file:///bench.yaml', text), { defaultNamespace: 'default' })
    .filter((o): o is Ingress => o.kind === 'Ingress');
  const t0 = performance.now();
  const table = buildRouteTable(ingresses);
  const buildMs = performance.now() - t0;
  const requests = requestsFor(n, 4096);
  const routed = requests.filter((r) => lookup(table, r.host, r.path).match).length / requests.length;
  return { rules, table, buildMs, requests, routed, best: 0 };
}

/** Lookups per second over one run of RUN_MS. */
function timedRun(table: RouteTable, requests: readonly Request[]): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < RUN_MS) {
    for (let k = 0; k < 1024; k++, n++) {
      const r = requests[n % requests.length]!;
      lookup(table, r.host, r.path);
    }
    now = performance.now();
  }
  return (n / (now - start)) * 1000;
}

function main(): void {
  const cases = [10, 1_000, 10_000].map(prepare);
  // Rounds interleave the sizes so JIT warm-up and other processes on this shared machine
  // hit all sizes alike; the best round of each size is reported.
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) c.best = Math.max(c.best, timedRun(c.table, c.requests));
  }
  for (const c of cases) {
    console.log(`route lookup, ${String(c.rules).padStart(6)} rules: ${Math.round(c.best).toLocaleString('en-US').padStart(10)} lookups/s`
      + `  (table built in ${c.buildMs.toFixed(1)} ms, ${(c.routed * 100).toFixed(0)}% of requests routed)`);
  }
  console.log(`route lookup ratio, 10,000 vs 10 rules: ${(cases[2]!.best / cases[0]!.best).toFixed(2)} (1.00 = no slowdown)`);
}

main();
