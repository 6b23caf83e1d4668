// HTTPRoutes written by `convert --out` next to their Ingresses carry the converted-from
// annotation; the project proves them against the Ingresses they name through the normal
// findings (gateway/route-differs), and the proof follows edits to either side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProject, type Project } from '../../src/engine/index';
import { convertTable } from '../../src/gateway/conversion';
import { convertedTable, yamlDocs } from '../../src/gateway/convert/emit';
import { checkEquivalence, differenceRow, type EquivalenceResult } from '../../src/gateway/equivalence';
import { CONVERTED_FROM } from '../../src/gateway/convert/types';
import { routeDiffers } from '../../src/rules/gateway/route-differs';
import { ingressYaml, rewriteCase } from '../helpers/gateway-cases';

const ING = 'file:///ws/ingress.yaml';
const ROUTES = 'file:///ws/out/httproutes.shop.yaml';

/** A project holding the Ingresses and their conversion, as `convert --out` writes it. */
function converted(ingresses: string, withGateway = false): { project: Project; yaml: string; check: EquivalenceResult } {
  const project = createProject();
  project.setText(ING, ingresses);
  const table = project.routeTable();
  const profile = project.profile('auto', table);
  const result = convertTable(table, project.store.list('Service'), profile, { name: 'ingress-lab' });
  const check = checkEquivalence(table, profile, convertedTable(result), project.store.list('Service'));
  const yaml = yamlDocs([...(withGateway ? [result.gateway] : []), ...result.routes]);
  project.setText(ROUTES, yaml);
  project.check();
  return { project, yaml, check };
}

const differs = (p: Project, uri = ROUTES) => p.findings(uri).filter((f) => f.ruleId === routeDiffers.id);

test('every converted HTTPRoute names the Ingress it was converted from', () => {
  const { yaml } = converted(rewriteCase('a.example.com'));
  assert.match(yaml, new RegExp(`annotations:\\n\\s+${CONVERTED_FROM.replace(/\./g, '\\.')}: shop/web\\n`));
  assert.match(yaml, new RegExp(`${CONVERTED_FROM.replace(/\./g, '\\.')}: shop/api\\n`));
});

test('a faithful conversion has no gateway/route-differs; renaming the Ingress\'s Service makes the HTTPRoute differ, on its match', () => {
  const ingress = ingressYaml({ name: 'web', host: 'shop.example.com', path: '/shop', pathType: 'Prefix', service: 'web' });
  const { project, yaml } = converted(ingress);
  assert.deepEqual(differs(project).map((f) => f.message), []);
  project.setText(ING, ingress.replace('name: web\n                port', 'name: storefront\n                port'));
  assert.deepEqual(project.check().sort(), [ING, ROUTES].sort(), 'the routes file is re-checked with the Ingress');
  const found = differs(project);
  assert.ok(found.length > 0);
  const f = found.find((x) => x.message.startsWith('http://shop.example.com/shop is routed differently: '))!;
  assert.match(f.message, /Ingress \(spec-only\) → shop\/storefront:8080 as \/shop; Gateway API → shop\/web:8080 as \/shop: different Service, port or weights; /);
  assert.equal(f.severity, 'warning');
  assert.match(yaml.slice(f.span.start, f.span.end), /^path:\n\s+type: PathPrefix\n\s+value: \/shop\n?$/);
  assert.equal(f.related?.[0]?.uri, ING);
  // Undo: the findings go away again.
  project.setText(ING, ingress);
  project.check();
  assert.deepEqual(differs(project), []);
});

test('the routes of a TLS host (HTTPS, and HTTP redirecting to it) are told apart by the Gateway the converter would write, written or not: the same differences as convert --check', () => {
  const metadata = '  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: "true"\n';
  const tls = ingressYaml({ name: 'web', host: 'tls.example.com', path: '/', pathType: 'Prefix', service: 'web', metadata })
    .replace('spec:\n', 'spec:\n  tls:\n    - hosts: [tls.example.com]\n      secretName: tls\n');
  for (const withGateway of [false, true]) {
    const { project, yaml, check } = converted(tls, withGateway);
    assert.match(yaml, /scheme: https/, 'the HTTP route redirects');
    const expected = check.differences.map((d) => differenceRow(d)[0]!).sort();
    assert.ok(expected.length > 0 && check.differences.every((d) => d.why === 'status 308 vs 301'), 'ingress-nginx answers 308, Standard RequestRedirect 301');
    const found = differs(project);
    assert.deepEqual(found.map((f) => f.message.split(' ')[0]).sort(), expected, `with the Gateway written: ${withGateway}`);
    // Not "308 vs 200": an http request is answered by the HTTP listener's route (the redirect), not the HTTPS one's.
    assert.deepEqual(found.filter((f) => !/: status 308 vs 301; /.test(f.message)).map((f) => f.message), []);
  }
});

test('HTTPRoutes without the annotation, or whose Ingress is not in the workspace, are not compared; the rule can be turned off', () => {
  const ingress = ingressYaml({ name: 'web', host: 'shop.example.com', path: '/shop', pathType: 'Prefix', service: 'web' });
  const { project, yaml } = converted(ingress);
  project.setText(ING, ingress.replace('name: web\n                port', 'name: storefront\n                port'));
  project.setText(ROUTES, yaml.split(`${CONVERTED_FROM}: shop/web`).join(`${CONVERTED_FROM}: shop/gone`));
  project.check();
  assert.deepEqual(differs(project), []);
  project.setText(ROUTES, yaml);
  project.configure({ ...project.options, overrides: { [routeDiffers.id]: 'off' } });
  project.check();
  assert.deepEqual(differs(project), []);
});
