// A field the schema does not have. The API server (strict field validation, kubectl's
// default since 1.27) refuses the object: `strict decoding error: unknown field "spec.foo"`.
import type { FieldSchema } from '../../ingress/schema';
import { childPath } from '../../ingress/source';
import { closest } from '../../ingress/spelling';
import type { ObjectRule } from '../rule';
import { walkSchema } from './walk';

export const unknownField: ObjectRule = {
  id: 'schema/unknown-field',
  description: 'A field that networking.k8s.io/v1 does not define (often a typo or a wrong indentation).',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress', 'IngressClass'],
  check(obj, _ctx, report) {
    const parents = new Map<string, FieldSchema>();
    walkSchema(obj, ({ node, schema }) => {
      if (node.kind !== 'map' || schema.type !== 'object' || !schema.fields) return;
      const known = Object.keys(schema.fields);
      for (const e of node.entries) {
        if (e.value.kind === 'map' && schema.fields[e.key]?.type === 'object') parents.set(e.value.path, schema);
        if (known.includes(e.key)) continue;
        const field = childPath(node.path, e.key);
        const legacy = legacyHint(node.path, e.key);
        const suggestion = legacy ? undefined : closest(e.key, known);
        const nested = legacy || suggestion ? undefined : whereItBelongs(e.key, node.path, schema, parents.get(node.path));
        const hint = legacy ? `; ${legacy}` : suggestion ? `; did you mean "${suggestion}"?` : nested ? `; ${nested}` : '';
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

/** Fields of the removed v1beta1 shape where they stood, with what replaced them in networking.k8s.io/v1. */
function legacyHint(parent: string, key: string): string | undefined {
  if (key === 'backend' && parent === 'spec') return 'networking.k8s.io/v1 renamed spec.backend to spec.defaultBackend';
  const inBackend = /(^|\.)(backend|defaultBackend)$/.test(parent);
  if (key === 'serviceName' && inBackend) return 'networking.k8s.io/v1 uses service.name';
  if (key === 'servicePort' && inBackend) return 'networking.k8s.io/v1 uses service.port.number or service.port.name';
  return undefined;
}

const has = (fields: Readonly<Record<string, FieldSchema>> | undefined, key: string) => !!fields && Object.prototype.hasOwnProperty.call(fields, key);

/** A field of the level below (an object field, or each list item) or of the parent: a key indented one level off. */
function whereItBelongs(key: string, path: string, schema: FieldSchema, parent: FieldSchema | undefined): string | undefined {
  for (const [name, f] of Object.entries(schema.fields ?? {})) {
    const inner = f.type === 'array' ? f.items : f;
    if (inner?.type === 'object' && has(inner.fields, key)) {
      const where = f.type === 'array' ? `each item of ${childPath(path, name)}` : childPath(path, name);
      return `"${key}" is a field of ${where}: check its indentation`;
    }
  }
  const up = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  if (has(parent?.fields, key)) return `"${key}" is a field of ${up || 'the object'}, one level up: check its indentation`;
  return undefined;
}
