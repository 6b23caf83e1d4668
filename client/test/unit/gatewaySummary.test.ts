// The comment block at the top of the Gateway API preview, from the server's conversion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LISTED_DIFFERENCES, previewParts, previewText, shiftDiagnostics } from '../../src/gatewaySummary';
import type { ConvertToGatewayResult, GatewayDifference } from '../../../server/src/protocol';

const ROUTE = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n';
const diff = (i: number): GatewayDifference => ({ request: `http://a.example/p${i}`, ingress: 'shop/api:80 as /x', gateway: 'shop/web:80', why: 'different Service, port or weights;\nthe path' });
const result = (over: Partial<ConvertToGatewayResult>): ConvertToGatewayResult => ({ yaml: ROUTE, profile: 'ingress-nginx (annotations)', notes: [], checked: 9, differences: [], diagnostics: [], ...over });

test('a clean conversion says nothing was lost and every checked request routes the same', () => {
  const text = previewText('shop.yaml', result({}));
  assert.match(text, /^# Gateway API preview of shop\.yaml \(read-only/);
  assert.match(text, /^# Everything converted: no Ingress reports/m);
  assert.match(text, /^# 0 of 9 checked requests route differently \(Ingress with the ingress-nginx profile vs these HTTPRoutes\)\.$/m);
  assert.ok(text.endsWith(ROUTE));
});

test('notes per Ingress and the first differences are listed, the rest counted', () => {
  const differences = Array.from({ length: LISTED_DIFFERENCES + 2 }, (_, i) => diff(i));
  const text = previewText('shop.yaml', result({ differences, notes: [{ ingress: 'shop/api', severity: 'warning', message: 'rewrite-target "/$2":\nconverted' }] }));
  assert.match(text, /^# {3}shop\/api: warning: rewrite-target "\/\$2": converted$/m);
  assert.match(text, /^# 7 of 9 checked requests route differently .*:$/m);
  assert.match(text, /^# {3}http:\/\/a\.example\/p0\n# {5}Ingress: shop\/api:80 as \/x · Gateway API: shop\/web:80 · different Service, port or weights; the path$/m);
  assert.doesNotMatch(text, /p5/);
  assert.match(text, /^# {3}… and 2 more: /m);
  assert.ok(text.split('\n').filter((l) => !l.startsWith('#')).join('\n').startsWith('apiVersion:'), 'only comments before the YAML');
});

test('a document without Ingress says so', () => {
  assert.equal(previewText('svc.yaml', result({ yaml: '' })), '# Gateway API preview of svc.yaml: no Ingress to convert.\n');
});

test('the server\'s diagnostics, ranged in the YAML, land on the same YAML line of the preview below its comment block', () => {
  const yaml = `${ROUTE}metadata:\n  name: web\n`;
  const r = result({ yaml, differences: [diff(0), diff(1)], notes: [{ ingress: 'shop/api', severity: 'info', message: 'x' }] });
  const { header } = previewParts('shop.yaml', r);
  const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 11 } }; // "name: web" in the YAML
  const [d] = shiftDiagnostics([{ range, message: 'm' }], header.length);
  const lines = previewText('shop.yaml', r).split('\n');
  assert.equal(lines[d!.range.start.line]!.slice(d!.range.start.character, d!.range.end.character), 'name: web');
  assert.equal(range.start.line, 3, 'the server\'s diagnostic is left as it was');
});
