// Request and response headers across the proxy: hop-by-hop headers removed (RFC 9110
// 7.6.1, plus those named in Connection), standard X-Forwarded-* added, Host preserved.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { AS_HEADER } from './route-sets';

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

/** A copy without hop-by-hop headers; `keepUpgrade` keeps Connection/Upgrade for a WebSocket handshake. */
export function endToEnd(headers: IncomingHttpHeaders, keepUpgrade = false): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean);
  const drop = new Set([...HOP_BY_HOP, ...named]);
  if (keepUpgrade) {
    drop.delete('upgrade');
    drop.delete('connection');
  }
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !drop.has(k)) out[k] = v;
  if (keepUpgrade) out.connection = 'Upgrade';
  return out;
}

function append(prev: string | string[] | undefined, value: string): string {
  const p = Array.isArray(prev) ? prev.join(', ') : prev;
  return p ? `${p}, ${value}` : value;
}

/**
 * Headers to send upstream for req: end-to-end headers but X-Ingress-Lab-As, Host as the
 * client named it (from an absolute-form target when there was one, or as a URLRewrite set it,
 * and never removed by a Connection option), X-Forwarded-For/Host/Proto.
 */
export function upstreamHeaders(req: IncomingMessage, host: string, keepUpgrade = false): OutgoingHttpHeaders {
  const { headers, socket } = req;
  const out = endToEnd(headers, keepUpgrade);
  delete out[AS_HEADER]; // the proxy's own choice of rule set: not the upstream's business
  out['x-forwarded-for'] = append(headers['x-forwarded-for'], (socket.remoteAddress ?? '').replace(/^::ffff:/, ''));
  if (host) {
    out.host = host;
    out['x-forwarded-host'] = host;
  }
  out['x-forwarded-proto'] = (socket as TLSSocket).encrypted ? 'https' : 'http';
  return out;
}

const texts = new Map<string, string>();

/** A header value that node:http accepts: printable ASCII only, one line, bounded. Remembered: rule and upstream labels recur on every request. */
export function headerText(s: string): string {
  let t = texts.get(s);
  if (t === undefined) {
    t = s.replace(/→/g, '->').replace(/[^\x20-\x7e]/g, '?').slice(0, 400);
    if (s.length <= 400) {
      if (texts.size >= 256) texts.clear();
      texts.set(s, t);
    }
  }
  return t;
}
