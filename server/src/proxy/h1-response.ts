// Reads an upstream's HTTP/1.1 response from the bytes of a kept-alive connection
// (RFC 9112): the status line, the header fields as the raw name/value list the proxy
// relays, and the body as its framing says (§6.3), so the connection can carry the next
// request. Interim 1xx answers are read and dropped (the client already had node:http's own
// 100 Continue). What a proxy must not pass on is an error the 502 names: a malformed status
// line or field, folded lines (§5.2: a proxy replaces the message with a 502), a
// Content-Length that is not one number (§6.3 item 5), a head over node:http's header limit.
// Pure: no I/O, fed by pooled.ts.
import { maxHeaderSize } from 'node:http';

export interface ResponseEvents {
  /** The final response's status and its fields as [name, value, ...] (latin1, as sent). */
  head(status: number, fields: string[]): void;
  body(chunk: Buffer): void;
  end(): void;
}

/** The upstream's bytes are not a response the proxy may relay: the 502 says this message. */
export class UpstreamProtocolError extends Error {}

/** How the body ends (RFC 9112 §6.3). */
type Framing = 'none' | 'length' | 'chunked' | 'close';

const STATUS_LINE = /^HTTP\/1\.[01] [1-9]\d\d(?: |$)/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What node:http refuses in a field value it writes (its checkInvalidHeaderChar): anything but tab, visible ASCII and obs-text. */
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const DIGITS = /^\d{1,15}$/;
/** A chunk-size (leading zeros aside, at most 12 hex digits: 2^48 bytes), BWS, an extension. */
const CHUNK_SIZE = /^0*([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/;
const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const LF_LF = Buffer.from('\n\n');

const enum State { Head, Length, ChunkSize, ChunkData, ChunkEnd, Trailers, Close, Done }

export class ResponseParser {
  private state = State.Head;
  /** Bytes of a head, chunk-size line or trailer section not complete yet. */
  private held: Buffer | undefined;
  /** Bytes left in a Content-Length body or the current chunk. */
  private left = 0;
  /** Whether the connection may carry another request once this response is done. */
  reusable = true;
  /** How long the upstream keeps an idle connection open, when its Keep-Alive field says (`timeout=N`, RFC 2068 §19.7.1.1). */
  keepAliveMs: number | undefined;

  /** `headRequest`: the request was HEAD, so no body follows whatever the fields say. */
  constructor(private readonly ev: ResponseEvents, private readonly headRequest: boolean) {}

  get done(): boolean {
    return this.state === State.Done;
  }

  /** Whether the head is still awaited (no status given to head() yet). */
  get awaitingHead(): boolean {
    return this.state === State.Head;
  }

  /** Feeds the next bytes from the upstream; throws UpstreamProtocolError. Bytes after the response make the connection not reusable. */
  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === State.Done) {
        this.reusable = false; // the upstream said more than was asked: never trust the connection again
        return;
      }
      at = this.step(chunk, at);
    }
  }

  /** The upstream closed the connection: the end of a body read until close, else an error. */
  close(): void {
    if (this.state === State.Close) {
      this.state = State.Done;
      this.reusable = false;
      this.ev.end();
      return;
    }
    if (this.state !== State.Done) throw Object.assign(new Error(this.state === State.Head ? 'the upstream closed the connection' : 'the upstream closed the connection mid-response'), { code: 'ECONNRESET' });
  }

  private step(chunk: Buffer, at: number): number {
    switch (this.state) {
      case State.Head: return this.readHead(chunk, at);
      case State.Length: return this.readLength(chunk, at);
      case State.ChunkSize: return this.readChunkSize(chunk, at);
      case State.ChunkData: return this.readChunkData(chunk, at);
      case State.ChunkEnd: return this.readChunkEnd(chunk, at);
      case State.Trailers: return this.readTrailers(chunk, at);
      default: // Close: everything until the connection ends
        this.ev.body(at === 0 ? chunk : chunk.subarray(at));
        return chunk.length;
    }
  }

  /** Joins held bytes with chunk[at..]; finds `marker` in them; returns [bytes, index of marker or -1]. */
  private gather(chunk: Buffer, at: number, marker: Buffer, limit: number, what: string): [Buffer, number] {
    const rest = at === 0 ? chunk : chunk.subarray(at);
    const from = this.held ? Math.max(0, this.held.length - marker.length + 1) : 0;
    const bytes = this.held ? Buffer.concat([this.held, rest]) : rest;
    const found = bytes.indexOf(marker, from);
    const size = found < 0 ? bytes.length : found;
    if (size > limit) throw new UpstreamProtocolError(`the upstream's ${what} is longer than ${limit} bytes`);
    this.held = found < 0 ? Buffer.from(bytes) : undefined; // a copy: the socket may reuse its buffer
    return [bytes, found];
  }

  /** Bytes of chunk consumed once gather() found the marker at `found` in bytes (held ++ chunk[at..]). */
  private static consumed(chunk: Buffer, bytes: Buffer, found: number, markerLength: number): number {
    return chunk.length - (bytes.length - found - markerLength);
  }

  private readHead(chunk: Buffer, at: number): number {
    const [bytes, found] = this.gather(chunk, at, HEAD_END, maxHeaderSize, 'response head');
    if (found < 0) {
      // An empty line ended by LF alone: a head that will never end with CRLF CRLF (else a 504 after the headers time-out).
      if (bytes.includes(LF_LF)) throw new UpstreamProtocolError('the upstream\'s response head ends its lines with LF alone, not CRLF (RFC 9112 section 2.2)');
      return chunk.length;
    }
    const next = ResponseParser.consumed(chunk, bytes, found, HEAD_END.length);
    this.onHead(bytes.toString('latin1', 0, found));
    return next;
  }

  private onHead(text: string): void {
    let eol = text.indexOf('\r\n');
    if (eol < 0) eol = text.length;
    const status = statusOf(text, eol);
    let fields: string[] = [];
    let length: string | undefined;
    let lengths = 0;
    let chunked: boolean | undefined;
    let options = '';
    for (let at = eol + 2; at < text.length; at = eol + 2) {
      eol = text.indexOf('\r\n', at);
      if (eol < 0) eol = text.length;
      const colon = fieldColon(text, at, eol);
      const name = text.slice(at, colon);
      const value = fieldValue(text, name, colon + 1, eol);
      const lower = name.length === 14 || name.length === 17 || name.length === 10 ? name.toLowerCase() : '';
      if (lower === 'content-length') {
        length = length === undefined ? value : `${length},${value}`;
        lengths++;
      } else if (lower === 'transfer-encoding') chunked = /(?:^|,)[ \t]*chunked[ \t]*$/i.test(value);
      else if (lower === 'connection') options += `,${value.toLowerCase()}`;
      else if (lower === 'keep-alive') this.keepAliveMs = keepAliveTimeout(value);
      fields.push(name, value);
    }
    if (status < 200) return this.interim(status);
    const http10 = text.charCodeAt(7) === 48; // HTTP/1.0
    if (http10 ? !/(?:^|,)[ \t]*keep-alive\b/.test(options) : /(?:^|,)[ \t]*close\b/.test(options)) this.reusable = false;
    if (http10 && chunked !== undefined) this.reusable = false; // §6.1: faulty framing, close after it
    const framing = this.framing(status, length, chunked);
    // One Content-Length with one number goes on (RFC 9110 §8.6), and none when Transfer-Encoding framed the body (node:http frames it again for the client).
    if (lengths > 1 || (lengths && (chunked !== undefined || length!.includes(',')))) fields = withLength(fields, chunked === undefined ? length!.split(',')[0]!.trim() : undefined);
    this.ev.head(status, fields);
    this.frame(framing);
  }

  private interim(status: number): void {
    if (status === 101) throw new UpstreamProtocolError('the upstream switched protocols (101) on a request that asked for no upgrade');
    // 100 Continue, 103 Early Hints and the like: the final answer follows on the same connection.
  }

  /** RFC 9112 §6.3: how the body of this response is delimited. */
  private framing(status: number, length: string | undefined, chunked: boolean | undefined): Framing {
    if (this.headRequest || status === 204 || status === 304) return 'none';
    if (chunked !== undefined) {
      if (length !== undefined) this.reusable = false; // both: Transfer-Encoding wins, and the connection is closed after (§6.3 item 3)
      return chunked ? 'chunked' : 'close';
    }
    if (length === undefined) return 'close';
    if (DIGITS.test(length)) {
      this.left = Number(length);
      return 'length';
    }
    const values = length.split(',').map((v) => v.trim());
    if (!values.every((v) => DIGITS.test(v) && v === values[0])) {
      throw new UpstreamProtocolError(`the upstream's Content-Length is not one number: ${JSON.stringify(length.slice(0, 60))}`);
    }
    this.left = Number(values[0]);
    return 'length';
  }

  private frame(framing: Framing): void {
    if (framing === 'close') this.reusable = false;
    if (framing === 'none' || (framing === 'length' && this.left === 0)) return this.finish();
    this.state = framing === 'length' ? State.Length : framing === 'chunked' ? State.ChunkSize : State.Close;
  }

  private finish(): void {
    this.state = State.Done;
    this.ev.end();
  }

  private readLength(chunk: Buffer, at: number): number {
    const take = Math.min(this.left, chunk.length - at);
    this.ev.body(at === 0 && take === chunk.length ? chunk : chunk.subarray(at, at + take));
    this.left -= take;
    if (this.left === 0) this.finish();
    return at + take;
  }

  private readChunkSize(chunk: Buffer, at: number): number {
    const [bytes, found] = this.gather(chunk, at, CRLF, 4096, 'chunk size line');
    if (found < 0) return chunk.length;
    const line = bytes.toString('latin1', 0, found);
    const m = CHUNK_SIZE.exec(line);
    if (!m) throw new UpstreamProtocolError(`the upstream's chunked body has a malformed chunk size: ${JSON.stringify(line.slice(0, 60))}`);
    this.left = parseInt(m[1]!, 16);
    this.state = this.left === 0 ? State.Trailers : State.ChunkData;
    return ResponseParser.consumed(chunk, bytes, found, CRLF.length);
  }

  private readChunkData(chunk: Buffer, at: number): number {
    const take = Math.min(this.left, chunk.length - at);
    this.ev.body(chunk.subarray(at, at + take));
    this.left -= take;
    if (this.left === 0) {
      this.state = State.ChunkEnd;
      this.left = 2;
    }
    return at + take;
  }

  /** The CRLF after a chunk's data (this.left: how many of its two bytes are still to come). */
  private readChunkEnd(chunk: Buffer, at: number): number {
    while (this.left > 0 && at < chunk.length) {
      if (chunk[at] !== CRLF[2 - this.left]) throw new UpstreamProtocolError('the upstream\'s chunked body has no line break after a chunk');
      this.left--;
      at++;
    }
    if (this.left === 0) this.state = State.ChunkSize;
    return at;
  }

  /** Trailer fields after the last chunk, up to an empty line: read and dropped, as the proxy relays no trailers. */
  private readTrailers(chunk: Buffer, at: number): number {
    const [bytes, found] = this.gather(chunk, at, CRLF, maxHeaderSize, 'trailer section');
    if (found < 0) return chunk.length;
    const next = ResponseParser.consumed(chunk, bytes, found, CRLF.length);
    this.left += found + 2;
    if (this.left > maxHeaderSize) throw new UpstreamProtocolError(`the upstream's trailer section is longer than ${maxHeaderSize} bytes`);
    if (found === 0) this.finish();
    return next;
  }
}

