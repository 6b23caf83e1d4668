// Quick fixes for tls/cert-host (the certificate of a TLS entry's Secret does not cover one of
// its hosts): take the host out of the entry, or name a Secret (workspace or cluster) whose
// certificate covers every host of the entry. Only the public certificate is read.
import type { CodeAction } from 'vscode-languageserver';
import type { Ingress, IngressTLS } from '../ingress/model';
import { certCovers, secretCert } from '../rules/tls/secret-ref';
import { action, lineStart, nextBreak, replace, resolveField, type FixContext } from './fix-kit';

/** The line of a block list item (its indentation to its newline), or the item and its comma in a flow list. */
function itemSpan(text: string, start: number, end: number, flow: boolean): { start: number; end: number } {
  if (flow) {
    const after = /^\s*,\s*/.exec(text.slice(end))?.[0].length ?? 0;
    if (after) return { start, end: end + after };
    const before = /,\s*$/.exec(text.slice(0, start))?.[0].length ?? 0;
    return { start: start - before, end };
  }
  const nl = nextBreak(text, end);
  return { start: lineStart(text, start), end: nl ? nl.index + nl.length : text.length };
}

function removeHost(c: FixContext, tls: IngressTLS, host: string): CodeAction[] {
  const item = tls.hosts.find((h) => h.value === host);
  if (!item || tls.hosts.length < 2) return [];
  const hostsNode = resolveField(c.object.root, item.node.path.replace(/\[\d+\]$/, '')).node;
  const flow = !!hostsNode && c.file.text[hostsNode.span.start] === '[';
  return [action(c, `Remove "${host}" from this TLS entry`, [replace(c, itemSpan(c.file.text, item.node.span.start, item.node.span.end, flow), '')])];
}

function useCoveringSecret(c: FixContext, tls: IngressTLS): CodeAction[] {
  const name = tls.secretName;
  if (!name) return [];
  const hosts = tls.hosts.map((h) => h.value).filter(Boolean);
  const seen = new Set<string>([name.value]);
  const out: CodeAction[] = [];
  for (const s of [...c.ws.store.list('Secret', c.object.namespace)].sort((a, b) => a.name.localeCompare(b.name))) {
    const cert = secretCert(s);
    if (!cert || seen.has(s.name) || !hosts.every((h) => certCovers(cert, h))) continue;
    seen.add(s.name);
    const from = s.origin === 'cluster' ? 'in the cluster' : 'in the workspace';
    out.push(action(c, `Use Secret "${s.name}" (${from}), whose certificate covers ${hosts.join(', ')}`, [replace(c, name.node.span, s.name)], out.length === 0));
  }
  return out.slice(0, 5);
}

/** The TLS entry a `spec.tls[i].hosts[j]` field belongs to, and that host. */
export function certHostFixes(c: FixContext): CodeAction[] {
  const m = /^spec\.tls\[(\d+)\]\.hosts\[\d+\]$/.exec(c.data.field ?? '');
  const tls = m ? (c.object as Ingress).tls[Number(m[1])] : undefined;
  const { node } = resolveField(c.object.root, c.data.field ?? '');
  if (!tls || node?.kind !== 'scalar' || typeof node.value !== 'string') return [];
  return [...useCoveringSecret(c, tls), ...removeHost(c, tls, node.value)];
}
