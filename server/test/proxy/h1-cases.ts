// Generated HTTP/1.1 responses for the response parser's tests (h1-response.test.ts): each
// case is the exact bytes an upstream sends and what RFC 9112 says a recipient reads from
// them (the final status, the field lines, the body, whether the connection may carry
// another request). Seeded, so a failing case can be run again.
import { ResponseParser } from '../../src/proxy/h1-response';

export type Framing = 'none' | 'length' | 'chunked' | 'close';

export interface H1Case {
  bytes: Buffer;
  headRequest: boolean;
  status: number;
  /** Field lines of the final response as [name, value, ...] (latin1). */
  fields: string[];
  body: Buffer;
  framing: Framing;
  reusable: boolean;
}

/** mulberry32: a small seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['X-Dup', 'Set-Cookie', 'cache-control', 'Vary', 'x-latin', 'ETag', 'X_Under.score~'];
const OWS = ['', ' ', '  ', '\t', ' \t'];
const INTERIM = ['HTTP/1.1 100 Continue\r\n\r\n', 'HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A field value: visible ASCII, obs-text (0x80–0xff) and inner spaces/tabs (RFC 9110 §5.5 field-content), never OWS at its ends. */
function value(r: () => number): string {
  let v = '';
  const n = Math.floor(r() * 24);
  for (let i = 0; i < n; i++) {
    const k = r();
    v += String.fromCharCode(k < 0.6 ? 0x21 + Math.floor(r() * 94) : k < 0.85 ? 0x80 + Math.floor(r() * 128) : pick(r, [0x20, 0x09]));
  }
  return v.replace(/^[ \t]+|[ \t]+$/g, '') || 'v';
}

function bodyBytes(r: () => number): Buffer {
  const b = Buffer.alloc(Math.floor(r() * 300));
  for (let i = 0; i < b.length; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** A chunked body (RFC 9112 §7.1): random chunk sizes in either hex case, extensions, trailer fields. */
function chunked(r: () => number, body: Buffer): string {
  let out = '';
  const ext = () => pick(r, ['', '', ';a=b', ';name="q v"', ';x']);
  for (let at = 0; at < body.length;) {
    const n = Math.min(body.length - at, 1 + Math.floor(r() * 120));
    const size = n.toString(16);
    out += `${r() < 0.5 ? size : size.toUpperCase()}${ext()}\r\n${body.toString('latin1', at, at + n)}\r\n`;
    at += n;
  }
  const trailers = r() < 0.4 ? `X-Trailer: ${value(r)}\r\n` : '';
  return `${out}${pick(r, ['0', '000'])}${ext()}\r\n${trailers}\r\n`;
}

/** One valid response (after 0–2 interim answers) and what a recipient must read from it. */
export function generate(r: () => number): H1Case {
  const headRequest = r() < 0.15;
  const status = pick(r, [200, 200, 201, 204, 206, 301, 304, 404, 418, 500, 503, 599]);
  const v10 = r() < 0.15;
  const fields: string[] = [];
  for (let i = Math.floor(r() * 7); i > 0; i--) fields.push(pick(r, NAMES), value(r));
  let option: 'close' | 'keep-alive' | undefined;
  if (r() < 0.3) fields.push('Connection', (option = r() < 0.5 ? 'close' : 'keep-alive'));
  const bodiless = headRequest || status === 204 || status === 304;
  const framing: Framing = bodiless ? 'none' : v10 ? pick(r, ['length', 'close'] as const) : pick(r, ['length', 'chunked', 'close'] as const);
  let body = framing === 'none' ? Buffer.alloc(0) : bodyBytes(r);
  if (framing === 'length' || (headRequest && r() < 0.5)) fields.push('Content-Length', String(framing === 'length' ? body.length : 1 + Math.floor(r() * 1000)));
  if (framing === 'chunked') fields.push('Transfer-Encoding', 'chunked');
  const reason = pick(r, [' OK', ' Some Reason', ' ', '']);
  let text = '';
  if (!v10) for (let i = Math.floor(r() * 3); i > 0; i--) text += pick(r, INTERIM);
  text += `HTTP/1.${v10 ? 0 : 1} ${status}${reason}\r\n`;
  for (let i = 0; i < fields.length; i += 2) {
    // node's llhttp refuses HTAB around a framing field's value (RFC 9110 §5.6.3 OWS allows it; h1-response.test.ts checks ours reads it).
    const ows = /^(?:content-length|transfer-encoding)$/i.test(fields[i]!) ? ['', ' '] : OWS;
    text += `${fields[i]!}:${pick(r, ows)}${fields[i + 1]!}${pick(r, ows)}\r\n`;
  }
  text += '\r\n';
  if (framing === 'chunked') text += chunked(r, body);
  else if (framing !== 'none') text += body.toString('latin1');
  if (framing === 'none') body = Buffer.alloc(0);
  const reusable = framing !== 'close' && (v10 ? option === 'keep-alive' : option !== 'close');
  return { bytes: Buffer.from(text, 'latin1'), headRequest, status, fields, body, framing, reusable };
}

export interface Parsed {
  status?: number;
  fields?: string[];
  heads: number;
  body: Buffer;
  ended: boolean;
  reusable: boolean;
  error?: Error;
}

/** Feeds `bytes` to a ResponseParser in the pieces `cuts` (ascending offsets) makes, then closes when `close`. */
export function parse(bytes: Buffer, cuts: readonly number[], headRequest = false, close = false): Parsed {
  const out: Parsed = { heads: 0, body: Buffer.alloc(0), ended: false, reusable: true };
  const parts: Buffer[] = [];
  const p = new ResponseParser({
    head(status, fields) { out.heads++; out.status = status; out.fields = fields; },
    body(chunk) { parts.push(Buffer.from(chunk)); },
    end() { out.ended = true; },
  }, headRequest);
  try {
    let from = 0;
    for (const at of [...cuts, bytes.length]) {
      if (at > from) p.push(bytes.subarray(from, at));
      from = Math.max(from, at);
    }
    if (close) p.close();
  } catch (e) {
    out.error = e as Error;
  }
  out.body = Buffer.concat(parts);
  out.reusable = p.reusable;
  return out;
}
