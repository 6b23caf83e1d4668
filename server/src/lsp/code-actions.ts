// Quick fixes for the common findings, keyed on the rules' ids and field paths (never on messages):
// add a missing pathType, prefix a path with "/", pick an existing Service or port (closest
// names first), create a Service stub, rewrite a removed apiVersion, add a host to a TLS entry,
// take a host out of a TLS entry or use a Secret that covers it (fix-tls.ts), add a missing
// backend (fix-backend.ts), and use the replacement a finding names (a misspelt pathType).
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { Ingress } from '../ingress/model';
import { asMap, asSeq, entry, type SMap, type SNode } from '../ingress/source';
import { SOURCE, toRange, type DiagnosticData } from './convert';
import { action, afterEntry, column, lineEnd, lineStart, replace, resolveField, type FixContext } from './fix-kit';
import { addBackendFixes } from './fix-backend';
import { certHostFixes } from './fix-tls';
import { backendExactlyOne } from '../rules/ingress/backend-exactly-one';
import { certHost } from '../rules/tls/cert-host';
import { locate } from './locate';
import { editDistance } from '../ingress/spelling';
import { NETWORKING_V1, rewriteToNetworkingV1 } from '../ingress/migrate';
import type { Project as Workspace } from '../engine/index';
import { hostWithoutTls } from '../rules/conflict/host-without-tls';
import { apiVersionRemoved } from '../rules/deprecated/api-version-removed';
import { pathAbsolute } from '../rules/ingress/path-absolute';
import { pathTypeRequired } from '../rules/ingress/path-type-required';
import { backendPortRule } from '../rules/ref/backend-port';
import { backendService } from '../rules/ref/backend-service';
import { requiredField } from '../rules/schema/required-field';

function addPathType(c: FixContext): CodeAction[] {
  const { parent } = resolveField(c.object.root, c.data.field!);
  const map = asMap(parent);
  const anchor = map?.entries[0];
  if (!map || !anchor) return [];
  const last = map.entries.find((e) => e.key === 'path') ?? anchor;
  const at = afterEntry(c, last);
  const indent = ' '.repeat(column(c, anchor.keySpan.start));
  return ['Prefix', 'Exact', 'ImplementationSpecific'].map((t, i) => action(c, `Add pathType: ${t}`,
    [{ range: toRange(c.file.lines, { start: at, end: at }), newText: `\n${indent}pathType: ${t}` }], i === 0));
}

function prefixSlash(c: FixContext): CodeAction[] {
  const fix = c.data.data?.fix as { insert?: string; at?: number } | undefined;
  const { node } = resolveField(c.object.root, c.data.field ?? '');
  const at = node?.span.start ?? fix?.at;
  if (at === undefined) return [];
  return [action(c, 'Prefix the path with "/"', [replace(c, { start: at, end: at }, '/')], true)];
}

function chooseService(c: FixContext): CodeAction[] {
  const { node } = resolveField(c.object.root, c.data.field!);
  if (!node || node.kind !== 'scalar') return [];
  const current = String(node.value ?? '');
  const services = c.ws.store.list('Service', c.object.namespace)
    .map((s) => s.name).filter((n) => n !== current)
    .sort((a, b) => editDistance(current, a) - editDistance(current, b) || a.localeCompare(b)).slice(0, 5);
  const out = services.map((n, i) => action(c, `Use Service "${n}"`, [replace(c, node.span, n)], i === 0));
  if (current) out.push(createServiceStub(c, current));
  return out;
}

function createServiceStub(c: FixContext, name: string): CodeAction {
  const ing = c.object as Ingress;
  const port = [...ing.rules.flatMap((r) => r.paths.map((p) => p.backend)), ing.defaultBackend]
    .find((b) => b?.service?.name?.value === name)?.service?.portNumber?.value ?? 80;
  const text = c.file.text;
  const end = text.length;
  const stub = `${text.endsWith('\n') || end === 0 ? '' : '\n'}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ing.namespace}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - name: http\n      port: ${port}\n      targetPort: ${port}\n`;
  return action(c, `Create a Service stub "${name}"`, [replace(c, { start: end, end }, stub)]);
}

