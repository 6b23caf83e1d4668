// The real-cluster target (what runs when INGRESS_LAB_TEST_KUBECONFIG is set) driven against
// the stand-in: client-node's KubernetesObjectApi finds resources through the stand-in's
// discovery endpoints, creates the fixtures in a scratch namespace and removes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { K8sStandIn } from '../support/k8s-standin/server';
import { openRealTarget, readFixtureObjects } from '../support/cluster-target';

test('the real-cluster target sets up and tears down through the API (discovery, create, delete)', async () => {
  const standIn = new K8sStandIn();
  await standIn.start();
  const dir = mkdtempSync(join(tmpdir(), 'ilab-harness-'));
  try {
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, standIn.kubeconfig());
    const target = await openRealTarget(kubeconfig);
    assert.ok(standIn.store.get('namespaces', undefined, target.namespace), 'scratch namespace created');
    await target.apply(readFixtureObjects('cluster', 'base.yaml'));
    assert.deepEqual(standIn.store.list('services', target.namespace).map((s) => s.metadata.name).sort(), ['api', 'orphan', 'web']);
    assert.ok(standIn.store.get('ingressclasses', undefined, 'ingress-lab-test'));
    assert.ok(standIn.requests.some((r) => r === 'GET /apis/networking.k8s.io/v1'), 'resources found through discovery');
    await target.close();
    assert.equal(standIn.store.get('namespaces', undefined, target.namespace), undefined, 'scratch namespace deleted');
    assert.equal(standIn.store.get('ingressclasses', undefined, 'ingress-lab-test'), undefined, 'cluster-scoped fixture deleted');
  } finally {
    await standIn.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
