// A field the schema does not have. The API server (strict field validation, kubectl's
// default since 1.27) refuses the object: `strict decoding error: unknown field "spec.foo"`.
import { childPath } from '../../ingress/source';
import type { ObjectRule } from '../rule';
import { walkSchema } from './walk';

export const unknownField: ObjectRule = {
  id: 'schema/unknown-field',
  description: 'A field that networking.k8s.io/v1 does not define (often a typo or a wrong indentation).',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress', 'IngressClass'],
  check(obj, _ctx, report) {
    walkSchema(obj, ({ node, schema }) => {
      if (node.kind !== 'map' || schema.type !== 'object' || !schema.fields) return;
      const known = Object.keys(schema.fields);
      for (const e of node.entries) {
        if (known.includes(e.key)) continue;
        const field = childPath(node.path, e.key);
        const legacy = LEGACY_FIELDS.get(e.key);
        const suggestion = legacy ? undefined : closest(e.key, known);
        const hint = legacy ? `; ${legacy}` : suggestion ? `; did you mean "${suggestion}"?` : '';
        report({
          message: `unknown field "${field}"${hint}`,
          span: e.keySpan,
          field,
          data: suggestion ? { suggestion } : undefined,
        });
      }
    });
  },
};

/** Fields of the removed v1beta1 shape, with what replaced them in networking.k8s.io/v1. */
const LEGACY_FIELDS = new Map([
  ['backend', 'networking.k8s.io/v1 renamed spec.backend to spec.defaultBackend'],
  ['serviceName', 'networking.k8s.io/v1 uses service.name'],
  ['servicePort', 'networking.k8s.io/v1 uses service.port.number or service.port.name'],
]);

/** The known field a typo most likely meant: same letters ignoring case, or within 2 edits. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same) return same;
  const longer = lower.length >= 4 ? known.find((k) => k.toLowerCase().startsWith(lower)) : undefined;
  if (longer) return longer;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
