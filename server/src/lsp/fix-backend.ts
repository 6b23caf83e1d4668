// Quick fix for a path without a backend (ingress/backend-exactly-one on a path whose
// `backend` is missing or empty): insert a backend skeleton, one choice per Service of the
// namespace (workspace and cluster) with its first port, or one with the name to fill in.
import type { CodeAction } from 'vscode-languageserver';
import type { Service } from '../ingress/model';
import { asMap, entry } from '../ingress/source';
import { action, afterEntry, column, lineStart, replace, resolveField, type FixContext } from './fix-kit';

const MAX_CHOICES = 5;

function skeleton(indent: string, name: string, port: string): string {
  return `\n${indent}backend:\n${indent}  service:\n${indent}    name: ${name}\n${indent}    port:\n${indent}      ${port}`;
}

function portOf(s: Service): string {
  const p = s.ports[0];
  return p?.name && p.port === undefined ? `name: ${p.name}` : `number: ${p?.port ?? 80}`;
}

export function addBackendFixes(c: FixContext): CodeAction[] {
  const field = c.data.field ?? '';
  if (!/\.paths\[\d+\]\.backend$/.test(field)) return [];
  const item = asMap(resolveField(c.object.root, field.replace(/\.backend$/, '')).node);
  const first = item?.entries[0];
  if (!item || !first) return [];
  const existing = entry(item, 'backend');
  // A missing backend, or an empty `backend:` line (then replaced whole).
  if (existing && !(existing.value.kind === 'scalar' && existing.value.value === null)) return [];
  // Inserted after the item's last line, or in place of the empty `backend:` line.
  const span = existing
    ? { start: lineStart(c.file.text, existing.keySpan.start) - 1, end: afterEntry(c, existing) }
    : { start: afterEntry(c, item.entries.at(-1)!), end: afterEntry(c, item.entries.at(-1)!) };
  const indent = ' '.repeat(column(c, first.keySpan.start));
  const services = c.ws.store.list('Service', c.object.namespace).slice().sort((a, b) => a.name.localeCompare(b.name)).slice(0, MAX_CHOICES);
  const choices = services.map((s) => ({ title: `Add a backend: Service "${s.name}" port ${portOf(s).replace(/^\w+: /, '')}`, text: skeleton(indent, s.name, portOf(s)) }));
  if (choices.length === 0) choices.push({ title: 'Add a backend (Service name and port to fill in)', text: skeleton(indent, '""', 'number: 80') });
  return choices.map((ch, i) => action(c, ch.title, [replace(c, span, ch.text)], i === 0));
}
