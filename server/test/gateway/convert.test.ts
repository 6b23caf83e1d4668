// The converter: what it writes is valid Gateway API v1.2 Standard (the CRD's limits and CEL
// rules that conversion can break), what has no equivalent is reported per Ingress, and the
// check proves — or disproves — the conversion request by request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../src/ingress/documents';
import { extractObjects, type Ingress, type Service } from '../../src/ingress/model';
import { buildRouteTable } from '../../src/ingress/routing/index';
import { convertIngresses } from '../../src/gateway/convert/index';
import { convertedObjects, convertedTable } from '../../src/gateway/convert/emit';
import { checkGatewayObjects } from '../../src/rules/gateway/index';
import { gatewayPathProblem } from '../../src/gateway/convert/paths';
import type { ConvertResult, Json } from '../../src/gateway/convert/types';
import { boundaryRequests, checkEquivalence } from '../../src/gateway/equivalence';
import { ingressNginxProfile } from '../../src/ingress/routing/profiles/ingress-nginx';
import { specOnlyProfile } from '../../src/ingress/routing/profiles/spec-only';
import { fixturePath, listFiles } from '../helpers/fixtures';

function load(text: string) {
  const objs = extractObjects(parseManifest('file:///t.yaml', text), { defaultNamespace: 'default' });
  return { ingresses: objs.filter((o): o is Ingress => o.kind === 'Ingress'), services: objs.filter((o): o is Service => o.kind === 'Service') };
}

function convert(text: string, nginx: boolean) {
  const { ingresses, services } = load(text);
  const result = convertIngresses(ingresses, services, { gatewayName: 'gw', gatewayClassName: 'eg', nginx });
  const table = buildRouteTable(ingresses);
  const check = checkEquivalence(table, nginx ? ingressNginxProfile('test') : specOnlyProfile('test'), convertedTable(result), services);
  return { result, check };
}

type Rule = { matches: Json[]; filters?: { type: string; requestRedirect?: { statusCode?: number }; urlRewrite?: { path?: { type: string } } }[]; backendRefs?: Json[] };

/** The v1.2 CRD rules a conversion could break (maxItems, CEL on rules, statusCode enum, path values). */
function assertValid(result: ConvertResult): void {
  assert.deepEqual(checkGatewayObjects(convertedObjects(result)).map((f) => `${f.object} ${f.message}`), []);
  for (const r of result.routes) {
    const rules = (r.spec as { rules: Rule[] }).rules;
    assert.ok(rules.length <= 16, 'at most 16 rules');
    for (const rule of rules) {
      const types = (rule.filters ?? []).map((f) => f.type);
      assert.ok(!(types.includes('RequestRedirect') && rule.backendRefs?.length), 'RequestRedirect must not be used together with backendRefs');
      assert.ok(!(types.includes('RequestRedirect') && types.includes('URLRewrite')), 'either RequestRedirect or URLRewrite');
      for (const f of rule.filters ?? []) if (f.requestRedirect?.statusCode) assert.ok([301, 302].includes(f.requestRedirect.statusCode), 'statusCode 301 or 302');
      if (rule.filters?.some((f) => f.urlRewrite?.path?.type === 'ReplacePrefixMatch')) assert.equal(rule.matches.length, 1);
      for (const m of rule.matches as { path?: { type: string; value: string } }[]) {
        if (m.path && m.path.type !== 'RegularExpression') assert.equal(gatewayPathProblem(m.path.value), undefined, m.path.value);
      }
    }
  }
}

