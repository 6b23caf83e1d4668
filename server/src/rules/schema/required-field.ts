// A field the schema marks required and no ingress/ rule reports in the API server's own
// words (those carry `requiredBy` in the schema), e.g. a missing apiVersion or port entry.
import { childPath } from '../../ingress/source';
import type { ObjectRule } from '../rule';
import { walkSchema } from './walk';

export const requiredField: ObjectRule = {
  id: 'schema/required-field',
  description: 'A required field is missing.',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress', 'IngressClass'],
  check(obj, _ctx, report) {
    walkSchema(obj, ({ node, schema, anchor }) => {
      if (node.kind !== 'map' || schema.type !== 'object' || !schema.fields) return;
      for (const [name, field] of Object.entries(schema.fields)) {
        if (!field.required || field.requiredBy) continue;
        const present = node.entries.find((e) => e.key === name);
        if (present && !(present.value.kind === 'scalar' && present.value.value === null)) continue;
        const path = childPath(node.path, name);
        report({ message: `${path}: Required value`, span: present?.keySpan ?? anchor, field: path });
      }
    });
  },
};
