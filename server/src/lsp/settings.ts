// Reads `ingressLab.*` settings leniently: anything missing or of the wrong type falls back
// to the default, so a typo in settings.json never stops the server.
import { DEFAULT_SETTINGS, type IngressLabSettings, type RuleSeverityOverride } from '../protocol';
import { PROFILE_SETTINGS } from '../ingress/routing/profiles/types';

const SEVERITIES = new Set<RuleSeverityOverride>(['error', 'warning', 'info', 'hint', 'off']);

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function pick<T>(v: unknown, fallback: T): T {
  return typeof v === typeof fallback ? (v as T) : fallback;
}

export function readSettings(raw: unknown): IngressLabSettings {
  const s = obj(raw);
  const cluster = obj(s.cluster);
  const trace = obj(s.trace);
  const rules: Record<string, RuleSeverityOverride> = {};
  for (const [id, sev] of Object.entries(obj(s.rules))) {
    if (SEVERITIES.has(sev as RuleSeverityOverride)) rules[id] = sev as RuleSeverityOverride;
  }
  const d = DEFAULT_SETTINGS;
  const ns = pick(s.defaultNamespace, d.defaultNamespace);
  return {
    defaultNamespace: ns.trim() || d.defaultNamespace,
    rules,
    cluster: {
      enabled: pick(cluster.enabled, d.cluster.enabled),
      context: pick(cluster.context, d.cluster.context),
      dryRun: pick(cluster.dryRun, d.cluster.dryRun),
    },
    controllerProfile: (PROFILE_SETTINGS as readonly unknown[]).includes(s.controllerProfile) ? (s.controllerProfile as IngressLabSettings['controllerProfile']) : d.controllerProfile,
    trace: { server: ['off', 'messages', 'verbose'].includes(trace.server as string) ? (trace.server as IngressLabSettings['trace']['server']) : 'off' },
  };
}
