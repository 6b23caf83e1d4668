// The contract every validation rule follows. A rule has a stable id (never renumbered or
// reused), a default severity, and a check that reports findings through a Reporter.
// Rules are pure: all state they need comes in through the RuleContext.
import type { Finding, Severity } from '../ingress/findings';
import type { KObject, KnownKind } from '../ingress/model';
import type { ObjectStore } from '../ingress/store';
import type { Span } from '../ingress/source';
import type { RouteTable } from '../ingress/routing/index';
import type { GatewayObject } from '../gateway/model';

/** Live facts only a cluster (or a snapshot of one) can give. Absent without a cluster. */
export interface ClusterFacts {
  /** Human description of where the facts come from, e.g. `context kind-dev` or `snapshot.yaml`. */
  source: string;
  /** Ready/total endpoints behind a Service, undefined when unknown. */
  endpoints(namespace: string, service: string): { ready: number; total: number } | undefined;
  /** The endpoints behind a Service (pod name, else address) with readiness; optional. */
  podsOf?(namespace: string, service: string): { name: string; ready: boolean }[] | undefined;
  /** Number of pods a selector matches in a namespace, undefined when pods are not visible. */
  podsMatching(namespace: string, selector: Record<string, string>): number | undefined;
  /** Kinds that could not be listed (e.g. RBAC forbids Secrets): rules about them are skipped. */
  unavailable: ReadonlySet<KnownKind | 'Pod' | 'EndpointSlice'>;
}

export interface RuleContext {
  /** Workspace objects layered over cluster objects. */
  store: ObjectStore;
  cluster?: ClusterFacts;
  defaultNamespace: string;
  /** Clock for certificate expiry checks. */
  now: Date;
  /** The text of a workspace file as it is now (quick-fix edits keep its comments). */
  sourceText?(uri: string): string | undefined;
  /** The route table of the Ingresses being checked, built by the project's one builder (default class, live creationTimestamps). */
  routes(): RouteTable;
}

export interface Report {
  message: string;
  span: Span;
  field?: string;
  uri?: string;
  severity?: Severity;
  related?: Finding['related'];
  data?: Finding['data'];
}

export type Reporter = (r: Report) => void;

interface RuleBase {
  /** Stable id `family/name`, e.g. `ingress/path-absolute`. */
  id: string;
  /** One sentence for docs, settings and `ingress-lab rules`. */
  description: string;
  severity: Severity;
  /** True when the rule needs live cluster facts (skipped without a cluster). */
  needsCluster?: boolean;
}

/** The context of a rule that needs a cluster: the engine runs it only when there is one. */
export interface ClusterRuleContext extends RuleContext {
  cluster: ClusterFacts;
}

type ObjectOfKind<K extends KnownKind> = Extract<KObject, { kind: K }>;

/**
 * Checks one object at a time: re-run only for objects that changed or depend on a change.
 * Typed by the kinds it checks: an `ObjectRule<'Ingress'>` gets an Ingress.
 */
export interface ObjectRule<K extends KnownKind = KnownKind> extends RuleBase {
  scope: 'object';
  kinds: readonly K[];
  check(obj: ObjectOfKind<K>, ctx: RuleContext, report: Reporter): void;
}

/** An object rule that needs live cluster facts: its context always has them. */
export interface ClusterObjectRule<K extends KnownKind = KnownKind> extends ObjectRule<K> {
  needsCluster: true;
  check(obj: ObjectOfKind<K>, ctx: ClusterRuleContext, report: Reporter): void;
}

/** Looks at all Ingresses together (conflicts, shadowing). */
export interface WorkspaceRule extends RuleBase {
  scope: 'workspace';
  check(objects: readonly KObject[], ctx: RuleContext, report: (obj: KObject, r: Report) => void): void;
}

/** Checks one Gateway API object (HTTPRoute, Gateway) against its CRD's schema rules (rules/gateway/). */
export interface GatewayObjectRule extends RuleBase {
  scope: 'gateway';
  check(obj: GatewayObject, report: Reporter): void;
}

/**
 * Reported by something other than a check over objects (the YAML parser, the API server's dry
 * run), registered all the same: its id, severity, docs and settings key come from here.
 */
export interface ReportedRule extends RuleBase {
  scope: 'reported';
  /** Who reports it, for the docs. */
  reportedBy: string;
}

export type Rule = ObjectRule | WorkspaceRule | GatewayObjectRule | ReportedRule;

export const DOCS_BASE = 'https://github.com/ingress-lab/ingress-lab/blob/main/docs/rules.md';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}#${id.replace(/\//g, '-')}`;
}
