// Generated upstream answers (h1-cases.ts) relayed through the real proxy over kept-alive
// connections: the client gets the final status, the upstream's end-to-end fields in their
// order and bytes, and the body bytes, case after case on the connections the proxy keeps;
// a connection is reused only after an answer RFC 9112 lets it carry another after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { LocalMapResolver, parseMapping } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { generate, random, type H1Case } from './h1-cases';
import { rawUpstream } from './raw-upstream';
import { startProxy, within } from './support';

const CASES = 120;
/** Fields the proxy or node:http sets on the client's side, and hop-by-hop ones the proxy drops (RFC 9110 §7.6.1). */
const NOT_RELAYED = /^(?:date|connection|keep-alive|transfer-encoding|x-ingress-lab-.*)$/i;

interface Got { status: number; fields: string[]; body: Buffer }

function fetchRaw(port: number, path: string, method: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: 'shop.example.com' }, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode!, fields: res.rawHeaders, body: Buffer.concat(parts) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function endToEnd(fields: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < fields.length; i += 2) if (!NOT_RELAYED.test(fields[i]!)) out.push(fields[i]!, fields[i + 1]!);
  return out;
}

test(`${CASES} generated answers relayed through the proxy on kept-alive connections: status, end-to-end fields and body bytes`, async () => {
  const r = random(9110);
  const cases: H1Case[] = Array.from({ length: CASES }, () => generate(r));
  const up = await rawUpstream((req, s) => {
    const c = cases[Number(req.path.slice(1))]!;
    if (c.framing === 'close') s.end(c.bytes);
    else s.write(c.bytes);
  });
  const p = await startProxy(fixturePath('proxy', 'routes'), { resolver: new LocalMapResolver([parseMapping(`shop/web:80=${up.url}`)]) });
  try {
    for (const [i, c] of cases.entries()) {
      const got = await within(5_000, fetchRaw(p.port, `/${i}`, c.headRequest ? 'HEAD' : 'GET'));
      assert.equal(got.status, c.status, `case ${i}`);
      assert.deepEqual(endToEnd(got.fields), endToEnd(c.fields), `case ${i}: fields`);
      assert.ok(got.body.equals(c.body), `case ${i}: body`);
    }
    // A new connection for every answer after which RFC 9112 (or, after HEAD, caution) forbids reuse.
    assert.equal(up.connections(), 1 + cases.slice(0, -1).filter((c) => !c.reusable || c.headRequest).length);
  } finally {
    await p.close();
    await up.close();
  }
});
