// "Try" for real: the CodeLens command sends the request through the proxy running in the
// extension host, to an upstream mapped in ingressLab.proxy.map, and the result panel draws it.
import * as assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { TryRouteArgs } from '../../../server/src/protocol';
import type { IngressLabApi } from '../../src/api';
import type { Rendered } from '../../src/resultPanel';
import type { TryResult } from '../../src/tryResult';
import { activateExtension, openFixture, waitForEvent, waitForValue } from '../helpers';

interface Seen { host?: string; url?: string; headers: IncomingHttpHeaders }

suite('Try through the proxy', () => {
  let api: IngressLabApi;
  let upstream: Server;
  let upstreamUrl: string;
  const seen: Seen[] = [];

  suiteSetup(async () => {
    api = await activateExtension();
    upstream = createServer((req, res) => {
      seen.push({ host: req.headers.host, url: req.url, headers: req.headers });
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(`hello from catalog <b>${req.url}</b>`);
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    await vscode.workspace.getConfiguration('ingressLab').update('proxy.map', { 'shop/catalog:8080': upstreamUrl }, vscode.ConfigurationTarget.Global);
    await api.proxy.ensureStarted();
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('ingressLab').update('proxy.map', undefined, vscode.ConfigurationTarget.Global);
    await new Promise((r) => upstream.close(r));
  });

  async function lensArgs(index: number): Promise<TryRouteArgs> {
    const editor = await openFixture('routes.yaml');
    const lenses = await waitForValue('the CodeLenses of routes.yaml', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
      return all.length >= 2 ? all : undefined;
    });
    return lenses[index]!.command!.arguments![0] as TryRouteArgs;
  }

  /** Runs the command and waits until the panel's page has drawn that result. */
  async function tryAndRender(args: TryRouteArgs): Promise<{ result: TryResult; rendered: Rendered }> {
    const url = `${args.scheme}://${args.host}${args.path}`;
    let rendered: Rendered | undefined;
    const sub = api.resultPanel.onDidRender((r) => { if (r.url === url) rendered = r; }); // before the waiter's listener
    const drawn = waitForEvent(`the panel to draw ${url}`, api.resultPanel.onDidRender, () => rendered, 20_000);
    try {
      const result = await vscode.commands.executeCommand<TryResult>('ingressLab.tryRoute', args);
      return { result, rendered: await drawn };
    } finally {
      sub.dispose();
    }
  }

  test('a mapped route: 200 with the upstream\'s body, Host and path passed on, the panel draws it', async () => {
    const args = { ...(await lensArgs(0)), path: '/catalog/shoes' };
    const { result, rendered } = await tryAndRender(args);
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.response?.status, 200);
    assert.equal(result.response?.body.text, 'hello from catalog <b>/catalog/shoes</b>');
    assert.match(result.response?.rule ?? '', /^Ingress shop\/storefront spec\.rules\[0\]\.http\.paths\[0\] \(Prefix \/catalog\)$/);
    assert.equal(result.response?.upstream, upstreamUrl);
    assert.ok(result.explain.trace.length > 0, 'the matcher\'s trace comes along');
    assert.deepEqual(rendered, { url: 'http://shop.example.com/catalog/shoes', status: 200 });
    const last = seen.at(-1);
    assert.equal(last?.host, 'shop.example.com');
    assert.equal(last?.url, '/catalog/shoes');
    assert.equal(last?.headers['x-forwarded-host'], 'shop.example.com');
  });

  test('an unmapped route: the proxy\'s 503 and what to do about it', async () => {
    const { result, rendered } = await tryAndRender(await lensArgs(1));
    assert.equal(result.response?.status, 503);
    assert.match(result.response?.reason ?? '', /^no local mapping for Service shop\/checkout:http \(map it in ingressLab\.proxy\.map: /);
    assert.equal(result.guidance, 'Map shop/checkout:http to a local URL in ingressLab.proxy.map, e.g. "shop/checkout:http": "http://127.0.0.1:3000", or turn on ingressLab.cluster.enabled to reach Service shop/checkout\'s pods, then try again.');
    assert.equal(rendered.status, 503);
    const panels = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('ingressLab.tryResult'));
    assert.deepEqual(panels.map((t) => t.label), ['Try: http://shop.example.com/checkout'], 'one panel, reused by the second try');
  });

  test('https for a host no Ingress lists under tls: the panel says so in words, not a TLS error', async () => {
    const { result, rendered } = await tryAndRender({ ...(await lensArgs(0)), scheme: 'https' });
    assert.equal(result.response, undefined);
    assert.match(result.error ?? '', /^The proxy has no certificate for shop\.example\.com: no Ingress lists it under spec\.tls\[\]\.hosts/);
    assert.equal(rendered.status, 0);
  });

  test('editing a path in the YAML reloads the proxy\'s rules without a restart', async () => {
    const before = await api.proxy.ensureStarted();
    const editor = await openFixture('routes.yaml');
    const doc = editor.document;
    const line = doc.lineAt(11);
    assert.match(line.text, /path: \/catalog$/);
    const col = line.text.indexOf('/catalog');
    const edit = (text: string) => {
      const e = new vscode.WorkspaceEdit();
      e.replace(doc.uri, new vscode.Range(11, col, 11, doc.lineAt(11).text.length), text);
      return vscode.workspace.applyEdit(e);
    };
    try {
      assert.ok(await edit('/store'));
      await waitForEvent('the proxy to route /store/hats', api.proxy.onDidReload, () => api.proxy.ruleFor('shop.example.com', '/store/hats') ?? undefined);
      const { result } = await tryAndRender({ ...(await lensArgs(0)), path: '/store/hats' });
      assert.equal(result.response?.status, 200, result.response?.reason);
      assert.equal(seen.at(-1)?.url, '/store/hats');
      const after = await api.proxy.ensureStarted();
      assert.equal(after.http.port, before.http.port, 'same listener: reloaded, not restarted');
    } finally {
      await edit('/catalog');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
