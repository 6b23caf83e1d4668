// The editor's proxy: the engine of `ingress-lab serve` (server/src/proxy) running inside the
// extension host on 127.0.0.1. Its rules come from the language server (ingressLab/routeTable
// with the objects) and reload on ingressLab/routesChanged without a restart. Its upstreams: the
// loopback URLs of `ingressLab.proxy.map` (re-read when the setting changes) first, else a ready
// pod of the Service through a port-forward the language server opens (ingressLab/openUpstream,
// see clusterUpstream.ts). A status bar item says where it listens.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OpenUpstreamRequest, RouteTableRequest, UpstreamFailureRequest } from '../../server/src/protocol';
import {
  chainResolvers, IngressProxy, LocalMapResolver, loadOrCreateCa, requestLogLine, tableFromData, servicePorts,
  type CaFiles, type Listening, type Resolution, type ServiceTarget, type UpstreamResolver,
} from '../../server/src/proxy/index';
import { ClusterObjects, type ObjectStore } from '../../server/src/ingress/store';
import type { RouteTable } from '../../server/src/ingress/routing/index';
import { decide } from '../../server/src/proxy/decide';
import { ServerPodResolver, type PodForward } from './clusterUpstream';
import { MAP_SETTING, parseProxyMap, warnRefused } from './proxyMap';

export interface ProxyInfo extends Listening {
  ca: CaFiles;
}

