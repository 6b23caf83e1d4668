// The same key twice in one mapping. Strict decoding refuses it (`duplicate field`); where it
// is accepted, the last value silently wins. Points at the second key, related to the first.
import { childPath, type SNode } from '../../ingress/source';
import type { ObjectRule, Reporter } from '../rule';

export const duplicateKey: ObjectRule = {
  id: 'schema/duplicate-key',
  description: 'The same key appears twice in one mapping.',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress', 'IngressClass', 'Service', 'Secret'],
  check(obj, _ctx, report) {
    visit(obj.root, obj.uri, report);
  },
};

function visit(node: SNode, uri: string, report: Reporter): void {
  if (node.kind === 'seq') {
    for (const item of node.items) visit(item, uri, report);
    return;
  }
  if (node.kind !== 'map') return;
  const seen = new Map<string, SNode['span']>();
  for (const e of node.entries) {
    const first = seen.get(e.key);
    if (first) {
      const field = childPath(node.path, e.key);
      report({
        message: `duplicate field "${field}"`,
        span: e.keySpan,
        field,
        related: [{ uri, span: first, message: 'first defined here' }],
      });
    } else {
      seen.set(e.key, e.keySpan);
    }
    visit(e.value, uri, report);
  }
}
