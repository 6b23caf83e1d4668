// The editor proxy's way to cluster pods: an UpstreamResolver that asks the language server
// (ingressLab/openUpstream) for a ready pod of the Service and connects to the loopback
// port-forward the server answers. It connects nowhere but loopback: an answer naming another
// address is refused. A connection the server's relay closes before the pod said anything is
// explained by the server (ingressLab/upstreamFailure): "refused", or the API server's words.
// Pure Node: no 'vscode' (see server/src/lsp/upstreams.ts for why the server opens the forward).
import { connect as tcpConnect, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { OpenUpstreamParams, OpenUpstreamResult, UpstreamFailureParams, UpstreamFailureResult } from '../../server/src/protocol';
import { isLoopbackHost } from '../../server/src/proxy/local-map';
import type { Resolution, ServiceTarget, UpstreamResolver } from '../../server/src/proxy/upstream';

export interface UpstreamServer {
  open(p: OpenUpstreamParams): Promise<OpenUpstreamResult>;
  failure(p: UpstreamFailureParams): Promise<UpstreamFailureResult>;
}

/** A pod the proxy sent a request to: what the Try panel says answered, and through what. */
export interface PodForward {
  label: string;
  /** `127.0.0.1:PORT`: the language server's port-forward listener. */
  via: string;
}

/** A duplex over a loopback socket that, when the socket ends before any byte arrived, fails with the reason the server gives. */
class RelayedStream extends Duplex {
  private answered = false;
  private settled = false;

  constructor(private readonly socket: Socket, private readonly why: () => Promise<Error>) {
    super();
    this.on('error', () => undefined); // the HTTP client may have let go of the stream already
    socket.on('data', (d: Buffer) => {
      this.answered = true;
      if (!this.push(d)) socket.pause();
    });
    socket.on('end', () => this.finishRead());
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.finishRead());
  }

  private finishRead(): void {
    if (this.settled) return;
    if (this.answered) {
      this.settled = true;
      this.push(null);
    } else this.fail(undefined);
  }

  private fail(e: Error | undefined): void {
    if (this.settled) return;
    this.settled = true;
    if (this.answered && e) return void this.destroy(e);
    void this.why().then((why) => this.destroy(why), () => this.destroy(e ?? new Error('closed the connection before answering')));
  }

  override _read(): void { this.socket.resume(); }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void { this.socket.write(chunk, cb); }
  override _final(cb: (e?: Error | null) => void): void { this.socket.end(); cb(); }
  override _destroy(err: Error | null, cb: (e?: Error | null) => void): void { this.socket.destroy(); cb(err); }
}

function openLoopback(host: string, port: number, server: UpstreamServer, report: (reason: string) => void): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, host, () => {
      socket.off('error', reject);
      const clientPort = socket.localPort ?? 0;
      resolve(new RelayedStream(socket, async () => {
        const f = await server.failure({ port, clientPort });
        report(f.reason ?? 'the port-forward closed before the pod answered');
        const e = new Error(f.reason ?? 'closed the connection before answering') as Error & { code?: string };
        if (f.refused) e.code = 'ECONNREFUSED';
        return e;
      }));
    });
    socket.once('error', (e) => {
      report(`cannot connect to the language server's port-forward at ${host}:${port}: ${e.message}`);
      reject(e);
    });
  });
}

export class ServerPodResolver implements UpstreamResolver {
  private readonly forwards = new Map<string, PodForward>();

  /** `log`: one line per failed pod connection, in the API server's or kubelet's words. */
  constructor(private readonly server: UpstreamServer, private readonly log: (line: string) => void = () => undefined) {}

  async resolve(target: ServiceTarget, avoid: ReadonlySet<string> = new Set()): Promise<Resolution> {
    let r: OpenUpstreamResult;
    try {
      r = await this.server.open({ ...target, avoid: [...avoid] });
    } catch (e) {
      return { ok: false, status: 503, reason: `the language server, which reaches the cluster, did not answer: ${(e as Error).message}` };
    }
    if (!r.ok) return r;
    if (!isLoopbackHost(r.host)) return { ok: false, status: 502, reason: `the language server answered ${r.host}, not a loopback address: refused` };
    const via = `${r.host}:${r.port}`;
    this.forwards.set(r.label, { label: r.label, via });
    return { ok: true, upstream: { label: r.label, connect: () => openLoopback(r.host, r.port, this.server, (why) => this.log(`${r.label}: ${why}`)) } };
  }

  /** The port-forward a pod upstream was last reached through. */
  forwardOf(label: string): PodForward | undefined {
    return this.forwards.get(label);
  }
}
