// Typed views of the Gateway API objects Ingress Lab reads (gateway.networking.k8s.io/v1
// HTTPRoute and Gateway), with the source nodes they came from, as ingress/model.ts does for
// Ingress. Lenient: a half-typed object still yields what can be read; defaults are the CRD's
// (a rule without matches matches PathPrefix "/", a backendRef weight defaults to 1). No I/O.
import type { ManifestFile } from '../ingress/documents';
import { numVal, readObjectBase, val, type ExtractOptions, type KObjectBase, type Val } from '../ingress/model';
import { asMap, asScalar, asSeq, get, str, type SMap, type SNode } from '../ingress/source';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export type PathMatchType = 'Exact' | 'PathPrefix' | 'RegularExpression';

export interface NameValueMatch {
  type: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

export interface HTTPRouteMatch {
  node?: SMap;
  path: { type: PathMatchType; value: string };
  headers: NameValueMatch[];
  queryParams: NameValueMatch[];
  method?: string;
}

export interface PathModifier {
  type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  replaceFullPath?: string;
  replacePrefixMatch?: string;
}

export interface HTTPRouteFilter {
  node: SMap;
  type: string;
  urlRewrite?: { hostname?: string; path?: PathModifier };
  requestRedirect?: { scheme?: string; hostname?: string; port?: number; statusCode?: number; path?: PathModifier };
}

export interface HTTPBackendRef {
  node: SMap;
  group: string;
  kind: string;
  name: string;
  namespace?: string;
  port?: number;
  weight: number;
}

export interface HTTPRouteRule {
  node: SMap;
  name?: string;
  matches: HTTPRouteMatch[];
  filters: HTTPRouteFilter[];
  backendRefs: HTTPBackendRef[];
}

export interface ParentRef {
  node: SMap;
  group: string;
  kind: string;
  name: string;
  namespace?: string;
  sectionName?: string;
  port?: number;
}

export interface HTTPRoute extends KObjectBase {
  kind: 'HTTPRoute';
  parentRefs: ParentRef[];
  hostnames: Val[];
  rules: HTTPRouteRule[];
}

export interface Listener {
  node: SMap;
  name: string;
  hostname?: string;
  port?: number;
  protocol: string;
  certificateRefs: { name: string; namespace?: string }[];
  /** allowedRoutes.namespaces.from (CRD default "Same"). */
  allowedFrom: string;
}

export interface Gateway extends KObjectBase {
  kind: 'Gateway';
  gatewayClassName?: string;
  listeners: Listener[];
}

export type GatewayObject = HTTPRoute | Gateway;

function items(node: SNode | undefined): SMap[] {
  return (asSeq(node)?.items ?? []).flatMap((n) => (asMap(n) ? [asMap(n)!] : []));
}

function nameValues(node: SNode | undefined): NameValueMatch[] {
  return items(node).map((m) => ({
    type: str(get(m, 'type')) === 'RegularExpression' ? 'RegularExpression' : 'Exact',
    name: str(get(m, 'name')) ?? '',
    value: str(get(m, 'value')) ?? '',
  }));
}

function readMatch(m: SMap | undefined): HTTPRouteMatch {
  const path = asMap(get(m, 'path'));
  const type = str(get(path, 'type'));
  return {
    node: m,
    path: {
      type: type === 'Exact' || type === 'RegularExpression' ? type : 'PathPrefix',
      value: str(get(path, 'value')) ?? '/',
    },
    headers: nameValues(get(m, 'headers')),
    queryParams: nameValues(get(m, 'queryParams')),
    method: str(get(m, 'method')),
  };
}

function pathModifier(node: SNode | undefined): PathModifier | undefined {
  const m = asMap(node);
  if (!m) return undefined;
  const type = str(get(m, 'type')) === 'ReplacePrefixMatch' ? 'ReplacePrefixMatch' : 'ReplaceFullPath';
  return { type, replaceFullPath: str(get(m, 'replaceFullPath')), replacePrefixMatch: str(get(m, 'replacePrefixMatch')) };
}

function readFilter(f: SMap): HTTPRouteFilter {
  const rw = asMap(get(f, 'urlRewrite'));
  const rd = asMap(get(f, 'requestRedirect'));
  return {
    node: f,
    type: str(get(f, 'type')) ?? '',
    urlRewrite: rw && { hostname: str(get(rw, 'hostname')), path: pathModifier(get(rw, 'path')) },
    requestRedirect: rd && {
      scheme: str(get(rd, 'scheme')),
      hostname: str(get(rd, 'hostname')),
      port: numVal(get(rd, 'port'))?.value,
      statusCode: numVal(get(rd, 'statusCode'))?.value,
      path: pathModifier(get(rd, 'path')),
    },
  };
}

function readBackendRef(b: SMap): HTTPBackendRef {
  const weight = asScalar(get(b, 'weight'))?.value;
  return {
    node: b,
    group: str(get(b, 'group')) ?? '',
    kind: str(get(b, 'kind')) ?? 'Service',
    name: str(get(b, 'name')) ?? '',
    namespace: str(get(b, 'namespace')),
    port: numVal(get(b, 'port'))?.value,
    weight: typeof weight === 'number' ? weight : 1,
  };
}

function readRule(r: SMap): HTTPRouteRule {
  const matches = items(get(r, 'matches')).map(readMatch);
  return {
    node: r,
    name: str(get(r, 'name')),
    matches: matches.length ? matches : [readMatch(undefined)],
    filters: items(get(r, 'filters')).map(readFilter),
    backendRefs: items(get(r, 'backendRefs')).map(readBackendRef),
  };
}

function readParentRef(p: SMap): ParentRef {
  return {
    node: p,
    group: str(get(p, 'group')) ?? GATEWAY_GROUP,
    kind: str(get(p, 'kind')) ?? 'Gateway',
    name: str(get(p, 'name')) ?? '',
    namespace: str(get(p, 'namespace')),
    sectionName: str(get(p, 'sectionName')),
    port: numVal(get(p, 'port'))?.value,
  };
}

function readHTTPRoute(base: KObjectBase): HTTPRoute {
  const spec = get(base.root, 'spec');
  return {
    ...base,
    kind: 'HTTPRoute',
    parentRefs: items(get(spec, 'parentRefs')).map(readParentRef),
    hostnames: (asSeq(get(spec, 'hostnames'))?.items ?? []).map(val).filter((v): v is Val => !!v),
    rules: items(get(spec, 'rules')).map(readRule),
  };
}

function readListener(l: SMap): Listener {
  const tls = asMap(get(l, 'tls'));
  return {
    node: l,
    name: str(get(l, 'name')) ?? '',
    hostname: str(get(l, 'hostname')),
    port: numVal(get(l, 'port'))?.value,
    protocol: str(get(l, 'protocol')) ?? '',
    certificateRefs: items(get(tls, 'certificateRefs')).map((c) => ({ name: str(get(c, 'name')) ?? '', namespace: str(get(c, 'namespace')) })),
    allowedFrom: str(get(get(get(l, 'allowedRoutes'), 'namespaces'), 'from')) ?? 'Same',
  };
}

function readGateway(base: KObjectBase): Gateway {
  const spec = get(base.root, 'spec');
  return {
    ...base,
    kind: 'Gateway',
    gatewayClassName: str(get(spec, 'gatewayClassName')),
    listeners: items(get(spec, 'listeners')).map(readListener),
  };
}

/** The HTTPRoutes and Gateways of a file (any gateway.networking.k8s.io version); other kinds are skipped. */
export function extractGatewayObjects(file: Pick<ManifestFile, 'uri' | 'documents'>, opts: ExtractOptions): GatewayObject[] {
  const out: GatewayObject[] = [];
  for (const doc of file.documents) {
    const root = asMap(doc.root);
    const kind = str(get(root, 'kind'));
    if (!root || !str(get(root, 'apiVersion'))?.startsWith(`${GATEWAY_GROUP}/`)) continue;
    if (kind !== 'HTTPRoute' && kind !== 'Gateway') continue;
    const base = readObjectBase(root, kind, file.uri, doc.index, doc.span, opts);
    out.push(kind === 'HTTPRoute' ? readHTTPRoute(base) : readGateway(base));
  }
  return out;
}
