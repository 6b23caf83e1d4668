// LoopbackRelays on real sockets: one 127.0.0.1 listener per upstream label, each connection
// relayed to a fresh upstream stream; a failed stream is remembered for the connecting port and
// told once; beyond 64 listeners the least recently used idle one is closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type AddressInfo } from 'node:net';
import { LoopbackRelays } from '../../src/proxy/loopback-relay';

function exchange(port: number, text: string): Promise<{ reply: string; localPort: number }> {
  return new Promise((resolve, reject) => {
    let reply = '';
    let localPort = 0;
    const s = connect(port, '127.0.0.1', () => { localPort = s.localPort!; s.write(text); });
    s.on('data', (d) => { reply += d.toString(); s.end(); });
    s.on('close', () => resolve({ reply, localPort }));
    s.once('error', (e) => (localPort ? undefined : reject(e)));
  });
}

test('relays each connection to a fresh upstream stream; a failure is remembered for the connecting port, told once', async () => {
  const echo = createServer((s) => s.on('data', (d) => s.write(d.toString().toUpperCase())));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  const failures: string[] = [];
  const relays = new LoopbackRelays((label, f) => failures.push(`${label}: ${f.reason} refused=${f.refused}`));
  try {
    const up = await relays.open('pod ns/a:80', async () => connect((echo.address() as AddressInfo).port, '127.0.0.1'));
    assert.equal(await relays.open('pod ns/a:80', () => Promise.reject(new Error('not used'))), up, 'one listener per label');
    assert.equal((await exchange(up, 'hello')).reply, 'HELLO');
    const down = await relays.open('pod ns/b:80', () => Promise.reject(new Error('dial tcp 127.0.0.1:80: connect: connection refused')));
    const { reply, localPort } = await exchange(down, 'hi');
    assert.equal(reply, '');
    assert.deepEqual(relays.failure(down, localPort), { reason: 'dial tcp 127.0.0.1:80: connect: connection refused', refused: true });
    assert.equal(relays.failure(down, localPort), undefined);
    assert.deepEqual(failures, ['pod ns/b:80: dial tcp 127.0.0.1:80: connect: connection refused refused=true']);
  } finally {
    await relays.close();
    echo.close();
  }
});

test('beyond 64 listeners the least recently used idle one is closed', async () => {
  const relays = new LoopbackRelays();
  try {
    const first = await relays.open('pod ns/p0:80', () => Promise.reject(new Error('x')));
    for (let i = 1; i <= 64; i++) await relays.open(`pod ns/p${i}:80`, () => Promise.reject(new Error('x')));
    await assert.rejects(exchange(first, 'x'), /ECONNREFUSED/, 'p0 was closed');
    assert.equal(relays.labelOf(first), undefined);
  } finally {
    await relays.close();
  }
});
