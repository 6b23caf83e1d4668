// One call from texts to findings: parse every file, index the objects, run every rule.
// Used by the CLI and the tests; the language server keeps its own incremental copy of the
// same steps. Pure: callers read the files.
import type { Finding } from '../ingress/findings';
import { compareFindings } from '../ingress/findings';
import { parseManifest } from '../ingress/documents';
import { MergedStore, WorkspaceStore, type ObjectStore } from '../ingress/store';
import { checkObjects, checkWorkspace, overrideParseFindings, type SeverityOverrides } from './engine';
import type { ClusterFacts, RuleContext } from './rule';
import { gatewayFindings } from './gateway/index';

export interface AnalyzeOptions {
  defaultNamespace?: string;
  overrides?: SeverityOverrides;
  /** Objects from a live cluster or a snapshot, layered under the workspace's. */
  clusterObjects?: ObjectStore;
  cluster?: ClusterFacts;
  now?: Date;
}

export interface Analysis {
  workspace: WorkspaceStore;
  store: ObjectStore;
  context: RuleContext;
  findings: Finding[];
}

export function analyze(files: readonly { uri: string; text: string }[], opts: AnalyzeOptions = {}): Analysis {
  const defaultNamespace = opts.defaultNamespace ?? 'default';
  const workspace = new WorkspaceStore(defaultNamespace);
  const syntax: Finding[] = [];
  const overrides = opts.overrides ?? {};
  for (const f of files) {
    const file = parseManifest(f.uri, f.text);
    workspace.setFile(file);
    for (const d of file.documents) syntax.push(...d.syntax);
    syntax.push(...gatewayFindings([file], defaultNamespace, overrides));
  }
  const store = new MergedStore(workspace, opts.clusterObjects);
  const context: RuleContext = { store, cluster: opts.cluster, defaultNamespace, now: opts.now ?? new Date() };
  const objects = workspace.allObjects();
  const findings = [
    ...overrideParseFindings(syntax, overrides),
    ...checkObjects(objects, context, { overrides }),
    ...checkWorkspace([...objects, ...clusterIngresses(opts.clusterObjects, workspace)], context, { overrides }),
  ].sort(compareFindings);
  return { workspace, store, context, findings };
}

/** Live Ingresses that the workspace does not redefine (they can still conflict). */
function clusterIngresses(cluster: ObjectStore | undefined, workspace: WorkspaceStore) {
  if (!cluster) return [];
  return cluster.list('Ingress').filter((o) => workspace.find('Ingress', o.namespace, o.name).length === 0);
}
