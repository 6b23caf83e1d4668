// Runs rules over objects and turns reports into findings, applying per-rule severity
// overrides (`off` disables a rule). Rules that need a cluster are skipped without one.
import type { Finding, Severity } from '../ingress/findings';
import { objectLabel, type KObject } from '../ingress/model';
import { ALL_RULES } from './index';
import type { ObjectRule, Report, Rule, RuleContext, WorkspaceRule } from './rule';

export type SeverityOverrides = Record<string, Severity | 'off'>;

export interface EngineOptions {
  overrides?: SeverityOverrides;
  rules?: readonly Rule[];
}

function toFinding(rule: Rule, obj: KObject, r: Report, overrides: SeverityOverrides): Finding | undefined {
  const o = overrides[rule.id];
  if (o === 'off') return undefined;
  const f: Finding = {
    ruleId: rule.id,
    severity: o ?? r.severity ?? rule.severity,
    message: r.message,
    uri: r.uri ?? obj.uri,
    span: r.span,
    object: objectLabel(obj),
  };
  if (r.field !== undefined) f.field = r.field;
  if (r.related?.length) f.related = r.related;
  if (r.data) f.data = r.data;
  return f;
}

/** A finding with the severity the settings give its rule; undefined when its rule is off. */
export function withOverride(f: Finding, overrides: SeverityOverrides): Finding | undefined {
  const o = overrides[f.ruleId];
  if (o === 'off') return undefined;
  return o && o !== f.severity ? { ...f, severity: o } : f;
}

function active(rule: Rule, ctx: RuleContext, overrides: SeverityOverrides): boolean {
  return overrides[rule.id] !== 'off' && (!rule.needsCluster || !!ctx.cluster);
}

/** Findings of the per-object rules for the given (workspace) objects. */
export function checkObjects(objects: readonly KObject[], ctx: RuleContext, opts: EngineOptions = {}): Finding[] {
  const overrides = opts.overrides ?? {};
  const rules = (opts.rules ?? ALL_RULES).filter((r): r is ObjectRule => r.scope === 'object' && active(r, ctx, overrides));
  // Each object runs only the rules of its kind, in registry order.
  const byKind = new Map<string, ObjectRule[]>();
  for (const rule of rules) for (const kind of rule.kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), rule]);
  const out: Finding[] = [];
  for (const obj of objects) {
    if (obj.origin !== 'workspace') continue;
    for (const rule of byKind.get(obj.kind) ?? []) {
      rule.check(obj, ctx, (r) => {
        const f = toFinding(rule, obj, r, overrides);
        if (f) out.push(f);
      });
    }
  }
  return out;
}

/** Findings of the workspace-wide rules. Findings on cluster objects are dropped. */
export function checkWorkspace(objects: readonly KObject[], ctx: RuleContext, opts: EngineOptions = {}): Finding[] {
  const overrides = opts.overrides ?? {};
  const rules = (opts.rules ?? ALL_RULES).filter((r): r is WorkspaceRule => r.scope === 'workspace' && active(r, ctx, overrides));
  const out: Finding[] = [];
  for (const rule of rules) {
    rule.check(objects, ctx, (obj, r) => {
      if (obj.origin !== 'workspace') return;
      const f = toFinding(rule, obj, r, overrides);
      if (f) out.push(f);
    });
  }
  return out;
}
