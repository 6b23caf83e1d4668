// The snapshot adapter: cluster objects read from a YAML/JSON file (objects, `kind: List`,
// or `kubectl get -o yaml` output) instead of a live cluster, for offline CI and rule cases.
// Kinds absent from the snapshot count as unknown, so rules never guess about them.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseManifest } from '../ingress/documents';
import { extractObjects, type KnownKind } from '../ingress/model';
import { asMap, asSeq, get, str, toJson, type SNode } from '../ingress/source';
import { ClusterObjects } from '../ingress/store';
import { FactsIndex } from './facts';

export interface ClusterView {
  objects: ClusterObjects;
  facts: FactsIndex;
}

const KINDS: readonly (KnownKind | 'Pod' | 'EndpointSlice')[] = ['Ingress', 'Service', 'Secret', 'IngressClass', 'Pod', 'EndpointSlice'];

function flatten(node: SNode | undefined): SNode[] {
  const items = asSeq(get(node, 'items'));
  if (str(get(node, 'kind'))?.endsWith('List') && items) return items.items.flatMap(flatten);
  return asMap(node) ? [node!] : [];
}

/** Builds a cluster view from the text of a snapshot file. Syntax errors are returned, not thrown. */
export function snapshotFromText(uri: string, text: string, source: string): ClusterView & { errors: string[] } {
  const file = parseManifest(uri, text);
  const objects = new ClusterObjects();
  const facts = new FactsIndex(source);
  const seen = new Set<string>();
  for (const o of extractObjects(file, { defaultNamespace: 'default', origin: 'cluster' })) {
    objects.upsert(o);
    seen.add(o.kind);
  }
  for (const node of file.documents.flatMap((d) => flatten(d.root))) {
    const kind = str(get(node, 'kind'));
    const json = toJson(node);
    if (kind === 'Pod') facts.upsertPod(json);
    else if (kind === 'EndpointSlice') facts.upsertEndpointSlice(json);
    else continue;
    seen.add(kind);
  }
  for (const k of KINDS) if (!seen.has(k)) facts.unavailable.add(k);
  const errors = file.documents.flatMap((d) => d.syntax.filter((f) => f.severity === 'error').map((f) => f.message));
  return { objects, facts, errors };
}

/** Reads a snapshot file; throws an Error with a one-line message when it cannot be read. */
export function loadSnapshot(path: string): ClusterView & { errors: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code ?? (e as Error).message;
    throw new Error(`--snapshot ${path}: ${why}`);
  }
  return snapshotFromText(pathToFileURL(path).href, text, `snapshot ${basename(path)}`);
}
