// "Try both (Ingress / Gateway API)" in a real VS Code: the same request through the editor's
// proxy routed by the Ingresses (here with the ingress-nginx profile, chosen by the setting) and
// by the Gateway API set they convert to; the Try panel draws both answers side by side. Where
// they differ: ingress-nginx answers http on a TLS host with 308 and drops the trailing slash, the
// converted RequestRedirect says 301 and keeps it. Where they agree: a plain Prefix path reaches
// the same mapped upstream with the same path and Host.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { IngressLabApi } from '../../src/api';
import type { Rendered } from '../../src/resultPanel';
import type { TryBothResult } from '../../src/tryCompare';
import { activateExtension, screenshot, waitForEvent, waitForValue } from '../helpers';

suite('Try both: Ingress and Gateway API side by side', () => {
  let api: IngressLabApi;
  let upstream: Server;
  let upstreamUrl: string;
  const seen: { url?: string; host?: string; as?: string | string[] }[] = [];
  const settings = () => vscode.workspace.getConfiguration('ingressLab');

  /** Until the editor's proxy routes with this profile (the server re-reads the setting; the proxy reloads). */
  const profileIs = (id: string) => waitForValue(`the proxy's profile to be ${id}`, async () => {
    await api.proxy.reload();
    return api.proxy.profileId === id ? true : undefined;
  });

  suiteSetup(async () => {
    api = await activateExtension();
    upstream = createServer((req, res) => {
      seen.push({ url: req.url, host: req.headers.host, as: req.headers['x-ingress-lab-as'] });
      res.end(`catalog ${req.url}`);
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    await settings().update('proxy.map', { 'shop/catalog:8080': upstreamUrl }, vscode.ConfigurationTarget.Global);
    await settings().update('controllerProfile', 'ingress-nginx', vscode.ConfigurationTarget.Global);
    await api.proxy.ensureStarted();
    await profileIs('ingress-nginx');
  });

  suiteTeardown(async () => {
    await settings().update('controllerProfile', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('proxy.map', undefined, vscode.ConfigurationTarget.Global);
    await profileIs('spec-only');
    await new Promise((r) => upstream.close(r));
  });

  async function tryBoth(url: string): Promise<{ result: TryBothResult; rendered: Rendered }> {
    let rendered: Rendered | undefined;
    const sub = api.resultPanel.onDidRender((r) => { if (r.url === url) rendered = r; });
    const drawn = waitForEvent(`the panel to draw ${url}`, api.resultPanel.onDidRender, () => rendered, 20_000);
    try {
      const u = new URL(url);
      const result = await vscode.commands.executeCommand<TryBothResult>('ingressLab.tryBoth', { host: u.hostname, path: u.pathname, https: u.protocol === 'https:' });
      return { result, rendered: await drawn };
    } finally {
      sub.dispose();
    }
  }

  test('differ: http on a TLS host is 308 from ingress-nginx and 301 from the converted HTTPRoute, with different Locations; both named', async () => {
    const { result, rendered } = await tryBoth('http://tree.example.com/app/');
    assert.deepEqual(rendered, { url: 'http://tree.example.com/app/', status: 308 });
    assert.deepEqual(result.differences, ['status', 'redirect Location']);
    assert.match(result.summary, /^Different: /);
    const row = (name: string) => result.rows.find((r) => r.name === name)!;
    assert.deepEqual([row('status').ingress, row('status').gateway], ['308 Permanent Redirect', '301 Moved Permanently']);
    assert.deepEqual([row('redirect Location').ingress, row('redirect Location').gateway], ['https://tree.example.com/app', 'https://tree.example.com/app/']);
    assert.match(row('rule').ingress, /^Ingress shop\/tree-a spec\.rules\[0\]\.http\.paths\[1\] \(Prefix \/app\/\)$/);
    assert.match(row('rule').gateway, /^HTTPRoute shop\/\S+-http spec\.rules\[\d+\]\.matches\[0\] \(PathPrefix \/app\/\)$/);
    assert.equal(result.ingress.title, 'Ingress (ingress-nginx profile)');
    assert.ok(result.curl?.includes("-H 'x-ingress-lab-as: gateway-api'"), result.curl);
    await screenshot('try-both');
  });

  test('agree: a Prefix path goes to the same mapped upstream with the same path and Host: "Same"; the header never reaches it', async () => {
    const before = seen.length;
    const { result } = await tryBoth('http://shop.example.com/catalog/shoes');
    assert.deepEqual(result.differences, []);
    assert.equal(result.summary, `Same: both answer 200 OK from ${upstreamUrl}.`);
    assert.deepEqual(seen.slice(before), [
      { url: '/catalog/shoes', host: 'shop.example.com', as: undefined },
      { url: '/catalog/shoes', host: 'shop.example.com', as: undefined },
    ]);
    assert.match(result.rows.find((r) => r.name === 'rule')!.gateway, /^HTTPRoute shop\//);
    await screenshot('try-both-same');
  });
});
