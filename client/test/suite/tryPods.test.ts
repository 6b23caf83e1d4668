// "Try" reaches the cluster's pods with no mapping: the editor's proxy asks the language server
// for a ready pod (ingressLab/openUpstream) and goes through the port-forward it opens. Against
// the API stand-in (pods are local HTTP servers behind its port-forward endpoint) or, when
// INGRESS_LAB_TEST_KUBECONFIG is set, a real cluster (pods run registry.k8s.io agnhost netexec).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { RouteTreeRequest, type RouteTreeResult, type TryRouteArgs } from '../../../server/src/protocol';
import { openTarget, type ClusterTarget } from '../../../server/test/support/cluster-target';
import { serviceObject, sliceObject } from '../../../server/test/support/pod-objects';
import type { IngressLabApi } from '../../src/api';
import type { TryResult } from '../../src/tryResult';
import { activateExtension, fixtureUri, screenshot, waitForEvent, waitForValue } from '../helpers';

const FILE = 'pods-ingress.yaml';

/** A pod: on the stand-in a local HTTP server behind its port-forward; on a real cluster an agnhost Pod. */
async function startPod(target: ClusterTarget, name: string, app = 'web'): Promise<() => Promise<void>> {
  if (!target.standIn) {
    await target.apply([{
      apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app } },
      spec: { containers: [{ name: 'web', image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: ['netexec', '--http-port=8080'], ports: [{ name: 'web', containerPort: 8080 }] }] },
    }]);
    return () => target.remove('Pod', name);
  }
  const server: Server = createServer((req, res) => res.end(`${name} ${req.url}`));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  target.standIn.portForward.targets.set(`${target.namespace}/${name}:8080`, (server.address() as AddressInfo).port);
  return () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
}

/** The EndpointSlices the endpoints controller would write (the stand-in has no controller). */
async function readyPods(target: ClusterTarget, service: string, ready: string[], notReady: string[] = []): Promise<void> {
  if (target.standIn) await target.apply([sliceObject(service, ready, notReady)]);
}

