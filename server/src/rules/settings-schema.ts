// The `ingressLab.rules` setting's JSON schema in package.json, generated from the registry by
// scripts/rules-doc.mjs (a unit test fails when package.json is stale): every registered id is
// a key with its description and default severity; any other key is flagged by the editor.
import type { Rule } from './rule';

export const SEVERITY_VALUES = ['error', 'warning', 'info', 'hint', 'off'] as const;

export function rulesSettingSchema(rules: readonly Rule[]): Record<string, unknown> {
  const example = rules.find((r) => r.id === 'ingress/path-absolute') ?? rules[0]!;
  const other = rules.find((r) => r.id === 'ref/backend-service') ?? rules[1]!;
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    properties: Object.fromEntries(rules.map((r) => [r.id, {
      type: 'string',
      enum: [...SEVERITY_VALUES],
      markdownDescription: `${r.description} Default: \`${r.severity}\`${r.needsCluster ? ' (needs a cluster)' : ''}.`,
    }])),
    additionalProperties: false,
    markdownDescription: `Severity per rule id, overriding the rule's default; \`off\` silences a rule. Rule ids are the diagnostic codes shown in the Problems panel (all of them in docs/rules.md), for example:\n\n\`\`\`json\n"ingressLab.rules": { "${example.id}": "warning", "${other.id}": "off" }\n\`\`\``,
  };
}