function choosePort(c: FixContext): CodeAction[] {
  const { node, parent } = resolveField(c.object.root, c.data.field!);
  const target = node?.kind === 'scalar' ? node : undefined;
  const svcMap = c.data.field!.endsWith('servicePort') ? asMap(parent) : portOwner(c.object.root, c.data.field!);
  const svcName = svcMap && (entry(svcMap, 'name') ?? entry(svcMap, 'serviceName'))?.value;
  const name = svcName?.kind === 'scalar' ? String(svcName.value) : undefined;
  const svc = name ? c.ws.store.find('Service', c.object.namespace, name)[0] : undefined;
  if (!svc || !target) return [];
  const byName = typeof target.value === 'string' && !c.data.field!.endsWith('number');
  const choices = svc.ports.map((p) => (byName ? p.name : p.port)).filter((v) => v !== undefined).map(String);
  const current = String(target.value ?? '');
  return choices.sort((a, b) => editDistance(current, a) - editDistance(current, b))
    .map((v, i) => action(c, `Use port ${v} of Service "${svc.name}"`, [replace(c, target.span, v)], i === 0));
}

/** The `service` map that owns a `...service.port(.number|.name)` field. */
function portOwner(root: SNode, field: string): SMap | undefined {
  const owner = field.replace(/\.port(\.(number|name))?$/, '');
  return asMap(resolveField(root, owner).node);
}

/** Rewrites a removed-version document with the shared migration (comments survive). */
function rewriteV1(c: FixContext): CodeAction[] {
  const span = c.object.span;
  const rewrite = rewriteToNetworkingV1(c.file.text.slice(span.start, span.end));
  if (!rewrite) return [];
  return [action(c, `Rewrite to ${NETWORKING_V1} (${rewrite.changes.length} changes)`, [replace(c, span, rewrite.text)], true)];
}

/** A rule host without TLS: add it to the Ingress's first TLS entry. */
function addTlsHost(c: FixContext): CodeAction[] {
  const { node } = resolveField(c.object.root, c.data.field ?? '');
  const host = node?.kind === 'scalar' ? node.value : undefined;
  const ing = c.object as Ingress;
  if (typeof host !== 'string' || !ing.tls[0]) return [];
  const tls = ing.tls[0].node;
  const hosts = asSeq(entry(tls, 'hosts')?.value);
  const last = hosts?.items[hosts.items.length - 1];
  if (!last) {
    const first = tls.entries[0];
    if (!first) return [];
    const indent = ' '.repeat(column(c, first.keySpan.start));
    return [action(c, `Add "${host}" to the TLS hosts`, [replace(c, { start: first.keySpan.start, end: first.keySpan.start }, `hosts:\n${indent}  - ${host}\n${indent}`)], true)];
  }
  const text = c.file.text;
  const flow = text[hosts.span.start] === '[';
  if (flow) return [action(c, `Add "${host}" to the TLS hosts`, [replace(c, { start: last.span.end, end: last.span.end }, `, ${host}`)], true)];
  const at = lineEnd(text, last.span.end);
  const dashCol = text.lastIndexOf('-', last.span.start) - lineStart(text, last.span.start);
  return [action(c, `Add "${host}" to the TLS hosts`, [replace(c, { start: at, end: at }, `\n${' '.repeat(Math.max(0, dashCol))}- ${host}`)], true)];
}

/** A finding that names its own replacement (a misspelt pathType, a quoted number...). */
function useReplacement(c: FixContext): CodeAction[] {
  const r = c.data.data?.replacement;
  if (typeof r !== 'string' && typeof r !== 'number') return [];
  return [action(c, `Replace with ${r}`, [{ range: c.diagnostic.range, newText: String(r) }], true)];
}

/** The quick fixes per registered rule (ids from the registry, never literals or messages). */
const FIXES = new Map<string, (c: FixContext) => CodeAction[]>([
  [pathAbsolute.id, prefixSlash],
  [pathTypeRequired.id, addPathType],
  [requiredField.id, (c) => ((c.data.field ?? '').endsWith('.pathType') ? addPathType(c) : [])],
  [apiVersionRemoved.id, rewriteV1],
  [hostWithoutTls.id, addTlsHost],
  [backendService.id, chooseService],
  [backendPortRule.id, choosePort],
  [certHost.id, certHostFixes],
  [backendExactlyOne.id, addBackendFixes],
]);

function fixesFor(c: FixContext): CodeAction[] {
  return [...(FIXES.get(c.data.ruleId)?.(c) ?? []), ...useReplacement(c)];
}

export function codeActions(ws: Workspace, uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const file = ws.file(uri);
  if (!file) return [];
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const data = d.data as DiagnosticData | undefined;
    const ruleId = typeof d.code === 'string' ? d.code : data?.ruleId;
    if (!ruleId || d.source !== SOURCE) continue;
    const object = locate(ws, uri, d.range.start)?.object;
    if (!object) continue;
    out.push(...fixesFor({ ws, file, uri, diagnostic: d, data: { ...data, ruleId }, object }));
  }
  return out;
}
