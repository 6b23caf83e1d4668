// What the gateway/ schema rules share: the declaration of a rule over one kind of Gateway API
// object (all are errors the API server's CRD validation would give), the API server's wording
// for an invalid object and a list over its limit, and field lookups in the source tree.
import type { Gateway, GatewayObject, HTTPRoute } from '../../gateway/model';
import type { SMap, SNode } from '../../ingress/source';
import type { GatewayObjectRule, Reporter } from '../rule';

type Kinds = { HTTPRoute: HTTPRoute; Gateway: Gateway };

/** A gateway/ rule checking one kind of object against its CRD (severity error: the API server refuses it). */
export function crdRule<K extends keyof Kinds>(kind: K, id: string, description: string, check: (obj: Kinds[K], report: Reporter) => void): GatewayObjectRule {
  return {
    id, description, severity: 'error', scope: 'gateway',
    check: (obj: GatewayObject, report) => {
      if (obj.kind === kind) check(obj as Kinds[K], report);
    },
  };
}

/** A field of a map in the source tree. */
export function field(node: SNode | undefined, key: string): SNode | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

/** `<field>: Invalid value: "object": <CEL message>`, as the API server reports a CEL rule. */
export function invalid(report: Reporter, node: SNode, message: string): void {
  report({ message: `${node.path}: Invalid value: "object": ${message}`, span: node.span, field: node.path });
}

/** `<field>: Too many: <n>: must have at most <max> items`, as the API server reports maxItems. */
export function tooMany(report: Reporter, node: SNode | undefined, count: number, max: number): void {
  if (node && count > max) report({ message: `${node.path}: Too many: ${count}: must have at most ${max} items`, span: node.span, field: node.path });
}

/** The object's spec map. */
export function specOf(obj: { root: SMap }): SNode | undefined {
  return field(obj.root, 'spec');
}
