// A raw TCP upstream for the proxy's HTTP/1.1 client tests: it reads each request's exact
// bytes (head and body as framed on the wire), counts connections, and answers with the
// bytes a test writes itself, so a test can send what node:http would never send.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  /** The request head as received (latin1), without its final empty line. */
  head: string;
  /** The body bytes as framed on the wire (chunked framing included). */
  body: Buffer;
  /** Which connection (1, 2, ...) carried it. */
  conn: number;
}

/** Answers a request by writing to its socket; `early`: called on the head, before the body arrived. */
export type Answer = (req: RawRequest, socket: Socket) => void;

export interface RawUpstream {
  port: number;
  url: string;
  requests: RawRequest[];
  /** Connections accepted so far. */
  connections(): number;
  /** Resolves when the n-th connection (1-based) has closed. */
  closed(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Where the body of a request with this head ends in `buf` (head ends at `start`), or -1 while incomplete. */
function bodyEnd(head: string, buf: Buffer, start: number): number {
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) return buf.length - start >= Number(length[1]) ? start + Number(length[1]) : -1;
  if (!/\r\ntransfer-encoding: *chunked/i.test(head)) return start;
  for (let at = start; at < buf.length;) {
    const line = buf.indexOf('\r\n', at);
    if (line < 0) return -1;
    const size = parseInt(buf.toString('latin1', at, line), 16);
    if (size === 0) return buf.length >= line + 4 ? line + 4 : -1; // no trailers from the proxy
    at = line + 2 + size + 2;
  }
  return -1;
}

function serve(socket: Socket, conn: number, requests: RawRequest[], answer: Answer, early: boolean): void {
  let buf = Buffer.alloc(0);
  let answered: RawRequest | undefined;
  socket.on('error', () => undefined);
  socket.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const headEnd = buf.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = buf.toString('latin1', 0, headEnd);
      const [method = '', path = ''] = head.split(' ');
      const partial = { method, path, head, body: buf.subarray(headEnd + 4), conn };
      if (early && answered?.head !== head) answer((answered = partial), socket);
      const end = bodyEnd(head, buf, headEnd + 4);
      if (end < 0) return;
      const req = { ...partial, body: Buffer.from(buf.subarray(headEnd + 4, end)) };
      requests.push(req);
      buf = buf.subarray(end);
      if (!early) answer(req, socket);
      answered = undefined;
    }
  });
}

/** A raw upstream on 127.0.0.1 answering each request with `answer` (on its head when `early`). */
export async function rawUpstream(answer: Answer, early = false): Promise<RawUpstream> {
  const requests: RawRequest[] = [];
  const sockets: Socket[] = [];
  const closes: Promise<void>[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    closes.push(new Promise((r) => socket.once('close', () => r())));
    serve(socket, sockets.length, requests, answer, early);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => sockets.length,
    closed: (n) => closes[n - 1]!,
    close: () => new Promise((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

/** A response with a Content-Length body (latin1 text). */
export function respond(status: string, body: string, fields = ''): string {
  return `HTTP/1.1 ${status}\r\n${fields}content-length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`;
}
