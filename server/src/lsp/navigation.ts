// Go to definition (backend Service name → the Service's manifest) and references (a Service →
// every Ingress backend that routes to it), over workspace objects; a Service only in the
// cluster is shown in a read-only live view (live-object.ts).
import type { Location, Position } from 'vscode-languageserver';
import type { Ingress, IngressBackend, KObject, Val } from '../ingress/model';
import { get, getIn } from '../ingress/source';
import { toLocation } from './convert';
import { liveLocation } from './live-object';
import { entryAt, locate, namesBackendService } from './locate';
import type { Project as Workspace } from '../engine/index';

/** The Service a position names: a backend's service name, or the Service object itself. */
export function serviceAt(ws: Workspace, uri: string, position: Position): { namespace: string; name: string; fromBackend: boolean } | undefined {
  const at = locate(ws, uri, position);
  if (!at?.object) return undefined;
  const o = at.object;
  if (o.kind === 'Service') return { namespace: o.namespace, name: o.name, fromBackend: false };
  const hit = entryAt(at.doc?.root, at.offset);
  if (o.kind !== 'Ingress' || !hit || hit.entry.value.kind !== 'scalar') return undefined;
  const value = hit.entry.value.value;
  return namesBackendService(hit) && typeof value === 'string' ? { namespace: o.namespace, name: value, fromBackend: true } : undefined;
}

function backendNames(ing: Ingress): Val[] {
  const out: Val[] = [];
  const add = (b: IngressBackend | undefined) => { if (b?.service?.name) out.push(b.service.name); };
  add(ing.defaultBackend);
  for (const r of ing.rules) for (const p of r.paths) add(p.backend);
  return out;
}

function nameLocation(ws: Workspace, o: KObject): Location {
  const node = getIn(o.root, 'metadata', 'name') ?? get(o.root, 'metadata');
  return toLocation(ws.linesOf, o.uri, node?.span ?? o.span);
}

export function definition(ws: Workspace, uri: string, position: Position): Location[] {
  const s = serviceAt(ws, uri, position);
  if (!s?.fromBackend) return [];
  const local = ws.index.find('Service', s.namespace, s.name);
  if (local.length) return local.map((o) => nameLocation(ws, o));
  // Only in the live cluster: a read-only view of the object (ingressLab/liveObject).
  return ws.store.find('Service', s.namespace, s.name).flatMap((o) => (o.origin === 'cluster' ? liveLocation(o) ?? [] : []));
}

export function references(ws: Workspace, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const s = serviceAt(ws, uri, position);
  if (!s) return [];
  const out: Location[] = includeDeclaration ? ws.index.find('Service', s.namespace, s.name).map((o) => nameLocation(ws, o)) : [];
  for (const ing of ws.index.list('Ingress', s.namespace)) {
    for (const v of backendNames(ing)) if (v.value === s.name) out.push(toLocation(ws.linesOf, ing.uri, v.node.span));
  }
  return out;
}
