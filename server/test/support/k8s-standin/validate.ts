// The few Ingress checks the stand-in's dryRun=All create performs, answered with a Status
// shaped exactly like kube-apiserver's 422 (reason Invalid, details.causes with field paths).
import type { Obj } from './store';

export interface Cause { reason: string; message: string; field: string }

const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];
type Json = Record<string, unknown>;

export function validateIngress(obj: Obj): Cause[] {
  const causes: Cause[] = [];
  const rules = ((obj.spec as Json | undefined)?.rules ?? []) as Json[];
  rules.forEach((rule, i) => {
    const paths = (((rule.http as Json | undefined)?.paths ?? []) as Json[]);
    paths.forEach((p, j) => {
      const f = `spec.rules[${i}].http.paths[${j}]`;
      if (typeof p.path === 'string' && !p.path.startsWith('/')) {
        causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: "${p.path}": must be an absolute path`, field: `${f}.path` });
      }
      if (p.pathType === undefined) causes.push({ reason: 'FieldValueRequired', message: 'Required value: pathType must be specified', field: `${f}.pathType` });
      else if (!PATH_TYPES.includes(String(p.pathType))) {
        causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: "${String(p.pathType)}": supported values: "Exact", "ImplementationSpecific", "Prefix"`, field: `${f}.pathType` });
      }
    });
  });
  return causes;
}

export function invalidStatus(kind: string, group: string, name: string, causes: Cause[]) {
  const qualified = group ? `${kind}.${group}` : kind;
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: `${qualified} "${name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`,
    reason: 'Invalid',
    details: { name, group, kind, causes },
    code: 422,
  };
}

export function status(code: number, reason: string, message: string, details?: Json) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}