function ingressYaml(namespace: string): string {
  const path = (p: string, svc: string) => `          - path: ${p}\n            pathType: Prefix\n            backend:\n              service:\n                name: ${svc}\n                port:\n                  number: 80\n`;
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: pods\n  namespace: ${namespace}\nspec:\n  rules:\n    - host: pods.example.com\n      http:\n        paths:\n${path('/', 'web')}${path('/idle', 'idle')}${path('/down', 'down')}`;
}

suite('Try reaches the cluster\'s pods', () => {
  let api: IngressLabApi;
  let target: ClusterTarget;
  const stops: (() => Promise<void>)[] = [];
  const kubeconfig = process.env.KUBECONFIG;

  /** Turns cluster access on or off and waits until the server says it is connected or off. */
  async function clusterAccess(enabled: boolean): Promise<void> {
    await vscode.workspace.getConfiguration('ingressLab').update('cluster.enabled', enabled || undefined, vscode.ConfigurationTarget.Global);
    const state = enabled ? 'connected' : 'disabled';
    await waitForEvent(`the cluster status ${state}`, api.onClusterStatus, () => (api.clusterStatus()?.state === state ? true : undefined), 60_000);
  }

  suiteSetup(async function () {
    this.timeout(180_000);
    api = await activateExtension();
    target = await openTarget();
    stops.push(await startPod(target, 'web-1'));
    await target.apply([serviceObject('web', 'web'), serviceObject('idle', 'web')]);
    await readyPods(target, 'web', ['web-1']);
    await readyPods(target, 'idle', [], ['idle-1']);
    await vscode.workspace.fs.writeFile(fixtureUri(FILE), Buffer.from(ingressYaml(target.namespace)));
    // The server reads the kubeconfig where a user's would be: a server process started now has it.
    process.env.KUBECONFIG = target.kubeconfigPath;
    await api.restartServer();
    await clusterAccess(true);
    await api.proxy.ensureStarted();
  });

  suiteTeardown(async function () {
    this.timeout(60_000);
    if (kubeconfig === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = kubeconfig;
    await vscode.workspace.fs.delete(fixtureUri(FILE)).then(undefined, () => undefined);
    if (api) await clusterAccess(false);
    for (const stop of stops) await stop().catch(() => undefined); // a replaced pod is already gone
    await target?.close();
  });

  /** The lens's own arguments for a path of the test Ingress, with another path if asked. */
  async function lensArgs(index: number, path?: string): Promise<TryRouteArgs> {
    const doc = await vscode.workspace.openTextDocument(fixtureUri(FILE));
    const lenses = await waitForValue('the CodeLenses of the pods Ingress', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
      return all.length >= 2 ? all : undefined;
    });
    const args = lenses[index]!.command!.arguments![0] as TryRouteArgs;
    return path ? { ...args, path } : args;
  }

  async function tryAndRender(args: TryRouteArgs): Promise<TryResult> {
    const url = `${args.scheme}://${args.host}${args.path}`;
    const drawn = waitForEvent(`the panel to draw ${url}`, api.resultPanel.onDidRender, () => (api.resultPanel.last?.url === url ? true : undefined));
    const result = await vscode.commands.executeCommand<TryResult>('ingressLab.tryRoute', args);
    await drawn;
    return result;
  }

  /** Waits until the server's facts list exactly these ready pods behind Service web (the informers saw the change). */
  function podsReady(names: string[], service = 'web'): Promise<true> {
    return waitForValue(`Service ${service}'s ready pods to be ${names.join(', ')}`, async () => {
      // By method name: this bundle's RequestType is not the extension bundle's.
      const tree = await api.client.sendRequest<RouteTreeResult>(RouteTreeRequest.method, {});
      const web = tree.hosts.find((h) => h.host === 'pods.example.com')?.paths.find((p) => p.backend?.service === service)?.backend;
      const ready = (web?.pods ?? []).filter((p) => p.ready).map((p) => p.name).sort();
      return JSON.stringify(ready) === JSON.stringify(names) ? true : undefined;
    }, 60_000);
  }

  test('Try on a path whose Service has a ready pod: the pod\'s own answer, through a port-forward, without a mapping', async () => {
    await podsReady(['web-1']);
    const result = await tryAndRender(await lensArgs(0, '/hostname'));
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.response?.status, 200, result.response?.reason);
    assert.match(result.response?.body.text ?? '', /^web-1( \/hostname)?$/);
    assert.equal(result.response?.upstream, `pod ${target.namespace}/web-1:8080`);
    assert.match(result.response?.rule ?? '', /^Ingress [\w-]+\/pods spec\.rules\[0\]\.http\.paths\[0\] \(Prefix \/\)$/);
    assert.equal(result.answeredBy?.what, `pod ${target.namespace}/web-1:8080`);
    assert.match(result.answeredBy?.via ?? '', /^127\.0\.0\.1:\d+$/, 'the language server\'s port-forward listener');
    const port = (await api.proxy.ensureStarted()).http.port;
    assert.equal(result.curl, `curl -i --connect-to pods.example.com:80:127.0.0.1:${port} http://pods.example.com/hostname`);
    // "Copy as curl" reproduces the request from a terminal: the same pod answers, through the same rule.
    const fromTerminal = await shell(result.curl!);
    if (fromTerminal !== undefined) {
      assert.match(fromTerminal, /^HTTP\/1\.1 200 OK\r$/m);
      assert.match(fromTerminal, new RegExp(`^x-ingress-lab-upstream: pod ${target.namespace}/web-1:8080\\r$`, 'm'));
      assert.match(fromTerminal, /\r\n\r\nweb-1( \/hostname)?$/);
    }
    await screenshot('try-pod');
  });

  test('a pod replaced mid-session is used on the next Try, no restart', async () => {
    const before = await api.proxy.ensureStarted();
    stops.push(await startPod(target, 'web-2'));
    const replaced = Date.now();
    await readyPods(target, 'web', ['web-2']);
    if (!target.standIn) await target.remove('Pod', 'web-1');
    await podsReady(['web-2']);
    const result = await tryAndRender(await lensArgs(0, '/hostname'));
    assert.equal(result.response?.status, 200, result.response?.reason);
    assert.match(result.response?.body.text ?? '', /^web-2( \/hostname)?$/);
    console.log(`    pod replaced → answered by web-2 after ${Date.now() - replaced} ms`);
    // The Routes view follows by itself: Service web's pods now list web-2, ready, on its container port.
    await waitForEvent('the Routes view to show web-2', api.routes.onDidChangeTreeData, () => {
      const host = api.routes.getChildren().find((h) => h.label === 'pods.example.com');
      const pods = host?.children.find((p) => p.label === '/')?.children[0]?.children ?? [];
      return pods.some((p) => p.label === 'web-2' && p.description === 'ready · :8080') ? true : undefined;
    }, 30_000);
    assert.equal((await api.proxy.ensureStarted()).http.port, before.http.port, 'the same proxy, not restarted');
  });

  test('the panel marks its answer stale when the rules change after it was shown', async () => {
    await tryAndRender(await lensArgs(0, '/hostname'));
    assert.equal(api.resultPanel.stale, false);
    const doc = (await vscode.window.showTextDocument(fixtureUri(FILE))).document;
    const edit = new vscode.WorkspaceEdit();
    const line = doc.getText().split('\n').findIndex((l) => l.includes('path: /idle'));
    edit.replace(doc.uri, new vscode.Range(line, 0, line, doc.lineAt(line).text.length), '          - path: /idle2');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitForEvent('the panel to be marked stale', api.proxy.onDidReload, () => (api.resultPanel.stale ? true : undefined));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('a Service with no ready pods: 503 that says so, naming the Service and namespace', async () => {
    const result = await tryAndRender(await lensArgs(1));
    assert.equal(result.response?.status, 503);
    assert.match(result.response?.reason ?? '', new RegExp(`Service ${target.namespace}/idle:80 has no ready pods`));
    assert.equal(result.guidance, `Service ${target.namespace}/idle has no ready pods in the cluster (kubectl get pods -n ${target.namespace}). To try it against a process of your own, map ${target.namespace}/idle:80 in ingressLab.proxy.map.`);
  });

  test('a pod that refuses the connection: 502 naming the pod and port, in the panel and the output channel', async function () {
    if (!target.standIn) return this.skip(); // a real pod that refuses needs an image that listens elsewhere
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    target.standIn.portForward.targets.set(`${target.namespace}/down-1:8080`, port);
    await target.apply([serviceObject('down', 'web')]);
    await readyPods(target, 'down', ['down-1']);
    await podsReady(['down-1'], 'down');
    const result = await tryAndRender(await lensArgs(2));
    assert.equal(result.response?.status, 502);
    assert.match(result.response?.reason ?? '', new RegExp(`^pod ${target.namespace}/down-1:8080 refused the connection`));
    assert.match(result.guidance ?? '', new RegExp(`^pod ${target.namespace}/down-1:8080 did not answer \\(it refused the connection\\)`));
  });

  test('a live Ingress older than the workspace\'s claims its host and path: Explain, the proxy\'s header and the answering pod all name it', async () => {
    stops.push(await startPod(target, 'live-1', 'web-live'));
    await target.apply([serviceObject('web-live', 'web')]);
    await readyPods(target, 'web-live', ['live-1']);
    const backend = { service: { name: 'web-live', port: { number: 80 } } };
    await target.apply([{
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'older', creationTimestamp: '2020-01-01T00:00:00Z' },
      spec: { rules: [{ host: 'pods.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] },
    }]);
    try {
      const rule = () => api.proxy.ruleFor('pods.example.com', '/hostname') ?? '';
      await waitForEvent('the proxy to take the live Ingress\'s rule', api.proxy.onDidReload, () => (rule().startsWith(`Ingress ${target.namespace}/older `) ? true : undefined), 30_000);
      const result = await tryAndRender(await lensArgs(0, '/hostname'));
      assert.equal(result.explain.route?.ingress, 'older', 'Explain route: the oldest creationTimestamp wins the tie');
      assert.equal(result.response?.rule, rule(), 'the proxy\'s X-Ingress-Lab-Route names the rule the table names');
      assert.match(result.response?.rule ?? '', new RegExp(`^Ingress ${target.namespace}/older spec\\.rules\\[0\\]\\.http\\.paths\\[0\\] \\(Prefix /\\)$`));
      assert.equal(result.answeredBy?.what, `pod ${target.namespace}/live-1:8080`, 'and forwards to the live winner\'s Service');
      assert.match(result.lensNote ?? '', /does not get this request: Prefix \/ of Ingress [\w-]+\/older gets it/);
    } finally {
      await target.remove('Ingress', 'older');
    }
  });
});

/** Runs a command line in a shell; undefined when the shell or curl is not there. */
function shell(line: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', line], { timeout: 15_000 }, (err, stdout, stderr) => {
      if (err && ((err as { code?: unknown }).code === 127 || (err as { code?: unknown }).code === 'ENOENT')) return resolve(undefined);
      if (err) return reject(new Error(`${line}: ${stderr || err.message}`));
      resolve(stdout);
    });
  });
}
