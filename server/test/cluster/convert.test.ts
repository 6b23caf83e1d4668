// What the informers keep of API objects, and where a dry-run cause lands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slim, LAST_APPLIED } from '../../src/cluster/convert';
import { nodeAtField } from '../../src/cluster/dry-run';
import { parseManifest } from '../../src/ingress/documents';

test('a Secret keeps its key names and tls.crt only; last-applied and managedFields are dropped', () => {
  const s = slim('Secret', {
    kind: 'Secret', type: 'kubernetes.io/tls',
    metadata: { name: 'x', annotations: { [LAST_APPLIED]: '{"data":{"tls.key":"S0VZ"}}', team: 'a' }, managedFields: [{ manager: 'kubectl' }] },
    data: { 'tls.crt': 'Q1JU', 'tls.key': 'S0VZ' },
  });
  assert.deepEqual(s, { kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: 'x', annotations: { team: 'a' } }, data: { 'tls.crt': 'Q1JU', 'tls.key': '' } });
});

test('a Pod keeps name, labels, phase, readiness and IP, not its spec', () => {
  const p = slim('Pod', {
    metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' }, resourceVersion: '7', annotations: { big: 'x'.repeat(1000) } },
    spec: { containers: [{ name: 'c', image: 'nginx', env: [{ name: 'PASSWORD', value: 'hunter2' }] }] },
    status: { phase: 'Running', podIP: '10.0.0.7', conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] },
  });
  assert.deepEqual(p, {
    apiVersion: undefined, kind: undefined,
    metadata: { name: 'web-1', namespace: 'shop', uid: undefined, resourceVersion: '7', labels: { app: 'web' }, creationTimestamp: undefined },
    status: { phase: 'Running', podIP: '10.0.0.7', conditions: [{ type: 'Ready', status: 'True' }] },
  });
});

test('a dry-run cause field finds its node; a missing tail falls back to the nearest ancestor', () => {
  const text = `kind: Ingress
metadata:
  name: a
  annotations:
    kubernetes.io/ingress.class: nginx
spec:
  rules:
    - http:
        paths:
          - path: api
`;
  const root = parseManifest('file:///a.yaml', text).documents[0]!.root!;
  const at = (f: string) => text.slice(nodeAtField(root, f).span.start, nodeAtField(root, f).span.end);
  assert.equal(at('spec.rules[0].http.paths[0].path'), 'api');
  assert.equal(at('metadata.annotations[kubernetes.io/ingress.class]'), 'nginx');
  assert.equal(nodeAtField(root, 'spec.rules[0].http.paths[0].pathType').path, 'spec.rules[0].http.paths[0]');
});
