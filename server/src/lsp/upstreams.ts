// `ingressLab/openUpstream` and `ingressLab/upstreamFailure`: the language server picks a ready
// pod of a Service and opens a port-forward to it for the editor's proxy.
//
// DESIGN (issue 9): how the proxy in the extension host reaches cluster pods. The language
// server already holds the window's one cluster connection (kubeconfig and credentials read
// once, informers for EndpointSlices and Services, a PortForwarder). Rather than giving the
// extension host a second client-node, second informers and a second credential read, the
// proxy asks the server for an upstream: the server resolves the Service port as a controller
// does (Service port number or name → the Service's port name → the EndpointSlices' ready pods
// and their container ports, which the endpoints controller resolved from targetPort, named or
// not), round-robins over the ready pods (PodResolver, passing over pods that just failed), and
// answers a 127.0.0.1 port where it relays each connection through a fresh port-forward stream
// (LoopbackRelays, like `kubectl port-forward`). The proxy connects only there: it never
// connects anywhere but loopback. A relay that fails before the pod answered remembers why, so
// the proxy can say "pod ns/name:port refused the connection" instead of "socket hang up".
// Streams could not cross the LSP pipe without a byte protocol of our own; a loopback socket
// keeps node:http's streaming, backpressure and upgrades as they are.
import type { Connection } from 'vscode-languageserver';
import {
  OpenUpstreamRequest, UpstreamFailureRequest,
  type OpenUpstreamParams, type OpenUpstreamResult, type UpstreamFailureResult,
} from '../protocol';
import { ClusterObjects, type ObjectStore } from '../ingress/store';
import { LoopbackRelays } from '../proxy/loopback-relay';
import { PodResolver, type PodSource } from '../proxy/pods';
import { servicePorts } from '../proxy/service-ports';
import { targetKey } from '../proxy/upstream';
import type { ClusterSource } from './cluster-source';
import { guard, guardAsync } from './features';

/** pods.ts labels a pod upstream `pod NS/NAME:PORT`. */
const POD_LABEL = /^pod ([^/]+)\/(.+):(\d+)$/;

export class UpstreamOpener {
  private source: ClusterSource | undefined;
  private pods: PodResolver | undefined;
  private relays = new LoopbackRelays();

  constructor(private readonly cluster: () => ClusterSource) {}

  async open(p: OpenUpstreamParams): Promise<OpenUpstreamResult> {
    const target = { namespace: p.namespace, service: p.service, port: p.port };
    const pods = await this.resolver();
    if (typeof pods === 'string') return { ok: false, status: 503, reason: `Service ${targetKey(target)} cannot reach pods: ${pods}` };
    const r = pods.resolve(target, new Set(p.avoid ?? []));
    if (!r.ok) return r;
    const m = POD_LABEL.exec(r.upstream.label);
    if (!m || !r.upstream.connect) return { ok: false, status: 502, reason: `unexpected upstream ${r.upstream.label}` };
    const port = await this.relays.open(r.upstream.label, r.upstream.connect);
    return { ok: true, label: r.upstream.label, namespace: m[1]!, pod: m[2]!, podPort: Number(m[3]), host: '127.0.0.1', port };
  }

  failure(port: number, clientPort: number): UpstreamFailureResult {
    return this.relays.failure(port, clientPort) ?? {};
  }

  /** The pod resolver of the current cluster connection (new relays when it changed), or why there is none. */
  private async resolver(): Promise<PodResolver | string> {
    const source = this.cluster();
    const status = source.status();
    if (status.state !== 'connected') return status.message;
    const connect = source.api?.connectPod;
    const facts = source.current().facts as Partial<PodSource> | undefined;
    if (!connect || !facts?.podTargets) return `${status.source ?? 'this cluster source'} has no port-forward (a snapshot, not a live cluster)`;
    if (source !== this.source || !this.pods) {
      await this.relays.close();
      this.relays = new LoopbackRelays((label) => this.pods?.failed({ namespace: '', service: '', port: 0 }, { label }));
      this.source = source;
      const objects = (): ObjectStore => source.current().objects ?? new ClusterObjects();
      const podSource: PodSource = { podTargets: (ns, svc, port) => (source.current().facts as Partial<PodSource> | undefined)?.podTargets?.(ns, svc, port) ?? [] };
      this.pods = new PodResolver(podSource, { connect }, servicePorts(objects).portNameOf);
    }
    return this.pods;
  }

  dispose(): Promise<void> {
    return this.relays.close();
  }
}

export function registerUpstreams(connection: Connection, cluster: () => ClusterSource, log: (m: string) => void): UpstreamOpener {
  const opener = new UpstreamOpener(cluster);
  connection.onRequest(OpenUpstreamRequest, guardAsync(log, 'openUpstream',
    { ok: false, status: 502, reason: 'the language server could not open a port-forward (see its log)' } as OpenUpstreamResult, (p) => opener.open(p)));
  connection.onRequest(UpstreamFailureRequest, guard(log, 'upstreamFailure', {}, (p) => opener.failure(p.port, p.clientPort)));
  return opener;
}
