// In an untrusted workspace the server is told the cluster is off, whatever the settings say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutCluster } from '../../src/trust';

test('cluster access and dry runs are switched off, other settings kept', () => {
  const section = { defaultNamespace: 'shop', rules: { 'ingress/path-absolute': 'off' }, cluster: { enabled: true, context: 'prod', dryRun: true } };
  assert.deepEqual(withoutCluster(section), {
    defaultNamespace: 'shop', rules: { 'ingress/path-absolute': 'off' }, cluster: { enabled: false, context: 'prod', dryRun: false },
  });
  assert.equal(section.cluster.enabled, true, 'the settings object itself is not changed');
});

test('a missing section stays missing', () => {
  assert.equal(withoutCluster(null), null);
  assert.equal(withoutCluster(undefined), undefined);
});