/** The fields with one Content-Length field, in the first one's place, holding `length` (none when undefined). */
function withLength(fields: string[], length: string | undefined): string[] {
  const out: string[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    if (fields[i]!.toLowerCase() !== 'content-length') out.push(fields[i]!, fields[i + 1]!);
    else if (length !== undefined) out.push(fields[i]!, length);
    if (fields[i]!.toLowerCase() === 'content-length') length = undefined;
  }
  return out;
}

/** The `timeout=N` of a Keep-Alive field value, in ms. */
function keepAliveTimeout(value: string): number | undefined {
  const m = /(?:^|[,;\s])timeout\s*=\s*(\d{1,6})/i.exec(value);
  return m ? Number(m[1]) * 1000 : undefined;
}

/** The status code of a status line `HTTP/1.x NNN[ reason]` (text[0..eol]); throws on anything else. */
function statusOf(text: string, eol: number): number {
  if (!STATUS_LINE.test(eol === text.length ? text : text.slice(0, eol))) {
    throw new UpstreamProtocolError(`the upstream's answer does not start with an HTTP/1.x status line: ${JSON.stringify(text.slice(0, Math.min(eol, 60)))}`);
  }
  return (text.charCodeAt(9) - 48) * 100 + (text.charCodeAt(10) - 48) * 10 + (text.charCodeAt(11) - 48);
}

