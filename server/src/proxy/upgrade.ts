// WebSocket (any HTTP/1.1 Upgrade) pass-through. The handshake goes upstream with the
// proxy headers added; only a 101 Switching Protocols makes a tunnel, in which bytes flow
// both ways untouched until either side closes. Any other answer means the upstream
// declined the upgrade and the connection stays HTTP/1.1 (RFC 9110 §7.8): the answer is
// relayed as a normal response and the proxy goes on parsing (and routing, and logging)
// the requests that follow on the same connection.
import { request, ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { endToEnd, upstreamHeaders } from './headers';
import { proxyHeaders, StreamAgent, type ForwardContext } from './forward';
import { armTimeouts, connectWithin } from './timeouts';
import type { Upstream } from './upstream';

export interface UpgradeOutcome {
  status: number;
  /** True for a 101: the connection is now the upstream's. False: the caller parses what follows as HTTP again. */
  tunnel: boolean;
}

/** The 101 as the upstream sent it (its raw header lines), plus the proxy's headers. */
function switchingHead(up: IncomingMessage, extra: Record<string, string>): string {
  const lines: string[] = [];
  for (let i = 0; i < up.rawHeaders.length; i += 2) lines.push(`${up.rawHeaders[i]}: ${up.rawHeaders[i + 1]}`);
  for (const [k, v] of Object.entries(extra)) lines.push(`${k}: ${v}`);
  return `HTTP/1.1 101 ${up.statusMessage || 'Switching Protocols'}\r\n${lines.join('\r\n')}\r\n\r\n`;
}

function splice(client: Duplex, upSocket: Duplex, clientHead: Buffer, upHead: Buffer): void {
  if (upHead.length) client.write(upHead);
  if (clientHead.length) upSocket.write(clientHead);
  upSocket.pipe(client);
  client.pipe(upSocket);
  const end = () => { upSocket.destroy(); client.destroy(); };
  for (const s of [client, upSocket]) {
    s.on('error', end);
    s.once('close', end);
  }
}

/** A declined upgrade's answer, written on the client connection as an ordinary response; resolves once it is sent. */
function relayAnswer(req: IncomingMessage, client: Duplex, up: IncomingMessage, extra: Record<string, string>): Promise<void> {
  const res = new ServerResponse(req);
  res.assignSocket(client as Socket);
  res.writeHead(up.statusCode ?? 502, { ...endToEnd(up.headers), ...extra });
  up.pipe(res);
  return new Promise((resolve, reject) => {
    up.once('error', reject);
    res.once('finish', () => { res.detachSocket(client as Socket); resolve(); });
    client.once('close', () => reject(new Error('the client closed the connection')));
  });
}

/**
 * Sends the upgrade request upstream and answers the client: a tunnel on 101, else the
 * relayed answer. Rejects (nothing sent to the client yet) when the upstream cannot be
 * reached or does not answer in time.
 */
export async function tunnelUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, upstream: Upstream,
  { timeouts: t, rule, request: target, reportSent }: Pick<ForwardContext, 'timeouts' | 'rule' | 'request' | 'reportSent'>): Promise<UpgradeOutcome> {
  const stream = upstream.connect ? await connectWithin(upstream.connect(), t.connectMs) : undefined;
  const base = { method: req.method, path: target.origin, headers: upstreamHeaders(req, target.host, true) };
  const upReq = stream
    ? request({ ...base, agent: new StreamAgent(stream) })
    : request({ ...base, host: upstream.address!.host, port: upstream.address!.port, agent: false });
  const responded = armTimeouts(upReq, t);
  const extra = proxyHeaders({ rule, request: target, reportSent }, upstream);
  const clientGone = () => upReq.destroy();
  client.once('close', clientGone);
  const outcome = new Promise<UpgradeOutcome>((resolve, reject) => {
    upReq.once('upgrade', (up: IncomingMessage, upSocket: Duplex, upHead: Buffer) => {
      responded(); // the connection is now a tunnel: no time-outs
      client.write(switchingHead(up, extra));
      splice(client, upSocket, head, upHead);
      resolve({ status: 101, tunnel: true });
    });
    upReq.once('response', (up: IncomingMessage) => {
      responded(up);
      relayAnswer(req, client, up, extra).then(() => resolve({ status: up.statusCode ?? 502, tunnel: false }), reject);
    });
    upReq.once('error', reject);
  });
  upReq.end();
  try {
    return await outcome;
  } finally {
    client.off('close', clientGone);
  }
}
