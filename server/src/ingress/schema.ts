// The networking.k8s.io/v1 Ingress and IngressClass schemas (with ObjectMeta) as data:
// field names, types, required fields, enums and one paragraph of documentation per field,
// taken from the Kubernetes API reference. The schema/ rules walk it; completion and hover
// reuse it through the lookup functions at the end. Pure data, no I/O.

export type FieldType = 'string' | 'integer' | 'boolean' | 'object' | 'array' | 'map';

export interface FieldSchema {
  type: FieldType;
  doc: string;
  /** The API server (or kubectl) refuses the object without this field. */
  required?: boolean;
  /** The rule that reports this field missing in the API server's own words; schema/required-field then stays quiet. */
  requiredBy?: string;
  enum?: readonly string[];
  /** What each enum value means, in the API's own words (k8s.io/api comments on its constants). */
  enumDocs?: Readonly<Record<string, string>>;
  /** Object fields; an object without `fields` is free-form (anything goes). */
  fields?: Readonly<Record<string, FieldSchema>>;
  /** Array items. */
  items?: FieldSchema;
  /** Map values (keys are free). */
  values?: FieldSchema;
}

const str = (doc: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'string', doc, ...extra });
const int = (doc: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'integer', doc, ...extra });
const bool = (doc: string): FieldSchema => ({ type: 'boolean', doc });
const obj = (doc: string, fields?: Record<string, FieldSchema>, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'object', doc, fields, ...extra });
const arr = (doc: string, items: FieldSchema, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'array', doc, items, ...extra });
const strMap = (doc: string): FieldSchema => ({ type: 'map', doc, values: str('') });

const OWNER_REFERENCE = obj('OwnerReference contains enough information to let you identify an owning object. An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.', {
  apiVersion: str('API version of the referent.', { required: true }),
  kind: str('Kind of the referent.', { required: true }),
  name: str('Name of the referent.', { required: true }),
  uid: str('UID of the referent.', { required: true }),
  controller: bool('If true, this reference points to the managing controller.'),
  blockOwnerDeletion: bool('If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.'),
});

const MANAGED_FIELDS_ENTRY = obj('ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.', {
  apiVersion: str('APIVersion defines the version of this resource that this field set applies to.'),
  fieldsType: str('FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: "FieldsV1".'),
  fieldsV1: obj('FieldsV1 holds the first JSON version format as described in the "FieldsV1" type.'),
  manager: str('Manager is an identifier of the workflow managing these fields.'),
  operation: str('Operation is the type of operation which lead to this ManagedFieldsEntry being created. The only valid values for this field are "Apply" and "Update".'),
  subresource: str('Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource.'),
  time: str('Time is the timestamp of when the ManagedFields entry was added.'),
});

export const OBJECT_META: FieldSchema = obj('Standard object metadata: the name, namespace, labels and annotations of the object, and fields the system fills in.', {
  name: str('Name must be unique within a namespace. It is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated.', { required: true, requiredBy: 'ingress/metadata-name-invalid' }),
  generateName: str('GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided. If this field is used, the name returned to the client will be different than the name passed. The value will be combined with a unique suffix.'),
  namespace: str('Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace. Must be a DNS_LABEL. Cannot be updated.'),
  labels: strMap('Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. Values must be strings: quote values such as "true" or "8080".'),
  annotations: strMap('Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. Values must be strings: quote values such as "true" or "8080".'),
  uid: str('UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations. Read-only.'),
  resourceVersion: str('An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. Read-only.'),
  generation: int('A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.'),
  creationTimestamp: str('CreationTimestamp is a timestamp representing the server time when this object was created. Populated by the system. Read-only.'),
  deletionTimestamp: str('DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. Set by the server when a graceful deletion is requested by the user. Read-only.'),
  deletionGracePeriodSeconds: int('Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Only set when deletionTimestamp is also set. Read-only.'),
  finalizers: arr('Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list.', str('')),
  ownerReferences: arr('List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected.', OWNER_REFERENCE),
  managedFields: arr('ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is mostly for internal housekeeping, and users typically shouldn\'t need to set or understand this field.', MANAGED_FIELDS_ENTRY),
  selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
});

