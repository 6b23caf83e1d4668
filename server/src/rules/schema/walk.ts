// Walks an object's source tree beside its schema, so the schema/ rules see each node with
// the schema it should match. Removed API versions are not walked (deprecated/api-version-removed
// speaks for those). Pure.
import { isRemovedApiVersion, NETWORKING_V1 } from '../../ingress/migrate';
import type { KObject } from '../../ingress/model';
import { objectSchema, type FieldSchema } from '../../ingress/schema';
import type { SMap, SNode, Span } from '../../ingress/source';

export interface Visit {
  node: SNode;
  schema: FieldSchema;
  /** Where to point when reporting about this node as a whole (its key, or its first key for a list item). */
  anchor: Span;
}

/** The schema of obj, when it has one (networking.k8s.io/v1 Ingress and IngressClass). */
export function schemaOf(obj: KObject): FieldSchema | undefined {
  // A missing or mistyped apiVersion is checked against v1 (schema/required-field and
  // schema/api-version-unknown report the version itself); removed versions have another shape.
  if (isRemovedApiVersion(obj.apiVersion, obj.kind)) return undefined;
  return objectSchema(NETWORKING_V1, obj.kind);
}

/** Calls visit for every node that has a schema, outermost first. */
export function walkSchema(obj: KObject, visit: (v: Visit) => void): void {
  const schema = schemaOf(obj);
  if (!schema) return;
  walk({ node: obj.root, schema, anchor: firstKeySpan(obj.root) ?? obj.root.span }, visit);
}

function walk(v: Visit, visit: (v: Visit) => void): void {
  visit(v);
  const { node, schema } = v;
  if (node.kind === 'map' && schema.type === 'object' && schema.fields) {
    for (const e of node.entries) {
      const child = Object.prototype.hasOwnProperty.call(schema.fields, e.key) ? schema.fields[e.key] : undefined;
      if (child) walk({ node: e.value, schema: child, anchor: e.keySpan }, visit);
    }
  } else if (node.kind === 'map' && schema.type === 'map' && schema.values) {
    for (const e of node.entries) walk({ node: e.value, schema: schema.values, anchor: e.keySpan }, visit);
  } else if (node.kind === 'seq' && schema.type === 'array' && schema.items) {
    for (const item of node.items) walk({ node: item, schema: schema.items, anchor: firstKeySpan(item) ?? item.span }, visit);
  }
}

export function firstKeySpan(node: SNode): Span | undefined {
  return node.kind === 'map' ? (node as SMap).entries[0]?.keySpan : undefined;
}
