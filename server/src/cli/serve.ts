// `ingress-lab serve [PATH...]`: the embedded proxy on the workspace's Ingress rules, to
// local URLs (--map) and/or the Services' ready pods (--cluster). Reloads the rules when
// the files change; one log line per request (no headers, no query: nothing secret).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { profileSetting } from './route-profile';
import { PortForwarder } from '../cluster/port-forward';
import type { ObjectStore } from '../ingress/store';
import {
  chainResolvers, IngressProxy, LocalMapResolver, loadOrCreateCa, MappingError, parseMapping, PodResolver, requestLogLine, servicePorts,
  type Listening, type LocalMapping, type UpstreamResolver,
} from '../proxy/index';
import { normalizeClusterArgs, type OpenCluster } from './cluster-source';
import { UsageError } from './files';
import type { CliIO } from './io';
import { watchPaths } from './watch';
import { loadProject, reloadFiles } from './workspace';
import type { Project } from '../engine/index';
import { gatewayTableOfObjects } from '../gateway/table';
import type { RouteTable } from '../ingress/routing/index';
import type { ProfileSetting } from '../ingress/routing/profiles/types';
import { ROUTE_SETS, type RouteSetId } from '../proxy/route-sets';

export const SERVE_USAGE = `usage: ingress-lab serve [PATH...] [--port N] [--https-port N] [--map NS/SVC:PORT=http://127.0.0.1:PORT ...] [--cluster [--context NAME]] [--namespace NS] [--no-https] [--ca-dir DIR] [--profile auto|spec-only|ingress-nginx] [--as ingress|gateway-api] [--connect-timeout S] [--headers-timeout S] [--idle-timeout S]

Serves the Ingress rules in files or folders (default ".") on 127.0.0.1 as a local proxy:
each request is routed as "ingress-lab route" says, then forwarded to a local URL the Service
is mapped to (--map, loopback addresses only; the port as the backend writes it, number or
name) or, with --cluster, to a ready pod of the Service through a port-forward (round-robin).
Hosts named in an Ingress's tls section are also served over HTTPS (--https-port, default
8443; --no-https turns it off) with certificates from a local CA kept in --ca-dir (default
~/.local/share/ingress-lab/ca; trust its ca.pem). Rules reload when the files change.
Every 404/502/503 says why in its body and in X-Ingress-Lab-Reason; X-Ingress-Lab-Route
names the rule used; an upstream that takes too long gets a 504: --connect-timeout (default
5 s), --headers-timeout (60 s), --idle-timeout (60 s of silence mid-response), ingress-nginx's
defaults. --port defaults to 8080 (0, here and for --https-port: any free port).
With the ingress-nginx profile (--profile; auto picks it for an IngressClass with controller
k8s.io/ingress-nginx or nginx.ingress.kubernetes.io/* annotations) the proxy also does what the
controller does: ssl-redirect, app-root and redirect annotations are answered, rewrite-target
changes the path sent upstream, canary Ingresses take their share.
The same listeners also serve the Gateway API set: the Ingresses converted as "ingress-lab
convert --to gateway-api" writes them, plus the HTTPRoutes and Gateways in the files (one with
the name of a converted route replaces it), with the Gateway API's precedence, hostnames and
filters. A request with the header "X-Ingress-Lab-As: gateway-api" (or "ingress") is routed by
that set (the header is not passed upstream); --as gateway-api makes it the default.
Runs until Ctrl-C (exit 0); exit 2 on a usage or I/O error (a bad --map, a port in use).`;

function portOption(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`${name} must be a port number (0-65535), not "${v}"`);
  return n;
}

/** A time-out in seconds (fractions allowed) as milliseconds; undefined keeps the default. */
function secondsOption(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new UsageError(`${name} must be a number of seconds (0-3600], not "${v}"`);
  return Math.round(n * 1000);
}

function defaultCaDir(): string {
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'ingress-lab', 'ca');
}

export interface Serving {
  listening: Listening;
  proxy: IngressProxy;
  close(): Promise<void>;
}

function serveOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: normalizeClusterArgs(argv),
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'https-port': { type: 'string' },
      map: { type: 'string', multiple: true, default: [] },
      cluster: { type: 'boolean' },
      'cluster-optional': { type: 'boolean' },
      context: { type: 'string' },
      namespace: { type: 'string', short: 'n' },
      'ca-dir': { type: 'string' },
      'no-https': { type: 'boolean' },
      profile: { type: 'string', default: 'auto' },
      as: { type: 'string', default: 'ingress' },
      'connect-timeout': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'idle-timeout': { type: 'string' },
    },
  });
  let mappings;
  try {
    mappings = values.map!.map(parseMapping);
  } catch (e) {
    if (e instanceof MappingError) throw new UsageError(e.message);
    throw e;
  }
  return {
    paths: positionals, mappings, namespace: values.namespace,
    port: portOption(values.port, '--port', 8080),
    httpsPort: portOption(values['https-port'], '--https-port', 8443),
    caDir: values['no-https'] ? undefined : values['ca-dir'] ?? defaultCaDir(),
    timeouts: {
      connectMs: secondsOption(values['connect-timeout'], '--connect-timeout'),
      headersMs: secondsOption(values['headers-timeout'], '--headers-timeout'),
      idleMs: secondsOption(values['idle-timeout'], '--idle-timeout'),
    },
    cluster: { cluster: values.cluster, clusterOptional: values['cluster-optional'], context: values.context },
    profile: profileSetting(values.profile!),
    as: routeSet(values.as!),
  };
}

