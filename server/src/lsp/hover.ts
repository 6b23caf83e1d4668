// Hover: field documentation on keys; on an enum value (`Prefix`) what that value means; on a backend Service its ports, selector and readiness;
// on a TLS secretName the certificate's subject, SANs, issuer and expiry (never key data);
// on a path which requests it wins and what shadows it (the shared matcher); on an
// ingress-nginx annotation its documentation.
import { X509Certificate } from 'node:crypto';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { nginxAnnotation } from '../ingress/nginx-annotations';
import type { Secret, Service } from '../ingress/model';
import type { SEntry } from '../ingress/source';
import type { ClusterFacts } from '../rules/rule';
import { portsLabel, readiness } from './completion';
import { toRange } from './convert';
import { fieldDoc, genericPath } from './ingress-fields';
import { entryAt, locate, namesBackendService } from './locate';
import { openApiFieldDoc, type OpenApiDocs } from './openapi-docs';
import { trimTrailingSlashes } from '../ingress/routing/paths';
import { pathStory } from './routes';
import type { Project as Workspace } from '../engine/index';

export function serviceMarkdown(s: Service, facts: ClusterFacts | undefined): string {
  const lines = [`**Service ${s.namespace}/${s.name}** (${s.type}, from the ${s.origin === 'cluster' ? 'cluster' : 'workspace'})`, ''];
  lines.push(`Ports: ${s.ports.length ? s.ports.map((p) => `\`${portsLabel({ ...s, ports: [p] })}\` ${p.protocol}`).join(', ') : 'none'}`);
  lines.push('', `Selector: ${s.selector ? Object.entries(s.selector).map(([k, v]) => `\`${k}=${v}\``).join(', ') || 'none' : 'none'}`);
  const ready = readiness(facts, s);
  if (ready) lines.push('', `Pods: ${ready}`);
  else if (!facts) lines.push('', '_Readiness unknown: no cluster connected._');
  return lines.join('\n');
}

/** "DNS:a.com, IP Address:1.2.3.4" as code spans: a bare host name would render as a link. */
function sans(altNames: string | undefined): string {
  return altNames?.split(', ').map((n) => `\`${n.replace(/^DNS:/, '')}\``).join(', ') || 'none';
}

/** Subject, SANs, issuer and validity of a PEM certificate; nothing from the private key. */
export function certificateMarkdown(secret: Secret, now: Date): string {
  const head = `**Secret ${secret.namespace}/${secret.name}** (${secret.type})`;
  if (!secret.tlsCrt) return `${head}\n\nNo readable tls.crt (keys: ${secret.keys.join(', ') || 'none'}).`;
  try {
    const c = new X509Certificate(secret.tlsCrt);
    const expiry = new Date(c.validTo);
    const days = Math.floor((expiry.getTime() - now.getTime()) / 86400000);
    return [head, '',
      `Subject: \`${c.subject.replace(/\n/g, ', ')}\``, '',
      `SANs: ${sans(c.subjectAltName)}`, '',
      `Issuer: \`${c.issuer.replace(/\n/g, ', ')}\``, '',
      `Expires: ${expiry.toISOString().slice(0, 10)} (${days < 0 ? `expired ${-days} days ago` : `in ${days} days`})`].join('\n');
  } catch {
    return `${head}\n\ntls.crt is not a readable PEM certificate.`;
  }
}

function pathMarkdown(path: string, pathType: string | undefined): string {
  const t = pathType ?? '(no pathType)';
  if (t === 'Exact') return `**Exact \`${path}\`**: wins only for the URL path \`${path}\` exactly (case-sensitive); Exact beats Prefix on the same path.`;
  if (t === 'Prefix') {
    const base = trimTrailingSlashes(path) || '/';
    return `**Prefix \`${path}\`**: wins for \`${base}\`${base === '/' ? ' and every path' : ` and \`${base}/…\` (not \`${base}x\`)`}, unless a longer matching path or an Exact match on the same host claims the request.`;
  }
  return `**${t} \`${path}\`**: matching is up to the IngressClass's controller.`;
}

