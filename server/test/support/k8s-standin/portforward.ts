// The pod port-forward endpoint: a WebSocket speaking v4.channel.k8s.io. Channel 0 carries
// data, channel 1 errors; the server's first frame on each channel is the 2-byte little-endian
// port. Each (pod, port) is wired to a local TCP server standing in for the container.
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export class PortForwardEndpoint {
  /** `ns/pod:port` → local TCP port. */
  readonly targets = new Map<string, number>();
  private readonly wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('v4.channel.k8s.io') ? 'v4.channel.k8s.io' : false),
  });

  handle(req: IncomingMessage, socket: Duplex, head: Buffer, namespace: string, pod: string, port: number): void {
    const local = this.targets.get(`${namespace}/${pod}:${port}`);
    if (local === undefined) {
      socket.end(`HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\n\r\n{"kind":"Status","code":404,"message":"pods \\"${pod}\\" not found"}`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.pipe(ws, local, port));
  }

  private pipe(ws: WebSocket, local: number, port: number): void {
    const prefix = (channel: number) => Buffer.from([channel, port & 0xff, port >> 8]);
    ws.send(prefix(0));
    ws.send(prefix(1));
    const tcp = connect(local, '127.0.0.1');
    tcp.on('data', (d) => ws.send(Buffer.concat([Buffer.from([0]), d])));
    tcp.on('close', () => ws.close());
    tcp.on('error', (e) => {
      if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([1]), Buffer.from(e.message)]));
      ws.close();
    });
    ws.on('message', (data: Buffer) => {
      if (data.length > 1 && data[0] === 0) tcp.write(data.subarray(1));
    });
    ws.on('close', () => tcp.end());
  }

  close(): void {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
  }
}
