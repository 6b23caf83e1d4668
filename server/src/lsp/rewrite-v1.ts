// Rewrites an Ingress written for a removed API version (extensions/v1beta1,
// networking.k8s.io/v1beta1) to networking.k8s.io/v1: the apiVersion, and every
// serviceName/servicePort backend moved to service.name/service.port.number|name.
// Stand-in until the rules engineer's rewrite function lands; edits only what must change.
import type { TextEdit } from 'vscode-languageserver';
import type { Ingress, IngressBackend } from '../ingress/model';
import { entry } from '../ingress/source';
import { toRange } from './convert';
import type { FileModel } from './file-model';

export const V1 = 'networking.k8s.io/v1';
export const REMOVED_VERSIONS = new Set(['extensions/v1beta1', 'networking.k8s.io/v1beta1']);

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function backendEdits(b: IngressBackend, file: FileModel): TextEdit[] {
  const name = entry(b.node, 'serviceName');
  const port = entry(b.node, 'servicePort');
  if (!name) return [];
  const text = file.text;
  const col = name.keySpan.start - lineStart(text, name.keySpan.start);
  const pad = ' '.repeat(col);
  const portValue = port?.value.kind === 'scalar' ? port.value.value : undefined;
  const portLine = portValue === undefined || portValue === null ? ''
    : `\n${pad}  port:\n${pad}    ${typeof portValue === 'number' ? 'number' : 'name'}: ${portValue}`;
  const svcName = name.value.kind === 'scalar' ? String(name.value.value ?? '') : '';
  const edits: TextEdit[] = [{
    range: toRange(file.lines, { start: name.keySpan.start, end: name.value.span.end }),
    newText: `service:\n${pad}  name: ${svcName}${portLine}`,
  }];
  if (port) {
    const start = lineStart(text, port.keySpan.start);
    const nl = text.indexOf('\n', port.value.span.end > port.keySpan.end ? port.value.span.end - 1 : port.keySpan.end);
    const end = nl < 0 ? text.length : nl + 1;
    if (start >= name.value.span.end) edits.push({ range: toRange(file.lines, { start, end }), newText: '' });
  }
  return edits;
}

export function rewriteToV1(ing: Ingress, file: FileModel): { title: string; edits: TextEdit[] }[] {
  const api = entry(ing.root, 'apiVersion');
  if (!api || !REMOVED_VERSIONS.has(ing.apiVersion)) return [];
  const edits: TextEdit[] = [{ range: toRange(file.lines, api.value.span), newText: V1 }];
  const oldDefault = entry(entry(ing.root, 'spec')?.value, 'backend');
  if (oldDefault) edits.push({ range: toRange(file.lines, oldDefault.keySpan), newText: 'defaultBackend' });
  const backends = [ing.defaultBackend, ...ing.rules.flatMap((r) => r.paths.map((p) => p.backend))];
  for (const b of backends) if (b?.legacy) edits.push(...backendEdits(b, file));
  return [{ title: `Rewrite to ${V1}`, edits }];
}