/** A reference to nothing: the diagnostic says so; the hover names what the namespace has instead. */
function missing(ws: Workspace, kind: 'Service' | 'Secret', ns: string, facts: ClusterFacts | undefined): string {
  const names = ws.store.list(kind, ns).map((o) => `\`${o.name}\``);
  if (!names.length) return `No ${kind} in namespace \`${ns}\` (in the workspace${facts ? ' or the cluster' : ''}).`;
  return `${kind}s in namespace \`${ns}\`: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`;
}

function valueHover(ws: Workspace, facts: ClusterFacts | undefined, ns: string, e: SEntry, chain: SEntry[]): string | undefined {
  const value = e.value.kind === 'scalar' ? String(e.value.value ?? '') : '';
  const store = ws.store;
  if (namesBackendService({ entry: e, chain })) {
    const s = store.find('Service', ns, value)[0];
    return s ? serviceMarkdown(s, facts) : missing(ws, 'Service', ns, facts);
  }
  if (e.key === 'secretName') {
    const s = store.find('Secret', ns, value)[0];
    return s ? certificateMarkdown(s, ws.options.now()) : missing(ws, 'Secret', ns, facts);
  }
  return undefined;
}

/** An enum value (`Prefix`): what this value means, with the field's other values. */
function enumValueMarkdown(e: SEntry, field: string, kind: string): string | undefined {
  const docs = fieldDoc(field, kind)?.enumDocs;
  const value = e.value.kind === 'scalar' ? e.value.value : undefined;
  if (!docs || typeof value !== 'string' || !Object.prototype.hasOwnProperty.call(docs, value)) return undefined;
  const others = Object.keys(docs).filter((v) => v !== value).map((v) => `\`${v}\``).join(', ');
  return `**${value}** (a value of \`${e.key}\`)\n\n${docs[value]}\n\n_Other values: ${others}._`;
}

function fieldMarkdown(key: string, field: string, kind: string, docs: OpenApiDocs | undefined): string | undefined {
  const live = docs && openApiFieldDoc(docs, field, kind);
  const f = live ?? fieldDoc(field, kind);
  if (!f) return undefined;
  const source = live ? `\n\n_From the cluster's OpenAPI${docs.version ? ` (${docs.version})` : ''}._` : '';
  return `**${key}** \`${f.type}\`${f.required ? ' (required)' : ''}\n\n${f.doc}${source}`;
}

/** docs: the connected cluster's OpenAPI field docs (the bundled schema otherwise). */
export function hover(ws: Workspace, facts: ClusterFacts | undefined, uri: string, position: Position, docs?: OpenApiDocs): Hover | null {
  const at = locate(ws, uri, position);
  const hit = at && entryAt(at.doc?.root, at.offset);
  if (!at || !hit) return null;
  const { entry: e, chain, onKey } = hit;
  const field = genericPath(e.value.path);
  const ns = at.object?.namespace ?? ws.options.defaultNamespace;
  let md: string | undefined;
  if (field.startsWith('metadata.annotations.')) {
    const a = nginxAnnotation(e.key);
    md = a && `**${e.key}**\n\n${a.doc}${a.values ? `\n\nValues: ${a.values.map((v) => `\`${v}\``).join(', ')}` : ''}`;
  } else if (!onKey && e.key === 'path' && field.endsWith('paths[].path')) {
    const story = at.object?.kind === 'Ingress' ? pathStory(ws, at.object, hit.map) : undefined;
    md = story ?? pathMarkdown(String(e.value.kind === 'scalar' ? e.value.value : ''), str(hit.map, 'pathType'));
  } else if (!onKey) {
    md = valueHover(ws, facts, ns, e, chain) ?? enumValueMarkdown(e, field, at.object?.kind ?? 'Ingress');
  }
  if (!md && (at.object?.kind === 'Ingress' || at.object?.kind === 'IngressClass')) {
    md = fieldMarkdown(e.key, field, at.object.kind, docs);
  }
  if (!md) return null;
  const span = onKey ? e.keySpan : e.value.span;
  return { contents: { kind: MarkupKind.Markdown, value: md }, range: toRange(at.file.lines, span) };
}

function str(map: { entries: SEntry[] }, key: string): string | undefined {
  const v = map.entries.find((x) => x.key === key)?.value;
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
}