const SERVICE_BACKEND_PORT = obj('ServiceBackendPort is the service port being referenced. Set exactly one of name or number.', {
  name: str('name is the name of the port on the Service. This is a mutually exclusive setting with "Number".'),
  number: int('number is the numerical port number (e.g. 80) on the Service. This is a mutually exclusive setting with "Name".'),
});

const INGRESS_BACKEND = obj('IngressBackend describes all endpoints for a given service and port. Exactly one of service or resource must be set.', {
  service: obj('service references a service as a backend. This is a mutually exclusive setting with "Resource".', {
    name: str('name is the referenced service. The service must exist in the same namespace as the Ingress object.', { required: true, requiredBy: 'ingress/service-name-invalid' }),
    port: SERVICE_BACKEND_PORT,
  }),
  resource: obj('resource is an ObjectRef to another Kubernetes resource in the namespace of the Ingress object. If resource is specified, a service.Name and service.Port must not be specified. This is a mutually exclusive setting with "Service".', {
    apiGroup: str('APIGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group.'),
    kind: str('Kind is the type of resource being referenced.', { required: true, requiredBy: 'ingress/resource-backend-invalid' }),
    name: str('Name is the name of resource being referenced.', { required: true, requiredBy: 'ingress/resource-backend-invalid' }),
  }),
});

export const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'] as const;

/** k8s.io/api networking/v1 types.go, the comments on PathTypeExact, PathTypePrefix and PathTypeImplementationSpecific. */
const PATH_TYPE_DOCS: Record<(typeof PATH_TYPES)[number], string> = {
  Exact: 'Matches the URL path exactly and with case sensitivity.',
  Prefix: 'Matches based on a URL path prefix split by \'/\'. Matching is case sensitive and done on a path element by element basis: a request matches path p if every element of p is an element-wise prefix of the request path. If the last element of the path is a substring of the last element of the request path, it is not a match: /foo/bar matches /foo/bar and /foo/bar/baz, but not /foo/barbaz. /foo and /foo/ both match /foo and /foo/; if several paths match, the longest one (/foo/) wins.',
  ImplementationSpecific: 'Matching is up to the IngressClass. Implementations can treat this as a separate PathType or treat it identically to Prefix or Exact path types.',
};

const HTTP_INGRESS_PATH = obj('HTTPIngressPath associates a path with a backend. Incoming urls matching the path are forwarded to the backend.', {
  path: str('path is matched against the path of an incoming request. Currently it can contain characters disallowed from the conventional "path" part of a URL as defined by RFC 3986. Paths must begin with a \'/\' and must be present when using PathType with value "Exact" or "Prefix".'),
  pathType: str('pathType determines the interpretation of the path matching. Exact: matches the URL path exactly. Prefix: matches based on a URL path prefix split by \'/\'; matching is done on a path element by element basis. ImplementationSpecific: interpretation of the path matching is up to the IngressClass; implementations can treat this as a separate PathType or treat it identically to Prefix or Exact.', { required: true, requiredBy: 'ingress/path-type-required', enum: PATH_TYPES, enumDocs: PATH_TYPE_DOCS }),
  backend: { ...INGRESS_BACKEND, doc: 'backend defines the referenced service endpoint to which the traffic will be forwarded to.', required: true, requiredBy: 'ingress/backend-exactly-one' },
});

const INGRESS_RULE = obj('IngressRule represents the rules mapping the paths under a specified host to the related backend services. Incoming requests are first evaluated for a host match, then routed to the backend associated with the matching IngressRuleValue.', {
  host: str('host is the fully qualified domain name of a network host, as defined by RFC 3986. It may not be an IP address, and the :port is not allowed. host can be "precise" (a domain name without the terminating dot, e.g. "foo.bar.com") or a "wildcard" (a domain name prefixed with a single wildcard label, e.g. "*.foo.com"); the wildcard must appear by itself as the first DNS label and matches only a single label. Requests without a matching rule\'s host go to rules without a host.'),
  http: obj('HTTPIngressRuleValue is a list of http selectors pointing to backends: http://<host>/<path>?<searchpart> -> backend.', {
    paths: arr('paths is a collection of paths that map requests to backends.', HTTP_INGRESS_PATH, { required: true, requiredBy: 'ingress/paths-empty' }),
  }),
});

