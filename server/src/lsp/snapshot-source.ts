// A ClusterSource read from a snapshot file (the cluster module's snapshot adapter): the
// cluster stand-in for tests and demos.
import { snapshotFromText } from '../cluster/snapshot';
import type { ClusterSource } from './cluster-source';

/** Builds the source from the snapshot's text (read by the caller). */
export function snapshotSource(uri: string, name: string, text: string): ClusterSource {
  const { objects, facts, errors } = snapshotFromText(uri, text, `snapshot ${name}`);
  const status = errors.length
    ? { state: 'unreachable' as const, source: name, message: `Snapshot ${name} has errors: ${errors[0]}` }
    : { state: 'connected' as const, source: name, message: `Cluster objects from snapshot ${name}.` };
  return {
    status: () => status,
    current: () => ({ objects, facts }),
    onDidChange: () => () => undefined,
    onDidChangeStatus: () => () => undefined,
    dispose: () => undefined,
  };
}
