// Typed views of the Kubernetes objects Ingress Lab understands. Each view keeps the
// source-mapped nodes it was read from, so every value has a span and a field path.
// Views are lenient: a half-typed object still yields what can be read. No I/O.
import type { ManifestFile } from './documents';
import {
  asMap, asScalar, asSeq, get, getIn, str,
  type SMap, type SNode, type SScalar, type Span,
} from './source';

export type ObjectOrigin = 'workspace' | 'cluster';

export interface KObjectBase {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  /** True when metadata.namespace was written; false when the default namespace applied. */
  namespaceExplicit: boolean;
  origin: ObjectOrigin;
  uri: string;
  /** Index of the YAML document within its file. */
  docIndex: number;
  /** Span of the whole document. */
  span: Span;
  /** The object's root map (kind/apiVersion/metadata/spec...). */
  root: SMap;
  creationTimestamp?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** A string-valued field with where it was read from. */
export interface Val<T = string> {
  value: T;
  node: SScalar;
}

export interface ServiceBackendRef {
  node: SMap;
  name?: Val;
  portNumber?: Val<number>;
  portName?: Val;
  /** The port node (`port:` map, or `servicePort:` scalar for the legacy shape). */
  portNode?: SNode;
}

export interface IngressBackend {
  node: SMap;
  /** True for the removed v1beta1 shape (serviceName/servicePort). */
  legacy: boolean;
  service?: ServiceBackendRef;
  resource?: { node: SMap; apiGroup?: Val; kind?: Val; name?: Val };
}

export interface IngressPath {
  node: SMap;
  path?: Val;
  pathType?: Val;
  backend?: IngressBackend;
}

export interface IngressRule {
  node: SMap;
  host?: Val;
  paths: IngressPath[];
}

export interface IngressTLS {
  node: SMap;
  hosts: Val[];
  secretName?: Val;
}

export interface Ingress extends KObjectBase {
  kind: 'Ingress';
  ingressClassName?: Val;
  classAnnotation?: string;
  defaultBackend?: IngressBackend;
  rules: IngressRule[];
  tls: IngressTLS[];
}

export interface ServicePort {
  node: SMap;
  name?: string;
  port?: number;
  targetPort?: number | string;
  protocol: string;
}

export interface Service extends KObjectBase {
  kind: 'Service';
  type: string;
  ports: ServicePort[];
  selector?: Record<string, string>;
}

export interface Secret extends KObjectBase {
  kind: 'Secret';
  type: string;
  /** Names of the keys in data/stringData. Values are never kept, except the public tls.crt. */
  keys: string[];
  /** PEM of tls.crt when present (public certificate, decoded from base64 for `data`). */
  tlsCrt?: string;
}

export interface IngressClass extends KObjectBase {
  kind: 'IngressClass';
  controller?: string;
  isDefault: boolean;
}

export type KObject = Ingress | Service | Secret | IngressClass;
export type KnownKind = KObject['kind'];

export const IS_DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const SECRET_KEEP_KEYS = new Set(['tls.crt', 'ca.crt']);

export function objectLabel(o: Pick<KObjectBase, 'kind' | 'namespace' | 'name'>): string {
  return o.kind === 'IngressClass' ? `IngressClass ${o.name}` : `${o.kind} ${o.namespace}/${o.name}`;
}

export function objectKey(kind: string, namespace: string, name: string): string {
  return kind === 'IngressClass' ? `${kind}//${name}` : `${kind}/${namespace}/${name}`;
}

export function val(node: SNode | undefined): Val | undefined {
  const s = asScalar(node);
  return s && typeof s.value === 'string' ? { value: s.value, node: s } : undefined;
}

export function numVal(node: SNode | undefined): Val<number> | undefined {
  const s = asScalar(node);
  return s && typeof s.value === 'number' ? { value: s.value, node: s } : undefined;
}

function stringMap(node: SNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of asMap(node)?.entries ?? []) {
    const v = asScalar(e.value)?.value;
    if (v !== undefined && v !== null && !(e.key in out)) out[e.key] = String(v);
  }
  return out;
}

