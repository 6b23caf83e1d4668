// One request through the editor's proxy, as a browser would send it to the Ingress: the lens's
// Host (and SNI name for HTTPS, trusting only the local CA) and path, on the proxy's loopback
// port. Reads at most BODY_LIMIT bytes of the body for the preview. Pure Node: no 'vscode'.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { REASON_HEADER, ROUTE_HEADER, UPSTREAM_HEADER } from '../../server/src/proxy/index';

export const BODY_LIMIT = 16 * 1024;
const TIMEOUT_MS = 15_000;

export interface TryTarget {
  https: boolean;
  /** The proxy's port for that scheme. */
  port: number;
  host: string;
  path: string;
  /** PEM of the local CA (the only certificate trusted for HTTPS). */
  ca?: string;
  /** More request headers (X-Ingress-Lab-As, to pick the rule set). */
  headers?: Record<string, string>;
}

export interface TryResponse {
  status: number;
  statusText: string;
  ms: number;
  headers: [string, string][];
  rule?: string;
  upstream?: string;
  reason?: string;
  body: { text?: string; bytes: number; truncated: boolean; contentType?: string };
}

const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded)|image\/svg\+xml)/i;

function header(res: IncomingMessage, name: string): string | undefined {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

function describe(res: IncomingMessage, started: number, chunks: Buffer[], bytes: number, truncated: boolean): TryResponse {
  const body = Buffer.concat(chunks).subarray(0, BODY_LIMIT);
  const contentType = header(res, 'content-type');
  const textual = !contentType || TEXTUAL.test(contentType);
  const headers: [string, string][] = [];
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
  return {
    status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', ms: performance.now() - started, headers,
    rule: header(res, ROUTE_HEADER), upstream: header(res, UPSTREAM_HEADER), reason: header(res, REASON_HEADER),
    body: { text: textual ? body.toString('utf8') : undefined, bytes, truncated, contentType },
  };
}

/** Sends GET path with Host: host to the proxy; rejects on a connection or TLS error (with Node's message). */
export function sendTry(t: TryTarget): Promise<TryResponse> {
  const started = performance.now();
  const options = {
    host: '127.0.0.1', port: t.port, path: t.path, method: 'GET', agent: false, timeout: TIMEOUT_MS,
    headers: { host: t.host, 'user-agent': 'ingress-lab-try', accept: '*/*', ...t.headers },
  };
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      let kept = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (kept < BODY_LIMIT) { chunks.push(c); kept += c.length; }
        if (bytes > 64 * BODY_LIMIT) res.destroy(); // enough to say "more than 1 MiB"
      });
      const done = () => resolve(describe(res, started, chunks, bytes, bytes > BODY_LIMIT));
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    };
    const req = t.https
      ? httpsRequest({ ...options, servername: t.host, ca: t.ca ? [t.ca] : [] }, onResponse)
      : httpRequest(options, onResponse);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}
