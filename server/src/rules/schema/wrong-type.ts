// A value of the wrong JSON type: the API server cannot decode the object at all
// (`json: cannot unmarshal bool into Go struct field ... of type string`). The usual cause is
// YAML 1.1, which Kubernetes follows: unquoted on/off/yes/no/y/n are booleans, 0755 is octal,
// 1_000 and 0x1F are numbers. The message says so and the data carries the quoted text.
import type { FieldSchema, FieldType } from '../../ingress/schema';
import type { SNode, SScalar } from '../../ingress/source';
import type { ObjectRule } from '../rule';
import { walkSchema } from './walk';

export const wrongType: ObjectRule = {
  id: 'schema/wrong-type',
  description: 'A value has the wrong type (e.g. an unquoted `on`, `yes` or `0755` where a string is expected).',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress', 'IngressClass'],
  check(obj, _ctx, report) {
    walkSchema(obj, ({ node, schema }) => {
      const problem = typeProblem(node, schema);
      if (problem) report({ message: `${node.path}: ${problem.message}`, span: node.span, field: node.path, data: problem.data, severity: problem.severity });
    });
  },
};

interface Problem {
  message: string;
  data: Record<string, unknown>;
  severity?: 'warning';
}

/** `port: 80` where v1 wants `port: { number: 80 }` (or `port: http` for `{ name: http }`). */
function portShorthand(node: SNode, schema: FieldSchema): Problem | undefined {
  if (node.kind !== 'scalar' || !schema.fields?.number || !schema.fields.name || node.value === null) return undefined;
  const key = typeof node.value === 'number' ? 'number' : 'name';
  const replacement = `{ ${key}: ${node.source} }`;
  return { message: `expected an object, got ${actualName(node)}; write port: ${replacement}`, data: { expected: 'object', replacement } };
}

/** An integer written with a leading zero: valid, but YAML 1.1 read it in base 8 (0443 is 291). */
function octalInteger(node: SScalar): Problem | undefined {
  if (!/^[-+]?0[0-7]+$/.test(node.source)) return undefined;
  const decimal = String(Number.parseInt(node.source, 10));
  return {
    message: `YAML 1.1 reads unquoted ${node.source} as the octal number ${node.value}, not ${decimal}; write ${decimal} or ${node.value}`,
    data: { expected: 'integer', replacement: decimal },
    severity: 'warning',
  };
}

const TYPE_NAMES: Record<FieldType, string> = {
  string: 'a string', integer: 'an integer', boolean: 'a boolean', object: 'an object', array: 'a list', map: 'a map of strings',
};

function actualName(node: SNode): string {
  if (node.kind === 'map') return 'an object';
  if (node.kind === 'seq') return 'a list';
  const v = node.value;
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  return `the number ${node.source || v}`;
}

export function typeProblem(node: SNode, schema: FieldSchema): Problem | undefined {
  if (node.kind === 'scalar' && node.value === null) return undefined;
  const data = { expected: schema.type };
  const head = `expected ${TYPE_NAMES[schema.type]}, got ${actualName(node)}`;
  switch (schema.type) {
    case 'string':
      if (node.kind !== 'scalar' || typeof node.value === 'string') return undefined;
      return quoteAdvice(node, data.expected, head);
    case 'integer':
      if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value)) return octalInteger(node);
      if (node.kind === 'scalar' && typeof node.value === 'string' && /^[0-9]+$/.test(node.value)) {
        return { message: `${head}; remove the quotes: ${node.value}`, data: { ...data, replacement: node.value } };
      }
      return { message: head, data };
    case 'boolean':
      return node.kind === 'scalar' && typeof node.value === 'boolean' ? undefined : { message: head, data };
    case 'object':
    case 'map':
      return node.kind === 'map' ? undefined : portShorthand(node, schema) ?? { message: head, data };
    case 'array':
      return node.kind === 'seq' ? undefined : { message: head, data };
  }
}

function quoteAdvice(node: SScalar, expected: FieldType, head: string): Problem {
  const replacement = JSON.stringify(node.source);
  const quirk = yamlQuirk(node);
  const why = quirk ? `expected ${TYPE_NAMES[expected]}, but ${quirk}` : head;
  return { message: `${why}; quote it: ${replacement}`, data: { expected, replacement } };
}

/**
 * Why YAML 1.1 (as go-yaml reads it: no base-60 numbers, timestamps kept as strings) read this
 * plain scalar as something other than what was written, if it did.
 */
export function yamlQuirk(node: SScalar): string | undefined {
  const src = node.source;
  if (typeof node.value === 'boolean' && !/^(true|false)$/i.test(src)) {
    return `YAML 1.1 reads unquoted ${src} as the boolean ${node.value}`;
  }
  if (typeof node.value !== 'number') return undefined;
  if (/^[-+]?0(?:[0-7]+|[oO][0-7_]+)$/.test(src)) return `YAML 1.1 reads unquoted ${src} as the octal number ${node.value}`;
  if (/^[-+]?0x/i.test(src)) return `YAML 1.1 reads unquoted ${src} as the hexadecimal number ${node.value}`;
  if (/^[-+]?0b/i.test(src)) return `YAML 1.1 reads unquoted ${src} as the binary number ${node.value}`;
  if (src.includes('_')) return `YAML 1.1 reads unquoted ${src} as the number ${node.value}`;
  return undefined;
}
