// A RequestRedirect statusCode outside the v1.2 Standard channel's enum (301, 302), reported as
// the API server reports an enum value it does not support.
import { crdRule, field } from './common';

export const redirectStatus = crdRule('HTTPRoute', 'gateway/redirect-status-code',
  'A RequestRedirect statusCode outside the v1.2 Standard enum (301, 302).',
  (r, report) => {
    for (const rule of r.rules) {
      for (const f of rule.filters) {
        const code = f.requestRedirect?.statusCode;
        const codeNode = field(field(f.node, 'requestRedirect'), 'statusCode');
        if (code !== undefined && code !== 301 && code !== 302 && codeNode) {
          report({ message: `${codeNode.path}: Unsupported value: ${code}: supported values: "301", "302"`, span: codeNode.span, field: codeNode.path });
        }
      }
    }
  });
