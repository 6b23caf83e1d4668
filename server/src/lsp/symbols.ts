// Document symbols (the outline): Ingress → host → path, and the other objects by kind/name.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Lines } from '../engine/file-model';
import type { Ingress, KObject } from '../ingress/model';
import { getIn, joinSpans } from '../ingress/source';
import { toRange } from './convert';
import type { FileModel } from '../engine/file-model';

const KIND: Record<KObject['kind'], SymbolKind> = {
  Ingress: SymbolKind.Module, Service: SymbolKind.Interface, Secret: SymbolKind.Key, IngressClass: SymbolKind.Class,
};

function ingressChildren(ing: Ingress, lines: Lines): DocumentSymbol[] {
  return ing.rules.map((r) => {
    const range = toRange(lines, r.node.span);
    return {
      name: r.host?.value || '*',
      detail: 'host',
      kind: SymbolKind.Namespace,
      range,
      selectionRange: r.host ? toRange(lines, r.host.node.span) : range,
      children: r.paths.map((p) => {
        const pr = toRange(lines, p.node.span);
        const svc = p.backend?.service;
        return {
          name: p.path?.value ?? '(no path)',
          detail: [p.pathType?.value, svc?.name ? `→ ${svc.name.value}:${svc.portNumber?.value ?? svc.portName?.value ?? '?'}` : undefined].filter(Boolean).join(' '),
          kind: SymbolKind.Field,
          range: pr,
          selectionRange: p.path ? toRange(lines, p.path.node.span) : pr,
        };
      }),
    };
  });
}

export function documentSymbols(file: FileModel): DocumentSymbol[] {
  const lines = file.lines;
  return file.objects.map((o) => {
    const nameNode = getIn(o.root, 'metadata', 'name');
    const range = toRange(lines, joinSpans(o.span, o.root.span));
    return {
      name: `${o.kind} ${o.name || '(unnamed)'}`,
      detail: o.namespace,
      kind: KIND[o.kind],
      range,
      selectionRange: nameNode ? toRange(lines, nameNode.span) : range,
      children: o.kind === 'Ingress' ? ingressChildren(o, lines) : [],
    };
  });
}
