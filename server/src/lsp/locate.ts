// What is at a position: the file, its chunk, the document and object there, and the
// innermost key/value under the cursor. Shared by hover, completion, definition and actions.
import type { Position } from 'vscode-languageserver';
import type { ManifestDocument } from '../ingress/documents';
import type { KObject } from '../ingress/model';
import { contains, type SEntry, type SMap, type SNode } from '../ingress/source';
import type { DocEntry, FileModel } from '../engine/file-model';
import type { Project as Workspace } from '../engine/index';

export interface At {
  file: FileModel;
  offset: number;
  entry: DocEntry;
  doc?: ManifestDocument;
  object?: KObject;
}

export function locate(ws: Workspace, uri: string, position: Position): At | undefined {
  const file = ws.file(uri);
  if (!file) return undefined;
  const offset = file.lines.offsetAt(position);
  const entry = file.entryAt(offset);
  if (!entry) return undefined;
  const doc = entry.docs.find((d) => contains(d.span, offset)) ?? entry.docs[entry.docs.length - 1];
  const object = entry.objects.find((o) => contains(o.span, offset)) ?? (entry.objects.length === 1 ? entry.objects[0] : undefined);
  return { file, offset, entry, doc, object };
}

export interface EntryHit {
  entry: SEntry;
  /** The map holding the entry. */
  map: SMap;
  onKey: boolean;
  /** The map entries from the root down to this one (outermost first). */
  chain: SEntry[];
}

/** Does the hit name a backend's Service (`service.name`, or the legacy `serviceName`)? */
export function namesBackendService(hit: Pick<EntryHit, 'entry' | 'chain'>): boolean {
  const key = hit.entry.key;
  return (key === 'name' && hit.chain[hit.chain.length - 2]?.key === 'service') || key === 'serviceName';
}

/** The innermost `key: value` whose key or scalar value holds offset. */
export function entryAt(root: SNode | undefined, offset: number): EntryHit | undefined {
  let hit: EntryHit | undefined;
  const chain: SEntry[] = [];
  let cur = root;
  while (cur) {
    let next: SNode | undefined;
    if (cur.kind === 'map') {
      const map = cur;
      const e = map.entries.find((x) => contains(x.keySpan, offset) || contains(x.value.span, offset));
      if (e) {
        chain.push(e);
        const onKey = contains(e.keySpan, offset) && !(e.value.kind === 'scalar' && contains(e.value.span, offset) && e.value.span.start > e.keySpan.end);
        hit = { entry: e, map, onKey, chain: [...chain] };
        next = e.value.kind === 'scalar' ? undefined : e.value;
      }
    } else if (cur.kind === 'seq') {
      next = cur.items.find((i) => contains(i.span, offset));
    }
    cur = next;
  }
  return hit;
}
