// One call from texts to findings, for tests and benchmarks: a project (server/src/engine) with
// these files and this cluster, checked once. The CLI and the language server use the same
// project model, so the three can never compute different findings. Pure: callers read the files.
import { createProject, type Project } from '../engine/index';
import type { Finding } from '../ingress/findings';
import type { ObjectStore } from '../ingress/store';
import type { SeverityOverrides } from './engine';
import type { ClusterFacts } from './rule';

export interface AnalyzeOptions {
  defaultNamespace?: string;
  overrides?: SeverityOverrides;
  /** Objects from a live cluster or a snapshot, layered under the workspace's. */
  clusterObjects?: ObjectStore;
  cluster?: ClusterFacts;
  now?: Date;
}

export interface Analysis {
  project: Project;
  /** The merged store (workspace over cluster) the rules read. */
  store: ObjectStore;
  findings: Finding[];
}

/** A project holding the files and the cluster view (not checked yet). */
export function projectOf(files: readonly { uri: string; text: string }[], opts: AnalyzeOptions = {}): Project {
  const now = opts.now ?? new Date();
  const project = createProject({ defaultNamespace: opts.defaultNamespace, overrides: opts.overrides, now: () => now });
  project.setCluster({ objects: opts.clusterObjects, facts: opts.cluster });
  for (const f of files) project.setText(f.uri, f.text);
  return project;
}

export function analyze(files: readonly { uri: string; text: string }[], opts: AnalyzeOptions = {}): Analysis {
  const project = projectOf(files, opts);
  project.check();
  return { project, store: project.store, findings: project.allFindings() };
}
