// YAML that does not parse, reported per document by the parser (server/src/ingress/documents.ts):
// the other documents of the file are still checked. Registered like every rule, so its id,
// severity override, docs and settings key come from the registry.
import type { ReportedRule } from '../rule';

export const yamlSyntax: ReportedRule = {
  id: 'schema/yaml-syntax',
  description: 'The YAML does not parse. Reported per document: the other documents of the file are still checked.',
  severity: 'error',
  scope: 'reported',
  reportedBy: 'the YAML parser',
};
