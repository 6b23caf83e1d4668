// Writes test-fixtures/apiserver-cases/: the API server's own validation cases (kubernetes
// pkg/apis/networking/validation/validation_test.go, plus validation.go branches it does not
// list) as manifests and the exact errors a current kube-apiserver returns for each.
// Usage: node scripts/gen-apiserver-cases.mjs (rewrites the folder; review the diff).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const out = fileURLToPath(new URL('../test-fixtures/apiserver-cases', import.meta.url));
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) rmSync(`${out}/${f}`);

const SUB = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const WILD = "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QNAME = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LVALUE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const q = JSON.stringify;
const inv = (f, v, d) => `${f}: Invalid value: ${typeof v === 'string' ? q(v) : v}: ${d}`;

const clone = (o) => JSON.parse(JSON.stringify(o));
const svc = (port = { number: 80 }, name = 'defaultbackend') => ({ service: { name, port } });
const resource = { resource: { apiGroup: 'example.com', kind: 'foo', name: 'bar' } };
const ing = (meta, spec) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta, spec });

const cases = [];
const add = (slug, go, objs, errors) => cases.push({ slug, go, objs: Array.isArray(objs) ? objs : [objs], errors });

// ---- TestValidateIngress (validateIngress, baseIngress) ----
const P = 'spec.rules[0].http.paths[0]';
function base() {
  return ing({ name: 'foo', namespace: 'default' }, {
    defaultBackend: svc(),
    rules: [{ host: 'foo.bar.com', http: { paths: [{ path: '/foo', pathType: 'ImplementationSpecific', backend: svc() }] } }],
  });
}
function tweak(fn) { const o = base(); fn(o.spec, o); return o; }
const T = 'TestValidateIngress';
add('ingress-empty-path-implementation-specific', `${T}/empty path (implementation specific)`, tweak((s) => { s.rules[0].http.paths[0].path = ''; }), []);
add('ingress-valid-path', `${T}/valid path`, tweak((s) => { s.rules[0].http.paths[0].path = '/valid'; }), []);
add('ingress-backend-with-no-service', `${T}/backend with no service`, tweak((s) => { s.defaultBackend.service.name = ''; }), ['spec.defaultBackend.service.name: Required value']);
add('ingress-invalid-path-type', `${T}/invalid path type`, tweak((s) => { s.rules[0].http.paths[0].pathType = 'foo'; }),
  [`${P}.pathType: Unsupported value: "foo": supported values: "Exact", "ImplementationSpecific", "Prefix"`]);
add('ingress-empty-path-prefix', `${T}/empty path (prefix)`, tweak((s) => { Object.assign(s.rules[0].http.paths[0], { path: '', pathType: 'Prefix' }); }),
  [inv(`${P}.path`, '', 'must be an absolute path')]);
add('ingress-no-paths', `${T}/no paths`, tweak((s) => { s.rules[0].http.paths = []; }), ['spec.rules[0].http.paths: Required value']);
add('ingress-invalid-host-port', `${T}/invalid host (foobar:80)`, tweak((s) => { s.rules[0].host = 'foobar:80'; }), [inv('spec.rules[0].host', 'foobar:80', SUB)]);
add('ingress-invalid-host-ip', `${T}/invalid host (127.0.0.1)`, tweak((s) => { s.rules[0].host = '127.0.0.1'; }), [inv('spec.rules[0].host', '127.0.0.1', 'must be a DNS name, not an IP address')]);
add('ingress-valid-wildcard-host', `${T}/valid wildcard host`, tweak((s) => { s.rules[0].host = '*.bar.com'; }), []);
add('ingress-invalid-wildcard-middle', `${T}/invalid wildcard host (foo.*.bar.com)`, tweak((s) => { s.rules[0].host = 'foo.*.bar.com'; }), [inv('spec.rules[0].host', 'foo.*.bar.com', WILD)]);
add('ingress-invalid-wildcard-star', `${T}/invalid wildcard host (*)`, tweak((s) => { s.rules[0].host = '*'; }), [inv('spec.rules[0].host', '*', WILD)]);
add('ingress-path-resource-and-service', `${T}/path resource backend and service name (and port) are not allowed together`,
  tweak((s) => { s.rules[0].http.paths[0].backend = { ...svc(), ...resource }; }), [inv(`${P}.backend`, '', 'cannot set both resource and service backends')]);
add('ingress-default-backend-resource-and-service', `${T}/spec.backend resource and service name (and port) are not allowed together`,
  tweak((s) => { s.defaultBackend = { ...svc(), ...resource }; }), [inv('spec.defaultBackend', '', 'cannot set both resource and service backends')]);

