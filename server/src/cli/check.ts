// `ingress-lab check [PATH...]`: validate manifests; exit 0 clean, 1 with errors.
import { parseArgs } from 'node:util';
import { dryRunObjects } from '../cluster/dry-run';
import { compareFindings, type Finding } from '../ingress/findings';
import { withOverride } from '../rules/engine';
import { normalizeClusterArgs } from './cluster-source';
import { formatJson, formatSarif, formatText, type FileLookup } from './format';
import { checkFormat, CLUSTER_OPTIONS, clusterFlags, loadProject } from './workspace';
import type { CliIO } from './io';

export const CHECK_USAGE = `usage: ingress-lab check [PATH...] [--format text|json|sarif] [--namespace NS]
                         [--cluster[=optional]] [--context NAME] [--snapshot FILE] [--dry-run-server]

Validates Kubernetes Ingress manifests in files or folders (recursive *.yaml, *.yml;
default "."). Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.

  --format FORMAT      text (default), json or sarif (SARIF 2.1.0, for code-scanning uploads)
  -n, --namespace NS   namespace of manifests that name none (default "default", or the
                       kubeconfig context's namespace with --cluster)
  --cluster            also check against the live cluster of the current kubeconfig context
                       (KUBECONFIG or ~/.kube/config); an unreachable cluster is exit 2
  --cluster=optional   the same, but carry on without the cluster when it cannot be used
  --context NAME       use this kubeconfig context (implies --cluster)
  --snapshot FILE      use the objects in FILE (YAML/JSON, kubectl get -o yaml) as the cluster
  --dry-run-server     also send each Ingress to the API server with dryRun=All`;

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** "7 files checked: 3 errors, 4 warnings" (and "N notes" for info and hints, when there are any). */
export function summary(files: number, findings: readonly { severity: string }[]): string {
  const n = (sev: string[]) => findings.filter((f) => sev.includes(f.severity)).length;
  const notes = n(['info', 'hint']);
  const found = findings.length
    ? [count(n(['error']), 'error'), count(n(['warning']), 'warning'), ...(notes ? [count(notes, 'note')] : [])].join(', ')
    : 'no problems found';
  return `${count(files, 'file')} checked: ${found}`;
}

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: normalizeClusterArgs(argv),
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      namespace: { type: 'string', short: 'n' },
      ...CLUSTER_OPTIONS,
      'dry-run-server': { type: 'boolean' },
    },
  });
  const format = values.format!;
  checkFormat(format, ['text', 'json', 'sarif']);
  const loaded = await loadProject(positionals, { ...clusterFlags(values), dryRunServer: values['dry-run-server'] }, values.namespace, io);
  let findings: Finding[];
  try {
    loaded.project.check();
    findings = loaded.project.allFindings();
    if (values['dry-run-server'] && loaded.cluster?.kc) {
      const dry = await dryRunObjects(loaded.cluster.kc, loaded.project.workspaceObjects());
      for (const n of dry.notes) io.err(n);
      findings = [...findings, ...dry.findings.flatMap((f) => withOverride(f, loaded.project.options.overrides) ?? [])].sort(compareFindings);
    }
  } finally {
    loaded.cluster?.close();
  }
  print(format, findings, loaded.lookup, loaded.files.length, io);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function print(format: string, findings: readonly Finding[], lookup: FileLookup, fileCount: number, io: CliIO): void {
  if (format === 'json') io.out(formatJson(findings, lookup));
  else if (format === 'sarif') io.out(formatSarif(findings, lookup, io.version));
  else {
    const text = formatText(findings, lookup);
    if (text) io.out(text);
    io.err(summary(fileCount, findings));
  }
}
