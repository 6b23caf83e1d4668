// Loopback listeners for port-forwarded upstreams, like `kubectl port-forward`: one listener on
// 127.0.0.1 per upstream (a pod's port), each accepted connection relayed to a fresh stream of
// that upstream. A relay that fails remembers why, keyed by the connecting side's port, so the
// process that connected (the editor's proxy, in another process) can ask what happened.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

const REMEMBERED_FAILURES = 256;
/** Listeners kept at most; pods come and go, so the least recently used idle one is closed beyond this. */
const MAX_RELAYS = 64;

export interface RelayFailure {
  reason: string;
  refused: boolean;
}

interface Relay {
  server: Server;
  port: number;
  sockets: Set<Socket>;
}

export class LoopbackRelays {
  private readonly relays = new Map<string, Promise<Relay>>();
  private readonly byPort = new Map<number, string>();
  private readonly failures = new Map<string, RelayFailure>();

  /** `onFailure`: a stream of that upstream could not be opened or failed before it answered. */
  constructor(private readonly onFailure: (label: string, failure: RelayFailure) => void = () => undefined) {}

  /** The loopback port relaying to `label`'s upstream, listening once per label. */
  async open(label: string, connect: () => Promise<Duplex>): Promise<number> {
    let relay = this.relays.get(label);
    this.relays.delete(label); // re-inserted last: the map's order is least recently used first
    if (!relay) {
      relay = this.listen(label, connect);
      relay.catch(() => this.relays.delete(label));
    }
    this.relays.set(label, relay);
    if (this.relays.size > MAX_RELAYS) await this.closeIdle();
    return (await relay).port;
  }

  /** Closes the least recently used listener that has no open connection. */
  private async closeIdle(): Promise<void> {
    for (const [label, p] of this.relays) {
      const r = await p.catch(() => undefined);
      if (r && r.sockets.size > 0) continue;
      this.relays.delete(label);
      if (r) {
        this.byPort.delete(r.port);
        r.server.close();
      }
      return;
    }
  }

  /** Why the relay on `port` failed the connection from `clientPort` (each failure is told once). */
  failure(port: number, clientPort: number): RelayFailure | undefined {
    const key = `${port}/${clientPort}`;
    const f = this.failures.get(key);
    this.failures.delete(key);
    return f;
  }

  /** The label a listener relays to. */
  labelOf(port: number): string | undefined {
    return this.byPort.get(port);
  }

  private async listen(label: string, connect: () => Promise<Duplex>): Promise<Relay> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      this.relay(label, socket, (server.address() as AddressInfo).port, connect);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
    });
    const port = (server.address() as AddressInfo).port;
    this.byPort.set(port, label);
    return { server, port, sockets };
  }

  private relay(label: string, socket: Socket, port: number, connect: () => Promise<Duplex>): void {
    let answered = false;
    const key = `${port}/${socket.remotePort}`;
    const fail = (e: Error) => {
      if (!answered) this.remember(label, key, e);
      socket.destroy();
    };
    socket.on('error', () => undefined);
    connect().then((up) => {
      if (socket.destroyed) return void up.destroy();
      // The port-forward may have failed before it was handed over (the pod refused at once).
      if (up.destroyed) return fail(up.errored ?? new Error('the port-forward closed before the pod answered'));
      up.once('data', () => { answered = true; });
      up.on('error', fail);
      socket.on('error', () => up.destroy());
      socket.once('close', () => up.destroy());
      up.once('close', () => socket.end());
      socket.pipe(up).pipe(socket);
    }, fail);
  }

  private remember(label: string, key: string, e: Error): void {
    const failure = { reason: e.message, refused: /refused/i.test(e.message) };
    this.failures.set(key, failure);
    if (this.failures.size > REMEMBERED_FAILURES) this.failures.delete(this.failures.keys().next().value!);
    this.onFailure(label, failure);
  }

  /** Closes every listener and connection. */
  async close(): Promise<void> {
    const all = [...this.relays.values()];
    this.relays.clear();
    this.byPort.clear();
    await Promise.all(all.map((p) => p.then((r) => {
      for (const s of r.sockets) s.destroy();
      return new Promise<void>((resolve) => r.server.close(() => resolve()));
    }, () => undefined)));
  }
}
