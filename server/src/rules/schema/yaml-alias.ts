// YAML aliases that kubectl and the API server refuse to expand: an anchor whose value contains
// an alias to itself, or aliases expanding past go-yaml's budget (a "billion laughs" file).
// Found while parsing (server/src/ingress/aliases.ts, documents.ts), where the expansion happens
// and stops, so check() has nothing left to do; registered so that settings, severity
// overrides and docs know the id.
import { YAML_ALIAS_RULE_ID } from '../../ingress/aliases';
import type { ObjectRule } from '../rule';

export const yamlAlias: ObjectRule = {
  id: YAML_ALIAS_RULE_ID,
  description: 'An alias the API server will not expand: an anchor containing itself, or excessive aliasing ("billion laughs"). ' +
    'Reported at the anchor; the document is read with those aliases left empty.',
  severity: 'error',
  scope: 'object',
  kinds: [],
  check() {
    // Reported by the parser, see above.
  },
};
