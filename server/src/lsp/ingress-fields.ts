// Field documentation and key completion for the editor, from the shared networking.k8s.io/v1
// schema (server/src/ingress/schema.ts), plus snippets for the fields worth inserting whole
// (rules, path entries, backends). Paths use `[]` for any index: `spec.rules[].http.paths[]`.
import { allowedFields, INGRESS_V1, objectSchema, schemaAt, type FieldSchema } from '../ingress/schema';

export interface FieldDoc {
  name: string;
  type: FieldSchema['type'];
  doc: string;
  required?: boolean;
  /** The field's values with what each means (enums). */
  enumDocs?: FieldSchema['enumDocs'];
  /** Snippet inserted for the whole key (LSP snippet syntax, relative indentation). */
  snippet?: string;
}

const PATH_TYPES = '${%|Prefix,Exact,ImplementationSpecific|}';
const BACKEND = (a: number) => `service:\n  name: \${${a}:service}\n  port:\n    number: \${${a + 1}:80}`;
const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);
const PATH_ENTRY = (a: number) => `path: /\${${a}}\npathType: ${PATH_TYPES.replace('%', String(a + 1))}\nbackend:\n  ${indent(BACKEND(a + 2), '  ')}`;

/** Snippets by the generic path of the key they insert. */
const SNIPPETS: Record<string, string> = {
  'spec.defaultBackend': `defaultBackend:\n  ${indent(BACKEND(1), '  ')}`,
  'spec.rules': `rules:\n  - host: \${1:example.com}\n    http:\n      paths:\n        - ${indent(PATH_ENTRY(2), '          ')}`,
  'spec.tls': 'tls:\n  - hosts:\n      - ${1:example.com}\n    secretName: ${2:example-tls}',
  'spec.rules[].http': `http:\n  paths:\n    - ${indent(PATH_ENTRY(1), '      ')}`,
  'spec.rules[].http.paths': `paths:\n  - ${indent(PATH_ENTRY(1), '    ')}`,
  'spec.rules[].http.paths[].backend': `backend:\n  ${indent(BACKEND(1), '  ')}`,
  'spec.rules[].http.paths[].backend.service': BACKEND(1),
  'spec.defaultBackend.service': BACKEND(1),
};

function segments(path: string): (string | number)[] {
  return path === '' ? [] : path.replace(/\[\]/g, '[0]').split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? 0 : s));
}

/** The keys allowed in the map at path, for an object of that kind (Ingress when unknown). */
export function fieldsAt(path: string, kind = 'Ingress'): FieldDoc[] | undefined {
  const root = objectSchema('networking.k8s.io/v1', kind);
  if (!root) return undefined;
  const fields = allowedFields(root, segments(path));
  if (fields.length === 0) return undefined;
  return fields.map(({ name, schema }) => ({
    name, type: schema.type, doc: schema.doc, required: schema.required,
    snippet: SNIPPETS[path ? `${path}.${name}` : name],
  }));
}

/** Documentation of the field at path (`spec.rules[].host`). */
export function fieldDoc(path: string, kind = 'Ingress'): FieldDoc | undefined {
  const root = objectSchema('networking.k8s.io/v1', kind) ?? INGRESS_V1;
  const s = schemaAt(root, segments(path));
  const name = path.split('.').pop()?.replace(/\[\]$/, '') ?? path;
  return s && s.doc ? { name, type: s.type, doc: s.doc, required: s.required, enumDocs: s.enumDocs } : undefined;
}

/** `spec.rules[0].http.paths[1].path` → `spec.rules[].http.paths[].path`. */
export function genericPath(fieldPath: string): string {
  return fieldPath.replace(/\[\d+\]/g, '[]');
}
