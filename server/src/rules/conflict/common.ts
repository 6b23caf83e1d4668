// Shared wording and locations for the conflict/ rules. Their route table is ctx.routes(): the
// project's one builder (server/src/engine/routes.ts) decides scope, default class and precedence.
import type { RelatedLocation } from '../../ingress/findings';
import type { Ingress, KObject } from '../../ingress/model';
import { backendLabel, type RouteEntry } from '../../ingress/routing/index';
import { fieldSpan, type Span } from '../../ingress/source';

/** The workspace's own Ingresses among the objects a workspace rule gets (cluster ones only take part in routing). */
export function workspaceIngresses(objects: readonly KObject[]): Ingress[] {
  return objects.filter((o): o is Ingress => o.kind === 'Ingress' && o.origin === 'workspace');
}

/** "Ingress default/web", with "(live in the cluster)" for cluster objects. */
export function ingressName(i: Ingress): string {
  return `Ingress ${i.namespace}/${i.name}${i.origin === 'cluster' ? ' (live in the cluster)' : ''}`;
}

export function hostLabel(e: RouteEntry): string {
  return e.host ? `host "${e.host}"` : 'any host';
}

/** `Prefix "/api"`, `ImplementationSpecific "/app" (matched as Prefix)`. */
export function pathLabel(e: RouteEntry): string {
  const asPrefix = e.pathType !== 'Exact' && e.pathType !== 'Prefix' ? ' (matched as Prefix)' : '';
  return `${e.pathType ?? '(no pathType)'} "${e.path}"${asPrefix}`;
}

/** Where to underline a path entry: its `path` value, else the whole entry. */
export function entrySpan(e: RouteEntry): { span: Span; field: string } {
  const span = fieldSpan(e.node, 'path');
  return span ? { span, field: `${e.node.path}.path` } : { span: e.node.span, field: e.node.path };
}

/** "in Ingress x" or "earlier in this Ingress", seen from `from`. */
export function whereFrom(from: RouteEntry, e: RouteEntry): string {
  return e.ingress === from.ingress ? `${e.node.path} of this Ingress` : ingressName(e.ingress);
}

export function relatedEntry(e: RouteEntry, message: string): RelatedLocation {
  return { uri: e.ingress.uri, span: entrySpan(e).span, message };
}

export function backendOf(e: RouteEntry): string {
  return backendLabel(e.backend);
}
