// `ingress-lab check [PATH...]`: validate manifests; exit 0 clean, 1 with errors.
import { parseArgs } from 'node:util';
import { analyze } from '../rules/analyze';
import { collectFiles, UsageError } from './files';
import { formatJson, formatSarif, formatText, type FileLookup } from './format';
import { LineIndex } from '../ingress/lines';
import type { CliIO } from './io';

export const CHECK_USAGE = `usage: ingress-lab check [PATH...] [--format text|json|sarif] [--namespace NS]

Validates Kubernetes Ingress manifests in files or folders (recursive *.yaml, *.yml;
default "."). Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.`;

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      namespace: { type: 'string', short: 'n', default: 'default' },
    },
  });
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const files = collectFiles(positionals);
  const result = analyze(files, { defaultNamespace: values.namespace! });
  const byUri = new Map(files.map((f) => [f.uri, { path: f.path, lines: new LineIndex(f.text) }]));
  const lookup: FileLookup = (uri) => byUri.get(uri);
  if (format === 'json') io.out(formatJson(result.findings, lookup));
  else if (format === 'sarif') io.out(formatSarif(result.findings, lookup, io.version));
  else {
    const text = formatText(result.findings, lookup);
    if (text) io.out(text);
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    io.err(`${files.length} file(s) checked: ${errors} error(s), ${result.findings.length - errors} other finding(s)`);
  }
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
