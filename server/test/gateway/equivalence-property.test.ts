// Property: for any set of spec-only Ingresses (exact hosts and rules without host; Exact,
// Prefix and ImplementationSpecific paths; duplicates across Ingresses with distinct ages),
// the conversion routes every generated request exactly as the Ingress matcher does. The only
// expected difference: a defaultBackend answering hosts no rule names. Fixed seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseManifest } from '../../src/ingress/documents';
import { extractObjects, type Ingress } from '../../src/ingress/model';
import { buildRouteTable } from '../../src/ingress/routing/index';
import { convertIngresses } from '../../src/gateway/convert/index';
import { convertedObjects, convertedTable } from '../../src/gateway/convert/emit';
import { checkGatewayObjects } from '../../src/rules/gateway/index';
import { checkEquivalence } from '../../src/gateway/equivalence';
import { specOnlyProfile } from '../../src/ingress/routing/profiles/spec-only';

const segment = fc.constantFrom('a', 'b', 'ab', 'api');
const path = fc.tuple(fc.array(segment, { maxLength: 3 }), fc.boolean()).map(([s, slash]) => `/${s.join('/')}${slash && s.length ? '/' : ''}`);
const rulePath = fc.record({ path, type: fc.constantFrom('Exact', 'Prefix', 'ImplementationSpecific'), svc: fc.constantFrom('s0', 's1', 's2') });
const rule = fc.record({ host: fc.constantFrom('a.example.com', 'b.example.com', ''), paths: fc.array(rulePath, { minLength: 1, maxLength: 4 }) });
const ingress = fc.array(rule, { minLength: 1, maxLength: 3 });

function yamlOf(ingresses: { host: string; paths: { path: string; type: string; svc: string }[] }[][]): string {
  return ingresses.map((rules, i) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: ing${i}, creationTimestamp: "2026-01-0${i + 1}T00:00:00Z" }
spec:
  rules:
${rules.map((r) => `    - ${r.host ? `host: ${r.host}\n      ` : ''}http:
        paths:
${r.paths.map((p) => `          - { path: "${p.path}", pathType: ${p.type}, backend: { service: { name: ${p.svc}, port: { number: 80 } } } }`).join('\n')}`).join('\n')}
`).join('---\n');
}

test('spec-only Ingress sets convert with no routing difference on any generated request', () => {
  fc.assert(fc.property(fc.array(ingress, { minLength: 1, maxLength: 3 }), (set) => {
    const text = yamlOf(set);
    const ings = extractObjects(parseManifest('file:///p.yaml', text), { defaultNamespace: 'default' }).filter((o): o is Ingress => o.kind === 'Ingress');
    const result = convertIngresses(ings, [], { gatewayName: 'gw', gatewayClassName: 'x', nginx: false });
    const check = checkEquivalence(buildRouteTable(ings), specOnlyProfile('test'), convertedTable(result), []);
    const diffs = check.differences.map((d) => `${d.request.host}${d.request.path}: ${d.why} (ingress ${d.ingress.via}, gateway ${d.gateway.via})`);
    assert.deepEqual(diffs, [], text);
    assert.deepEqual(checkGatewayObjects(convertedObjects(result)).map((f) => f.message), [], text);
  }), { seed: 20260324, numRuns: 150 });
});