export class ProxyController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ingressLab.proxy', vscode.StatusBarAlignment.Left, 9);
  private readonly reloaded = new vscode.EventEmitter<number>();
  /** Fires with the number of Ingresses after the proxy took new rules. */
  readonly onDidReload = this.reloaded.event;
  private readonly subs: vscode.Disposable[] = [];
  private starting: Promise<{ proxy: IngressProxy; info: ProxyInfo }> | undefined;
  private store: ObjectStore = new ClusterObjects();
  private locals = new LocalMapResolver([]);
  private mapKey = '';
  private mapErrors: string[] = [];
  private table: RouteTable | undefined;
  /** The controller profile the proxy routes the Ingresses with (from the server). */
  profileId: string | undefined;
  private generation = 0;
  private readonly pods: ServerPodResolver;

  constructor(private readonly client: LanguageClient, onRoutesChanged: vscode.Event<unknown>, private readonly output: vscode.LogOutputChannel,
    private readonly caDir: vscode.Uri, showOutputCommand: string) {
    this.item.name = 'Ingress Lab: Proxy';
    this.item.command = showOutputCommand;
    this.subs.push(
      // A reload racing a server restart fails with 'Client is not running': the restart's own routesChanged reloads again.
      onRoutesChanged(() => void this.reload().catch((e: Error) => this.output.debug(`proxy: rules not reloaded: ${e.message}`))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(MAP_SETTING)) this.readMap(true);
        if (e.affectsConfiguration('ingressLab.proxy.port') && this.starting) void this.restart();
      }),
    );
    this.readMap(true);
    this.pods = new ServerPodResolver({
      open: (p) => client.sendRequest(OpenUpstreamRequest, p),
      failure: (p) => client.sendRequest(UpstreamFailureRequest, p),
    }, (line) => this.output.warn(`proxy: ${line}`));
  }

  /** The running proxy, starting it if it is not yet running (activate() starts it once the language server runs). */
  async ensureStarted(): Promise<ProxyInfo> {
    this.starting ??= this.start();
    try {
      return (await this.starting).info;
    } catch (e) {
      this.starting = undefined;
      this.item.text = '$(error) Proxy: not running';
      this.item.tooltip = (e as Error).message;
      this.item.show();
      throw e;
    }
  }

  private async start(): Promise<{ proxy: IngressProxy; info: ProxyInfo }> {
    const port = vscode.workspace.getConfiguration('ingressLab').get<number>('proxy.port', 0);
    const ca = await loadOrCreateCa(this.caDir.fsPath);
    // A local mapping wins; else a ready pod through the language server's port-forward.
    const locals: UpstreamResolver = { resolve: (t: ServiceTarget): Resolution => this.readMap(false).resolve(t) };
    const resolver = chainResolvers(locals, this.pods);
    const proxy = new IngressProxy(tableFromData({ ingresses: [], defaultClass: null, services: [] }).table, {
      resolver, port, httpsPort: 0, ca,
      onRequest: (l) => this.output.info(`proxy: ${requestLogLine(l)}`),
    });
    let listening: Listening;
    try {
      listening = await proxy.listen();
    } catch (e) {
      await proxy.close();
      throw new Error(`the Ingress Lab proxy cannot listen on 127.0.0.1:${port} (ingressLab.proxy.port): ${(e as Error).message}`);
    }
    const info = { ...listening, ca };
    this.showListening(info);
    await this.reloadInto(proxy);
    return { proxy, info };
  }

  private showListening(info: ProxyInfo): void {
    const https = info.https ? `, https://127.0.0.1:${info.https.port}` : '';
    this.output.info(`proxy listening on http://127.0.0.1:${info.http.port}${https} (CA: ${info.ca.certPath})`);
    // The same listeners the Try panel names: HTTP, and HTTPS for the hosts Ingresses list under tls.
    this.item.text = `$(radio-tower) Proxy :${info.http.port}${info.https ? ` · TLS :${info.https.port}` : ''}`;
    this.item.tooltip = `Ingress Lab proxy on http://127.0.0.1:${info.http.port}${https}\n(trust ${info.ca.certPath} for HTTPS)`;
    this.item.show();
  }

  /** Asks the server for the rules again and hands them to the running proxy. */
  async reload(): Promise<void> {
    if (!this.starting) return;
    await this.reloadInto((await this.starting).proxy);
  }

  private async reloadInto(proxy: IngressProxy): Promise<void> {
    const mine = ++this.generation;
    const res = await this.client.sendRequest(RouteTableRequest, { withTable: true });
    if (mine !== this.generation) return; // a newer reload is on its way
    const routes = tableFromData(res.table ?? { ingresses: [], defaultClass: null, services: [] });
    this.store = routes.store;
    // Both rule sets: the Ingresses with the profile the server chose, and the Gateway API set ("Try both").
    proxy.updateRoutes(routes.table, { gateway: routes.gateway, profile: routes.profile });
    this.profileId = routes.profile?.id;
    this.table = routes.table;
    this.reloaded.fire(routes.table.ingresses.length);
  }

  /** The mappings as the setting is now (read on every request: a change event may come later). */
  private readMap(report: boolean): LocalMapResolver {
    const raw = vscode.workspace.getConfiguration('ingressLab').get('proxy.map');
    const key = JSON.stringify(raw ?? null);
    if (key === this.mapKey && !report) return this.locals;
    this.mapKey = key;
    const { mappings, errors } = parseProxyMap(raw);
    this.mapErrors = errors;
    this.locals = new LocalMapResolver(mappings, servicePorts(() => this.store).aliases, (key) => `map it in ${MAP_SETTING}: "${key}": "http://127.0.0.1:PORT"`);
    if (!report || errors.length === 0) return this.locals;
    for (const e of errors) this.output.warn(e);
    void warnRefused(errors, {
      warn: (message, ...actions) => vscode.window.showWarningMessage(message, ...actions),
      openSettings: () => vscode.commands.executeCommand('workbench.action.openSettings', MAP_SETTING),
      showOutput: () => this.output.show(true),
    });
    return this.locals;
  }

  /** The rule the proxy's current table uses for a request (undefined: none), as its X-Ingress-Lab-Route header would say. */
  ruleFor(host: string, path: string): string | undefined {
    return this.table ? decide(this.table, host, path).rule : undefined;
  }

  /** Why the mapping written for `key` ("ns/svc:port") was refused, if one was. */
  refusedMapping(key: string): string | undefined {
    this.readMap(false);
    return this.mapErrors.find((e) => e.includes(`"${key}"`));
  }

  /** The workspace defines the target's Service, without that port. */
  portMissing(target: ServiceTarget): boolean {
    return servicePorts(() => this.store).portNameOf(target) === undefined;
  }

  /** Does the running proxy serve this host over HTTPS (an Ingress lists it under tls)? */
  async servesTls(host: string): Promise<boolean> {
    return this.starting ? (await this.starting).proxy.servesTls(host) : false;
  }

  /** The port-forward a pod upstream (`pod ns/name:port`, as X-Ingress-Lab-Upstream says) was last reached through. */
  forwardOf(label: string): PodForward | undefined {
    return this.pods.forwardOf(label);
  }

  private async restart(): Promise<void> {
    const old = this.starting;
    this.starting = undefined;
    await old?.then((p) => p.proxy.close(), () => undefined);
    await this.ensureStarted().catch((e: Error) => this.output.error(e.message));
  }

  async dispose(): Promise<void> {
    for (const s of this.subs) s.dispose();
    this.item.dispose();
    this.reloaded.dispose();
    const p = this.starting;
    this.starting = undefined;
    await p?.then((x) => x.proxy.close(), () => undefined);
  }
}
