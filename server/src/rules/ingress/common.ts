// Helpers shared by the ingress/ rules: reading fields the way Go decodes them (absent and
// null are the zero value; a value of the wrong type is left to schema/wrong-type), walking an
// Ingress's rules, paths and backends with their field paths, and reporting Invalid values.
import { isRemovedApiVersion } from '../../ingress/migrate';
import { invalid } from '../../ingress/field-errors';
import { asMap, childPath, entry, get, type SMap, type SNode, type SScalar, type Span } from '../../ingress/source';
import type { ObjectRule, Reporter } from '../rule';
import type { KnownKind, KObject } from '../../ingress/model';

/** A field as Go sees it: unset (absent or null), set to a value of the right type, or undecodable. */
export type Read<T> = { state: 'unset'; keySpan?: Span } | { state: 'set'; value: T; node: SScalar } | { state: 'bad' };

function read<T>(map: SNode | undefined, key: string, ok: (v: unknown) => v is T): Read<T> {
  const e = entry(map, key);
  if (!e || (e.value.kind === 'scalar' && e.value.value === null)) return { state: 'unset', keySpan: e?.keySpan };
  if (e.value.kind === 'scalar' && ok(e.value.value)) return { state: 'set', value: e.value.value, node: e.value };
  return { state: 'bad' };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export const readStr = (map: SNode | undefined, key: string): Read<string> => read(map, key, isString);
export const readInt = (map: SNode | undefined, key: string): Read<number> => read(map, key, isInt);

/** A string field's value, '' when unset; undefined when it holds another type. */
export function strOrEmpty(map: SNode | undefined, key: string): string | undefined {
  const r = readStr(map, key);
  return r.state === 'set' ? r.value : r.state === 'unset' ? '' : undefined;
}

/** A present, non-null child map (a Go pointer that is not nil). */
export function childMap(map: SNode | undefined, key: string): SMap | undefined {
  return asMap(get(map, key));
}

/** True when the key is present with a non-null value. */
export function isSet(map: SNode | undefined, key: string): boolean {
  const v = get(map, key);
  return !!v && !(v.kind === 'scalar' && v.value === null);
}

/** Where to point for a field that is missing from map: its key when written as `key:`, else map's first key. */
export function anchorFor(map: SMap, key?: string): Span {
  const e = key ? entry(map, key) : undefined;
  return e?.keySpan ?? map.entries[0]?.keySpan ?? map.span;
}

/** Ingress and IngressClass rules only judge objects the current API server would decode. */
export function validatable(obj: KObject): boolean {
  return !isRemovedApiVersion(obj.apiVersion, obj.kind);
}

export function spec(obj: KObject): SMap | undefined {
  return childMap(obj.root, 'spec');
}

function mapItems(node: SNode | undefined): SMap[] {
  return node?.kind === 'seq' ? node.items.filter((i): i is SMap => i.kind === 'map') : [];
}

export function ingressRules(obj: KObject): SMap[] {
  return mapItems(get(spec(obj), 'rules'));
}

/** `spec.rules[i].http`, when set. */
export function httpOf(rule: SMap): SMap | undefined {
  return childMap(rule, 'http');
}

export function pathItems(obj: KObject): SMap[] {
  return ingressRules(obj).flatMap((r) => mapItems(get(httpOf(r), 'paths')));
}

export interface BackendSite {
  /** The backend map; undefined when a path has no backend (Go's zero value). */
  map: SMap | undefined;
  /** API-server field path: `spec.defaultBackend` or `spec.rules[0].http.paths[0].backend`. */
  field: string;
  anchor: Span;
}

/** Objects are not changed once read (an edit makes new ones), so their backends are found once. */
const backendCache = new WeakMap<KObject, BackendSite[]>();

/**
 * Every backend the API server validates: spec.defaultBackend when set, and the backend of each
 * path whose pathType is set (validateHTTPIngressPath returns early when pathType is missing).
 */
export function backendSites(obj: KObject): BackendSite[] {
  let out = backendCache.get(obj);
  if (out) return out;
  out = [];
  backendCache.set(obj, out);
  const s = spec(obj);
  const def = childMap(s, 'defaultBackend');
  if (s && def) out.push({ map: def, field: def.path, anchor: anchorFor(s, 'defaultBackend') });
  for (const item of pathItems(obj)) {
    if (readStr(item, 'pathType').state !== 'set') continue;
    const b = childMap(item, 'backend');
    out.push({ map: b, field: childPath(item.path, 'backend'), anchor: anchorFor(item, 'backend') });
  }
  return out;
}

export interface ServiceSite extends BackendSite {
  /** The backend's `service` map. */
  service: SMap;
  /** Its `port` map, when set. */
  port: SMap | undefined;
}

const serviceCache = new WeakMap<KObject, ServiceSite[]>();

/** Backends that set a service and no resource: the ones whose service fields the API server checks (found once per object, as backendSites). */
export function serviceSites(obj: KObject): ServiceSite[] {
  let out = serviceCache.get(obj);
  if (out) return out;
  out = [];
  for (const site of backendSites(obj)) {
    const service = childMap(site.map, 'service');
    if (service && !isSet(site.map, 'resource')) out.push({ ...site, service, port: childMap(service, 'port') });
  }
  serviceCache.set(obj, out);
  return out;
}

/** Reports each detail as `<field>: Invalid value: "<value>": <detail>` on the value's span. */
export function reportInvalid(report: Reporter, node: SScalar, value: string | number, details: readonly string[], field = node.path): void {
  for (const d of details) report({ message: invalid(field, value, d), span: node.span, field });
}

export interface ApiServerRuleMeta {
  id: string;
  description: string;
  /** Default: Ingress only. */
  kinds?: readonly KnownKind[];
}

/**
 * An error-level rule mirroring the API server's validation. It sees only objects the current
 * API server would decode (removed versions are deprecated/api-version-removed's).
 */
export function apiServerRule(meta: ApiServerRuleMeta, check: (obj: KObject, report: Reporter) => void): ObjectRule {
  return {
    id: meta.id,
    description: meta.description,
    severity: 'error',
    scope: 'object',
    kinds: meta.kinds ?? ['Ingress'],
    check(obj, _ctx, report) {
      if (validatable(obj)) check(obj, report);
    },
  };
}