// ---- TestValidateIngressRuleValue (validateIngressRuleValue under spec.rules[0]) ----
const RV = 'TestValidateIngressRuleValue';
const ruleValue = [
  ['ImplementationSpecific', 'foo', 'implementation specific: no leading slash', ['must be an absolute path']],
  ['ImplementationSpecific', '/foo', 'implementation specific: leading slash', []],
  ['ImplementationSpecific', '/foo/bar/foo', 'implementation specific: many slashes', []],
  ['ImplementationSpecific', '/foo//bar/foo', 'implementation specific: repeating slashes', []],
  ['Prefix', 'foo', 'prefix: no leading slash', ['must be an absolute path']],
  ['Prefix', '/foo', 'prefix: leading slash', []],
  ['Prefix', '/foo/bar/foo', 'prefix: many slashes', []],
  ['Prefix', '/foo//bar/foo', 'prefix: repeating slashes', ["must not contain '//'"]],
  ['Exact', 'foo', 'exact: no leading slash', ['must be an absolute path']],
  ['Exact', '/foo', 'exact: leading slash', []],
  ['Exact', '/foo/bar/foo', 'exact: many slashes', []],
  ['Exact', '/foo//bar/foo', 'exact: repeating slashes', ["must not contain '//'"]],
  ['Prefix', '/foo/./foo', 'prefix: with /./', ["must not contain '/./'"]],
  ['Exact', '/foo/../foo', 'exact: with /../', ["must not contain '/../'"]],
  ['Prefix', '/foo/%2f/foo', 'prefix: with %2f', ["must not contain '%2f'"]],
  ['Exact', '/foo/%2F/foo', 'exact: with %2F', ["must not contain '%2F'"]],
];
for (const [pathType, path, name, details] of ruleValue) {
  const o = ing({ name: 'foo', namespace: 'default' }, { rules: [{ http: { paths: [{ path, pathType, backend: svc() }] } }] });
  const slug = 'rule-value-' + name.replace(/[^a-z0-9%]+/gi, '-').replace(/%/g, 'pct').replace(/-+$/, '').toLowerCase();
  add(slug, `${RV}/${name}`, o, details.map((d) => inv(`${P}.path`, path, d)));
}

// ---- TestValidateIngressCreate (ValidateIngressCreate, baseIngress test123/test123) ----
const C = 'TestValidateIngressCreate';
function cbase(fn) {
  const o = ing({ name: 'test123', namespace: 'test123' }, { defaultBackend: svc(), rules: [] });
  fn(o.spec, o);
  return o;
}
const CLASS = 'kubernetes.io/ingress.class';
const rule = (host, path, pathType, backend = svc()) => [{ host, http: { paths: [{ path, pathType, backend }] } }];
add('create-class-field-set', `${C}/class field set`, cbase((s) => { s.ingressClassName = 'bar'; }), []);
add('create-class-annotation-set', `${C}/class annotation set`, cbase((s, o) => { o.metadata.annotations = { [CLASS]: 'foo' }; }), []);
add('create-class-field-and-annotation-same', `${C}/class field and annotation set with same value`, cbase((s, o) => { s.ingressClassName = 'foo'; o.metadata.annotations = { [CLASS]: 'foo' }; }), []);
add('create-class-field-and-annotation-different', `${C}/class field and annotation set with different value`, cbase((s, o) => { s.ingressClassName = 'bar'; o.metadata.annotations = { [CLASS]: 'foo' }; }),
  [inv(`annotations.${CLASS}`, 'foo', 'must match `ingressClassName` when both are specified')]);
add('create-valid-regex-path', `${C}/valid regex path`, cbase((s) => { s.rules = rule('foo.bar.com', '/([a-z0-9]*)', 'ImplementationSpecific'); }), []);
add('create-invalid-regex-path-allowed', `${C}/invalid regex path allowed (v1)`, cbase((s) => { s.rules = rule('foo.bar.com', '/([a-z0-9]*)[', 'ImplementationSpecific'); }), []);
add('create-default-backend-resource', `${C}/Spec.Backend.Resource field allowed on create`, cbase((s) => { s.defaultBackend = clone(resource); }), []);
add('create-path-backend-resource', `${C}/Paths.Backend.Resource field allowed on create`, cbase((s) => { s.rules = rule('foo.bar.com', '/([a-z0-9]*)', 'ImplementationSpecific', clone(resource)); }), []);
add('create-valid-secret', `${C}/valid secret`, cbase((s) => { s.tls = [{ secretName: 'valid' }]; }), []);
add('create-invalid-secret', `${C}/invalid secret`, cbase((s) => { s.tls = [{ secretName: 'invalid name' }]; }), [inv('spec.tls[0].secretName', 'invalid name', SUB)]);
add('create-valid-rules-wildcard-host', `${C}/valid rules with wildcard host`, cbase((s) => { s.tls = [{ hosts: ['*.bar.com'] }]; s.rules = rule('*.foo.com', '/foo', 'Exact'); }), []);
add('create-invalid-rules-wildcard-host', `${C}/invalid rules with wildcard host`, cbase((s) => { s.tls = [{ hosts: ['*.bar.com'] }]; s.rules = rule('*.foo.com', 'foo', 'Exact'); }),
  [inv(`${P}.path`, 'foo', 'must be an absolute path')]);