const INGRESS_TLS = obj('IngressTLS describes the transport layer security associated with an ingress.', {
  hosts: arr('hosts is a list of hosts included in the TLS certificate. The values in this list must match the name/s used in the tlsSecret. Defaults to the wildcard host setting for the loadbalancer controller fulfilling this Ingress, if left unspecified.', str('')),
  secretName: str('secretName is the name of the secret used to terminate TLS traffic on port 443. Field is left optional to allow TLS routing based on SNI hostname alone. If the SNI host in a listener conflicts with the "Host" header field used by an IngressRule, the SNI host is used for termination and value of the "Host" header is used for routing.'),
});

const INGRESS_STATUS = obj('status is the current state of the Ingress. Filled in by the controller; ignored when creating.', {
  loadBalancer: obj('loadBalancer contains the current status of the load-balancer.', {
    ingress: arr('ingress is a list containing ingress points for the load-balancer.', obj('IngressLoadBalancerIngress represents the status of a load-balancer ingress point.', {
      ip: str('ip is set for load-balancer ingress points that are IP based.'),
      hostname: str('hostname is set for load-balancer ingress points that are DNS based.'),
      ports: arr('ports provides information about the ports exposed by this LoadBalancer.', obj('IngressPortStatus represents the error condition of a service port.', {
        port: int('port is the port number of the ingress port.', { required: true }),
        protocol: str('protocol is the protocol of the ingress port.', { required: true, enum: ['SCTP', 'TCP', 'UDP'] }),
        error: str('error is to record the problem with the service port.'),
      })),
    })),
  }),
});

const API_VERSION_DOC = 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.';
const KIND_DOC = 'Kind is a string value representing the REST resource this object represents. In CamelCase.';

export const INGRESS_V1: FieldSchema = obj('Ingress is a collection of rules that allow inbound connections to reach the endpoints defined by a backend. An Ingress can be configured to give services externally-reachable urls, load balance traffic, terminate SSL, offer name based virtual hosting etc.', {
  apiVersion: str(API_VERSION_DOC, { required: true }),
  kind: str(KIND_DOC, { required: true }),
  metadata: { ...OBJECT_META, required: true, requiredBy: 'ingress/metadata-name-invalid' },
  spec: obj('spec is the desired state of the Ingress.', {
    ingressClassName: str('ingressClassName is the name of an IngressClass cluster resource. Ingress controller implementations use this field to know whether they should be serving this Ingress resource. If unset and an IngressClass is marked as default, the default class is used. Supersedes the deprecated kubernetes.io/ingress.class annotation.'),
    defaultBackend: { ...INGRESS_BACKEND, doc: 'defaultBackend is the backend that should handle requests that don\'t match any rule. If Rules are not specified, DefaultBackend must be specified. If DefaultBackend is not set, the handling of requests that do not match any of the rules will be up to the Ingress controller.' },
    tls: arr('tls represents the TLS configuration. Currently the Ingress only supports a single TLS port, 443. If multiple members of this list specify different hosts, they will be multiplexed on the same port according to the hostname specified through the SNI TLS extension.', INGRESS_TLS),
    rules: arr('rules is a list of host rules used to configure the Ingress. If unspecified, or no rule matches, all traffic is sent to the default backend.', INGRESS_RULE),
  }, { required: true, requiredBy: 'ingress/rules-or-default-backend' }),
  status: INGRESS_STATUS,
});

export const PARAMETER_SCOPES = ['Cluster', 'Namespace'] as const;

/** k8s.io/api networking/v1 types.go, the comments on IngressClassParametersReferenceScopeCluster and …ScopeNamespace. */
const SCOPE_DOCS: Record<(typeof PARAMETER_SCOPES)[number], string> = {
  Cluster: 'The referenced parameters resource is cluster-scoped (the default): `namespace` must be unset.',
  Namespace: 'The referenced parameters resource is namespace-scoped: `namespace` is required.',
};

