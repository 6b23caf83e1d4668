// An Ingress or IngressClass written in an API version the API server no longer serves
// (extensions/v1beta1 and networking.k8s.io/v1beta1, removed in Kubernetes 1.22). The finding's
// data carries the rewrite to networking.k8s.io/v1 (server/src/ingress/migrate.ts) as one edit
// of the whole document, ready for a quick fix.
import { stringify } from 'yaml';
import { removalOf, rewriteToNetworkingV1 } from '../../ingress/migrate';
import type { KObject } from '../../ingress/model';
import { entry, toJson } from '../../ingress/source';
import type { ObjectRule, RuleContext } from '../rule';

export const apiVersionRemoved: ObjectRule = {
  id: 'deprecated/api-version-removed',
  description: 'The apiVersion was removed from Kubernetes; the object must be rewritten to networking.k8s.io/v1.',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress', 'IngressClass'],
  check(obj, ctx, report) {
    const removal = removalOf(obj.apiVersion, obj.kind);
    if (!removal) return;
    const e = entry(obj.root, 'apiVersion')!;
    const rewrite = rewriteToNetworkingV1(documentText(obj, ctx));
    report({
      message: `${obj.kind} ${removal.apiVersion} was removed in Kubernetes ${removal.removedIn}; use ${removal.replacement}`,
      span: e.value.span,
      field: 'apiVersion',
      data: {
        from: removal.apiVersion,
        to: removal.replacement,
        removedIn: removal.removedIn,
        ...(rewrite ? { edit: { span: obj.span, newText: rewrite.text }, changes: rewrite.changes } : {}),
      },
    });
  },
};

/** The document's source text when the workspace has it, else the object written out as YAML. */
function documentText(obj: KObject, ctx: RuleContext): string {
  const text = ctx.sourceText?.(obj.uri);
  return text !== undefined ? text.slice(obj.span.start, obj.span.end) : stringify(toJson(obj.root));
}