const ING = (name: string, ann: string, body: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  annotations: { ${ann} }
spec:
${body}
---
`;

test('a spec-only set converts with no difference on any generated request', () => {
  const yaml = ING('a', '', `  defaultBackend: { service: { name: fallback, port: { number: 80 } } }
  rules:
    - host: foo.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: root, port: { number: 80 } } } }
          - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 8080 } } } }
          - { path: /api/health, pathType: Exact, backend: { service: { name: health, port: { number: 8080 } } } }
    - host: bar.example.com
      http:
        paths:
          - { path: /app/, pathType: Prefix, backend: { service: { name: app, port: { number: 80 } } } }`);
  const { result, check } = convert(yaml, false);
  assertValid(result);
  assert.ok(check.checked > 20, `checked ${check.checked}`);
  assert.deepEqual(check.differences.map((d) => `${d.request.host}${d.request.path}: ${d.why}`), [
    // The Ingress's defaultBackend takes every host no rule names; the converted routes only the Ingress's own hosts.
    'unmatched.invalid/: status 200 vs 404',
  ]);
});

test('a wildcard host: the check shows a.b.<suffix>, which only the Gateway API wildcard matches, and the report says why', () => {
  const yaml = ING('w', '', `  rules:
    - host: "*.foo.com"
      http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: s, port: { number: 80 } } } }] }`);
  const { result, check } = convert(yaml, false);
  assert.deepEqual([...new Set(check.differences.map((d) => d.request.host))], ['a.b.foo.com']);
  assert.ok(result.notes.some((n) => /exactly one label/.test(n.message)));
});

test('the rewrite-target capture idiom becomes ReplacePrefixMatch and only upper case differs (nginx matches ~*)', () => {
  const yaml = ING('rw', '"nginx.ingress.kubernetes.io/use-regex": "true", "nginx.ingress.kubernetes.io/rewrite-target": "/$2"', `  rules:
    - host: rewrite.bar.com
      http: { paths: [{ path: "/something(/|$)(.*)", pathType: ImplementationSpecific, backend: { service: { name: http-svc, port: { number: 80 } } } }] }`);
  const { result, check } = convert(yaml, true);
  assertValid(result);
  const rule = (result.routes[0]!.spec as { rules: Rule[] }).rules[0]!;
  assert.deepEqual(rule.matches, [{ path: { type: 'PathPrefix', value: '/something' } }]);
  assert.deepEqual(rule.filters, [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }]);
  assert.ok(check.differences.length > 0);
  for (const d of check.differences) assert.ok(/[A-Z]/.test(d.request.path) || d.request.host === 'unmatched.invalid' || /\/somethingx/.test(d.request.path), `${d.request.path}: ${d.why}`);
});

/** Ingress main (Service stable) and a canary Ingress of it (Service next, weight 20, X-Canary) with `more` annotations on foo /, converted; the check's foo differences. */
function convertCanary(more: string) {
  const main = ING('main', '', `  rules: [{ host: foo, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: stable, port: { number: 80 } } } }] } }]`);
  const canary = ING('canary', `"nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-weight": "20", "nginx.ingress.kubernetes.io/canary-by-header": "X-Canary", ${more}`, `  rules: [{ host: foo, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: next, port: { number: 80 } } } }] } }]`);
  const { result, check } = convert(main + canary, true);
  assertValid(result);
  const differences = check.differences.filter((d) => d.request.host === 'foo').map((d) => [d.request, d.why]);
  return { result, rules: (result.routes[0]!.spec as { rules: Rule[] }).rules, differences, sent: boundaryRequests(buildRouteTable(load(main + canary).ingresses)) };
}

test('canary-weight becomes weighted backendRefs and canary-by-header a header rule; the check agrees', () => {
  const { rules, differences } = convertCanary('"nginx.ingress.kubernetes.io/canary-by-header-value": "yes"');
  assert.deepEqual(rules.map((r) => r.backendRefs), [[{ name: 'next', port: 80 }], [{ name: 'stable', port: 80, weight: 80 }, { name: 'next', port: 80, weight: 20 }]]);
  assert.deepEqual(rules[0]!.matches, [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ name: 'X-Canary', value: 'yes' }] }]);
  assert.deepEqual(differences, []);
});

test('canary-by-header-pattern becomes a RegularExpression header match that finds the pattern anywhere in the value, as ngx.re.match does; the check agrees', () => {
  const { result, rules, differences, sent } = convertCanary('"nginx.ingress.kubernetes.io/canary-by-header-pattern": "^beta-[0-9]+$"');
  assert.deepEqual(rules[0]!.matches, [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'RegularExpression', name: 'X-Canary', value: '.*(?:^beta-[0-9]+$).*' }] }]);
  assert.deepEqual(rules[0]!.backendRefs, [{ name: 'next', port: 80 }]);
  assert.ok(result.notes.some((n) => /canary-by-header X-Canary matching "\^beta-\[0-9\]\+\$" → a RegularExpression header match rule/.test(n.message)), JSON.stringify(result.notes));
  assert.ok(sent.some((r) => r.req.headers['x-canary'] === 'beta-0'), 'the check sends a value the pattern matches');
  assert.deepEqual(differences, []);
});

test('a port name becomes the Service port number; 17 paths become two routes', () => {
  const paths = Array.from({ length: 17 }, (_, i) => `{ path: /p${i}, pathType: Prefix, backend: { service: { name: web, port: { name: http } } } }`).join(', ');
  const svc = 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { ports: [{ name: http, port: 8080 }] }\n---\n';
  const { result } = convert(svc + ING('many', '', `  rules: [{ host: h, http: { paths: [${paths}] } }]`), false);
  assertValid(result);
  assert.equal(result.routes.length, 2);
  assert.deepEqual((result.routes[0]!.spec as { rules: Rule[] }).rules[0]!.backendRefs, [{ name: 'web', port: 8080 }]);
});

test('the demo: ssl-redirect becomes an HTTP-listener redirect route (301, the check shows 308 vs 301), unmodelled annotations and the invalid path are reported', () => {
  const text = listFiles(fixturePath('demo'), (n) => n.endsWith('.yaml')).map((f) => readFileSync(f, 'utf8')).join('\n---\n');
  const { result, check } = convert(text, true);
  assertValid(result);
  const notes = result.notes.map((n) => `${n.ingress} ${n.severity}: ${n.message}`).join('\n');
  assert.match(notes, /shop\/shop info: not converted .*proxy-body-size/);
  assert.match(notes, /path "api" cannot be a PathPrefix/);
  assert.ok(result.routes.some((r) => (r.metadata as { name: string }).name === 'shop-shop-example-com-http'));
  assert.ok(check.differences.some((d) => d.request.scheme === 'http' && d.request.host === 'shop.example.com' && d.why === 'status 308 vs 301'));
  assert.ok(!check.differences.some((d) => d.request.scheme === 'https' && d.request.host === 'shop.example.com' && d.request.path === '/static/sub'));
});

test('canary-by-cookie: reported as having no Gateway API equivalent, and the check shows the requests it changes (cookie always/never)', () => {
  const main = ING('main', '', `  rules: [{ host: foo, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: stable, port: { number: 80 } } } }] } }]`);
  const canary = ING('canary', '"nginx.ingress.kubernetes.io/canary": "true", "nginx.ingress.kubernetes.io/canary-by-cookie": "beta"', `  rules: [{ host: foo, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: next, port: { number: 80 } } } }] } }]`);
  const { result, check } = convert(main + canary, true);
  assertValid(result);
  assert.ok(result.notes.some((n) => n.severity === 'warning' && /canary-by-cookie beta has no Gateway API Standard equivalent/.test(n.message)), JSON.stringify(result.notes));
  const cookieRequests = check.differences.filter((d) => d.request.headers.cookie !== undefined);
  assert.ok(cookieRequests.length > 0);
  for (const d of cookieRequests) {
    assert.equal(d.request.headers.cookie, 'beta=always', 'only "always" changes the backend: "never" and no cookie both stay on stable');
    assert.deepEqual([d.ingress.backends.map((b) => b.service), d.gateway.backends.map((b) => b.service)], [['next'], ['stable']]);
    assert.match(d.source, /canary cookie beta=always/);
  }
});
