// The route table: every path of every Ingress in scope, indexed so that a lookup costs a
// few map reads whatever the number of rules: hosts in an exact map, wildcard hosts in a
// map by suffix, rules without host in one group; inside a host group, Exact paths by path
// and Prefix paths by their key (trailing slash dropped). No I/O.
import type { Ingress, IngressBackend, IngressPath, IngressRule } from '../model';
import type { SMap } from '../source';
import { hostKey, requestWildcardSuffix, wildcardSuffix, type HostKind } from './hosts';
import { compareIngresses, ingressRef, ownCreationTimestamp, type CreatedAt } from './order';
import { effectiveMatch, matchKey, rulePath, type MatchKind } from './paths';

export interface RouteEntry {
  ingress: Ingress;
  /** "namespace/name". */
  ref: string;
  /** Precedence of the Ingress (0 = first); ties inside it break by rule, then path order. */
  rank: number;
  ruleIndex: number;
  pathIndex: number;
  /** Host as written, undefined for a rule without host. */
  host: string | undefined;
  hostKind: HostKind;
  /** Lower-cased host ("" without host): entries with the same hostKey share a host group. */
  hostKey: string;
  /** Path as written ("" when missing). */
  path: string;
  /** pathType as written. */
  pathType: string | undefined;
  match: MatchKind;
  /** Index key: the path for Exact, the path without trailing slash for Prefix. */
  key: string;
  /** The Ingress's class (ingressClassName, else the class annotation, else the default class; "" when none). */
  ingressClass: string;
  /** Set when the effective match is our choice (ImplementationSpecific, missing pathType). */
  note?: string;
  backend: IngressBackend | undefined;
  rule: IngressRule;
  node: SMap;
}

export interface HostGroup {
  kind: HostKind;
  key: string;
  entries: RouteEntry[];
  exact: Map<string, RouteEntry[]>;
  prefix: Map<string, RouteEntry[]>;
  /** Ingresses that contribute rules to this host, in precedence order. */
  owners: Ingress[];
}

export interface RouteTable {
  /** All Ingresses in scope, in precedence order. */
  ingresses: Ingress[];
  /** The creationTimestamps precedence was decided on. */
  created: CreatedAt;
  /** The IngressClass given to Ingresses that name none. */
  defaultClass: string | undefined;
  exactHosts: Map<string, HostGroup>;
  /** Wildcard groups by suffix ("*.foo.com" under "foo.com"). */
  wildcardHosts: Map<string, HostGroup>;
  anyHost: HostGroup | undefined;
  /** Every host group, in order of first appearance. */
  groups: HostGroup[];
  /** Ingresses with a defaultBackend, in precedence order: those without rules (catch-alls) first. */
  defaultBackends: Ingress[];
  /** The parent domain of every exact host ("a.foo.com" → "foo.com"): what a wildcard TLS host can cover. */
  exactSuffixes: Set<string>;
}

/** Precedence of two entries claiming the same match: Ingress precedence, then rule and path order. */
export function compareEntries(a: RouteEntry, b: RouteEntry): number {
  return a.rank - b.rank || a.ruleIndex - b.ruleIndex || a.pathIndex - b.pathIndex;
}

function newGroup(kind: HostKind, key: string): HostGroup {
  return { kind, key, entries: [], exact: new Map(), prefix: new Map(), owners: [] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface RouteTableOptions {
  /** The creationTimestamp to decide precedence on (default: the object's own). */
  created?: CreatedAt;
  /** The IngressClass marked default, which Ingresses without a class get. */
  defaultClass?: string;
}

export function ingressClassOf(ing: Ingress, defaultClass = ''): string {
  return ing.ingressClassName?.value ?? ing.classAnnotation ?? defaultClass;
}

function entryFor(ing: Ingress, rank: number, rule: IngressRule, ruleIndex: number, p: IngressPath, pathIndex: number, cls: string): RouteEntry {
  const hk = hostKey(rule.host?.value);
  const pathType = p.pathType?.value;
  const { kind, note } = effectiveMatch(pathType);
  const path = p.path?.value ?? '';
  return {
    ingress: ing, ref: ingressRef(ing), rank, ruleIndex, pathIndex,
    host: rule.host?.value, hostKind: hk.kind, hostKey: hk.key,
    path, pathType, match: kind, key: matchKey(kind, rulePath(path)), ingressClass: cls, note,
    backend: p.backend, rule, node: p.node,
  };
}

export class RouteTableBuilder {
  private readonly table: RouteTable = { ingresses: [], created: ownCreationTimestamp, defaultClass: undefined, exactHosts: new Map(), wildcardHosts: new Map(), anyHost: undefined, groups: [], defaultBackends: [], exactSuffixes: new Set() };

  constructor(ingresses: readonly Ingress[], opts: RouteTableOptions = {}) {
    const created = opts.created ?? ownCreationTimestamp;
    this.table.created = created;
    this.table.defaultClass = opts.defaultClass;
    this.table.ingresses = [...ingresses].sort((a, b) => compareIngresses(a, b, created));
    this.table.ingresses.forEach((ing, rank) => {
      const cls = ingressClassOf(ing, opts.defaultClass);
      ing.rules.forEach((rule, ri) => rule.paths.forEach((p, pi) => this.add(entryFor(ing, rank, rule, ri, p, pi, cls))));
    });
    const withDefault = this.table.ingresses.filter((i) => i.defaultBackend);
    this.table.defaultBackends = [...withDefault.filter((i) => i.rules.length === 0), ...withDefault.filter((i) => i.rules.length > 0)];
  }

  build(): RouteTable {
    return this.table;
  }

  private group(e: RouteEntry): HostGroup {
    const t = this.table;
    const map = e.hostKind === 'exact' ? t.exactHosts : e.hostKind === 'wildcard' ? t.wildcardHosts : undefined;
    const mapKey = e.hostKind === 'wildcard' ? wildcardSuffix(e.hostKey) : e.hostKey;
    let g = map ? map.get(mapKey) : t.anyHost;
    if (!g) {
      g = newGroup(e.hostKind, e.hostKey);
      if (map) map.set(mapKey, g);
      else t.anyHost = g;
      t.groups.push(g);
      const suffix = e.hostKind === 'exact' ? requestWildcardSuffix(e.hostKey) : undefined;
      if (suffix !== undefined) t.exactSuffixes.add(suffix);
    }
    return g;
  }

  private add(e: RouteEntry): void {
    const g = this.group(e);
    g.entries.push(e);
    push(e.match === 'Exact' ? g.exact : g.prefix, e.key, e);
    if (g.owners[g.owners.length - 1] !== e.ingress) g.owners.push(e.ingress);
  }
}

export function buildRouteTable(ingresses: readonly Ingress[], opts?: RouteTableOptions): RouteTable {
  return new RouteTableBuilder(ingresses, opts).build();
}
