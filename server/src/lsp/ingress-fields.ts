// The networking.k8s.io/v1 Ingress fields the editor completes and documents, by path
// (`spec.rules[].http.paths[]`). A bundled stand-in until the shared field schema
// (server/src/ingress/schema.ts) lands; the docs paraphrase the Kubernetes API reference.

export interface FieldDoc {
  name: string;
  type: 'string' | 'integer' | 'object' | 'array' | 'map';
  doc: string;
  required?: boolean;
  /** Snippet inserted for the whole key (LSP snippet syntax, relative indentation). */
  snippet?: string;
}

const BACKEND_SNIPPET = 'backend:\n  service:\n    name: ${1:service}\n    port:\n      number: ${2:80}';

const BACKEND: FieldDoc[] = [
  { name: 'service', type: 'object', doc: 'A Service as a backend. Mutually exclusive with resource.', snippet: 'service:\n  name: ${1:service}\n  port:\n    number: ${2:80}' },
  { name: 'resource', type: 'object', doc: 'An object in the same namespace as the Ingress (e.g. a storage bucket) as a backend. Mutually exclusive with service.' },
];

const FIELDS: Record<string, FieldDoc[]> = {
  '': [
    { name: 'apiVersion', type: 'string', required: true, doc: 'The versioned schema of this object. Ingress is served as networking.k8s.io/v1; extensions/v1beta1 and networking.k8s.io/v1beta1 were removed in Kubernetes 1.22.' },
    { name: 'kind', type: 'string', required: true, doc: 'The REST resource this object represents: Ingress.' },
    { name: 'metadata', type: 'object', required: true, doc: "Standard object metadata: name, namespace, labels, annotations." },
    { name: 'spec', type: 'object', doc: 'The desired state of the Ingress: rules, TLS, default backend and class.' },
  ],
  metadata: [
    { name: 'name', type: 'string', required: true, doc: 'Name of the Ingress, unique within its namespace. Must be a DNS subdomain.' },
    { name: 'namespace', type: 'string', doc: 'Namespace of the Ingress. Backends and TLS Secrets are looked up in this namespace.' },
    { name: 'labels', type: 'map', doc: 'Key/value pairs to organise and select objects.' },
    { name: 'annotations', type: 'map', doc: 'Unstructured key/value data. Ingress controllers read their options here (e.g. nginx.ingress.kubernetes.io/*).' },
  ],
  spec: [
    { name: 'ingressClassName', type: 'string', doc: 'Name of the IngressClass cluster resource that implements this Ingress. When absent, the default IngressClass (annotated ingressclass.kubernetes.io/is-default-class: "true") is used.' },
    { name: 'defaultBackend', type: 'object', doc: 'The backend that receives requests matching no rule. If no rules are given, defaultBackend must be.', snippet: 'defaultBackend:\n  service:\n    name: ${1:service}\n    port:\n      number: ${2:80}' },
    { name: 'rules', type: 'array', doc: 'Host rules. Requests are matched by host, then by path. If none matches, traffic goes to the default backend.', snippet: 'rules:\n  - host: ${1:example.com}\n    http:\n      paths:\n        - path: /${2}\n          pathType: ${3|Prefix,Exact,ImplementationSpecific|}\n          ' + BACKEND_SNIPPET.replace(/\n/g, '\n          ').replace('${1:service}', '${4:service}').replace('${2:80}', '${5:80}') },
    { name: 'tls', type: 'array', doc: 'TLS configuration. Each entry lists hosts and the kubernetes.io/tls Secret that holds their certificate; the controller uses SNI to pick one.', snippet: 'tls:\n  - hosts:\n      - ${1:example.com}\n    secretName: ${2:example-tls}' },
  ],
  'spec.defaultBackend': BACKEND,
  'spec.rules[]': [
    { name: 'host', type: 'string', doc: 'The fully qualified domain name of a network host, as defined by RFC 3986, without a port. A wildcard ("*.example.com") matches exactly one DNS label. When absent, the rule applies to all hosts.' },
    { name: 'http', type: 'object', doc: 'HTTP rules: a list of paths mapped to backends.', snippet: 'http:\n  paths:\n    - path: /${1}\n      pathType: ${2|Prefix,Exact,ImplementationSpecific|}\n      ' + BACKEND_SNIPPET.replace(/\n/g, '\n      ').replace('${1:service}', '${3:service}').replace('${2:80}', '${4:80}') },
  ],
  'spec.rules[].http': [
    { name: 'paths', type: 'array', required: true, doc: 'A collection of paths that map requests to backends.', snippet: 'paths:\n  - path: /${1}\n    pathType: ${2|Prefix,Exact,ImplementationSpecific|}\n    ' + BACKEND_SNIPPET.replace(/\n/g, '\n    ').replace('${1:service}', '${3:service}').replace('${2:80}', '${4:80}') },
  ],
  'spec.rules[].http.paths[]': [
    { name: 'path', type: 'string', doc: 'Matched against the path of an incoming request. Must begin with "/". Required unless pathType is ImplementationSpecific.' },
    { name: 'pathType', type: 'string', required: true, doc: 'How the path is matched. Exact: the URL path exactly, case-sensitive. Prefix: element-wise prefix split by "/" ("/foo" matches "/foo" and "/foo/bar", not "/foobar"). ImplementationSpecific: up to the IngressClass.' },
    { name: 'backend', type: 'object', required: true, doc: 'Where matching requests are sent.', snippet: BACKEND_SNIPPET },
  ],
  'spec.rules[].http.paths[].backend': BACKEND,
  'spec.tls[]': [
    { name: 'hosts', type: 'array', doc: 'Hosts included in the TLS certificate. Must match hosts used in rules; defaults to the controller\'s wildcard host when absent.' },
    { name: 'secretName', type: 'string', doc: 'Name of the kubernetes.io/tls Secret (in the Ingress\'s namespace) holding tls.crt and tls.key. Optional to allow SNI-only routing.' },
  ],
};

