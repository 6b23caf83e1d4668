// The route tree: host → path (pathType) → backend, each node linked to its YAML (uri + span
// + field path), with duplicate claims and shadowed paths marked. `ingress-lab routes` prints
// it; the language server's side panel shows it. No I/O.
import type { Span } from '../source';
import { routeAnalysisFor } from './analysis';
import { backendJson, backendLabel, type BackendJson } from './backend';
import type { HostKind } from './hosts';
import { TlsIndex } from './tls';
import { ingressRef } from './order';
import type { HostGroup, RouteEntry, RouteTable } from './table';
import { comparePathMatches } from './match';
import type { MatchKind } from './paths';

export interface RouteSource {
  ingress: string;
  uri: string;
  span: Span;
  field: string;
}

export interface RoutePathNode extends RouteSource {
  path: string;
  pathType: string | null;
  /** How the path is matched (ImplementationSpecific and a missing pathType match as Prefix). */
  match: MatchKind;
  /** IngressClass of the Ingress ("" when none): paths of different classes never conflict. */
  ingressClass: string;
  note?: string;
  backend: BackendJson;
  backendLabel: string;
  /** active: receives traffic; conflict: same host+path+pathType with another backend; shadowed: never reached. */
  status: 'active' | 'conflict' | 'shadowed';
  /** False when another path always wins. */
  reachable: boolean;
  /** For conflict and shadowed: the other claimants, the winner first. */
  others: (RouteSource & { path: string; pathType: string | null; backendLabel: string })[];
  reason?: string;
}

export interface RouteHostNode {
  /** Host as written, null for rules without host (any host). */
  host: string | null;
  kind: HostKind;
  /** True when a TLS entry of an Ingress in scope covers the host. */
  tls: boolean;
  ingresses: string[];
  /** Where the host is first written (its rule's host value, or the rule for host-less rules). */
  source: RouteSource;
  paths: RoutePathNode[];
}

export interface RouteDefaultNode extends RouteSource {
  backend: BackendJson;
  backendLabel: string;
  /** True for an Ingress without rules: it catches every request no rule takes. */
  catchAll: boolean;
}

export interface RouteTree {
  hosts: RouteHostNode[];
  defaultBackends: RouteDefaultNode[];
}

function source(e: RouteEntry): RouteSource {
  return { ingress: e.ref, uri: e.ingress.uri, span: e.node.span, field: e.node.path };
}

function other(e: RouteEntry): RoutePathNode['others'][number] {
  return { ...source(e), path: e.path, pathType: e.pathType ?? null, backendLabel: backendLabel(e.backend) };
}

function pathNode(e: RouteEntry, table: RouteTable): RoutePathNode {
  const a = routeAnalysisFor(table);
  const dup = a.duplicateOf.get(e);
  const sh = a.shadowedBy.get(e);
  const reachable = !sh && (!dup || dup.entries[0] === e);
  const node: RoutePathNode = {
    ...source(e), path: e.path, pathType: e.pathType ?? null, match: e.match, ingressClass: e.ingressClass,
    backend: backendJson(e.backend), backendLabel: backendLabel(e.backend),
    status: dup ? 'conflict' : sh ? 'shadowed' : 'active', reachable,
    others: dup ? dup.entries.filter((x) => x !== e).map(other) : sh ? [other(sh.by)] : [],
  };
  if (e.note) node.note = e.note;
  if (sh) node.reason = sh.reason;
  else if (dup) node.reason = dup.entries[0] === e ? 'wins the duplicate claim' : `loses the duplicate claim to Ingress ${dup.entries[0]!.ref}`;
  return node;
}

function hostSource(e: RouteEntry): { span: Span; field: string } {
  const n = e.rule.host?.node ?? e.rule.node;
  return { span: n.span, field: n.path };
}

function hostNode(g: HostGroup, table: RouteTable, tls: TlsIndex): RouteHostNode {
  const first = g.entries[0]!;
  // By path, and among the paths matching the same requests in the order they win.
  const paths = [...g.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || comparePathMatches(a, b));
  return {
    host: first.host ?? null, kind: g.kind, tls: g.kind !== 'any' && tls.covering(g.key).length > 0, ingresses: g.owners.map(ingressRef),
    source: { ingress: first.ref, uri: first.ingress.uri, ...hostSource(first) },
    paths: paths.map((e) => pathNode(e, table)),
  };
}

const KIND_ORDER: Record<HostKind, number> = { exact: 0, wildcard: 1, any: 2 };

export function buildRouteTree(table: RouteTable): RouteTree {
  const tls = new TlsIndex(table.ingresses);
  const groups = [...table.groups].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.key.localeCompare(b.key));
  return {
    hosts: groups.map((g) => hostNode(g, table, tls)),
    defaultBackends: table.defaultBackends.map((i) => ({
      ingress: ingressRef(i), uri: i.uri, span: i.defaultBackend!.node.span, field: i.defaultBackend!.node.path,
      backend: backendJson(i.defaultBackend), backendLabel: backendLabel(i.defaultBackend), catchAll: i.rules.length === 0,
    })),
  };
}
