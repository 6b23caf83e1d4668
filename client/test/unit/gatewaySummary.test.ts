// The comment block at the top of the Gateway API preview, from the server's conversion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LISTED_DIFFERENCES, previewText } from '../../src/gatewaySummary';
import type { ConvertToGatewayResult, GatewayDifference } from '../../../server/src/protocol';

const ROUTE = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n';
const diff = (i: number): GatewayDifference => ({ request: `http://a.example/p${i}`, ingress: 'shop/api:80 as /x', gateway: 'shop/web:80', why: 'different Service, port or weights;\nthe path' });
const result = (over: Partial<ConvertToGatewayResult>): ConvertToGatewayResult => ({ yaml: ROUTE, profile: 'ingress-nginx (annotations)', notes: [], checked: 9, differences: [], ...over });

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
