// Randomized (fixed seed) agreement checks: the indexed matcher picks what a brute-force
// reading of the spec picks, and no path the conflict analysis calls unreachable ever wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRoutes, lookup, type RouteEntry } from '../../src/ingress/routing/index';
import { tableOf } from '../helpers/routing';

let seed = 42;
function rand(n: number): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}
const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;

const SEGMENTS = ['a', 'b', 'ab'];
const TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];

function randomPath(): string {
  const depth = rand(3);
  const p = `/${Array.from({ length: depth }, () => pick(SEGMENTS)).join('/')}`;
  return rand(4) === 0 && p !== '/' ? `${p}/` : p;
}

/** The spec read literally, one path at a time, in document order. */
function bruteForce(paths: { path: string; type: string; i: number }[], req: string): number | undefined {
  const matches = paths.filter(({ path, type }) => {
    if (type === 'Exact') return path === req;
    const want = path.split('/').filter(Boolean);
    const got = req.split('/').filter(Boolean);
    return want.every((seg, k) => got[k] === seg);
  });
  const len = (m: { path: string; type: string }) => (m.type === 'Exact' ? m.path.length : m.path.replace(/\/+$/, '').length);
  // PathTypePrefix: "/foo and /foo/ both match requests to /foo and /foo/. If both paths are present
  // in an Ingress spec, the longest matching path (/foo/) is given priority."
  matches.sort((x, y) => len(y) - len(x) || Number(y.type === 'Exact') - Number(x.type === 'Exact') || y.path.length - x.path.length || x.i - y.i);
  return matches[0]?.i;
}

test('indexed lookup agrees with a brute-force reading of the spec; unreachable paths never win', () => {
  for (let round = 0; round < 200; round++) {
    const paths = Array.from({ length: 1 + rand(6) }, (_, i) => ({ path: randomPath(), type: pick(TYPES), i }));
    const yaml = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: r }
spec:
  rules:
    - host: h
      http:
        paths:
${paths.map((p) => `          - { path: "${p.path}", pathType: ${p.type}, backend: { service: { name: s${p.i % 3}, port: { number: 80 } } } }`).join('\n')}
`;
    const table = tableOf(yaml);
    const a = analyzeRoutes(table);
    const unreachable = new Set<RouteEntry>([...a.shadowed.map((s) => s.entry), ...a.duplicates.flatMap((d) => d.entries.slice(1))]);
    const winners = new Set<number>();
    for (let k = 0; k < 20; k++) {
      const req = randomPath();
      const r = lookup(table, 'h', req);
      const got = r.match?.entry?.pathIndex;
      assert.equal(got, bruteForce(paths, req), `${JSON.stringify(paths)} request ${req}`);
      if (r.match?.entry) {
        assert.ok(!unreachable.has(r.match.entry), `unreachable path won: ${JSON.stringify(paths)} ${req}`);
        winners.add(r.match.entry.pathIndex);
      }
    }
    // Every path not marked unreachable wins its own path as a request (or a deeper one for Prefix).
    for (const e of table.exactHosts.get('h')!.entries) {
      if (unreachable.has(e)) continue;
      const own = e.match === 'Exact' ? e.path : `${e.key}/zz`;
      assert.equal(lookup(table, 'h', own).match?.entry, e, `${JSON.stringify(paths)}: ${e.node.path} should win ${own}`);
    }
  }
});
