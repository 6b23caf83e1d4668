// Connections to a pod's port through the API server's port-forward endpoint, on
// client-node's PortForward (WebSocket, v4.channel.k8s.io). connect() gives one duplex
// stream per connection, ready for an HTTP client's createConnection; listen() exposes a
// pod port on a local TCP port, like `kubectl port-forward`.
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Duplex, PassThrough, Writable } from 'node:stream';
import { PortForward, type KubeConfig } from '@kubernetes/client-node';
import { CREDENTIALS_FAILED, CredentialError } from './http';

export interface PodPort {
  namespace: string;
  pod: string;
  port: number;
}

export class PortForwarder {
  private readonly pf: PortForward;

  constructor(private readonly kc: KubeConfig) {
    this.pf = new PortForward(kc, true);
  }

  /** A duplex stream to the pod's port. Rejects when the API server refuses the connection. */
  async connect(target: PodPort): Promise<Duplex> {
    const fromPod = new PassThrough();
    const toPod = new PassThrough();
    const stream = Duplex.from({ readable: fromPod, writable: toPod });
    const errors = new Writable({
      write(chunk: Buffer, _enc, done) {
        // The error channel's first frame is only the port prefix: empty once client-node strips it.
        if (chunk.length > 0) stream.destroy(new Error(`port-forward to ${target.namespace}/${target.pod}:${target.port}: ${chunk.toString('utf8')}`));
        done();
      },
    });
    try {
      // Credentials first: a failing exec plugin's error would carry its output (tokens too).
      await this.kc.applyToHTTPSOptions({});
    } catch {
      throw new CredentialError(CREDENTIALS_FAILED);
    }
    const ws = await this.pf.portForward(target.namespace, target.pod, [target.port], fromPod, errors, toPod) as unknown as {
      on?: (ev: string, cb: () => void) => void; addEventListener?: (ev: string, cb: () => void) => void; close(): void;
    };
    const closed = () => fromPod.end();
    if (ws.on) ws.on('close', closed);
    else ws.addEventListener?.('close', closed);
    stream.on('close', () => ws.close());
    return stream;
  }

  /** Listens on 127.0.0.1 (port 0: any free port); each accepted connection is forwarded to the pod. */
  async listen(target: PodPort, localPort = 0): Promise<{ port: number; server: Server; close(): Promise<void> }> {
    const server = createServer((socket) => {
      this.connect(target).then((pod) => {
        socket.pipe(pod).pipe(socket);
        socket.on('error', () => pod.destroy());
        pod.on('error', () => socket.destroy());
      }, () => socket.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(localPort, '127.0.0.1', () => resolve());
    });
    return {
      port: (server.address() as AddressInfo).port,
      server,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }
}
