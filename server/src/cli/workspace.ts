// Loads what a command works on into the project model (server/src/engine): the manifests in
// the paths and, with --cluster/--context or --snapshot, the cluster view under them; with a
// way back from a uri to the file path and line index the user will read.
import { createProject, type Project } from '../engine/index';
import { LineIndex } from '../ingress/lines';
import type { Span } from '../ingress/source';
import { openClusterSource, type ClusterFlags, type OpenCluster } from './cluster-source';
import { collectFiles, UsageError, type InputFile } from './files';
import { jsonRange, type FileLookup, type JsonRange } from './format';
import type { CliIO } from './io';

/** The cluster options check, route, routes and serve share (see openClusterSource). */
export const CLUSTER_OPTIONS = {
  cluster: { type: 'boolean' },
  'cluster-optional': { type: 'boolean' },
  context: { type: 'string' },
  snapshot: { type: 'string' },
} as const;

/** The options route and routes share: how to print, which namespace and class, which cluster. */
export const ROUTING_OPTIONS = {
  format: { type: 'string', default: 'text' },
  namespace: { type: 'string', short: 'n' },
  class: { type: 'string' },
  ...CLUSTER_OPTIONS,
} as const;

export const CLUSTER_USAGE = `  --cluster          also use the live cluster of the current kubeconfig context (KUBECONFIG or
                     ~/.kube/config): its Ingresses route too, and its creationTimestamps decide
                     precedence; an unreachable cluster is exit 2 (--cluster=optional: carry on)
  --context NAME     use this kubeconfig context (implies --cluster)
  --snapshot FILE    use the objects in FILE (YAML/JSON, kubectl get -o yaml) as the cluster`;

export interface LoadedProject {
  project: Project;
  lookup: FileLookup;
  files: InputFile[];
  cluster: OpenCluster | undefined;
}

/** The cluster flags as parseArgs gives them. */
export function clusterFlags(values: { cluster?: boolean; 'cluster-optional'?: boolean; context?: string; snapshot?: string }): ClusterFlags {
  return { cluster: values.cluster, clusterOptional: values['cluster-optional'], context: values.context, snapshot: values.snapshot };
}

/** Reads the files and opens the cluster (the caller closes it); the project is not checked yet. */
export async function loadProject(paths: readonly string[], flags: ClusterFlags, namespace: string | undefined, io: CliIO): Promise<LoadedProject> {
  const files = collectFiles(paths);
  const cluster = await openClusterSource(flags, io);
  const project = projectOfFiles(files, namespace ?? cluster?.namespace ?? 'default', cluster);
  return { project, lookup: fileLookup(files), files, cluster };
}

/** A project of files read (and a cluster view, if any). */
export function projectOfFiles(files: readonly InputFile[], namespace: string, cluster?: Pick<OpenCluster, 'objects' | 'facts'>): Project {
  const project = createProject({ defaultNamespace: namespace });
  project.setCluster({ objects: cluster?.objects, facts: cluster?.facts });
  for (const f of files) project.setText(f.uri, f.text);
  return project;
}

/** The project of the manifests under paths, without a cluster (tests, benchmarks). */
export function folderProject(paths: readonly string[], namespace = 'default'): Project {
  return projectOfFiles(collectFiles(paths), namespace);
}

/** Reloads the files of a loaded project (serve, on change). */
export function reloadFiles(loaded: LoadedProject, paths: readonly string[]): void {
  const files = collectFiles(paths);
  const now = new Set(files.map((f) => f.uri));
  for (const f of loaded.files) if (!now.has(f.uri)) loaded.project.remove(f.uri);
  for (const f of files) loaded.project.setText(f.uri, f.text);
  loaded.files = files;
  loaded.lookup = fileLookup(files);
}

/** Path and line index of each file read (built on first use). */
export function fileLookup(files: readonly InputFile[]): FileLookup {
  const byUri = new Map(files.map((f) => [f.uri, f]));
  const lines = new Map<string, LineIndex>();
  return (uri) => {
    const f = byUri.get(uri);
    if (!f) return undefined;
    let l = lines.get(uri);
    if (!l) lines.set(uri, (l = new LineIndex(f.text)));
    return { path: f.path, lines: l };
  };
}

export interface JsonLocation {
  file: string;
  range: JsonRange;
}

/** A block node's span without the line breaks and indentation YAML counts into it. */
function trimmed(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return { start: span.start, end };
}

export function jsonLocation(lookup: FileLookup, uri: string, span: Span): JsonLocation {
  const info = lookup(uri);
  return { file: info?.path ?? uri, range: jsonRange(info, info ? trimmed(info.lines.text, span) : span) };
}

/** "shop.yaml:12:7" (1-based, as editors and terminals link it). */
export function textLocation(lookup: FileLookup, uri: string, span: Span): string {
  const { file, range } = jsonLocation(lookup, uri, span);
  return `${file}:${range.start.line + 1}:${range.start.character + 1}`;
}

export function checkFormat(format: string, allowed: readonly string[]): void {
  if (!allowed.includes(format)) throw new UsageError(`--format must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not "${format}"`);
}