export interface ExtractOptions {
  defaultNamespace: string;
  origin?: ObjectOrigin;
}

/** Reads the objects of the kinds Ingress Lab knows from a parsed file; other kinds are skipped. */
export function extractObjects(file: ManifestFile, opts: ExtractOptions): KObject[] {
  const out: KObject[] = [];
  for (const doc of file.documents) {
    const root = asMap(doc.root);
    if (!root) continue;
    out.push(...objectsFromRoot(root, file.uri, doc.index, doc.span, opts));
  }
  return out;
}

/** One object, or the items of a `kind: List` (as `kubectl get -o yaml` writes). */
export function objectsFromRoot(root: SMap, uri: string, docIndex: number, span: Span, opts: ExtractOptions): KObject[] {
  if (str(get(root, 'kind'))?.endsWith('List') && asSeq(get(root, 'items'))) {
    return asSeq(get(root, 'items'))!.items.flatMap((item) => {
      const m = asMap(item);
      return m ? objectsFromRoot(rerooted(m), uri, docIndex, m.span, opts) : [];
    });
  }
  const o = readObject(root, uri, docIndex, span, opts);
  return o ? [o] : [];
}

/** A List item's tree with field paths relative to the item (`spec.rules[0]`, not `items[2].spec.rules[0]`), as the API server names them. */
function rerooted(item: SMap): SMap {
  const cut = item.path.length + 1;
  const visit = (n: SNode): void => {
    n.path = n.path.length >= cut ? n.path.slice(cut) : '';
    if (n.kind === 'map') n.entries.forEach((e) => visit(e.value));
    else if (n.kind === 'seq') n.items.forEach(visit);
  };
  visit(item);
  return item;
}

function readObject(root: SMap, uri: string, docIndex: number, span: Span, opts: ExtractOptions): KObject | undefined {
  const kind = str(get(root, 'kind'));
  if (kind !== 'Ingress' && kind !== 'Service' && kind !== 'Secret' && kind !== 'IngressClass') return undefined;
  const base = readObjectBase(root, kind, uri, docIndex, span, opts);
  switch (kind) {
    case 'Ingress': return readIngress(base);
    case 'Service': return readService(base);
    case 'Secret': return readSecret(base);
    case 'IngressClass': return readIngressClass(base);
  }
}

/** The fields every object has (metadata, origin, where it was read); also used by the Gateway API readers (gateway/model.ts). */
export function readObjectBase(root: SMap, kind: string, uri: string, docIndex: number, span: Span, opts: ExtractOptions): KObjectBase {
  const meta = get(root, 'metadata');
  const ns = str(get(meta, 'namespace'));
  return {
    apiVersion: str(get(root, 'apiVersion')) ?? '',
    kind,
    name: str(get(meta, 'name')) ?? '',
    namespace: kind === 'IngressClass' ? '' : ns || opts.defaultNamespace,
    namespaceExplicit: !!ns,
    origin: opts.origin ?? 'workspace',
    uri,
    docIndex,
    span,
    root,
    creationTimestamp: str(get(meta, 'creationTimestamp')),
    labels: stringMap(get(meta, 'labels')),
    annotations: stringMap(get(meta, 'annotations')),
  };
}

export function readBackend(node: SNode | undefined): IngressBackend | undefined {
  const m = asMap(node);
  if (!m) return undefined;
  const legacyName = get(m, 'serviceName');
  if (legacyName || get(m, 'servicePort')) {
    const portNode = get(m, 'servicePort');
    return {
      node: m, legacy: true,
      service: { node: m, name: val(legacyName), portNumber: numVal(portNode), portName: val(portNode), portNode },
    };
  }
  const svc = asMap(get(m, 'service'));
  const res = asMap(get(m, 'resource'));
  const port = get(svc, 'port');
  return {
    node: m,
    legacy: false,
    service: svc && {
      node: svc, name: val(get(svc, 'name')),
      portNumber: numVal(get(port, 'number')), portName: val(get(port, 'name')), portNode: port,
    },
    resource: res && {
      node: res, apiGroup: val(get(res, 'apiGroup')), kind: val(get(res, 'kind')), name: val(get(res, 'name')),
    },
  };
}

