// The embedded proxy: serves the workspace's Ingress rules on HTTP and, for hosts in an
// Ingress's tls section (or an HTTPS listener's hostnames), on HTTPS with a certificate per SNI
// name from the local CA. Every request is routed by the one matcher of the rule set it asks
// for (route-sets.ts: the Ingresses with their profile, or the Gateway API set), then forwarded
// to an upstream the resolver picks. Binds 127.0.0.1 only; updateRoutes() swaps the rules
// without a restart.
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps, Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TlsIndex, type RouteTable } from '../ingress/routing/index';
import { CertificateCache, type CaFiles } from './certs';
import { DecisionCache } from './decisions';
import { rawControllerReply, sendControllerReply } from './controller-action';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import { buildGatewayTable, type GatewayTable } from '../gateway/table';
import { requestTarget, type RequestTarget } from './target';
import { rawRefusal, sendRefusal, type Refusal } from './explain';
import { planRequest, type Plan, type RouteSets } from './plan';
import { gatewayServesTls, type RouteSetId } from './route-sets';
import { failureStatus, failureText, forward } from './forward';
import { UpstreamPools } from './pooled';
import { DEFAULT_TIMEOUTS, type UpstreamTimeouts } from './timeouts';
import { tunnelUpgrade, type UpgradeOutcome } from './upgrade';
import type { UpstreamResolver } from './upstream';

export interface RequestLog {
  method: string;
  host: string;
  path: string;
  status: number;
  rule: string | undefined;
  upstream: string | undefined;
  ms: number;
  /** Why the proxy answered an error itself. */
  reason?: string;
  /** Why a response was cut after its status went to the client (the upstream closed or fell silent). */
  aborted?: string;
}

/** One log line per request (no headers, no query: nothing secret), as `serve` and the editor print it. */
export function requestLogLine(l: RequestLog): string {
  const reason = l.reason ? `(${l.reason})` : '';
  const upstream = l.upstream ? `${l.upstream}${reason && ` ${reason}`}` : reason || '-';
  const status = l.aborted ? `${l.status} aborted` : String(l.status);
  const aborted = l.aborted ? ` (aborted: ${l.aborted})` : '';
  return `${l.method} ${l.host || '(no host)'}${l.path} ${status} ${l.rule ?? 'no rule'} → ${upstream}${aborted} ${l.ms.toFixed(1)}ms`;
}

export interface ProxyOptions {
  resolver: UpstreamResolver;
  /** HTTP port (0: any free port). */
  port?: number;
  /** HTTPS port; HTTPS is served only when this and `ca` are given. */
  httpsPort?: number;
  ca?: CaFiles;
  /** How long to wait on an upstream (defaults: ingress-nginx's). */
  timeouts?: Partial<UpstreamTimeouts>;
  onRequest?: (log: RequestLog) => void;
  /** The controller profile whose redirects, rewrites and canaries the proxy applies (none: the matcher's answer only). */
  profile?: ControllerProfile;
  /** The Gateway API set requests with `X-Ingress-Lab-As: gateway-api` are routed by (none: no HTTPRoute, every such request a 404). */
  gateway?: GatewayTable;
  /** The set of a request without X-Ingress-Lab-As (default: ingress). */
  as?: RouteSetId;
}

/** New rules for updateRoutes: what is left out stays as it was. */
export interface RouteUpdate {
  gateway?: GatewayTable;
  profile?: ControllerProfile;
}

const NO_ROUTES: GatewayTable = buildGatewayTable([], []);

export interface Listening {
  http: AddressInfo;
  https?: AddressInfo;
}

