// The language server's index of workspace objects: an ObjectStore updated one object at a
// time, plus a reverse index of references (which Ingresses name a Service, a Secret, an
// IngressClass) so that a change re-checks exactly the objects that depend on it.
import {
  objectKey, type Ingress, type IngressBackend, type IngressClass, type KObject, type KnownKind, type Secret, type Service,
} from '../ingress/model';
import { hostKey, requestWildcardSuffix } from '../ingress/routing/hosts';
import type { ObjectStore } from '../ingress/store';

type ByKind = { Ingress: Ingress; Service: Service; Secret: Secret; IngressClass: IngressClass };

/** Any IngressClass change re-checks every Ingress (default class, class existence). */
export const ANY_CLASS_KEY = 'IngressClass//*';

/** The object keys an object's checks read, besides the object itself. */
export function referencesOf(o: KObject): string[] {
  if (o.kind !== 'Ingress') return [];
  const keys = new Set<string>([ANY_CLASS_KEY]);
  const backend = (b: IngressBackend | undefined) => {
    const name = b?.service?.name?.value;
    if (name) keys.add(objectKey('Service', o.namespace, name));
  };
  backend(o.defaultBackend);
  for (const r of o.rules) for (const p of r.paths) backend(p.backend);
  for (const t of o.tls) if (t.secretName) keys.add(objectKey('Secret', o.namespace, t.secretName.value));
  return [...keys];
}

/** The reference keys a change to o affects. */
export function keysOf(o: KObject): string[] {
  const key = objectKey(o.kind, o.namespace, o.name);
  return o.kind === 'IngressClass' ? [key, ANY_CLASS_KEY] : [key];
}

/** `a.example.com` → `*.example.com`: the wildcard that would cover a host. */
function wildcardOf(host: string): string | undefined {
  const suffix = host.startsWith('*.') ? undefined : requestWildcardSuffix(host);
  return suffix && `*.${suffix}`;
}

/** The hosts an Ingress claims, in rules and TLS entries, as the matcher compares them ('' for a rule without host). */
export function hostsOf(o: KObject): string[] {
  if (o.kind !== 'Ingress') return [];
  const hosts = [...o.rules.map((r) => r.host?.value), ...o.tls.flatMap((t) => t.hosts.map((h) => h.value))];
  return [...new Set(hosts.map((h) => hostKey(h).key))];
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export class ObjectIndex implements ObjectStore {
  private readonly byHost = new Map<string, Set<Ingress>>();
  /** Ingresses with a host directly under a domain ("a.foo.com" under "foo.com"), for wildcards. */
  private readonly bySuffix = new Map<string, Set<Ingress>>();
  private readonly byKey = new Map<string, KObject[]>();
  private readonly byKind = new Map<KnownKind, Set<KObject>>();
  private readonly dependents = new Map<string, Set<KObject>>();

  add(o: KObject): void {
    const key = objectKey(o.kind, o.namespace, o.name);
    const list = this.byKey.get(key);
    if (list) list.push(o);
    else this.byKey.set(key, [o]);
    let kind = this.byKind.get(o.kind);
    if (!kind) this.byKind.set(o.kind, (kind = new Set()));
    kind.add(o);
    for (const ref of referencesOf(o)) add(this.dependents, ref, o);
    for (const h of hostsOf(o)) {
      add(this.byHost, h, o as Ingress);
      const w = wildcardOf(h);
      if (w) add(this.bySuffix, w, o as Ingress);
    }
  }

  remove(o: KObject): void {
    const key = objectKey(o.kind, o.namespace, o.name);
    const list = this.byKey.get(key)?.filter((x) => x !== o);
    if (list?.length) this.byKey.set(key, list);
    else this.byKey.delete(key);
    this.byKind.get(o.kind)?.delete(o);
    for (const ref of referencesOf(o)) this.dependents.get(ref)?.delete(o);
    for (const h of hostsOf(o)) {
      this.byHost.get(h)?.delete(o as Ingress);
      const w = wildcardOf(h);
      if (w) this.bySuffix.get(w)?.delete(o as Ingress);
    }
  }

  /**
   * The Ingresses whose routes or TLS can interact with these hosts: the same host, a wildcard
   * covering it, or (for a wildcard) the hosts it covers.
   */
  ingressesFor(hosts: Iterable<string>): Set<Ingress> {
    const out = new Set<Ingress>();
    const take = (set: Set<Ingress> | undefined) => { for (const o of set ?? []) out.add(o); };
    for (const h of hosts) {
      take(this.byHost.get(h));
      const w = wildcardOf(h);
      if (w) take(this.byHost.get(w));
      else if (h.startsWith('*.')) take(this.bySuffix.get(h));
    }
    return out;
  }

  /** Objects whose checks read any of these keys. */
  dependentsOf(keys: Iterable<string>): Set<KObject> {
    const out = new Set<KObject>();
    for (const k of keys) for (const o of this.dependents.get(k) ?? []) out.add(o);
    return out;
  }

  find<K extends KnownKind>(kind: K, namespace: string, name: string): ByKind[K][] {
    return (this.byKey.get(objectKey(kind, namespace, name)) ?? []) as ByKind[K][];
  }

  list<K extends KnownKind>(kind: K, namespace?: string): ByKind[K][] {
    const out: KObject[] = [];
    for (const o of this.byKind.get(kind) ?? []) if (namespace === undefined || o.namespace === namespace) out.push(o);
    return out as ByKind[K][];
  }
}