const SERVICE: FieldDoc[] = [
  { name: 'name', type: 'string', required: true, doc: 'The referenced Service. It must exist in the same namespace as the Ingress.' },
  { name: 'port', type: 'object', doc: 'The port of the referenced Service: a number or a name, not both.', snippet: 'port:\n  number: ${1:80}' },
];
const PORT: FieldDoc[] = [
  { name: 'number', type: 'integer', doc: 'The numerical port number (e.g. 80) on the Service. Mutually exclusive with name.' },
  { name: 'name', type: 'string', doc: 'The name of the port on the Service. Mutually exclusive with number.' },
];
const RESOURCE: FieldDoc[] = [
  { name: 'apiGroup', type: 'string', doc: 'The API group of the referenced object; empty means the core group.' },
  { name: 'kind', type: 'string', required: true, doc: 'The kind of the referenced object.' },
  { name: 'name', type: 'string', required: true, doc: 'The name of the referenced object.' },
];

/** Normalises a backend path so both defaultBackend and per-path backends share one table. */
function normalise(path: string): string {
  return path.replace(/^spec\.defaultBackend(?=\.|$)/, 'spec.rules[].http.paths[].backend');
}

export function fieldsAt(path: string): FieldDoc[] | undefined {
  const p = normalise(path);
  if (FIELDS[p]) return FIELDS[p];
  if (p === 'spec.rules[].http.paths[].backend.service') return SERVICE;
  if (p === 'spec.rules[].http.paths[].backend.service.port') return PORT;
  if (p === 'spec.rules[].http.paths[].backend.resource') return RESOURCE;
  return undefined;
}

/** Documentation of the field at path (`spec.rules[].host`). */
export function fieldDoc(path: string): FieldDoc | undefined {
  const i = path.lastIndexOf('.');
  const parent = i < 0 ? '' : path.slice(0, i);
  const name = i < 0 ? path : path.slice(i + 1);
  return fieldsAt(parent)?.find((f) => f.name === name.replace(/\[\]$/, ''));
}

/** `spec.rules[0].http.paths[1].path` → `spec.rules[].http.paths[].path`. */
export function genericPath(fieldPath: string): string {
  return fieldPath.replace(/\[\d+\]/g, '[]');
}
