// Mirrors validateHTTPIngressRuleValue: an `http` rule needs at least one path.
// `spec.rules[0].http.paths: Required value`.
import { required } from '../../ingress/field-errors';
import { childPath, get } from '../../ingress/source';
import { anchorFor, apiServerRule, httpOf, ingressRules } from './common';

export const pathsEmpty = apiServerRule({
  id: 'ingress/paths-empty',
  description: 'An http rule must list at least one path.',
}, (obj, report) => {
  for (const rule of ingressRules(obj)) {
    const http = httpOf(rule);
    if (!http) continue;
    const paths = get(http, 'paths');
    const empty = !paths || (paths.kind === 'seq' && paths.items.length === 0) || (paths.kind === 'scalar' && paths.value === null);
    if (!empty) continue;
    const field = childPath(http.path, 'paths');
    report({ message: required(field), span: paths?.kind === 'seq' ? paths.span : anchorFor(rule, 'http'), field });
  }
});
