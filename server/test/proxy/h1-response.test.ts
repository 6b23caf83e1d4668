// The proxy's upstream response parser (h1-response.ts) against RFC 9112 and against
// node's own HTTP client: for generated valid responses, fed whole, byte by byte and cut at
// random, it reads the same status, field lines and body bytes node:http reads from the same
// bytes on a socket; and what RFC 9112 says a proxy must not relay is an error naming why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { maxHeaderSize } from 'node:http';
import { UpstreamProtocolError } from '../../src/proxy/h1-response';
import { generate, parse, random, type H1Case, type Parsed } from './h1-cases';

const CASES = 300;
const cases: H1Case[] = [];
for (let i = 0, r = random(9112); i < CASES; i++) cases.push(generate(r));

function expectCase(c: H1Case, got: Parsed, how: string): void {
  assert.equal(got.error, undefined, `${how}: ${got.error?.message}`);
  assert.equal(got.heads, 1, `${how}: one final head`);
  assert.equal(got.status, c.status, how);
  assert.deepEqual(got.fields, c.fields, how);
  assert.ok(got.body.equals(c.body), `${how}: body`);
  assert.ok(got.ended, `${how}: ended`);
  assert.equal(got.reusable, c.reusable, `${how}: reusable`);
}

test(`${CASES} generated responses read whole, byte by byte and cut at random give the status, fields and body RFC 9112 frames`, () => {
  const r = random(7230);
  for (const [i, c] of cases.entries()) {
    const close = c.framing === 'close';
    const all = Array.from({ length: c.bytes.length }, (_, k) => k);
    expectCase(c, parse(c.bytes, [], c.headRequest, close), `case ${i} whole`);
    expectCase(c, parse(c.bytes, all, c.headRequest, close), `case ${i} byte by byte`);
    for (let k = 0; k < 3; k++) {
      const cuts = all.filter(() => r() < 0.05);
      expectCase(c, parse(c.bytes, cuts, c.headRequest, close), `case ${i} cut at ${cuts.join(',')}`);
    }
  }
});

test('every two-piece split of 40 responses reads the same as the whole', () => {
  for (const [i, c] of cases.slice(0, 40).entries()) {
    for (let at = 1; at < c.bytes.length; at++) expectCase(c, parse(c.bytes, [at], c.headRequest, c.framing === 'close'), `case ${i} cut at ${at}`);
  }
});

interface NodeRead { status: number; fields: string[]; body: Buffer }

/** What node's http client reads from each case's bytes, sent by a raw server (one connection per case, closed after). */
async function nodeReads(list: H1Case[]): Promise<NodeRead[]> {
  const server = createServer((socket) => {
    socket.once('data', (d: Buffer) => socket.end(list[Number(/^\w+ \/(\d+) /.exec(d.toString('latin1'))![1])]!.bytes));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  try {
    const out: NodeRead[] = [];
    for (const [i, c] of list.entries()) {
      out.push(await new Promise<NodeRead>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: `/${i}`, method: c.headRequest ? 'HEAD' : 'GET', agent: false }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () => resolve({ status: res.statusCode!, fields: res.rawHeaders, body: Buffer.concat(parts) }));
        });
        req.on('error', reject);
        req.end();
      }));
    }
    return out;
  } finally {
    await new Promise((r) => server.close(r));
  }
}

test('node:http reads the same status, raw fields and body from the same bytes on a socket', async () => {
  const reads = await nodeReads(cases);
  for (const [i, c] of cases.entries()) {
    const ours = parse(c.bytes, [], c.headRequest, c.framing === 'close');
    assert.equal(ours.status, reads[i]!.status, `case ${i}`);
    assert.deepEqual(ours.fields, reads[i]!.fields, `case ${i}: fields`);
    assert.ok(ours.body.equals(reads[i]!.body), `case ${i}: body`);
  }
});

const OK = 'HTTP/1.1 200 OK\r\n';

/** The parser's reading of `text` (latin1) fed whole; `close`: the upstream closes after it. */
function read(text: string, opts: { head?: boolean; close?: boolean } = {}): Parsed {
  const bytes = Buffer.from(text, 'latin1');
  const whole = parse(bytes, [], opts.head, opts.close);
  const bytewise = parse(bytes, Array.from({ length: bytes.length }, (_, k) => k), opts.head, opts.close);
  assert.deepEqual({ ...bytewise, error: bytewise.error?.message }, { ...whole, error: whole.error?.message }, 'byte by byte reads as whole');
  return whole;
}

