// Loads the manifests a routing command works on into a route table, with a way back from
// a uri to the file path and line index the user will read.
import { parseManifest } from '../ingress/documents';
import { LineIndex } from '../ingress/lines';
import { buildRouteTable, ingressClassOf, type RouteTable } from '../ingress/routing/index';
import type { Span } from '../ingress/source';
import { WorkspaceStore } from '../ingress/store';
import { collectFiles, UsageError, type InputFile } from './files';
import { jsonRange, type FileLookup, type JsonRange } from './format';
import { defaultIngressClass } from '../ingress/default-class';

/** The options route and routes share: how to print, and which Ingresses to load (see loadRoutes). */
export const ROUTING_OPTIONS = {
  format: { type: 'string', default: 'text' },
  namespace: { type: 'string', short: 'n', default: 'default' },
  class: { type: 'string' },
} as const;

export interface LoadedRoutes {
  table: RouteTable;
  lookup: FileLookup;
  fileCount: number;
  /** Every object read (Services too: the proxy translates backend ports with them). */
  store: WorkspaceStore;
}

/** Loads the Ingresses in paths; with ingressClass, only those of that class (the default class applied). */
export function loadRoutes(paths: readonly string[], defaultNamespace: string, ingressClass?: string): LoadedRoutes {
  const files = collectFiles(paths);
  const store = new WorkspaceStore(defaultNamespace);
  for (const f of files) store.setFile(parseManifest(f.uri, f.text));
  const defaultClass = defaultIngressClass(store.list('IngressClass'))?.name;
  const ingresses = store.list('Ingress').filter((i) => ingressClass === undefined || ingressClassOf(i, defaultClass) === ingressClass);
  return { table: buildRouteTable(ingresses, { defaultClass }), lookup: fileLookup(files, store), fileCount: files.length, store };
}

/** Path and line index of each file read, reusing the line index its parse already built. */
export function fileLookup(files: readonly InputFile[], store: WorkspaceStore): FileLookup {
  const byUri = new Map(files.map((f) => [f.uri, { path: f.path, lines: store.file(f.uri)?.lines ?? new LineIndex(f.text) }]));
  return (uri) => byUri.get(uri);
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
