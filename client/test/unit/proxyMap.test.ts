// The warning about refused ingressLab.proxy.map entries: one message for all of them, and
// buttons that lead to the setting and to the output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProxyMap, warnRefused, type WarningUi } from '../../src/proxyMap';

function fakeUi(press: string | undefined) {
  const calls: string[] = [];
  const ui: WarningUi = {
    warn: (message, ...actions) => { calls.push(`warn ${message} [${actions.join('|')}]`); return Promise.resolve(press); },
    openSettings: () => calls.push('openSettings'),
    showOutput: () => calls.push('showOutput'),
  };
  return { ui, calls };
}

test('refused entries: the first named, the rest counted; Open Settings and Show Output do what they say', async () => {
  const { errors } = parseProxyMap({ 'shop/web:80': 'http://10.0.0.7:8080', 'shop/api:80': 'https://127.0.0.1:3000', 'shop/ok:80': 'http://127.0.0.1:3000' });
  assert.equal(errors.length, 2);
  const open = fakeUi('Open Settings');
  assert.equal(await warnRefused(errors, open.ui), 'Open Settings');
  assert.match(open.calls[0]!, /^warn ingressLab\.proxy\.map "shop\/web:80": .* \(and 1 more: see the output\) \[Open Settings\|Show Output\]$/);
  assert.deepEqual(open.calls.slice(1), ['openSettings']);
  const output = fakeUi('Show Output');
  await warnRefused(errors, output.ui);
  assert.deepEqual(output.calls.slice(1), ['showOutput']);
  const dismissed = fakeUi(undefined);
  await warnRefused(errors, dismissed.ui);
  assert.equal(dismissed.calls.length, 1, 'closing the warning does nothing else');
  assert.equal(await warnRefused([], fakeUi(undefined).ui), undefined, 'no warning without refused entries');
});
