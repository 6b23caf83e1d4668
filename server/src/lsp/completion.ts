// Completion: keys of the Ingress schema at the cursor (with snippets), and values that come
// from the workspace and the cluster: Services and their ports, TLS Secrets, IngressClasses,
// hosts, pathType/apiVersion, ingress-nginx annotations. Reads the cursor from indentation,
// so it works while the document is half-typed.
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position, type Range,
} from 'vscode-languageserver';
import { NGINX_ANNOTATIONS, NGINX_PREFIX, nginxAnnotation } from '../ingress/nginx-annotations';
import type { Service } from '../ingress/model';
import { asMap, get, str } from '../ingress/source';
import type { ClusterFacts } from '../rules/rule';
import { cursorContext, pathString, siblingKeys, type CursorContext } from './cursor';
import { fieldsAt } from './ingress-fields';
import { entryAt, locate } from './locate';
import type { Project as Workspace } from '../engine/index';

export const COMPLETION_TRIGGERS = [':', ' ', '/', '.'];

/** Most used first (sortText keeps this order; editors sort by label otherwise), each with what it matches. */
const PATH_TYPES: [string, string][] = [
  ['Prefix', 'this path and all paths below it'],
  ['Exact', 'this path only'],
  ['ImplementationSpecific', 'as the controller decides'],
];
const API_VERSIONS: Record<string, string[]> = {
  Ingress: ['networking.k8s.io/v1'], IngressClass: ['networking.k8s.io/v1'], Service: ['v1'], Secret: ['v1'],
};

interface Ctx {
  ws: Workspace;
  facts?: ClusterFacts;
  cur: CursorContext;
  range: Range;
  namespace: string;
  kind?: string;
  /** The backend Service named above the cursor (for port completion). */
  backendService?: string;
  /** Keys the map at the cursor already has. */
  present: Set<string>;
}

function item(label: string, range: Range, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind: CompletionItemKind.Value, textEdit: { range, newText: label }, ...extra };
}

export function portsLabel(s: Service): string {
  return s.ports.map((p) => `${p.port ?? '?'}${p.name ? `/${p.name}` : ''}${p.targetPort !== undefined ? `→${p.targetPort}` : ''}`).join(', ');
}

/** `2/3 ready` from the Service's endpoints, else the pods its selector matches. */
export function readiness(facts: ClusterFacts | undefined, s: Service): string | undefined {
  const e = facts?.endpoints(s.namespace, s.name);
  if (e && e.total > 0) return `${e.ready}/${e.total} ready`;
  const pods = s.selector && facts?.podsMatching(s.namespace, s.selector);
  if (pods !== undefined) return `${pods} pod${pods === 1 ? '' : 's'} match`;
  return e ? '0 endpoints' : undefined;
}

function serviceItems(c: Ctx): CompletionItem[] {
  const services = c.ws.store.list('Service', c.namespace);
  return services.map((s, i) => item(s.name, c.range, {
    kind: CompletionItemKind.Reference,
    detail: [`ports ${portsLabel(s) || 'none'}`, readiness(c.facts, s), s.origin === 'cluster' ? 'cluster' : undefined].filter(Boolean).join(' · '),
    sortText: String(i).padStart(5, '0'),
  }));
}

function portItems(c: Ctx, want: 'number' | 'name' | 'any'): CompletionItem[] {
  const svc = c.backendService ? c.ws.store.find('Service', c.namespace, c.backendService)[0] : undefined;
  if (!svc) return [];
  return svc.ports.flatMap((p) => {
    const detail = `${p.protocol}${p.targetPort !== undefined ? ` → targetPort ${p.targetPort}` : ''}${p.name ? ` (${p.name})` : ''}`;
    const out: CompletionItem[] = [];
    if (want !== 'name' && p.port !== undefined) out.push(item(String(p.port), c.range, { detail }));
    if (want !== 'number' && p.name) out.push(item(p.name, c.range, { detail: `port ${p.port ?? '?'} ${detail}` }));
    return out;
  });
}

function hostItems(c: Ctx): CompletionItem[] {
  const hosts = new Set<string>();
  for (const ing of c.ws.store.list('Ingress')) {
    for (const r of ing.rules) if (r.host?.value) hosts.add(r.host.value);
    for (const t of ing.tls) for (const h of t.hosts) hosts.add(h.value);
  }
  return [...hosts].sort().map((h) => item(h, c.range, { detail: 'host used in the workspace' }));
}

