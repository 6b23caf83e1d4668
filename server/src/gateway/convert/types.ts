// Shapes of the Ingress → Gateway API conversion: plain JSON objects (what is written as
// YAML) and the per-Ingress report of what could not be carried over, with the reason. No I/O.

export type Json = Record<string, unknown>;

export interface ConversionNote {
  /** "namespace/name" of the Ingress. */
  ingress: string;
  /** warning: behaviour changes or is lost; info: nothing to convert, or a choice worth knowing. */
  severity: 'warning' | 'info';
  message: string;
}

export interface ConvertOptions {
  /** The Gateway the routes attach to. */
  gatewayName: string;
  /** Its namespace (default: the namespace of the first Ingress). */
  gatewayNamespace?: string;
  gatewayClassName: string;
  /** Apply ingress-nginx annotations (the ingress-nginx profile) or ignore them (spec-only). */
  nginx: boolean;
}

export interface ConvertResult {
  routes: Json[];
  gateway: Json;
  notes: ConversionNote[];
  /** HTTPRoute names per Ingress ("ns/name" → ["ns/route", …]). */
  routesOf: Map<string, string[]>;
}

/** One HTTPRoute rule being built, before routes are cut to the CRD's 16-rule limit. */
export interface RuleJson extends Json {
  matches: Json[];
  filters?: Json[];
  backendRefs?: Json[];
}

export const MAX_RULES = 16;
export const GATEWAY_API = 'gateway.networking.k8s.io/v1';

/**
 * The annotation every converted HTTPRoute carries: the "namespace/name" of the Ingress it was
 * converted from. A valid annotation key (a DNS-subdomain prefix, a name of at most 63
 * characters); the editor and `check` find the Ingress again by it and prove the route still
 * sends every request where the Ingress does (rule gateway/route-differs).
 */
export const CONVERTED_FROM = 'ingress-lab.github.io/converted-from';