const REJECTED: [string, string, RegExp][] = [
  ['no status line (RFC 9112 §4)', 'ICY 200 OK\r\n\r\n', /^the upstream's answer does not start with an HTTP\/1\.x status line: "ICY 200 OK"$/],
  ['a four-digit status code (§4: status-code = 3DIGIT)', 'HTTP/1.1 2000 OK\r\n\r\n', /does not start with an HTTP\/1\.x status line: "HTTP\/1\.1 2000 OK"/],
  ['a space in a field name (RFC 9110 §5.1: field-name = token)', `${OK}Bad Name: x\r\n\r\n`, /^the upstream sent a malformed header field: "Bad Name: x"$/],
  ['a field line without a colon (§5)', `${OK}nocolon\r\n\r\n`, /malformed header field: "nocolon"/],
  ['a space before the colon (§5.1: a proxy MUST remove it or reject)', `${OK}X-A : x\r\n\r\n`, /malformed header field: "X-A : x"/],
  ['obs-fold (§5.2: a proxy MUST reject or replace it)', `${OK}X-A: a\r\n  b\r\ncontent-length: 0\r\n\r\n`, /folded a header field over lines \(obsolete line folding, RFC 9112 section 5\.2\)/],
  ['a bare CR in a value (RFC 9110 §5.5)', `${OK}X-A: a\rb\r\n\r\n`, /^the upstream's X-A field holds a control character$/],
  ['a NUL in a value (RFC 9110 §5.5)', `${OK}X-A: a\0b\r\n\r\n`, /^the upstream's X-A field holds a control character$/],
  ['Content-Length "5, 6" (§6.3 item 5)', `${OK}Content-Length: 5, 6\r\n\r\nhello`, /^the upstream's Content-Length is not one number: "5, 6"$/],
  ['two Content-Length fields that differ (§6.3 item 5)', `${OK}Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello`, /Content-Length is not one number: "5,6"/],
  ['Content-Length "abc" (§6.3 item 5)', `${OK}Content-Length: abc\r\n\r\n`, /Content-Length is not one number: "abc"/],
  ['chunk size "zz" (§7.1: chunk-size = 1*HEXDIG)', `${OK}Transfer-Encoding: chunked\r\n\r\nzz\r\n`, /^the upstream's chunked body has a malformed chunk size: "zz"$/],
  ['no CRLF after chunk data (§7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF)', `${OK}Transfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n0\r\n\r\n`, /^the upstream's chunked body has no line break after a chunk$/],
  ['a head over node:http\'s maxHeaderSize', `${OK}X-Big: ${'a'.repeat(maxHeaderSize)}\r\n\r\n`, new RegExp(`^the upstream's response head is longer than ${maxHeaderSize} bytes$`)],
  ['a chunk-size line over 4096 bytes (a long chunk-ext)', `${OK}Transfer-Encoding: chunked\r\n\r\n1;x=${'y'.repeat(5000)}\r\n`, /^the upstream's chunk size line is longer than 4096 bytes$/],
  ['a trailer section over the head limit (§7.1.2)', `${OK}Transfer-Encoding: chunked\r\n\r\n0\r\n${`X-T: ${'t'.repeat(1000)}\r\n`.repeat(20)}\r\n`, new RegExp(`^the upstream's trailer section is longer than ${maxHeaderSize} bytes$`)],
  ['LF alone ending the head\'s lines (RFC 9112 §2.2: CRLF; node:http refuses it too), refused at once, not awaited', 'HTTP/1.1 200 OK\nContent-Length: 2\n\nok', /^the upstream's response head ends its lines with LF alone, not CRLF \(RFC 9112 section 2\.2\)$/],
  ['101 to a request that asked for no upgrade (RFC 9110 §15.2.2)', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n', /^the upstream switched protocols \(101\) on a request that asked for no upgrade$/],
];

for (const [what, text, message] of REJECTED) {
  test(`rejected: ${what}`, () => {
    const got = read(text);
    assert.ok(got.error instanceof UpstreamProtocolError, `an UpstreamProtocolError, not ${String(got.error)}`);
    assert.match(got.error.message, message);
    // An error in the head leaves nothing to relay (a 502); one in a chunked body comes after the head went out (the response is cut).
    assert.equal(got.heads, /chunk|trailer/.test(message.source) ? 1 : 0);
    assert.equal(got.ended, false);
  });
}

test('the upstream closing mid-head or mid-body is an ECONNRESET, not the end of the body', () => {
  for (const text of ['HTTP/1.1 200 OK\r\nX-A', `${OK}Content-Length: 9\r\n\r\nabc`, `${OK}Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n`]) {
    const got = read(text, { close: true });
    assert.equal((got.error as { code?: string }).code, 'ECONNRESET', text);
    assert.equal(got.ended, false);
  }
});

test('RFC 9112 §6.3 item 1: no body after HEAD, 204 and 304, whatever their framing fields say', () => {
  const head = read(`${OK}Content-Length: 5\r\n\r\n`, { head: true });
  assert.deepEqual([head.status, head.fields, head.ended, head.reusable], [200, ['Content-Length', '5'], true, true]);
  for (const status of ['204 No Content', '304 Not Modified']) {
    const got = read(`HTTP/1.1 ${status}\r\nTransfer-Encoding: chunked\r\n\r\nHTTP/1.1 200 OK\r\n`);
    assert.equal(got.ended, true, status);
    assert.equal(got.body.length, 0, status);
    assert.equal(got.reusable, false, `${status}: bytes after a complete response make the connection unfit for reuse`);
  }
});

test('RFC 9112 §6.3 items 3 and 4: Transfer-Encoding wins over Content-Length, chunked only as the final coding', () => {
  const both = read(`${OK}Content-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n`);
  assert.equal(both.body.toString(), 'abc');
  assert.deepEqual(both.fields, ['Transfer-Encoding', 'chunked'], 'the Content-Length is not relayed');
  assert.equal(both.reusable, false, '§6.3 item 3: the connection is closed after such a response');
  const final = read(`${OK}Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n`);
  assert.deepEqual([final.body.toString(), final.ended, final.reusable], ['abc', true, true]);
  const notFinal = read(`${OK}Transfer-Encoding: chunked, gzip\r\n\r\n3\r\nabc\r\n0\r\n\r\n`, { close: true });
  assert.equal(notFinal.body.toString(), '3\r\nabc\r\n0\r\n\r\n', 'item 4: read until the connection closes');
  assert.equal(notFinal.reusable, false);
});

test('RFC 9110 §8.6: repeated identical Content-Length values are one length, relayed as one field', () => {
  const lines = read(`${OK}Content-Length: 3\r\nX-A: 1\r\ncontent-length: 3\r\n\r\nabc`);
  assert.deepEqual([lines.fields, lines.body.toString(), lines.reusable], [['Content-Length', '3', 'X-A', '1'], 'abc', true]);
  const list = read(`${OK}Content-Length: 3, 3\r\n\r\nabc`);
  assert.deepEqual([list.fields, list.body.toString()], [['Content-Length', '3'], 'abc'], 'not "3, 3", which node:http clients refuse');
});

test('RFC 9112 §7.1.1 BWS before a chunk extension and §5.6.3 OWS (HTAB too) around a field value are read', () => {
  const got = read(`${OK}Transfer-Encoding:\tchunked\t\r\nX-A: \t a\tb \t\r\n\r\n3 ;ext=1\r\nabc\r\n0\t;last\r\n\r\n`);
  assert.deepEqual([got.fields, got.body.toString(), got.ended], [['Transfer-Encoding', 'chunked', 'X-A', 'a\tb'], 'abc', true]);
});

test('RFC 9112 §9.3: HTTP/1.0 keeps the connection only with keep-alive, HTTP/1.1 unless close; close-delimited never', () => {
  const reuse = (text: string) => read(text, { close: !/content-length/i.test(text) }).reusable;
  assert.equal(reuse('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n'), false);
  assert.equal(reuse('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n'), true);
  assert.equal(reuse(`${OK}Connection: keep-alive, Close\r\nContent-Length: 0\r\n\r\n`), false);
  assert.equal(reuse(`${OK}X-A: 1\r\n\r\nuntil close`), false);
  assert.equal(reuse(`${OK}Content-Length: 2\r\n\r\nokEXTRA`), false, 'bytes after the response');
});

test('RFC 9112 §6.1: an HTTP/1.0 response with Transfer-Encoding has faulty framing: the connection closes after it', () => {
  const got = read('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n', { close: true });
  assert.equal(got.error, undefined);
  assert.equal(got.reusable, false);
});

test('RFC 9110 §5.5: other control characters in a value (not HTAB) are refused too, as node:http would not relay them', () => {
  for (const ctl of ['\x01', '\x1b', '\x7f']) {
    const got = read(`${OK}X-A: a${ctl}b\r\nContent-Length: 0\r\n\r\n`);
    assert.match(String(got.error?.message), /^the upstream's X-A field holds a control character$/, JSON.stringify(ctl));
  }
});

test('RFC 9112 §7.1: chunk-size = 1*HEXDIG, so leading zeros beyond 12 digits are a size still (node:http reads them too)', () => {
  const got = read(`${OK}Transfer-Encoding: chunked\r\n\r\n${'0'.repeat(20)}5\r\nhello\r\n${'0'.repeat(20)}\r\n\r\n`);
  assert.deepEqual([got.error?.message, got.body.toString(), got.ended], [undefined, 'hello', true]);
});