// ---- TestValidateIngressClass ----
const K = 'TestValidateIngressClass';
const cls = (name, controller, parameters) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name }, spec: { controller, ...(parameters ? { parameters } : {}) } });
const params = (apiGroup, kind, name, scope, namespace) => {
  const p = {};
  if (apiGroup !== undefined) p.apiGroup = apiGroup;
  p.kind = kind; p.name = name;
  if (scope !== undefined) p.scope = scope;
  if (namespace !== undefined) p.namespace = namespace;
  return p;
};
add('class-valid', `${K}/valid name, valid controller`, cls('test123', 'foo.co/bar'), []);
add('class-invalid-name', `${K}/invalid name, valid controller`, cls('test*123', 'foo.co/bar'), [inv('metadata.name', 'test*123', SUB)]);
add('class-empty-controller', `${K}/valid name, empty controller`, cls('test123', ''), ['spec.controller: Required value']);
add('class-controller-max-length', `${K}/valid name, controller max length`, cls('test123', 'foo.co/' + 'a'.repeat(243)), []);
// field.TooLong in the newest apimachinery (field/errors.go, declarative-validation era):
// "may not be more than 250 bytes"; releases before it said "must have at most 250 bytes".
add('class-controller-too-long', `${K}/valid name, controller too long`, cls('test123', 'foo.co/' + 'a'.repeat(244)), ['spec.controller: Too long: may not be more than 250 bytes']);
add('class-valid-params', `${K}/valid name, valid controller, valid params`, cls('test123', 'foo.co/bar', params('example.com', 'foo', 'bar', 'Cluster')), []);
add('class-params-no-kind', `${K}/valid name, valid controller, invalid params (no kind)`, cls('test123', 'foo.co/bar', params('example.com', '', 'bar', 'Cluster')), ['spec.parameters.kind: Required value: kind is required']);
add('class-params-no-name', `${K}/valid name, valid controller, invalid params (no name)`, cls('test123', 'foo.co/bar', params('example.com', 'foo', '', 'Cluster')), ['spec.parameters.name: Required value: name is required']);
add('class-params-bad-kind', `${K}/valid name, valid controller, invalid params (bad kind)`, cls('test123', 'foo.co/bar', params(undefined, 'foo/', 'bar', 'Cluster')), [inv('spec.parameters.kind', 'foo/', "may not contain '/'")]);
add('class-params-bad-scope', `${K}/valid name, valid controller, invalid params (bad scope)`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', 'bad-scope')),
  ['spec.parameters.scope: Unsupported value: "bad-scope": supported values: "Cluster", "Namespace"']);
