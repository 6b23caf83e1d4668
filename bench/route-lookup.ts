// Route lookups per second with 10 and with 10,000 rules, through the same matcher the CLI,
// the rules and the proxy use. The ratio shows whether lookup cost grows with rule count.
// Run: npm run bench (builds, then runs out/bench/route-lookup.cjs).
import { parseManifest } from '../server/src/ingress/documents';
import { extractObjects, type Ingress } from '../server/src/ingress/model';
import { buildRouteTable, lookup, type RouteTable } from '../server/src/ingress/routing/index';
import { syntheticIngresses, syntheticRequests } from './lib/synthetic';

const PATHS_PER_INGRESS = 2;
const RUN_MS = 400;
const ROUNDS = 5;

function tableOf(rules: number): { table: RouteTable; buildMs: number } {
  const text = syntheticIngresses({ ingresses: rules / PATHS_PER_INGRESS, pathsPerIngress: PATHS_PER_INGRESS });
  const ingresses = extractObjects(parseManifest('file:///bench.yaml', text), { defaultNamespace: 'default' })
    .filter((o): o is Ingress => o.kind === 'Ingress');
  const t0 = performance.now();
  const table = buildRouteTable(ingresses);
  return { table, buildMs: performance.now() - t0 };
}

/** Lookups per second over one run of RUN_MS (the best of several runs is reported: the machine is shared). */
function timedRun(table: RouteTable, requests: readonly { host: string; path: string }[]): number {
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

interface Case {
  rules: number;
  table: RouteTable;
  buildMs: number;
  requests: { host: string; path: string }[];
  routed: number;
  best: number;
}

function prepare(rules: number): Case {
  const { table, buildMs } = tableOf(rules);
  const requests = syntheticRequests(rules / PATHS_PER_INGRESS, 4096, PATHS_PER_INGRESS);
  const routed = requests.filter((r) => lookup(table, r.host, r.path).match).length / requests.length;
  return { rules, table, buildMs, requests, routed, best: 0 };
}

function main(): void {
  const cases = [10, 1_000, 10_000].map(prepare);
  // Rounds interleave the sizes so JIT warm-up and noise from other processes hit all alike.
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
