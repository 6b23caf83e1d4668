// Workspace trust: in an untrusted workspace the server must never read kubeconfig or contact a
// cluster, whatever the workspace's settings say. Pure, so node:test covers it.
import type { IngressLabSettings } from '../../server/src/protocol';

/** The `ingressLab` settings section as the server may see it in an untrusted workspace. */
export function withoutCluster(section: unknown): unknown {
  if (!section || typeof section !== 'object') return section;
  const s = section as Partial<IngressLabSettings>;
  return { ...s, cluster: { ...(s.cluster ?? { context: '' }), enabled: false, dryRun: false } };
}
