// A small OpenAPI v3 document shaped like kube-apiserver's (v1.31): the `/openapi/v3` discovery
// with a hashed serverRelativeURL per group-version, and for networking.k8s.io/v1 the schemas
// of Ingress down to its backends, with refs wrapped in allOf and descriptions as the server
// has them. Only what the editor's hover reads; the real-cluster target serves the full one.
const REF = (name: string) => ({ allOf: [{ $ref: `#/components/schemas/io.k8s.api.networking.v1.${name}` }] });
const obj = (description: string, properties: Record<string, unknown>, required?: string[]) => ({ description, type: 'object', properties, ...(required ? { required } : {}) });
const ref = (name: string, description: string) => ({ ...REF(name), default: {}, description });
const list = (name: string, description: string) => ({ type: 'array', items: { ...REF(name), default: {} }, description, 'x-kubernetes-list-type': 'atomic' });

export const OPENAPI_HASH = 'A1B2C3D4E5F60718';

const SCHEMAS = {
  'io.k8s.api.networking.v1.Ingress': {
    ...obj('Ingress is a collection of rules that allow inbound connections to reach the endpoints defined by a backend. An Ingress can be configured to give services externally-reachable urls, load balance traffic, terminate SSL, offer name based virtual hosting etc.', {
      apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources' },
      kind: { type: 'string', description: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds' },
      spec: ref('IngressSpec', 'spec is the desired state of the Ingress. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
    }),
    'x-kubernetes-group-version-kind': [{ group: 'networking.k8s.io', kind: 'Ingress', version: 'v1' }],
  },
  'io.k8s.api.networking.v1.IngressSpec': obj('IngressSpec describes the Ingress the user wishes to exist.', {
    defaultBackend: ref('IngressBackend', 'defaultBackend is the backend that should handle requests that don\'t match any rule. If Rules are not specified, DefaultBackend must be specified. If DefaultBackend is not set, the handling of requests that do not match any of the rules will be up to the Ingress controller.'),
    ingressClassName: { type: 'string', description: 'ingressClassName is the name of an IngressClass cluster resource. Ingress controller implementations use this field to know whether they should be serving this Ingress resource, by a transitive connection (controller -> IngressClass -> Ingress resource).' },
    rules: list('IngressRule', 'rules is a list of host rules used to configure the Ingress. If unspecified, or no rule matches, all traffic is sent to the default backend.'),
    tls: list('IngressTLS', 'tls represents the TLS configuration. Currently the Ingress only supports a single TLS port, 443.'),
  }),
  'io.k8s.api.networking.v1.IngressRule': obj('IngressRule represents the rules mapping the paths under a specified host to the related backend services.', {
    host: { type: 'string', description: 'host is the fully qualified domain name of a network host, as defined by RFC 3986. Note the following deviations from the "host" part of the URI as defined in RFC 3986: 1. IPs are not allowed. 2. The `:` delimiter is not respected because ports are not allowed.' },
    http: ref('HTTPIngressRuleValue', ''),
  }),
  'io.k8s.api.networking.v1.HTTPIngressRuleValue': obj('HTTPIngressRuleValue is a list of http selectors pointing to backends.', {
    paths: list('HTTPIngressPath', 'paths is a collection of paths that map requests to backends.'),
  }, ['paths']),
  'io.k8s.api.networking.v1.HTTPIngressPath': obj('HTTPIngressPath associates a path with a backend. Incoming urls matching the path are forwarded to the backend.', {
    backend: ref('IngressBackend', 'backend defines the referenced service endpoint to which the traffic will be forwarded to.'),
    path: { type: 'string', description: 'path is matched against the path of an incoming request. Currently it can contain characters disallowed from the conventional "path" part of a URL as defined by RFC 3986. Paths must begin with a \'/\' and must be present when using PathType with value "Exact" or "Prefix".' },
    pathType: {
      type: 'string', default: '', enum: ['Exact', 'ImplementationSpecific', 'Prefix'],
      description: 'pathType determines the interpretation of the path matching. PathType can be one of the following values: * Exact: Matches the URL path exactly. * Prefix: Matches based on a URL path prefix split by \'/\'. Matching is\n  done on a path element by element basis.\n* ImplementationSpecific: Interpretation of the Path matching is up to\n  the IngressClass.\n\nPossible enum values:\n - `"Exact"` matches the URL path exactly and with case sensitivity.\n - `"ImplementationSpecific"` matching is up to the IngressClass.\n - `"Prefix"` matches based on a URL path prefix split by \'/\'.',
    },
  }, ['pathType', 'backend']),
  'io.k8s.api.networking.v1.IngressBackend': obj('IngressBackend describes all endpoints for a given service and port.', {
    service: ref('IngressServiceBackend', 'service references a service as a backend. This is a mutually exclusive setting with "Resource".'),
  }),
  'io.k8s.api.networking.v1.IngressServiceBackend': obj('IngressServiceBackend references a Kubernetes Service as a Backend.', {
    name: { type: 'string', default: '', description: 'name is the referenced service. The service must exist in the same namespace as the Ingress object.' },
    port: ref('ServiceBackendPort', 'port of the referenced service. A port name or port number is required for a IngressServiceBackend.'),
  }, ['name']),
  'io.k8s.api.networking.v1.ServiceBackendPort': obj('ServiceBackendPort is the service port being referenced.', {
    name: { type: 'string', description: 'name is the name of the port on the Service. This is a mutually exclusive setting with "Number".' },
    number: { type: 'integer', format: 'int32', description: 'number is the numerical port number (e.g. 80) on the Service. This is a mutually exclusive setting with "Name".' },
  }),
  'io.k8s.api.networking.v1.IngressTLS': obj('IngressTLS describes the transport layer security associated with an ingress.', {
    hosts: { type: 'array', items: { type: 'string', default: '' }, description: 'hosts is a list of hosts included in the TLS certificate.', 'x-kubernetes-list-type': 'atomic' },
    secretName: { type: 'string', description: 'secretName is the name of the secret used to terminate TLS traffic on port 443.' },
  }),
};

/** `/openapi/v3` and `/openapi/v3/apis/networking.k8s.io/v1`; undefined for any other path. */
export function openApi(pathname: string): unknown {
  if (pathname === '/openapi/v3') {
    return { paths: {
      'api/v1': { serverRelativeURL: '/openapi/v3/api/v1?hash=0F1E2D3C4B5A6978' },
      'apis/networking.k8s.io/v1': { serverRelativeURL: `/openapi/v3/apis/networking.k8s.io/v1?hash=${OPENAPI_HASH}` },
    } };
  }
  if (pathname === '/openapi/v3/apis/networking.k8s.io/v1') {
    return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.31.0' }, paths: {}, components: { schemas: SCHEMAS } };
  }
  return undefined;
}
