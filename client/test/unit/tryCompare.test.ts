// "Try both": the two answers compared row by row, as the panel shows them and the log says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTries, type TrySide } from '../../src/tryCompare';
import type { TryResponse } from '../../src/tryRequest';
import { COMPARE_SCRIPT } from '../../src/webview/comparePage';

function response(status: number, statusText: string, headers: [string, string][], more: Partial<TryResponse> = {}): TryResponse {
  return { status, statusText, ms: 1, headers, body: { bytes: 0, truncated: false }, ...more };
}

const base = { url: 'http://shop.example.com/cart/', via: '127.0.0.1:1' };

test('a redirect both sets answer differently: status and Location differ; the rule row is shown, never counted', () => {
  const ingress: TrySide = { set: 'ingress', title: 'Ingress', response: response(308, 'Permanent Redirect', [['location', 'https://shop.example.com/cart']], { rule: 'Ingress shop/shop spec.rules[0].http.paths[0] (Prefix /)' }) };
  const gateway: TrySide = { set: 'gateway-api', title: 'Gateway API', response: response(301, 'Moved Permanently', [['Location', 'https://shop.example.com/cart/']], { rule: 'HTTPRoute shop/shop-http spec.rules[0].matches[0] (PathPrefix /)' }) };
  const r = compareTries(base, ingress, gateway);
  assert.deepEqual(r.differences, ['status', 'redirect Location']);
  assert.equal(r.summary, 'Different: the answers differ in status, redirect Location.');
  const rule = r.rows.find((x) => x.name === 'rule')!;
  assert.equal(rule.compared, false);
  assert.deepEqual(r.rows.map((x) => x.name), ['status', 'answered by', 'redirect Location', 'rule']);
});

test('the same backend, path and Host: "Same", with the shared answer; a Location written with or without its root slash is the same place', () => {
  const sideOf = (set: TrySide['set'], rule: string): TrySide => ({ set, title: set, response: response(200, 'OK', [['X-Ingress-Lab-Upstream-Path', '/users?id=7'], ['x-ingress-lab-upstream-host', 'api.example.com']], { rule, upstream: 'http://127.0.0.1:3000' }) });
  const r = compareTries(base, sideOf('ingress', 'Ingress a'), sideOf('gateway-api', 'HTTPRoute b'));
  assert.deepEqual(r.differences, []);
  assert.equal(r.summary, 'Same: both answer 200 OK from http://127.0.0.1:3000.');
  const redirect = (l: string) => response(301, 'Moved Permanently', [['location', l]]);
  const same = compareTries(base, { set: 'ingress', title: 'i', response: redirect('https://h') }, { set: 'gateway-api', title: 'g', response: redirect('https://h/') });
  assert.deepEqual(same.differences, []);
});

test('a side that failed says why in its status cell; the page script builds its DOM with textContent only', () => {
  const r = compareTries(base, { set: 'ingress', title: 'i', error: 'ECONNRESET' }, { set: 'gateway-api', title: 'g', response: response(404, 'Not Found', []) });
  assert.equal(r.rows[0]!.ingress, 'failed: ECONNRESET');
  assert.deepEqual(r.differences, ['status', 'answered by']);
  assert.doesNotMatch(COMPARE_SCRIPT, /innerHTML|insertAdjacentHTML|document\.write/);
  assert.doesNotThrow(() => new Function(COMPARE_SCRIPT), 'the page script parses (template-literal escapes included)');
  assert.match(COMPARE_SCRIPT, /\/\^\(\.\*\?\) \\\(\(\.\*\)\\\)\$\//, 'the title regex keeps its escaped parentheses');
});
