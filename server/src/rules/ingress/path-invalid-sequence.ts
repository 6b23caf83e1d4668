// Mirrors validateHTTPIngressPath: Exact and Prefix paths must not contain //, /./, /../,
// %2f or %2F and must not end with /.. or /. (ImplementationSpecific paths are exempt).
import { invalid } from '../../ingress/field-errors';
import { apiServerRule, pathItems, readStr } from './common';

export const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'] as const;
export const INVALID_PATH_SUFFIXES = ['/..', '/.'] as const;

/** The API server's details for a non-empty Exact/Prefix path, in its order. */
export function pathSequenceErrors(path: string): string[] {
  // Every sequence and suffix holds `//`, `/.` or `%2`: most paths have none.
  if (!path.includes('//') && !path.includes('/.') && !path.includes('%2')) return [];
  return [
    ...INVALID_PATH_SEQUENCES.filter((s) => path.includes(s)).map((s) => `must not contain '${s}'`),
    ...INVALID_PATH_SUFFIXES.filter((s) => path.endsWith(s)).map((s) => `cannot end with '${s}'`),
  ];
}

export const pathInvalidSequence = apiServerRule({
  id: 'ingress/path-invalid-sequence',
  description: 'Exact and Prefix paths must not contain //, /./, /../ or %2f, nor end with /. or /..',
}, (obj, report) => {
  for (const item of pathItems(obj)) {
    const t = readStr(item, 'pathType');
    const p = readStr(item, 'path');
    if (t.state !== 'set' || (t.value !== 'Exact' && t.value !== 'Prefix') || p.state !== 'set') continue;
    for (const detail of pathSequenceErrors(p.value)) {
      report({ message: invalid(p.node.path, p.value, detail), span: p.node.span, field: p.node.path });
    }
  }
});
