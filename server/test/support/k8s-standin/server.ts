// A test-only Kubernetes API server stand-in that the real @kubernetes/client-node talks to
// unchanged: HTTPS with a CA and a bearer token in a kubeconfig, discovery, /version, list
// with resourceVersion, watch streams, a small OpenAPI v3 document, dryRun creates with 422 Status answers, pod
// port-forward, and faults on demand (401, 403 per resource, 410 Gone, ended watches,
// restarts, slow answers).
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { openApi } from './openapi';
import { PortForwardEndpoint } from './portforward';
import { apiVersionOf, discovery, findResource, type StandInResource } from './resources';
import { ResourceStore, type Obj, type Watcher } from './store';
import { servingCert } from './tls';
import { invalidStatus, status, validateIngress } from './validate';

export const STANDIN_VERSION = 'v1.31.0-ingress-lab-standin';

interface Route { res: StandInResource; namespace?: string; name?: string; sub?: string }

export class K8sStandIn {
  readonly store = new ResourceStore();
  readonly portForward = new PortForwardEndpoint();
  readonly token = `standin-${Math.random().toString(36).slice(2)}`;
  /** Every request as `METHOD path?query`, for asserting what the client did. */
  readonly requests: string[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly streams = new Set<ServerResponse>();
  private readonly forbidden = new Map<string, 'all' | 'cluster-scope'>();
  private goneOnce = new Set<string>();
  private rejectAll = false;
  private delayMs = 0;
  private webhookDenial: string | undefined;
  private holdWatchHeaders = false;
  port = 0;
  caPem = '';

  async start(port = 0): Promise<void> {
    const cert = await servingCert();
    this.caPem = cert.caPem;
    const server = createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => void this.onRequest(req, res));
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
  }

