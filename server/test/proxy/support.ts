// Real sockets for the proxy tests: named upstream servers on 127.0.0.1 that answer with
// their name and what they received, a proxy over a folder's rules, and a request helper.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { folderProject } from '../../src/cli/workspace';
import { IngressProxy, type ProxyOptions, type RequestLog } from '../../src/proxy/index';

export interface Upstream {
  name: string;
  port: number;
  url: string;
  /** What the upstream saw of each request. */
  seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[];
  server: Server;
  close(): Promise<void>;
}

export function listenLocal(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections?.();
  return new Promise((r) => server.close(() => r()));
}

/** An upstream answering "<name> <path>"; POST bodies are echoed back after the name. */
export async function startUpstream(name: string): Promise<Upstream> {
  const seen: Upstream['seen'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.setHeader('x-upstream', name);
      res.setHeader('connection', 'keep-alive, x-resp-hop');
      res.setHeader('x-resp-hop', 'hop');
      res.end(body ? `${name} ${body}` : `${name} ${req.url}`);
    });
  });
  const port = await listenLocal(server);
  return { name, port, url: `http://127.0.0.1:${port}`, seen, server, close: () => closeServer(server) };
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function get(port: number, host: string, path: string, opts: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host, ...opts.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A promise that must settle within `ms`: a hang fails the test instead of stalling it. */
export function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_r, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export interface TestProxy {
  proxy: IngressProxy;
  port: number;
  httpsPort?: number;
  logs: RequestLog[];
  close(): Promise<void>;
}

export async function startProxy(folder: string, opts: Omit<ProxyOptions, 'onRequest'>): Promise<TestProxy> {
  const logs: RequestLog[] = [];
  const proxy = new IngressProxy(folderProject([folder]).routeTable(), { port: 0, ...opts, onRequest: (l) => logs.push(l) });
  const l = await proxy.listen();
  return { proxy, port: l.http.port, httpsPort: l.https?.port, logs, close: () => proxy.close() };
}

export interface ServeProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of re in stdout after offset `from`, waiting for more output as it comes. */
  waitOutput(re: RegExp, from?: number): Promise<RegExpExecArray>;
  /** The HTTP port it printed. */
  port(): Promise<number>;
}

/** Runs the built `ingress-lab serve ARGS` as a process. */
export function spawnServe(cli: string, args: string[], env: NodeJS.ProcessEnv = process.env): ServeProcess {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of [...waiters]) w();
  });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const waitOutput = (re: RegExp, from = 0) => new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      const m = re.exec(stdout.slice(from));
      if (m) resolve(m);
      return !!m;
    };
    if (check()) return;
    const timer = setTimeout(() => reject(new Error(`no ${re} in output:\n${stdout}\nstderr:\n${stderr}`)), 15_000);
    const waiter = () => {
      if (!check()) return;
      clearTimeout(timer);
      waiters.delete(waiter);
    };
    waiters.add(waiter);
  });
  return {
    child,
    output: () => stdout,
    waitOutput,
    port: async () => Number((await waitOutput(/listening on http:\/\/127\.0\.0\.1:(\d+)/))[1]),
  };
}

/** Reads from a raw socket until `n` complete HTTP responses (with content-length or chunked bodies) arrived. */
export function responses(s: Socket, n: number): Promise<{ status: number; head: string; body: string }[]> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const parse = () => {
      const out: { status: number; head: string; body: string }[] = [];
      let rest = buf;
      while (out.length < n) {
        const end = rest.indexOf('\r\n\r\n');
        if (end < 0) return undefined;
        const head = rest.slice(0, end);
        const len = /content-length: (\d+)/i.exec(head);
        let body: string;
        if (len) {
          body = rest.slice(end + 4, end + 4 + Number(len[1]));
          if (body.length < Number(len[1])) return undefined;
          rest = rest.slice(end + 4 + body.length);
        } else {
          const last = rest.indexOf('0\r\n\r\n', end + 4);
          if (last < 0) return undefined;
          body = rest.slice(end + 4, last).replace(/^[0-9a-f]+\r\n|\r\n[0-9a-f]+\r\n|\r\n$/g, '');
          rest = rest.slice(last + 5);
        }
        out.push({ status: Number(head.slice(9, 12)), head, body });
      }
      return out;
    };
    s.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      const r = parse();
      if (r) resolve(r);
    });
    s.once('error', reject);
    s.once('close', () => reject(new Error(`closed after: ${JSON.stringify(buf)}`)));
  });
}

/** A raw TCP connection to a port on 127.0.0.1, for requests node's client would not send. */
export function openRaw(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}
