// Indexes of objects by kind/namespace/name. A WorkspaceStore holds the objects read from
// files (replaced file by file as they change); a MergedStore layers workspace objects over
// cluster objects: the workspace copy is what the user is about to apply, so it wins. No I/O.
import { extractObjects, objectKey, type KObject, type KnownKind, type Ingress, type Service, type Secret, type IngressClass } from './model';
import type { ManifestFile } from './documents';

type ByKind = { Ingress: Ingress; Service: Service; Secret: Secret; IngressClass: IngressClass };

/** Read access to objects, whatever their origin. */
export interface ObjectStore {
  /** All objects of a kind with that namespace/name (more than one when defined twice). */
  find<K extends KnownKind>(kind: K, namespace: string, name: string): ByKind[K][];
  /** All objects of a kind, optionally in one namespace. */
  list<K extends KnownKind>(kind: K, namespace?: string): ByKind[K][];
}

class KeyedObjects {
  private readonly byKey = new Map<string, KObject[]>();

  add(o: KObject): void {
    const key = objectKey(o.kind, o.namespace, o.name);
    const list = this.byKey.get(key);
    if (list) list.push(o);
    else this.byKey.set(key, [o]);
  }

  remove(o: KObject): void {
    const key = objectKey(o.kind, o.namespace, o.name);
    const list = this.byKey.get(key)?.filter((x) => x !== o);
    if (list?.length) this.byKey.set(key, list);
    else this.byKey.delete(key);
  }

  get(key: string): KObject[] {
    return this.byKey.get(key) ?? [];
  }

  values(): IterableIterator<KObject[]> {
    return this.byKey.values();
  }
}

export class WorkspaceStore implements ObjectStore {
  private readonly files = new Map<string, { file: ManifestFile; objects: KObject[] }>();
  private readonly index = new KeyedObjects();

  constructor(private readonly defaultNamespace = 'default') {}

  /** Adds or replaces a file; returns the objects it now holds. */
  setFile(file: ManifestFile): KObject[] {
    this.removeFile(file.uri);
    const objects = extractObjects(file, { defaultNamespace: this.defaultNamespace });
    this.files.set(file.uri, { file, objects });
    for (const o of objects) this.index.add(o);
    return objects;
  }

  removeFile(uri: string): KObject[] {
    const old = this.files.get(uri);
    if (!old) return [];
    for (const o of old.objects) this.index.remove(o);
    this.files.delete(uri);
    return old.objects;
  }

  file(uri: string): ManifestFile | undefined {
    return this.files.get(uri)?.file;
  }

  objectsIn(uri: string): KObject[] {
    return this.files.get(uri)?.objects ?? [];
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  allObjects(): KObject[] {
    return [...this.files.values()].flatMap((f) => f.objects);
  }

  find<K extends KnownKind>(kind: K, namespace: string, name: string): ByKind[K][] {
    return this.index.get(objectKey(kind, namespace, name)) as ByKind[K][];
  }

  list<K extends KnownKind>(kind: K, namespace?: string): ByKind[K][] {
    const out: KObject[] = [];
    for (const f of this.files.values()) {
      for (const o of f.objects) if (o.kind === kind && (namespace === undefined || o.namespace === namespace)) out.push(o);
    }
    return out as ByKind[K][];
  }
}

/** Objects from a cluster or a snapshot file, replaced wholesale or one at a time. */
export class ClusterObjects implements ObjectStore {
  private readonly index = new KeyedObjects();

  upsert(o: KObject): void {
    for (const old of this.index.get(objectKey(o.kind, o.namespace, o.name))) this.index.remove(old);
    this.index.add(o);
  }

  delete(kind: KnownKind, namespace: string, name: string): void {
    for (const old of this.index.get(objectKey(kind, namespace, name))) this.index.remove(old);
  }

  find<K extends KnownKind>(kind: K, namespace: string, name: string): ByKind[K][] {
    return this.index.get(objectKey(kind, namespace, name)) as ByKind[K][];
  }

  list<K extends KnownKind>(kind: K, namespace?: string): ByKind[K][] {
    const out: KObject[] = [];
    for (const l of this.index.values()) {
      for (const o of l) if (o.kind === kind && (namespace === undefined || o.namespace === namespace)) out.push(o);
    }
    return out as ByKind[K][];
  }
}

/** Workspace objects shadow cluster objects with the same kind/namespace/name. */
export class MergedStore implements ObjectStore {
  constructor(readonly workspace: ObjectStore, readonly cluster?: ObjectStore) {}

  find<K extends KnownKind>(kind: K, namespace: string, name: string): ByKind[K][] {
    const local = this.workspace.find(kind, namespace, name);
    return local.length > 0 || !this.cluster ? local : this.cluster.find(kind, namespace, name);
  }

  list<K extends KnownKind>(kind: K, namespace?: string): ByKind[K][] {
    const local = this.workspace.list(kind, namespace);
    if (!this.cluster) return local;
    const seen = new Set(local.map((o) => objectKey(o.kind, o.namespace, o.name)));
    return [...local, ...this.cluster.list(kind, namespace).filter((o) => !seen.has(objectKey(o.kind, o.namespace, o.name)))];
  }
}