export class IngressProxy {
  private sets: RouteSets;
  private tls: TlsIndex;
  private readonly servers: Server[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly certs: CertificateCache | undefined;
  private readonly timeouts: UpstreamTimeouts;
  private readonly pools: UpstreamPools;

  constructor(table: RouteTable, private readonly opts: ProxyOptions) {
    this.sets = { decisions: new DecisionCache(table), profile: opts.profile, gateway: opts.gateway ?? NO_ROUTES, fallback: opts.as ?? 'ingress' };
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
    this.pools = new UpstreamPools();
    this.tls = new TlsIndex(table.ingresses);
    this.certs = opts.ca ? new CertificateCache(opts.ca) : undefined;
  }

  /** New rules for the next request; connections and listeners stay. */
  updateRoutes(table: RouteTable, more: RouteUpdate = {}): void {
    const { gateway = this.sets.gateway, profile = this.sets.profile } = more;
    this.sets = { ...this.sets, decisions: new DecisionCache(table), gateway, profile };
    this.tls = new TlsIndex(table.ingresses);
  }

  /** Does an Ingress's tls section name this host (or a wildcard one label up), or an HTTPS listener of the Gateway API set? */
  servesTls(host: string): boolean {
    const h = host.toLowerCase();
    return this.tls.covering(h).length > 0 || gatewayServesTls(this.sets.gateway, h);
  }

  async listen(): Promise<Listening> {
    const bind = '127.0.0.1'; // never another interface: the proxy is for this machine only
    const http = await this.start(createHttp(), bind, this.opts.port ?? 0);
    let https: AddressInfo | undefined;
    if (this.opts.httpsPort !== undefined && this.certs) {
      const certs = this.certs;
      const server = createHttps({
        SNICallback: (name, cb) => {
          if (!this.servesTls(name)) return cb(new Error(`no Ingress tls section names ${name}`), undefined);
          certs.contextFor(name).then((ctx) => cb(null, ctx), (e: Error) => cb(e, undefined));
        },
      });
      https = await this.start(server, bind, this.opts.httpsPort);
    }
    return { http, https };
  }

  async close(): Promise<void> {
    const closing = this.servers.map((s) => new Promise<void>((r) => s.close(() => r())));
    for (const s of this.sockets) s.destroy();
    await Promise.all([...closing, this.pools.close()]);
  }

  private async start(server: Server, host: string, port: number): Promise<AddressInfo> {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.onRequest(req, res));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void this.onUpgrade(server, req, socket, head));
    server.on('connection', (s: Socket) => { this.sockets.add(s); s.once('close', () => this.sockets.delete(s)); });
    server.on('secureConnection', (s: Socket) => { this.sockets.add(s); s.once('close', () => this.sockets.delete(s)); });
    server.on('tlsClientError', (_e, s: Socket) => s.destroy());
    // No silent cut at node's default count: target.ts answers 431 past MAX_HEADER_FIELDS
    // (the 16 KiB header size limit still bounds what is read).
    server.maxHeadersCount = 0;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => { server.off('error', reject); resolve(); });
    });
    this.servers.push(server);
    return server.address() as AddressInfo;
  }

  /** The request read (target.ts), its plan on the current rules, and how to log its outcome. */
  private begin(req: IncomingMessage, method: string) {
    const started = performance.now();
    const t = requestTarget(req);
    const request: RequestTarget = t.ok ? t : { host: req.headers.host ?? '', path: req.url ?? '', origin: req.url ?? '' };
    const { host, path } = request;
    // An unreadable request is refused before routing; a routed one is answered, forwarded or refused as planned.
    const plan: Plan = t.ok ? planRequest(this.sets, req, request) : { rule: undefined, refusal: { status: t.status, reason: t.reason }, sent: request };
    const rule = plan.rule;
    const log = (status: number, upstream: string | undefined, reason?: string, aborted?: string) =>
      this.opts.onRequest?.({ method, host, path, status, rule, upstream, ms: performance.now() - started, reason, aborted });
    return { request, plan, log };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { request, plan, log } = this.begin(req, req.method ?? '?');
    const { host, path } = request;
    const { rule, reply, target } = plan;
    if (reply) {
      sendControllerReply(res, reply.answer, rule, reply.who);
      return log(reply.answer.status, undefined, reply.answer.reason);
    }
    if (!target) {
      sendRefusal(res, plan.refusal!, host, path);
      return log(plan.refusal!.status, undefined, plan.refusal!.reason);
    }
    try {
      const out = await forward(req, res, target, { resolver: this.opts.resolver, pools: this.pools, timeouts: this.timeouts, rule, request: plan.sent, reportSent: plan.named });
      if (out.refusal) sendRefusal(res, out.refusal, host, path);
      log(out.refusal?.status ?? out.status, out.upstream, out.refusal?.reason, out.aborted);
    } catch (e) {
      const reason = `internal error: ${(e as Error).message}`;
      sendRefusal(res, { status: 502, rule, reason }, host, path);
      log(502, undefined, reason);
    }
  }

  private async onUpgrade(server: Server, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { request, plan, log } = this.begin(req, `${req.method ?? '?'} (upgrade)`);
    const { rule, reply, target } = plan;
    socket.on('error', () => socket.destroy());
    const refuse = (status: Refusal['status'], reason: string, upstream?: string) => {
      socket.end(rawRefusal({ status, reason, rule }, request.host, request.path));
      log(status, upstream, reason);
    };
    if (reply) {
      socket.end(rawControllerReply(reply.answer, rule, reply.who));
      return log(reply.answer.status, undefined, reply.answer.reason);
    }
    if (!target) return refuse(plan.refusal!.status, plan.refusal!.reason);
    const r = await this.opts.resolver.resolve(target);
    if (!r.ok) return refuse(r.status, r.reason);
    let out: UpgradeOutcome;
    try {
      out = await tunnelUpgrade(req, socket, head, r.upstream, { timeouts: this.timeouts, rule, request: plan.sent, reportSent: plan.named });
    } catch (e) {
      if (socket.destroyed) return log(499, r.upstream.label);
      this.opts.resolver.failed?.(target, r.upstream);
      return refuse(failureStatus(e as Error), failureText(r.upstream, e as Error), r.upstream.label);
    }
    log(out.status, r.upstream.label);
    if (!out.tunnel) this.parseAgain(server, socket, head);
  }

  /** The upstream declined an upgrade: what follows on the connection is HTTP again, routed and logged like any request. */
  private parseAgain(server: Server, socket: Duplex, head: Buffer): void {
    if (socket.destroyed) return;
    if (head.length) socket.unshift(head);
    server.emit(server instanceof HttpsServer ? 'secureConnection' : 'connection', socket);
  }
}
