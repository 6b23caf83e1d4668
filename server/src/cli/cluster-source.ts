// Where `ingress-lab check` gets cluster objects from: a live cluster (--cluster, --context)
// or a snapshot file (--snapshot). Prints the cluster status once on stderr. An unusable
// cluster is a usage/I-O error (exit 2) unless --cluster=optional.
import type { KubeConfig } from '@kubernetes/client-node';
import { loadKubeconfig } from '../cluster/kubeconfig';
import { loadSnapshot } from '../cluster/snapshot';
import { ClusterState } from '../cluster/state';
import { describeStatus } from '../cluster/status';
import type { ObjectStore } from '../ingress/store';
import type { FactsIndex } from '../cluster/facts';
import { UsageError } from './files';
import type { CliIO } from './io';

export interface ClusterFlags {
  cluster?: boolean;
  clusterOptional?: boolean;
  context?: string;
  snapshot?: string;
  dryRunServer?: boolean;
  timeoutMs?: number;
}

export interface OpenCluster {
  objects: ObjectStore;
  facts: FactsIndex;
  /** The context's namespace (live cluster), used when --namespace is not given. */
  namespace?: string;
  kc?: KubeConfig;
  /** Live objects changed (keys `Kind/ns/name` when known); a snapshot never changes. */
  onChange?(listener: (keys: string[] | undefined) => void): () => void;
  close(): void;
}

/** Turns `--cluster=optional` / `--cluster=required` into flags parseArgs understands. */
export function normalizeClusterArgs(argv: string[]): string[] {
  return argv.map((a) => {
    if (!a.startsWith('--cluster=')) return a;
    const v = a.slice('--cluster='.length);
    if (v === 'optional') return '--cluster-optional';
    if (v === 'required') return '--cluster';
    throw new UsageError(`--cluster takes "optional" or "required", not "${v}"`);
  });
}

export async function openClusterSource(flags: ClusterFlags, io: CliIO): Promise<OpenCluster | undefined> {
  const live = flags.cluster || flags.clusterOptional || flags.context !== undefined;
  if (flags.snapshot && live) throw new UsageError('--snapshot and --cluster/--context exclude each other');
  if (flags.dryRunServer && !live) throw new UsageError('--dry-run-server needs a live cluster (--cluster)');
  if (flags.snapshot) {
    let view;
    try {
      view = loadSnapshot(flags.snapshot);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (view.errors.length) throw new UsageError(`${flags.snapshot}: not valid YAML: ${view.errors[0]}`);
    io.err(`cluster: using ${view.facts.source}`);
    return { objects: view.objects, facts: view.facts, close: () => {} };
  }
  if (!live) return undefined;
  return openLive(flags, io);
}

async function openLive(flags: ClusterFlags, io: CliIO): Promise<OpenCluster | undefined> {
  const unusable = (line: string) => {
    if (!flags.clusterOptional) throw new UsageError(line);
    io.err(`${line} (continuing without the cluster)`);
    return undefined;
  };
  const loaded = loadKubeconfig({ context: flags.context });
  if (!loaded.ok) return unusable(describeStatus(loaded.status));
  const state = new ClusterState(loaded.config, { timeoutMs: flags.timeoutMs });
  const status = await state.start();
  if (status.state !== 'connected') {
    state.stop();
    return unusable(describeStatus(status));
  }
  io.err(describeStatus(status));
  return {
    objects: state.objects, facts: state.facts, namespace: loaded.config.namespace, kc: loaded.config.kc,
    onChange: (l) => state.onChange(l), close: () => state.stop(),
  };
}
