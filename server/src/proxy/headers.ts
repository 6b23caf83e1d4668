// Request and response headers across the proxy: hop-by-hop headers removed (RFC 9110
// 7.6.1, plus those named in Connection), standard X-Forwarded-* added, Host preserved.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { AS_HEADER } from './route-sets';

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade'];
const HOP = new Set(HOP_BY_HOP);

/**
 * A copy without hop-by-hop headers; `keepUpgrade` keeps Connection/Upgrade for a WebSocket
 * handshake; `upstream` also leaves out the proxy's own X-Ingress-Lab-As (left out while copying:
 * a `delete` afterwards would slow every later access to the object).
 */
export function endToEnd(headers: IncomingHttpHeaders, keepUpgrade = false, upstream = false): OutgoingHttpHeaders {
  const drop = new Set([...HOP_BY_HOP, ...(extraOptions(`,${headers.connection ?? ''}`) ?? [])]);
  if (upstream) drop.add(AS_HEADER);
  if (keepUpgrade) {
    drop.delete('upgrade');
    drop.delete('connection');
  }
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !drop.has(k)) out[k] = v;
  if (keepUpgrade) out.connection = 'Upgrade';
  return out;
}

/** The lowercased names a Connection value lists, hop-by-hop ones and `close` left out: usually none. */
function extraOptions(value: string): Set<string> | undefined {
  if (value === ',keep-alive' || value === ',close') return undefined; // what nearly every upstream and client sends
  let named: Set<string> | undefined;
  for (const t of value.toLowerCase().split(',')) {
    const name = t.trim();
    if (name && name !== 'close' && !HOP.has(name)) (named ??= new Set()).add(name);
  }
  return named;
}

/** Removes the pairs whose (lowercased) names are in `names` from a flat name/value list. */
function withoutNames(list: string[], names: Set<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i += 2) if (!names.has(list[i]!.toLowerCase())) out.push(list[i]!, list[i + 1]!);
  return out;
}

/**
 * endToEnd() for a response's raw name/value pairs (as the upstream sent them, duplicates
 * and spelling kept), as the flat list res.writeHead() takes, with `extra` pairs appended.
 * Values are read as latin1, so their bytes go to the client unchanged.
 */
export function endToEndRaw(raw: readonly string[], extra: readonly string[]): string[] {
  let out: string[] = [];
  let options = '';
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    if (lower === 'connection') options += `,${raw[i + 1]!}`;
    if (!HOP.has(lower)) out.push(name, raw[i + 1]!);
  }
  const named = options ? extraOptions(options) : undefined;
  if (named) out = withoutNames(out, named);
  for (const x of extra) out.push(x);
  return out;
}

/**
 * Request fields not passed on as sent: those the proxy sets itself, Expect (node:http already
 * answered it) and the proxy's own choice of rule set (AS_HEADER).
 */
const REPLACED = new Set(['host', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-for', 'expect', AS_HEADER]);

/**
 * upstreamHeaders() from req.rawHeaders, as a flat name/value list (for pooled.ts): the
 * client's fields in its order and spelling, duplicates kept as nginx keeps them, except a
 * repeated Content-Length (one framing only); `body` says whether the request has one and how
 * it is framed upstream (by that length, else chunked).
 */
export function upstreamHeaderList(req: IncomingMessage, host: string): { list: string[]; body: false | 'length' | 'chunked' } {
  const raw = req.rawHeaders;
  let list: string[] = [];
  let forwardedFor: string | undefined;
  let options = '';
  let body = false;
  let length = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    const value = raw[i + 1]!;
    if (lower === 'transfer-encoding' || (lower === 'content-length' && Number(value) > 0)) body = true;
    if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
    if (lower === 'connection') options += `,${value}`;
    if (HOP.has(lower) || REPLACED.has(lower) || (lower === 'content-length' && length)) continue;
    if (lower === 'content-length') length = true;
    list.push(name, value);
  }
  const named = options ? extraOptions(options) : undefined;
  if (named) list = withoutNames(list, named);
  list.push('x-forwarded-for', append(forwardedFor, clientAddress(req)));
  // An HTTP/1.1 request always has Host, empty when there is no authority (RFC 9112 §3.2; a node:http upstream answers 400 without).
  list.push('host', host);
  if (host) list.push('x-forwarded-host', host);
  list.push('x-forwarded-proto', (req.socket as TLSSocket).encrypted ? 'https' : 'http');
  return { list, body: body && (length ? 'length' : 'chunked') };
}

function clientAddress(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
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
  const out = endToEnd(headers, keepUpgrade, true); // without X-Ingress-Lab-As: the proxy's own choice of rule set
  out['x-forwarded-for'] = append(headers['x-forwarded-for'], clientAddress(req));
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