  /** Stops listening and cuts every connection (watches included), like a crashed API server. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const r of this.streams) r.destroy();
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** An API server restart: connections cut, the same port back, the objects kept. */
  async restart(downMs = 0): Promise<void> {
    await this.stop();
    if (downMs) await new Promise((r) => setTimeout(r, downMs));
    await this.start(this.port);
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** A kubeconfig for this server; `exec` authenticates through an exec credential plugin instead of a token. */
  kubeconfig(opts: { context?: string; namespace?: string; token?: string; exec?: { command: string; args: string[] } } = {}): string {
    const ctx = opts.context ?? 'standin';
    const user = opts.exec
      ? ['    exec:', '      apiVersion: client.authentication.k8s.io/v1', `      command: ${JSON.stringify(opts.exec.command)}`,
        `      args: ${JSON.stringify(opts.exec.args)}`, '      interactiveMode: Never',
        '      env: [{name: STANDIN_TOKEN, value: ' + JSON.stringify(opts.token ?? this.token) + '}]']
      : [`    token: ${opts.token ?? this.token}`];
    return [
      'apiVersion: v1', 'kind: Config',
      'clusters:', `- name: ${ctx}-cluster`, '  cluster:', `    server: ${this.url}`,
      `    certificate-authority-data: ${Buffer.from(this.caPem).toString('base64')}`,
      'users:', `- name: ${ctx}-user`, '  user:', ...user,
      'contexts:', `- name: ${ctx}`, '  context:', `    cluster: ${ctx}-cluster`, `    user: ${ctx}-user`,
      `    namespace: ${opts.namespace ?? 'default'}`,
      `current-context: ${ctx}`, '',
    ].join('\n');
  }

  // ---- faults ------------------------------------------------------------------------
  /** RBAC: list/watch/get/create of this resource answer 403 (everywhere, or only across all namespaces). */
  forbid(plural: string, where: 'all' | 'cluster-scope' = 'all'): void { this.forbidden.set(plural, where); }
  allow(plural: string): void { this.forbidden.delete(plural); }
  rejectCredentials(on: boolean): void { this.rejectAll = on; }
  slow(ms: number): void { this.delayMs = ms; }
  /** The next watch of this resource answers 410 Gone (then the client must relist). */
  goneOnNextWatch(plural: string): void { this.goneOnce.add(plural); }
  /** Ends every open watch stream cleanly (as the API server does at its watch time-out). */
  endWatches(): void { for (const r of this.streams) r.end(); }
  denyByWebhook(message: string | undefined): void { this.webhookDenial = message; }
  /** Watches send no headers until their first event, as a buffering proxy in front of the API server would. */
  bufferWatchHeaders(on: boolean): void { this.holdWatchHeaders = on; }
  get openWatches(): number { return this.streams.size; }

  // ---- request handling --------------------------------------------------------------
  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs).unref());
    if (this.rejectAll || req.headers.authorization !== `Bearer ${this.token}`) {
      return send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/version') return send(res, 200, { major: '1', minor: '31', gitVersion: STANDIN_VERSION, platform: 'linux/amd64' });
    const spec = openApi(url.pathname);
    if (spec) return send(res, 200, spec);
    const disc = discovery(parts);
    if (disc) return send(res, 200, disc);
    const route = parseRoute(parts);
    if (!route) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const verb = req.method === 'GET' ? (route.name ? 'get' : url.searchParams.get('watch') === 'true' ? 'watch' : 'list')
      : req.method === 'DELETE' ? 'delete' : 'create';
    const rbac = this.forbidden.get(route.res.plural);
    if (rbac === 'all' || (rbac === 'cluster-scope' && !route.namespace)) return send(res, 403, forbiddenStatus(route, verb));
    if (verb === 'watch') return this.watch(route, url, res);
    if (verb === 'list') return this.list(route, url, res);
    if (verb === 'get') {
      const o = this.store.get(route.res.plural, route.namespace, route.name!);
      return o ? send(res, 200, o) : send(res, 404, notFound(route));
    }
    if (verb === 'delete') {
      return this.store.delete(route.res.plural, route.namespace, route.name!) ? send(res, 200, status(200, '', 'deleted')) : send(res, 404, notFound(route));
    }
    const body = await readJson(req);
    if (req.method === 'POST' && body?.metadata?.name && this.store.get(route.res.plural, route.namespace, body.metadata.name)) {
      return send(res, 409, status(409, 'AlreadyExists', `${route.res.plural}.${route.res.group} "${body.metadata.name}" already exists`));
    }
    return this.create(route, url, body, res);
  }

  private list(route: Route, url: URL, res: ServerResponse): void {
    const items = this.store.list(route.res.plural, route.namespace).filter(fieldFilter(url.searchParams.get('fieldSelector')));
    send(res, 200, {
      kind: `${route.res.kind}List`, apiVersion: apiVersionOf(route.res),
      metadata: { resourceVersion: String(this.store.resourceVersion) },
      items: items.map((o) => ({ ...o, apiVersion: undefined, kind: undefined })),
    });
  }

  private watch(route: Route, url: URL, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    if (!this.holdWatchHeaders) res.flushHeaders(); // as kube-apiserver does: the client knows the watch is open before any event
    const rv = Number(url.searchParams.get('resourceVersion') || this.store.resourceVersion);
    const backlog = this.goneOnce.delete(route.res.plural) ? undefined : this.store.since(route.res.plural, rv);
    if (!backlog) {
      const gone = status(410, 'Expired', `too old resource version: ${rv} (${this.store.resourceVersion})`);
      res.end(JSON.stringify({ type: 'ERROR', object: gone }) + '\n');
      return;
    }
    const filter = fieldFilter(url.searchParams.get('fieldSelector'));
    const w: Watcher = {
      plural: route.res.plural,
      matches: (o) => (!route.namespace || o.metadata.namespace === route.namespace) && filter(o),
      send: (e) => !res.writableEnded && !res.destroyed && res.write(JSON.stringify({ type: e.type, object: { apiVersion: apiVersionOf(route.res), kind: route.res.kind, ...e.object } }) + '\n'),
    };
    for (const e of backlog) if (w.matches(e.object)) w.send(e);
    this.store.watchers.add(w);
    this.streams.add(res);
    res.on('close', () => {
      this.store.watchers.delete(w);
      this.streams.delete(res);
    });
  }

  private create(route: Route, url: URL, body: Obj | undefined, res: ServerResponse): void {
    if (!body?.metadata?.name) return send(res, 422, invalidStatus(route.res.kind, route.res.group, '', [{ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }]));
    const name = body.metadata.name;
    const causes = route.res.kind === 'Ingress' ? validateIngress(body) : [];
    if (causes.length) return send(res, 422, invalidStatus(route.res.kind, route.res.group, name, causes));
    if (this.webhookDenial && route.res.kind === 'Ingress') {
      return send(res, 400, status(400, 'BadRequest', `admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: ${this.webhookDenial}`));
    }
    const obj = { ...body, metadata: { ...body.metadata, namespace: route.res.namespaced ? route.namespace : undefined } };
    if (url.searchParams.get('dryRun') === 'All') return send(res, 201, obj);
    send(res, 201, this.store.upsert(route.res.plural, obj));
  }

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const url = new URL(req.url ?? '/', this.url);
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward$/.exec(url.pathname);
    this.requests.push(`UPGRADE ${url.pathname}${url.search}`);
    if (!m || req.headers.authorization !== `Bearer ${this.token}`) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    this.portForward.handle(req, socket, head, m[1]!, m[2]!, Number(url.searchParams.get('ports')));
  }
}

function parseRoute(parts: string[]): Route | undefined {
  const [group, version, rest] = parts[0] === 'api' ? ['', parts[1], parts.slice(2)] : parts[0] === 'apis' ? [parts[1], parts[2], parts.slice(3)] : [];
  if (version === undefined || !rest) return undefined;
  let namespace: string | undefined;
  let r = rest;
  if (r[0] === 'namespaces' && r.length >= 3) {
    namespace = r[1];
    r = r.slice(2);
  }
  const res = findResource(group!, version, r[0] ?? '');
  return res ? { res, namespace, name: r[1], sub: r[2] } : undefined;
}

function fieldFilter(sel: string | null): (o: Obj) => boolean {
  if (!sel) return () => true;
  const terms = sel.split(',').map((t) => t.split('='));
  return (o) => terms.every(([k, v]) => (k === 'metadata.name' ? o.metadata.name : k === 'metadata.namespace' ? o.metadata.namespace : (o as Record<string, unknown>)[k!]) === v);
}

function forbiddenStatus(route: Route, verb: string) {
  const scope = route.namespace ? `in the namespace "${route.namespace}"` : 'at the cluster scope';
  return status(403, 'Forbidden', `${route.res.plural} is forbidden: User "system:serviceaccount:default:ingress-lab" cannot ${verb} resource "${route.res.plural}" in API group "${route.res.group}" ${scope}`, { kind: route.res.plural });
}

function notFound(route: Route) {
  return status(404, 'NotFound', `${route.res.plural} "${route.name}" not found`, { name: route.name, kind: route.res.plural });
}

function send(res: ServerResponse, code: number, body: unknown): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Obj | undefined> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Obj;
  } catch {
    return undefined;
  }
}
