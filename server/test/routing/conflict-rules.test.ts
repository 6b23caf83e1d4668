// The conflict/ rules agree with the matcher and point at both places (related locations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/rules/analyze';
import { ingressesOf } from '../helpers/routing';
import { ClusterObjects } from '../../src/ingress/store';

const ing = (name: string, host: string, path: string, pathType: string, svc: string, ts?: string) => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}${ts ? `\n  creationTimestamp: "${ts}"` : ''}
spec:
  rules:
    - host: ${host}
      http:
        paths:
          - path: ${path}
            pathType: ${pathType}
            backend:
              service: { name: ${svc}, port: { number: 80 } }
`;

test('duplicate-route: both claimants get a finding naming the other, and the loser is the one the matcher skips', () => {
  const a = ing('a', 'x.example.com', '/api', 'Prefix', 'svc-a');
  const b = ing('b', 'x.example.com', '/api', 'Prefix', 'svc-b');
  const { findings, project } = analyze([{ uri: 'file:///a.yaml', text: a }, { uri: 'file:///b.yaml', text: b }]);
  const dups = findings.filter((f) => f.ruleId === 'conflict/duplicate-route');
  assert.deepEqual(dups.map((f) => [f.uri, f.related?.map((r) => r.uri)]), [
    ['file:///a.yaml', ['file:///b.yaml']],
    ['file:///b.yaml', ['file:///a.yaml']],
  ]);
  const loser = dups.find((f) => f.message.includes('never receives'))!;
  const routed = project.route('x.example.com', '/api').match!;
  assert.equal(routed.ingress.uri, 'file:///a.yaml', 'same namespace and no timestamps: a sorts first');
  assert.equal(loser.uri, 'file:///b.yaml');
});

test('a live Ingress takes part in conflicts, but findings land only on workspace objects', () => {
  const cluster = new ClusterObjects();
  for (const o of ingressesOf(ing('live', 'x.example.com', '/', 'Prefix', 'old', '2024-05-01T00:00:00Z'), 'k8s://default/live', 'cluster')) cluster.upsert(o);
  const { findings } = analyze([{ uri: 'file:///w.yaml', text: ing('mine', 'x.example.com', '/', 'Prefix', 'new') }], { clusterObjects: cluster });
  const dups = findings.filter((f) => f.ruleId === 'conflict/duplicate-route');
  assert.equal(dups.length, 1);
  assert.equal(dups[0]!.uri, 'file:///w.yaml');
  assert.match(dups[0]!.message, /Ingress default\/live \(live in the cluster\) wins/);
  assert.equal(dups[0]!.related?.[0]?.uri, 'k8s://default/live');
});

test('shadowed-path points at the path that wins', () => {
  const text = ing('w', 'x.example.com', '/foo', 'Prefix', 'foo') + '---' + ing('v', 'x.example.com', '/foo/', 'Prefix', 'foo-slash');
  const { findings } = analyze([{ uri: 'file:///s.yaml', text }]);
  const sh = findings.filter((f) => f.ruleId === 'conflict/shadowed-path');
  assert.equal(sh.length, 1);
  assert.equal(text.slice(sh[0]!.span.start, sh[0]!.span.end), '/foo', 'the longest matching path (/foo/) is given priority: w\'s /foo is shadowed');
  const r = sh[0]!.related![0]!;
  assert.equal(text.slice(r.span.start, r.span.end), '/foo/');
});

test('a workspace copy of a live Ingress keeps the live creationTimestamp for precedence', () => {
  const cluster = new ClusterObjects();
  const live = ing('first', 'x.example.com', '/', 'Prefix', 'svc-first', '2024-01-01T00:00:00Z')
    + '---' + ing('second', 'x.example.com', '/', 'Prefix', 'svc-second', '2025-01-01T00:00:00Z');
  for (const o of ingressesOf(live, 'k8s://cluster', 'cluster')) cluster.upsert(o);
  // The user edits "first" (no timestamp in the file): once applied it is still the older one.
  const { findings } = analyze([{ uri: 'file:///first.yaml', text: ing('first', 'x.example.com', '/', 'Prefix', 'svc-first-v2') }], { clusterObjects: cluster });
  const dup = findings.filter((f) => f.ruleId === 'conflict/duplicate-route');
  assert.equal(dup.length, 1);
  assert.match(dup[0]!.message, /this one wins \(oldest wins: Ingress default\/first was created 2024-01-01T00:00:00Z, default\/second 2025-01-01T00:00:00Z\)/);
});

test('duplicate-route: 2,500 copies of one rule with different backends give one finding with a count and a bounded list (issue 10, defect 4)', () => {
  const rule = (i: number) => `    - host: x.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: svc-${i}, port: { number: 80 } }
`;
  const text = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: many\nspec:\n  rules:\n${Array.from({ length: 2500 }, (_, i) => rule(i)).join('')}`;
  const started = Date.now();
  const { findings } = analyze([{ uri: 'file:///many.yaml', text }]);
  const dups = findings.filter((f) => f.ruleId === 'conflict/duplicate-route');
  assert.equal(dups.length, 1, 'the group is reported once');
  const [d] = dups;
  assert.equal(text.slice(d!.span.start, d!.span.end), '/');
  assert.equal(d!.field, 'spec.rules[0].http.paths[0].path', 'at the first claim, the one that wins');
  assert.match(d!.message, /is also claimed by spec\.rules\[1\]\.http\.paths\[0\] of this Ingress \(service svc-1:80\), .* and 2,496 more; this one wins/);
  assert.ok(d!.related!.length <= 20, `${d!.related!.length} related locations`);
  assert.match(d!.related!.at(-1)!.message, /never receives this traffic; 2,479 more claims not listed/);
  assert.ok(JSON.stringify(findings).length < 2_000_000, 'the whole report stays small');
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
});

test('duplicate-route: 500 Ingresses claiming one path give one finding each, each with a bounded related list', () => {
  const docs = Array.from({ length: 500 }, (_, i) => ing(`i${String(i).padStart(3, '0')}`, 'x.example.com', '/api', 'Prefix', `svc-${i}`));
  const { findings } = analyze([{ uri: 'file:///many.yaml', text: docs.join('---') }]);
  const dups = findings.filter((f) => f.ruleId === 'conflict/duplicate-route');
  assert.equal(dups.length, 500);
  assert.ok(dups.every((f) => f.related!.length <= 20 && f.message.length < 600));
  assert.equal(dups.filter((f) => f.message.includes('this one wins')).length, 1);
  assert.match(dups[1]!.message, /is also claimed by Ingress default\/i000 \(service svc-0:80\), Ingress default\/i002 \(service svc-2:80\), Ingress default\/i003 \(service svc-3:80\) and 496 more; Ingress default\/i000 wins .*, so service svc-1:80 never receives this traffic/);
});
