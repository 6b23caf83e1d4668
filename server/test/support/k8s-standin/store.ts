// The stand-in's object store: one collection per resource with a global resourceVersion,
// an event log for watches (compactable, so old versions answer 410 Gone) and live watchers.
export type Obj = { apiVersion?: string; kind?: string; metadata: { name: string; namespace?: string; resourceVersion?: string; [k: string]: unknown }; [k: string]: unknown };

export interface WatchEvent { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: Obj; rv: number }

export interface Watcher {
  plural: string;
  namespace?: string;
  matches(o: Obj): boolean;
  send(e: WatchEvent): void;
}

export class ResourceStore {
  private rv = 100;
  private readonly objects = new Map<string, Map<string, Obj>>();
  private log: WatchEvent[] = [];
  /** Oldest resourceVersion a watch may resume from. */
  private compactedBefore = 0;
  readonly watchers = new Set<Watcher>();

  get resourceVersion(): number {
    return this.rv;
  }

  private coll(plural: string): Map<string, Obj> {
    let c = this.objects.get(plural);
    if (!c) this.objects.set(plural, (c = new Map()));
    return c;
  }

  list(plural: string, namespace?: string): Obj[] {
    return [...this.coll(plural).values()].filter((o) => !namespace || o.metadata.namespace === namespace);
  }

  get(plural: string, namespace: string | undefined, name: string): Obj | undefined {
    return this.coll(plural).get(`${namespace ?? ''}/${name}`);
  }

  upsert(plural: string, obj: Obj): Obj {
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const existed = this.coll(plural).has(key);
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(++this.rv);
    stored.metadata.creationTimestamp ??= new Date().toISOString();
    stored.metadata.uid ??= `uid-${this.rv}`;
    this.coll(plural).set(key, stored);
    this.emit(plural, { type: existed ? 'MODIFIED' : 'ADDED', object: stored, rv: this.rv });
    return stored;
  }

  delete(plural: string, namespace: string | undefined, name: string): boolean {
    const key = `${namespace ?? ''}/${name}`;
    const old = this.coll(plural).get(key);
    if (!old) return false;
    this.coll(plural).delete(key);
    const gone = structuredClone(old);
    gone.metadata.resourceVersion = String(++this.rv);
    this.emit(plural, { type: 'DELETED', object: gone, rv: this.rv });
    return true;
  }

  /** Events after rv for a resource, or undefined when rv is older than the log keeps (410). */
  since(plural: string, rv: number): (WatchEvent & { plural: string })[] | undefined {
    if (rv < this.compactedBefore) return undefined;
    return (this.log as (WatchEvent & { plural: string })[]).filter((e) => e.plural === plural && e.rv > rv);
  }

  /** Forgets the event log: every watch resuming from an older version gets 410 Gone. */
  compact(): void {
    this.log = [];
    this.compactedBefore = this.rv;
  }

  private emit(plural: string, e: WatchEvent): void {
    this.log.push({ ...e, plural } as WatchEvent);
    for (const w of this.watchers) if (w.plural === plural && w.matches(e.object)) w.send(e);
  }
}