/** Names already found to be tokens: the same few recur on every response. */
const tokens = new Set<string>();

/** Where the colon of the field line text[at..eol] is; throws on a folded line or a name that is not a token. */
function fieldColon(text: string, at: number, eol: number): number {
  const first = text.charCodeAt(at);
  if (first === 32 || first === 9) throw new UpstreamProtocolError('the upstream folded a header field over lines (obsolete line folding, RFC 9112 section 5.2)');
  const colon = text.indexOf(':', at);
  const name = colon > at && colon < eol ? text.slice(at, colon) : '';
  if (!tokens.has(name)) {
    if (!TOKEN.test(name)) throw new UpstreamProtocolError(`the upstream sent a malformed header field: ${JSON.stringify(text.slice(at, Math.min(eol, at + 60)))}`);
    if (tokens.size < 1024) tokens.add(name);
  }
  return colon;
}

/** The value of a field line, text[from..eol] without the spaces and tabs around it (not String.trim: latin1 0xA0 is a value byte). */
function fieldValue(text: string, name: string, from: number, eol: number): string {
  let a = from;
  let b = eol;
  while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
  const value = text.slice(a, b);
  if (BAD_VALUE.test(value)) throw new UpstreamProtocolError(`the upstream's ${name} field holds a control character`);
  return value;
}