function readIngress(base: KObjectBase): Ingress {
  const spec = get(base.root, 'spec');
  const rules = (asSeq(get(spec, 'rules'))?.items ?? []).flatMap((r): IngressRule[] => {
    const m = asMap(r);
    if (!m) return [];
    const paths = (asSeq(getIn(m, 'http', 'paths'))?.items ?? []).flatMap((p): IngressPath[] => {
      const pm = asMap(p);
      return pm ? [{ node: pm, path: val(get(pm, 'path')), pathType: val(get(pm, 'pathType')), backend: readBackend(get(pm, 'backend')) }] : [];
    });
    return [{ node: m, host: val(get(m, 'host')), paths }];
  });
  const tls = (asSeq(get(spec, 'tls'))?.items ?? []).flatMap((t): IngressTLS[] => {
    const m = asMap(t);
    if (!m) return [];
    const hosts = (asSeq(get(m, 'hosts'))?.items ?? []).map(val).filter((v): v is Val => !!v);
    return [{ node: m, hosts, secretName: val(get(m, 'secretName')) }];
  });
  return {
    ...base,
    kind: 'Ingress',
    ingressClassName: val(get(spec, 'ingressClassName')),
    classAnnotation: base.annotations[CLASS_ANNOTATION],
    defaultBackend: readBackend(get(spec, 'defaultBackend') ?? get(spec, 'backend')),
    rules,
    tls,
  };
}

function readService(base: KObjectBase): Service {
  const spec = get(base.root, 'spec');
  const ports = (asSeq(get(spec, 'ports'))?.items ?? []).flatMap((p): ServicePort[] => {
    const m = asMap(p);
    if (!m) return [];
    const port = asScalar(get(m, 'port'))?.value;
    const target = asScalar(get(m, 'targetPort'))?.value;
    return [{
      node: m,
      name: str(get(m, 'name')),
      port: typeof port === 'number' ? port : undefined,
      targetPort: typeof target === 'number' || typeof target === 'string' ? target : undefined,
      protocol: str(get(m, 'protocol')) ?? 'TCP',
    }];
  });
  const selector = get(spec, 'selector');
  return {
    ...base,
    kind: 'Service',
    type: str(get(spec, 'type')) ?? 'ClusterIP',
    ports,
    selector: selector ? stringMap(selector) : undefined,
  };
}

function readSecret(base: KObjectBase): Secret {
  const data = asMap(get(base.root, 'data'));
  const stringData = asMap(get(base.root, 'stringData'));
  const keys = [...new Set([...(data?.entries ?? []), ...(stringData?.entries ?? [])].map((e) => e.key))];
  const crtString = str(get(stringData, 'tls.crt'));
  const crtData = str(get(data, 'tls.crt'));
  redactSecretValues(data);
  redactSecretValues(stringData);
  return {
    ...base,
    kind: 'Secret',
    type: str(get(base.root, 'type')) ?? 'Opaque',
    keys,
    tlsCrt: crtString ?? (crtData ? decodeBase64(crtData) : undefined),
  };
}

/** Secret values never leave this function: the tree keeps spans but not the text. */
function redactSecretValues(map: SMap | undefined): void {
  for (const e of map?.entries ?? []) {
    if (SECRET_KEEP_KEYS.has(e.key) || e.value.kind !== 'scalar') continue;
    e.value.value = '<redacted>';
    e.value.source = '<redacted>';
  }
}

function decodeBase64(s: string): string | undefined {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  return Buffer.from(clean, 'base64').toString('utf8');
}

function readIngressClass(base: KObjectBase): IngressClass {
  return {
    ...base,
    kind: 'IngressClass',
    controller: str(getIn(base.root, 'spec', 'controller')),
    isDefault: base.annotations[IS_DEFAULT_CLASS_ANNOTATION] === 'true',
  };
}
