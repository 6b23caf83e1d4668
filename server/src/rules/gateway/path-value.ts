// An HTTPRoute Exact or PathPrefix path value the v1.2 CRD refuses (HTTPPathMatch
// x-kubernetes-validations), with the CRD's own messages in its order.
import { crdRule, field, invalid } from './common';

const TYPES = "when type one of ['Exact', 'PathPrefix']";

/** The CRD's messages for an Exact/PathPrefix value, in its order. */
export function pathValueProblem(v: string): string | undefined {
  if (!v.startsWith('/')) return `value must be an absolute path and start with '/' ${TYPES}`;
  for (const bad of ['//', '/./', '/../', '%2f', '%2F', '#']) if (v.includes(bad)) return `must not contain '${bad}' ${TYPES}`;
  for (const end of ['/..', '/.']) if (v.endsWith(end)) return `must not end with '${end}' ${TYPES}`;
  if (!/^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/.test(v)) return `must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) ${TYPES}`;
  return undefined;
}

export const pathValue = crdRule('HTTPRoute', 'gateway/path-value',
  'An HTTPRoute Exact or PathPrefix path value the CRD refuses (not absolute, "//", dot segments, %2F, "#", invalid characters).',
  (r, report) => {
    for (const rule of r.rules) {
      for (const m of rule.matches) {
        const node = field(m.node, 'path');
        const problem = m.path.type === 'RegularExpression' ? undefined : pathValueProblem(m.path.value);
        if (node && problem) invalid(report, node, problem);
      }
    }
  });
