// WebSocket (any HTTP/1.1 Upgrade) pass-through: the handshake goes upstream with the
// proxy headers added, then bytes flow both ways untouched until either side closes.
import { connect as tcpConnect } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { originForm } from './decide';
import { upstreamHeaders } from './headers';
import type { Upstream } from './upstream';

function openStream(upstream: Upstream): Promise<Duplex> {
  if (upstream.connect) return upstream.connect();
  const { host, port } = upstream.address!;
  return new Promise((resolve, reject) => {
    const s = tcpConnect(port, host, () => { s.off('error', reject); resolve(s); });
    s.once('error', reject);
  });
}

function requestHead(req: IncomingMessage): string {
  const headers = upstreamHeaders(req, true);
  const lines = Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}: ${String(x)}`));
  return `${req.method} ${originForm(req.url)} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** Tunnels an upgrade; resolves with the upstream's status code once its answer starts. */
export async function tunnelUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, upstream: Upstream): Promise<number> {
  const up = await openStream(upstream);
  up.on('error', () => up.destroy()); // every later error ends in 'close', handled below
  up.write(requestHead(req));
  if (head.length) up.write(head);
  const status = await new Promise<number>((resolve, reject) => {
    const closed = () => reject(new Error('closed the connection before answering'));
    up.once('error', (e) => { up.destroy(); reject(e); });
    const clientGone = () => up.destroy();
    up.once('close', closed);
    client.once('close', clientGone);
    up.once('data', (chunk: Buffer) => {
      up.off('close', closed);
      client.off('close', clientGone);
      client.write(chunk);
      up.pipe(client);
      client.pipe(up);
      resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(chunk.toString('latin1'))?.[1] ?? 0));
    });
  });
  const end = () => { up.destroy(); client.destroy(); };
  up.once('error', end);
  client.once('error', end);
  up.once('close', end);
  client.once('close', end);
  return status;
}