add('class-params-namespace-scope', `${K}/valid name, valid controller, valid Namespace scope`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', 'Namespace', 'foo-ns')), []);
add('class-params-invalid-namespace', `${K}/valid name, valid controller, valid scope, invalid namespace`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', 'Namespace', 'foo_ns')),
  [inv('spec.parameters.namespace', 'foo_ns', LABEL)]);
add('class-params-cluster-scope', `${K}/valid name, valid controller, valid Cluster scope`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', 'Cluster')), []);
// The Go unit test calls ValidateIngressClass on an undefaulted object and expects
// `spec.parameters.scope: Required value`. A real API server first applies the v1 default
// (scope: Cluster, +default="Cluster" in k8s.io/api networking/v1), so the namespace is Forbidden.
add('class-params-no-scope', `${K}/valid name, valid controller, invalid scope (after v1 defaulting scope=Cluster)`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', undefined, 'foo_ns')),
  ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"]);
add('class-params-namespace-missing', `${K}/namespace not set when scope is Namespace`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', 'Namespace')),
  ["spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"]);
add('class-params-namespace-forbidden', `${K}/namespace is forbidden when scope is Cluster`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', 'Cluster', 'foo-ns')),
  ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"]);
add('class-params-empty-namespace-forbidden', `${K}/empty namespace is forbidden when scope is Cluster`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', 'Cluster', '')),
  ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"]);

// ---- TestValidateIngressTLS / TestValidateEmptyIngressTLS ----
add('tls-bad-wildcard-host', 'TestValidateIngressTLS/spec.tls[0].hosts[0]: Invalid value: foo.*.bar.com', tweak((s) => { s.rules[0].host = '*.foo.bar.com'; s.tls = [{ hosts: ['foo.*.bar.com'] }]; }),
  [inv('spec.tls[0].hosts[0]', 'foo.*.bar.com', WILD)]);
add('tls-good-wildcard-host', 'TestValidateIngressTLS/spec.tls[0].hosts: Valid value: *.bar.com', tweak((s) => { s.rules[0].host = '*.bar.com'; s.tls = [{ hosts: ['*.bar.com'] }]; }), []);
function emptyTls(tls) {
  return ing({ name: 'foo', namespace: 'default' }, { rules: [{ host: 'foo.bar.com', http: { paths: [{ pathType: 'ImplementationSpecific', backend: svc({ number: 443 }) }] } }], tls });
}
add('tls-empty-entry', 'TestValidateEmptyIngressTLS/spec.tls[0]: Valid value: {}', emptyTls([{}]), []);
add('tls-empty-hosts', 'TestValidateEmptyIngressTLS/spec.tls[0]: Valid value: {[] }', emptyTls([{ hosts: [] }]), []);

// ---- validation.go branches the Go tests do not list (read from validation.go / apimachinery) ----
const V = 'validation.go';
add('backend-port-name-and-number', `${V} validateIngressBackend/cannot set both port name & port number`, tweak((s) => { s.defaultBackend.service.port = { name: 'http', number: 80 }; }),
  [inv('spec.defaultBackend', '', 'cannot set both port name & port number')]);
add('backend-port-missing', `${V} validateIngressBackend/port name or number is required`, tweak((s) => { s.defaultBackend.service.port = {}; }),
  ['spec.defaultBackend: Required value: port name or number is required']);
add('backend-port-number-zero', `${V} validateIngressBackend/port number 0 counts as unset`, tweak((s) => { s.defaultBackend.service.port = { number: 0 }; }),
  ['spec.defaultBackend: Required value: port name or number is required']);
add('backend-port-number-range', `${V} validateIngressBackend/IsValidPortNum`, tweak((s) => { s.rules[0].http.paths[0].backend.service.port = { number: 70000 }; }),
  [inv(`${P}.backend.service.port.number`, 70000, 'must be between 1 and 65535, inclusive')]);
add('backend-port-name-invalid', `${V} validateIngressBackend/IsValidPortName`, tweak((s) => { s.rules[0].http.paths[0].backend.service.port = { name: 'HTTP' }; }),
  [inv(`${P}.backend.service.port.name`, 'HTTP', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'),
    inv(`${P}.backend.service.port.name`, 'HTTP', 'must contain at least one letter (a-z)')]);
add('backend-port-name-hyphens', `${V} validateIngressBackend/IsValidPortName hyphens`, tweak((s) => { s.defaultBackend.service.port = { name: '-web--x' }; }),
  [inv('spec.defaultBackend.service.port.name', '-web--x', 'must not contain consecutive hyphens'),
    inv('spec.defaultBackend.service.port.name', '-web--x', 'must not begin or end with a hyphen')]);
add('backend-port-name-too-long', `${V} validateIngressBackend/IsValidPortName length`, tweak((s) => { s.defaultBackend.service.port = { name: 'longerthan15characters' }; }),
  [inv('spec.defaultBackend.service.port.name', 'longerthan15characters', 'must be no more than 15 characters')]);
add('backend-service-name-dns1035', `${V} validateIngressBackend/ValidateServiceName`, tweak((s) => { s.defaultBackend.service.name = '1web'; }),
  [inv('spec.defaultBackend.service.name', '1web', DNS1035)]);
add('backend-neither', `${V} validateIngressBackend/resource or service backend is required`, tweak((s) => { s.defaultBackend = {}; }),
  [inv('spec.defaultBackend', '', 'resource or service backend is required')]);
add('backend-resource-no-kind-name', `${V} validateIngressTypedLocalObjectReference`, tweak((s) => { s.defaultBackend = { resource: { apiGroup: 'Example.com', kind: '', name: '..' } }; }),
  [inv('spec.defaultBackend.resource.apiGroup', 'Example.com', SUB), 'spec.defaultBackend.resource.kind: Required value: kind is required',
    inv('spec.defaultBackend.resource.name', '..', "may not be '..'")]);
// ValidateIngressSpec: field.Invalid(fldPath, spec.Rules, ...) — the newest ErrorBody prints a
// non-scalar bad value as JSON: a nil slice is `null`, an empty one `[]`.
add('spec-no-rules-no-default', `${V} ValidateIngressSpec/either defaultBackend or rules (rules unset)`, ing({ name: 'foo' }, { tls: [] }),
  ['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified']);
add('spec-empty-rules-no-default', `${V} ValidateIngressSpec/either defaultBackend or rules (rules: [])`, ing({ name: 'foo' }, { rules: [] }),
  ['spec: Invalid value: []: either `defaultBackend` or `rules` must be specified']);
add('path-type-missing', `${V} validateHTTPIngressPath/pathType must be specified`, tweak((s) => { delete s.rules[0].http.paths[0].pathType; s.rules[0].http.paths[0].backend = {}; }),
  [`${P}.pathType: Required value: pathType must be specified`]);
add('path-suffixes', `${V} validateHTTPIngressPath/invalid suffixes`, ing({ name: 'foo' }, { rules: [{ http: { paths: [
  { path: '/foo/..', pathType: 'Prefix', backend: svc() }, { path: '/foo/.', pathType: 'Exact', backend: svc() }, { path: '/foo/..', pathType: 'ImplementationSpecific', backend: svc() }] } }] }),
  [inv('spec.rules[0].http.paths[0].path', '/foo/..', "cannot end with '/..'"), inv('spec.rules[0].http.paths[1].path', '/foo/.', "cannot end with '/.'")]);
add('path-many-errors', `${V} validateHTTPIngressPath/every sequence reported in order`, ing({ name: 'foo' }, { rules: [{ http: { paths: [{ path: 'a//b/./c%2F/..', pathType: 'Prefix', backend: svc() }] } }] }),
  ['must be an absolute path', "must not contain '//'", "must not contain '/./'", "must not contain '%2F'", "cannot end with '/..'"].map((d) => inv(`${P}.path`, 'a//b/./c%2F/..', d)));
add('host-ipv6', `${V} validateIngressRules/IPv6 host`, tweak((s) => { s.rules[0].host = '::1'; }),
  [inv('spec.rules[0].host', '::1', 'must be a DNS name, not an IP address'), inv('spec.rules[0].host', '::1', SUB)]);
add('host-uppercase', `${V} validateIngressRules/uppercase host`, tweak((s) => { s.rules[0].host = 'Foo.bar.com'; }), [inv('spec.rules[0].host', 'Foo.bar.com', SUB)]);
add('host-too-long', `${V} validateIngressRules/host over 253`, tweak((s) => { s.rules[0].host = ('a'.repeat(63) + '.').repeat(4) + 'com'; }),
  [inv('spec.rules[0].host', ('a'.repeat(63) + '.').repeat(4) + 'com', 'must be no more than 253 characters')]);
add('host-wildcard-only-star-dot', `${V} validateIngressRules/wildcard *.`, tweak((s) => { s.rules[0].host = '*.'; }), [inv('spec.rules[0].host', '*.', WILD)]);
add('tls-host-ip-allowed', `${V} validateIngressTLS/IP in tls.hosts only checked as a subdomain`, tweak((s) => { s.tls = [{ hosts: ['10.0.0.1'], secretName: '' }]; }), []);
add('tls-host-invalid', `${V} validateIngressTLS/bad tls host`, tweak((s) => { s.tls = [{ hosts: ['foo.bar.com', 'Foo_bar'] }]; }), [inv('spec.tls[0].hosts[1]', 'Foo_bar', SUB)]);
add('class-name-invalid', `${V} ValidateIngressSpec/ingressClassName`, tweak((s) => { s.ingressClassName = 'Bad_Class'; }), [inv('spec.ingressClassName', 'Bad_Class', SUB)]);
add('meta-name-invalid', `${V} validateIngress/ValidateObjectMeta name`, tweak((s, o) => { o.metadata.name = 'Foo'; }), [inv('metadata.name', 'Foo', SUB)]);
add('meta-name-missing', `${V} validateIngress/ValidateObjectMeta name required`, tweak((s, o) => { delete o.metadata.name; }), ['metadata.name: Required value: name or generateName is required']);
add('meta-generate-name', `${V} validateIngress/ValidateObjectMeta generateName with trailing dash`, tweak((s, o) => { delete o.metadata.name; o.metadata.generateName = 'foo-'; }), []);
add('meta-namespace-invalid', `${V} validateIngress/ValidateObjectMeta namespace`, tweak((s, o) => { o.metadata.namespace = 'Foo_ns'; }), [inv('metadata.namespace', 'Foo_ns', LABEL)]);
add('meta-label-key-invalid', `${V} ValidateLabels/key`, tweak((s, o) => { o.metadata.labels = { 'bad key': 'ok' }; }), [inv('metadata.labels', 'bad key', QNAME)]);
add('meta-label-value-invalid', `${V} ValidateLabels/value`, tweak((s, o) => { o.metadata.labels = { app: '-bad' }; }), [inv('metadata.labels', '-bad', LVALUE)]);
add('meta-annotation-key-invalid', `${V} ValidateAnnotations/key`, tweak((s, o) => { o.metadata.annotations = { 'example.com/bad key': 'x' }; }), [inv('metadata.annotations', 'example.com/bad key', QNAME)]);
// Label keys and values go through k8s.io/apimachinery/pkg/api/validate/content (util/validation's
// IsQualifiedName and IsValidLabelValue are aliases of content.IsLabelKey and content.IsLabelValue),
// whose MaxLenError says "bytes"; util/validation's own (host names, object names) says "characters".
add('meta-label-value-too-long', `${V} ValidateLabels/value over 63 (content.IsLabelValue)`, tweak((s, o) => { o.metadata.labels = { app: 'a'.repeat(64) }; }),
  [inv('metadata.labels', 'a'.repeat(64), 'must be no more than 63 bytes')]);
add('meta-label-key-name-too-long', `${V} ValidateLabels/key name part over 63 (content.IsLabelKey)`, tweak((s, o) => { o.metadata.labels = { ['example.com/' + 'k'.repeat(64)]: 'v' }; }),
  [inv('metadata.labels', 'example.com/' + 'k'.repeat(64), 'name part must be no more than 63 bytes')]);
add('meta-annotation-key-prefix-too-long', `${V} ValidateAnnotations/key prefix over 253 (content.IsLabelKey)`, tweak((s, o) => { o.metadata.annotations = { [('p'.repeat(63) + '.').repeat(4) + 'io/key']: 'v' }; }),
  [inv('metadata.annotations', ('p'.repeat(63) + '.').repeat(4) + 'io/key', 'prefix part must be no more than 253 bytes')]);
add('meta-annotation-key-two-slashes', `${V} ValidateAnnotations/key with two slashes`, tweak((s, o) => { o.metadata.annotations = { 'a/b/c': 'v' }; }),
  [inv('metadata.annotations', 'a/b/c', "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")]);
add('meta-name-too-long', `${V} validateIngress/ValidateObjectMeta name over 253 (util/validation)`, tweak((s, o) => { o.metadata.name = 'n'.repeat(254); }),
  [inv('metadata.name', 'n'.repeat(254), 'must be no more than 253 characters')]);
add('meta-annotation-key-uppercase-ok', `${V} ValidateAnnotations/keys compared in lower case`, tweak((s, o) => { o.metadata.annotations = { 'Example.COM/Key': 'x' }; }), []);
add('class-controller-not-domain-prefixed', `${V} IsDomainPrefixedPath/no slash`, cls('test123', 'nginx'), [inv('spec.controller', 'nginx', 'must be a domain-prefixed path (such as "acme.io/foo")')]);
add('class-controller-bad-host', `${V} IsDomainPrefixedPath/bad host`, cls('test123', 'Acme.io/ingress'), [inv('spec.controller', 'Acme.io', SUB)]);
add('class-controller-bad-path', `${V} IsDomainPrefixedPath/bad path`, cls('test123', 'acme.io/in gress'), [inv('spec.controller', 'in gress', "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')")]);

// ---- more validation.go branches (second pass) ----
add('path-without-backend', `${V} validateIngressBackend/a path with no backend (Go zero value)`, tweak((s) => { delete s.rules[0].http.paths[0].backend; }),
  [inv(`${P}.backend`, '', 'resource or service backend is required')]);
add('rule-host-only', `${V} validateIngressRuleValue/a rule with a host and no http is valid`, tweak((s) => { s.rules = [{ host: 'foo.bar.com' }]; }), []);
add('rule-http-empty', `${V} validateHTTPIngressRuleValue/http: {} has no paths`, tweak((s) => { s.rules[0].http = {}; }), ['spec.rules[0].http.paths: Required value']);
add('backend-service-without-port', `${V} validateIngressBackend/service with no port`, tweak((s) => { delete s.defaultBackend.service.port; }),
  ['spec.defaultBackend: Required value: port name or number is required']);
add('backend-service-without-name', `${V} validateIngressBackend/service with no name`, tweak((s) => { delete s.defaultBackend.service.name; }),
  ['spec.defaultBackend.service.name: Required value']);
add('backend-port-number-negative', `${V} validateIngressBackend/negative port number`, tweak((s) => { s.defaultBackend.service.port = { number: -1 }; }),
  [inv('spec.defaultBackend.service.port.number', -1, 'must be between 1 and 65535, inclusive')]);
add('backend-port-name-empty-number-set', `${V} validateIngressBackend/empty name counts as unset`, tweak((s) => { s.defaultBackend.service.port = { name: '', number: 8080 }; }), []);
add('class-name-empty', `${V} ValidateIngressSpec/ingressClassName "" is still validated`, tweak((s) => { s.ingressClassName = ''; }), [inv('spec.ingressClassName', '', SUB)]);
add('class-annotation-empty-vs-field', `${C}/annotation "" differs from the field`, cbase((s, o) => { s.ingressClassName = 'bar'; o.metadata.annotations = { [CLASS]: '' }; }),
  [inv(`annotations.${CLASS}`, '', 'must match `ingressClassName` when both are specified')]);
add('host-trailing-dot', `${V} validateIngressRules/host with a trailing dot`, tweak((s) => { s.rules[0].host = 'foo.bar.com.'; }), [inv('spec.rules[0].host', 'foo.bar.com.', SUB)]);
add('host-double-wildcard', `${V} validateIngressRules/*.*.bar.com`, tweak((s) => { s.rules[0].host = '*.*.bar.com'; }), [inv('spec.rules[0].host', '*.*.bar.com', WILD)]);
add('host-ip-with-leading-zeros', `${V} validateIngressRules/ParseIPSloppy accepts leading zeros`, tweak((s) => { s.rules[0].host = '010.0.0.1'; }),
  [inv('spec.rules[0].host', '010.0.0.1', 'must be a DNS name, not an IP address')]);
add('tls-host-star', `${V} validateIngressTLS/tls host *`, tweak((s) => { s.tls = [{ hosts: ['*'] }]; }), [inv('spec.tls[0].hosts[0]', '*', WILD)]);
add('tls-secret-uppercase', `${V} validateIngressTLS/secretName not a DNS subdomain`, tweak((s) => { s.tls = [{ secretName: 'Web-TLS' }]; }), [inv('spec.tls[0].secretName', 'Web-TLS', SUB)]);
add('tls-secret-empty', `${V} validateTLSSecretName/"" is allowed`, tweak((s) => { s.tls = [{ hosts: ['foo.bar.com'], secretName: '' }]; }), []);
add('class-params-namespace-empty', `${V} validateIngressClassParametersReference/Namespace scope with namespace ""`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', 'Namespace', '')),
  [inv('spec.parameters.namespace', '', LABEL)]);
add('class-params-bad-segments', `${V} validateIngressTypedLocalObjectReference/IsValidPathSegmentName`, cls('test123', 'foo.co/bar', params('example.com', '..', 'a%b', 'Cluster')),
  [inv('spec.parameters.kind', '..', "may not be '..'"), inv('spec.parameters.name', 'a%b', "may not contain '%'")]);
// ValidateObjectMeta alone would say `metadata.namespace: Forbidden: not allowed on this type`, but
// the API server's create handler (rest.BeforeCreate → EnsureObjectNamespaceMatchesRequestNamespace)
// clears the namespace of a cluster-scoped object first: a real kube-apiserver accepts it.
add('class-metadata-namespace-cleared', `${V} ValidateIngressClass/cluster-scoped metadata.namespace is cleared before validation`, (() => { const c = cls('test123', 'foo.co/bar'); c.metadata.namespace = 'default'; return c; })(),
  []);
add('meta-generate-name-invalid', `${V} validateIngress/ValidateObjectMeta generateName`, tweak((s, o) => { delete o.metadata.name; o.metadata.generateName = 'Foo-'; }),
  [inv('metadata.generateName', 'Foo-', SUB)]);
// ---- third pass: empty strings behind Go pointers, case of enum values ----
add('class-params-scope-empty', `${V} validateIngressClassParametersReference/scope ""`, cls('test123', 'foo.co/bar', params(undefined, 'foo', 'bar', '')),
  ['spec.parameters.scope: Unsupported value: "": supported values: "Cluster", "Namespace"']);
add('backend-resource-api-group-empty', `${V} validateIngressTypedLocalObjectReference/apiGroup "" is validated (pointer set)`, tweak((s) => { s.defaultBackend = { resource: { apiGroup: '', kind: 'StorageBucket', name: 'assets' } }; }),
  [inv('spec.defaultBackend.resource.apiGroup', '', SUB)]);
add('backend-resource-core-group', `${V} validateIngressTypedLocalObjectReference/apiGroup omitted`, tweak((s) => { s.defaultBackend = { resource: { kind: 'StorageBucket', name: 'assets' } }; }), []);
add('path-type-lowercase', `${V} validateHTTPIngressPath/pathType is case-sensitive`, tweak((s) => { s.rules[0].http.paths[0].pathType = 'prefix'; }),
  [`${P}.pathType: Unsupported value: "prefix": supported values: "Exact", "ImplementationSpecific", "Prefix"`]);
add('tls-host-partial-wildcard', `${V} validateIngressTLS/a * anywhere means a wildcard check`, tweak((s) => { s.tls = [{ hosts: ['foo*.bar.com'] }]; }), [inv('spec.tls[0].hosts[0]', 'foo*.bar.com', WILD)]);
add('host-partial-wildcard', `${V} validateIngressRules/a * anywhere means a wildcard check`, tweak((s) => { s.rules[0].host = 'f*.bar.com'; }), [inv('spec.rules[0].host', 'f*.bar.com', WILD)]);
add('paths-two-errors-each', `${V} validateHTTPIngressRuleValue/every path validated`, ing({ name: 'foo' }, { rules: [{ host: 'a.com', http: { paths: [
  { path: 'x', pathType: 'Exact', backend: svc({ number: 0 }) }, { path: '/y', pathType: 'Exact', backend: { service: { name: 'Web1', port: { name: 'http' } } } }] } }] }),
  [inv(`${P}.path`, 'x', 'must be an absolute path'), 'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
    inv('spec.rules[0].http.paths[1].backend.service.name', 'Web1', DNS1035)]);
add('meta-label-key-uppercase-prefix', `${V} ValidateLabels/label keys are not lower-cased (annotation keys are)`, tweak((s, o) => { o.metadata.labels = { 'Example.com/tier': 'web' }; }),
  [inv('metadata.labels', 'Example.com/tier', `prefix part ${SUB}`)]);
add('class-controller-empty-path', `${V} IsDomainPrefixedPath/nothing after the slash`, cls('test123', 'acme.io/'), [inv('spec.controller', 'acme.io/', 'must be a domain-prefixed path (such as "acme.io/foo")')]);
add('class-controller-uppercase-path', `${V} IsDomainPrefixedPath/the path part may be upper case`, cls('test123', 'k8s.io/FOO/BAR'), []);
add('host-trailing-nbsp', `${V} validateIngressRules/a no-break space pasted after the host (printed as Go's %q prints it)`, tweak((s) => { s.rules[0].host = 'foo.bar.com\u00a0'; }),
  ['spec.rules[0].host: Invalid value: "foo.bar.com\\u00a0": ' + SUB]);
add('rule-http-null', `${V} validateIngressRuleValue/http: null is a nil pointer, not validated`, tweak((s) => { s.rules[0].http = null; }), []);
add('rule-paths-null', `${V} validateHTTPIngressRuleValue/paths: null has no paths`, tweak((s) => { s.rules[0].http.paths = null; }), ['spec.rules[0].http.paths: Required value']);
for (const c of cases) {
  const header = `# ${c.go}\n`;
  writeFileSync(`${out}/${c.slug}.yaml`, header + c.objs.map((o) => YAML.stringify(o, { version: '1.1', lineWidth: 0 })).join('---\n'));
  writeFileSync(`${out}/${c.slug}.expected.json`, JSON.stringify({ go: c.go, errors: c.errors }, null, 2) + '\n');
}
console.log(cases.length, 'cases');

// Hand-written: plain scalars typed as kubectl's YAML reader (sigs.k8s.io/yaml, go-yaml v2) types them.
writeFileSync(`${out}/yaml-go-typing.yaml`, `# sigs.k8s.io/yaml (go-yaml v2 resolve): no base-60 numbers, timestamps stay strings, 0o/0X prefixes are ints
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    window: 12:30:00
    deployed: 2024-01-01
    version: 1.2.3
spec:
  defaultBackend:
    service:
      name: web
      port:
        number: 0o120
`);
writeFileSync(`${out}/yaml-go-typing.expected.json`, JSON.stringify({ go: 'sigs.k8s.io/yaml (go-yaml v2 resolve): the object kubectl sends is valid', errors: [] }, null, 2) + '\n');