export const INGRESS_CLASS_V1: FieldSchema = obj('IngressClass represents the class of the Ingress, referenced by the Ingress Spec. The `ingressclass.kubernetes.io/is-default-class` annotation can be used to indicate that an IngressClass should be considered default.', {
  apiVersion: str(API_VERSION_DOC, { required: true }),
  kind: str(KIND_DOC, { required: true }),
  metadata: { ...OBJECT_META, required: true, requiredBy: 'ingress/metadata-name-invalid' },
  spec: obj('spec is the desired state of the IngressClass.', {
    controller: str('controller refers to the name of the controller that should handle this class. This allows for different "flavors" that are controlled by the same controller. For example, you may have different parameters for the same implementing controller. This should be specified as a domain-prefixed path no more than 250 characters in length, e.g. "acme.io/ingress-controller". This field is immutable.', { requiredBy: 'ingress/ingressclass-controller-required' }),
    parameters: obj('parameters is a link to a custom resource containing additional configuration for the controller. This is optional if the controller does not require extra parameters.', {
      apiGroup: str('apiGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group.'),
      kind: str('kind is the type of resource being referenced.', { required: true, requiredBy: 'ingress/ingressclass-parameters-invalid' }),
      name: str('name is the name of resource being referenced.', { required: true, requiredBy: 'ingress/ingressclass-parameters-invalid' }),
      scope: str('scope represents if this refers to a cluster or namespace scoped resource. This may be set to "Cluster" (default) or "Namespace".', { enum: PARAMETER_SCOPES, enumDocs: SCOPE_DOCS }),
      namespace: str('namespace is the namespace of the resource being referenced. This field is required when scope is set to "Namespace" and must be unset when scope is set to "Cluster".'),
    }),
  }, { required: true, requiredBy: 'ingress/ingressclass-controller-required' }),
});

/** The schema for an object, or undefined for kinds/versions without one. */
export function objectSchema(apiVersion: string, kind: string): FieldSchema | undefined {
  if (apiVersion !== 'networking.k8s.io/v1') return undefined;
  if (kind === 'Ingress') return INGRESS_V1;
  if (kind === 'IngressClass') return INGRESS_CLASS_V1;
  return undefined;
}

/** Splits an API-server field path (`spec.rules[0].http`) into segments (`spec`, 0, `rules`...). */
export function parseFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/**
 * The schema of the field at path (numbers step into arrays, any string steps into a map).
 * Map keys may hold dots (`metadata.annotations.kubernetes.io/ingress.class`): once inside a
 * map of scalars, the rest of a string path is the key.
 */
export function schemaAt(root: FieldSchema, path: string | readonly (string | number)[]): FieldSchema | undefined {
  const segments = typeof path === 'string' ? parseFieldPath(path) : path;
  let cur: FieldSchema | undefined = root;
  let inMapKey = false;
  for (const seg of segments) {
    if (!cur) return undefined;
    if (inMapKey && typeof seg === 'string') continue;
    inMapKey = false;
    if (cur.type === 'array') cur = typeof seg === 'number' ? cur.items : undefined;
    else if (cur.type === 'map') [cur, inMapKey] = [cur.values, !cur.values?.fields];
    else if (cur.type === 'object') cur = typeof seg === 'string' && cur.fields && Object.hasOwn(cur.fields, seg) ? cur.fields[seg] : undefined;
    else return undefined;
  }
  return cur;
}

export interface AllowedField {
  name: string;
  schema: FieldSchema;
}

/** The fields allowed in the object at path, e.g. allowedFields(INGRESS_V1, 'spec.rules[0]') → host, http. */
export function allowedFields(root: FieldSchema, path: string | readonly (string | number)[]): AllowedField[] {
  const s = schemaAt(root, path);
  if (!s || s.type !== 'object' || !s.fields) return [];
  return Object.entries(s.fields).map(([name, schema]) => ({ name, schema }));
}