/** How many more reads must agree before fewer Ingresses than served are believed (see reload in startServe). */
const RECHECKS = 3;

function routeSet(v: string): RouteSetId {
  if (!(ROUTE_SETS as readonly string[]).includes(v)) throw new UsageError(`--as must be ingress or gateway-api, not "${v}"`);
  return v as RouteSetId;
}

/** The profile and the Gateway API set (converted Ingresses + the files' HTTPRoutes) that go with a route table. */
function routeSets(project: Project, setting: ProfileSetting, table: RouteTable) {
  const { profile, gatewayObjects } = project.servedSets(setting, table);
  return { profile, gateway: gatewayTableOfObjects(gatewayObjects) };
}

/** Log lines written together once per turn of the event loop: one write for many requests under load. */
function batched<T>(out: (text: string) => void, line: (x: T) => string): (x: T) => void {
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('\n');
    pending = [];
    out(text);
  };
  return (x) => {
    if (pending.push(line(x)) === 1) setImmediate(flush);
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function startServe(argv: string[], io: CliIO): Promise<Serving> {
  const { paths, mappings, port, httpsPort, caDir, timeouts, profile: setting, as, ...opts } = serveOptions(argv);
  // One project: the proxy routes with its table (live Ingresses and their creationTimestamps
  // included), so every request goes where `route --cluster` and the editor say it goes.
  const loaded = await loadProject(paths, opts.cluster, opts.namespace, io);
  const { project, cluster } = loaded;
  const resolver = buildResolver(mappings, cluster, () => project.store);
  const ca = caDir !== undefined ? await loadOrCreateCa(caDir) : undefined;
  const first = routeSets(project, setting, project.routeTable());
  const { profile } = first;
  const proxy = new IngressProxy(project.routeTable(), {
    resolver, port, httpsPort: ca ? httpsPort : undefined, ca, ...first, as, timeouts: definedOnly(timeouts), onRequest: batched((t) => io.out(t), requestLogLine),
  });
  let listening: Listening;
  try {
    listening = await proxy.listen();
  } catch (e) {
    await proxy.close();
    cluster?.close();
    throw new UsageError(`cannot listen on 127.0.0.1: ${(e as Error).message}`);
  }
  io.out(`ingress-lab serve: ${project.routeTable().ingresses.length} Ingress(es) from ${loaded.files.length} file(s)`);
  io.out(`controller profile: ${profile.id} (${profile.reason})`);
  io.out(`serving as ${as} by default (X-Ingress-Lab-As: ${as === 'ingress' ? 'gateway-api' : 'ingress'} for the other set); Gateway API set: ${first.gateway.routes.length} HTTPRoute(s)`);
  io.out(`listening on http://127.0.0.1:${listening.http.port}`);
  if (listening.https) io.out(`listening on https://127.0.0.1:${listening.https.port} (TLS hosts only; CA: ${ca!.certPath})`);
  const unsubscribe = cluster?.onChange?.((keys) => {
    project.setCluster({ objects: cluster.objects, facts: cluster.facts }, keys);
    proxy.updateRoutes(project.routeTable(), routeSets(project, setting, project.routeTable()));
  });
  let served = project.routeTable().ingresses.length;
  let recheck: NodeJS.Timeout | undefined;
  const reload = (rechecked = 0) => {
    clearTimeout(recheck);
    try {
      reloadFiles(loaded, paths);
      const table = project.routeTable();
      // Editors truncate a file before writing it: fewer Ingresses than the proxy serves may
      // be a file read mid-write. The proxy keeps its rules until RECHECKS more reads agree,
      // each after another quiet moment (a random one: a writer on a fixed period must not meet
      // every read mid-write; on a busy machine the writer may be descheduled between its
      // truncate and its write, so one more read was seen to meet the empty file again).
      if (rechecked < RECHECKS && table.ingresses.length < served) {
        recheck = setTimeout(() => reload(rechecked + 1), 30 + Math.random() * 140);
        return;
      }
      served = table.ingresses.length;
      proxy.updateRoutes(table, routeSets(project, setting, table));
      io.out(`reloaded: ${served} Ingress(es) from ${loaded.files.length} file(s)`);
    } catch (e) {
      io.err(`reload failed, keeping the previous rules: ${(e as Error).message}`);
    }
  };
  const watcher = watchPaths(paths, () => reload());
  return {
    listening,
    proxy,
    async close() {
      clearTimeout(recheck);
      watcher.close();
      unsubscribe?.();
      await proxy.close();
      cluster?.close();
    },
  };
}

function buildResolver(mappings: LocalMapping[], cluster: OpenCluster | undefined, objects: () => ObjectStore): UpstreamResolver {
  const ports = servicePorts(objects);
  const resolvers: UpstreamResolver[] = [new LocalMapResolver(mappings, ports.aliases)];
  if (cluster?.kc) {
    const clusterPorts = servicePorts(() => cluster.objects);
    resolvers.push(new PodResolver(cluster.facts, new PortForwarder(cluster.kc), clusterPorts.portNameOf));
  }
  return chainResolvers(...resolvers);
}

export async function runServe(argv: string[], io: CliIO): Promise<number> {
  const serving = await startServe(argv, io);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await serving.close();
  return 0;
}
