// The API server's own answer to a server-side dry run (server/src/cluster/dry-run.ts: `check
// --dry-run-server`, `ingressLab.cluster.dryRun`). Registered like every rule.
import type { ReportedRule } from '../rule';

export const dryRunServer: ReportedRule = {
  id: 'ingress/dry-run-server',
  description: "The API server refused the object in a server-side dry run (dryRun=All): each Status cause at the field it names, in the server's words; a refusal without causes (e.g. an admission webhook's denial) on the object's name.",
  severity: 'error',
  needsCluster: true,
  scope: 'reported',
  reportedBy: 'the API server (server-side dry run)',
};
