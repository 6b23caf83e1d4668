// Removed API versions of Ingress and IngressClass, and the rewrite of a removed-version
// document to networking.k8s.io/v1: spec.backend → spec.defaultBackend, serviceName/servicePort →
// service.name/service.port.number|name, pathType ImplementationSpecific (the v1beta1 default)
// where none was written (a quoted numeric servicePort such as "8080" becomes port.number).
// The rewrite edits the YAML document in place, so comments survive.
// Used by deprecated/api-version-removed and by the language server's quick fix. Pure.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import { K8S_YAML } from './go-yaml-tags';

export const NETWORKING_V1 = 'networking.k8s.io/v1';

export interface Removal {
  kind: 'Ingress' | 'IngressClass';
  apiVersion: string;
  removedIn: string;
  replacement: string;
}

export const REMOVED_API_VERSIONS: readonly Removal[] = [
  { kind: 'Ingress', apiVersion: 'extensions/v1beta1', removedIn: '1.22', replacement: NETWORKING_V1 },
  { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1beta1', removedIn: '1.22', replacement: NETWORKING_V1 },
  { kind: 'IngressClass', apiVersion: 'networking.k8s.io/v1beta1', removedIn: '1.22', replacement: NETWORKING_V1 },
];

export function removalOf(apiVersion: string, kind: string): Removal | undefined {
  return REMOVED_API_VERSIONS.find((r) => r.apiVersion === apiVersion && r.kind === kind);
}

export function isRemovedApiVersion(apiVersion: string, kind: string): boolean {
  return !!removalOf(apiVersion, kind);
}

export interface Rewrite {
  /** The document's new text. */
  text: string;
  /** What changed, one line each, e.g. `spec.backend → spec.defaultBackend`. */
  changes: string[];
}

/**
 * Rewrites one YAML document (an Ingress or IngressClass of a removed version) to
 * networking.k8s.io/v1. Undefined when the text is not one well-formed YAML mapping.
 */
export function rewriteToNetworkingV1(docText: string): Rewrite | undefined {
  const doc = parseDocument(docText, { ...K8S_YAML, keepSourceTokens: false });
  const changes: string[] = [];
  const root = doc.contents;
  if (doc.errors.length > 0 || !isMap(root)) return undefined;
  const from = doc.get('apiVersion');
  if (from !== NETWORKING_V1) {
    doc.set('apiVersion', NETWORKING_V1);
    changes.push(`apiVersion: ${String(from ?? '')} → ${NETWORKING_V1}`);
  }
  const spec = doc.get('spec', true);
  if (doc.get('kind') === 'Ingress' && isMap(spec)) rewriteIngressSpec(doc, spec, changes);
  return { text: doc.toString({ lineWidth: 0 }), changes };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === key);
}

function rewriteIngressSpec(doc: Document, spec: YAMLMap, changes: string[]): void {
  const legacy = pairOf(spec, 'backend');
  if (legacy && !pairOf(spec, 'defaultBackend')) {
    legacy.key = doc.createNode('defaultBackend');
    changes.push('spec.backend → spec.defaultBackend');
  }
  const def = spec.get('defaultBackend', true);
  if (isMap(def)) rewriteBackend(doc, def, 'spec.defaultBackend', changes);
  const rules = spec.get('rules', true);
  if (!isSeq(rules)) return;
  rules.items.forEach((rule, i) => {
    const paths = isMap(rule) ? rule.getIn(['http', 'paths'], true) : undefined;
    if (!isSeq(paths)) return;
    paths.items.forEach((item, j) => {
      if (!isMap(item)) return;
      const at = `spec.rules[${i}].http.paths[${j}]`;
      addDefaultPathType(doc, item, at, changes);
      const backend = item.get('backend', true);
      if (isMap(backend)) rewriteBackend(doc, backend, `${at}.backend`, changes);
    });
  });
}

function addDefaultPathType(doc: Document, item: YAMLMap, at: string, changes: string[]): void {
  if (pairOf(item, 'pathType')) return;
  const pathPair = pairOf(item, 'path');
  const index = pathPair ? item.items.indexOf(pathPair) + 1 : 0;
  item.items.splice(index, 0, doc.createPair('pathType', 'ImplementationSpecific'));
  changes.push(`${at}.pathType: ImplementationSpecific (the v1beta1 default) written out`);
}

function rewriteBackend(doc: Document, backend: YAMLMap, at: string, changes: string[]): void {
  const name = pairOf(backend, 'serviceName');
  const port = pairOf(backend, 'servicePort');
  if (!name && !port) return;
  const portValue = isScalar(port?.value) ? port.value.value : undefined;
  const numeric = typeof portValue === 'number' || (typeof portValue === 'string' && /^[0-9]+$/.test(portValue));
  const service: Record<string, unknown> = {};
  if (name) service.name = isScalar(name.value) ? name.value.value : name.value;
  if (portValue !== undefined && portValue !== null) {
    service.port = numeric ? { number: Number(portValue) } : { name: String(portValue) };
  }
  const index = Math.min(...[name, port].filter((p): p is Pair => !!p).map((p) => backend.items.indexOf(p)));
  backend.items = backend.items.filter((p) => p !== name && p !== port);
  backend.items.splice(index, 0, doc.createPair('service', service));
  changes.push(`${at}: serviceName/servicePort → service.name/service.port.${numeric ? 'number' : 'name'}`);
}