function valueItems(c: Ctx): CompletionItem[] {
  const { key, path } = c.cur;
  const p = pathString(path);
  if (p === 'metadata.annotations' && key) {
    const a = nginxAnnotation(key);
    return (a?.values ?? (a?.example ? [a.example] : [])).map((v) => item(v, c.range, { detail: a!.doc }));
  }
  switch (key) {
    case 'pathType': return PATH_TYPES.map(([v, detail], i) => item(v, c.range, { detail, sortText: String(i) }));
    case 'apiVersion': return p === '' ? (API_VERSIONS[c.kind ?? 'Ingress'] ?? API_VERSIONS.Ingress!).map((v) => item(v, c.range)) : [];
    case 'kind': return p === '' ? Object.keys(API_VERSIONS).map((v) => item(v, c.range)) : [];
    case 'serviceName': return serviceItems(c);
    case 'servicePort': return portItems(c, 'any');
    case 'ingressClassName': return classItems(c);
    case 'secretName': return p.endsWith('tls[]') ? secretItems(c) : [];
    case 'host': return hostItems(c);
    case 'hosts': return hostItems(c);
    case 'number': return p.endsWith('service.port') ? portItems(c, 'number') : [];
    case 'name':
      if (p.endsWith('service.port')) return portItems(c, 'name');
      if (p.endsWith('backend.service') || p.endsWith('defaultBackend.service')) return serviceItems(c);
      return [];
    default: return [];
  }
}

function classItems(c: Ctx): CompletionItem[] {
  return c.ws.store.list('IngressClass').map((k) => item(k.name, c.range, {
    detail: [k.controller, k.isDefault ? 'default' : undefined].filter(Boolean).join(' · '),
    preselect: k.isDefault,
  }));
}

function secretItems(c: Ctx): CompletionItem[] {
  return c.ws.store.list('Secret', c.namespace).filter((s) => s.type === 'kubernetes.io/tls')
    .map((s) => item(s.name, c.range, { kind: CompletionItemKind.Reference, detail: `kubernetes.io/tls · ${s.origin}` }));
}

function keyItems(c: Ctx): CompletionItem[] {
  const p = pathString(c.cur.path);
  if (p === 'metadata.annotations') {
    return NGINX_ANNOTATIONS.map((a) => ({
      label: NGINX_PREFIX + a.name,
      kind: CompletionItemKind.Property,
      documentation: { kind: MarkupKind.Markdown, value: a.doc + (a.values ? `\n\nValues: ${a.values.map((v) => `\`${v}\``).join(', ')}` : '') },
      textEdit: { range: c.range, newText: `${NGINX_PREFIX}${a.name}: ` },
    }));
  }
  // Not the keys the map already has, nor `status` (the API server writes it).
  const fields = (fieldsAt(p, c.kind ?? 'Ingress') ?? []).filter((f) => !c.present.has(f.name) && !(p === '' && f.name === 'status'));
  return fields.map((f) => ({
    label: f.name,
    kind: CompletionItemKind.Property,
    detail: f.type + (f.required ? ' (required)' : ''),
    documentation: { kind: MarkupKind.Markdown, value: f.doc },
    insertTextFormat: f.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: c.range, newText: f.snippet ?? (f.type === 'object' || f.type === 'array' || f.type === 'map' ? `${f.name}:` : `${f.name}: `) },
  }));
}

/** An indented `namespace: x` line (metadata.namespace of an object the parser could not read yet). Blanks only within the line: `^\s+` ran across every blank line, quadratic in a document of many. */
export function writtenNamespace(text: string): string | undefined {
  return /^[ \t]+namespace:[ \t]*([\w.-]+)/m.exec(text)?.[1];
}

export function complete(ws: Workspace, facts: ClusterFacts | undefined, uri: string, position: Position): CompletionList {
  const at = locate(ws, uri, position);
  if (!at) return { isIncomplete: false, items: [] };
  const rel = at.offset - at.entry.base;
  const cur = cursorContext(at.entry.text, rel);
  const lines = at.file.lines;
  const range = { start: lines.positionAt(cur.prefixStart + at.entry.base), end: position };
  const text = at.entry.text;
  const hit = entryAt(at.doc?.root, at.offset);
  const serviceMap = [...(hit?.chain ?? [])].reverse().find((e) => e.key === 'service' || e.key === 'backend');
  const backendService = str(get(asMap(serviceMap?.value), 'name')) ?? str(get(asMap(serviceMap?.value), 'serviceName'));
  const c: Ctx = {
    ws, facts, cur, range,
    namespace: at.object?.namespace || writtenNamespace(text) || ws.options.defaultNamespace,
    kind: at.object?.kind ?? /^kind:\s*(\w+)/m.exec(text)?.[1],
    backendService,
    present: cur.position === 'key' ? siblingKeys(text, rel) : new Set(),
  };
  const items = cur.position === 'value' ? valueItems(c) : keyItems(c);
  return { isIncomplete: false, items };
}
