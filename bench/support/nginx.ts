// nginx as the proxy bench's peer: one worker, a keep-alive upstream pool, `location` rules
// equivalent to the bench Ingress (Prefix / and Prefix /api), responses streamed as ours and
// ingress-nginx's (proxy-buffering off, its default), the headers our proxy adds
// (Host kept, X-Forwarded-For/Host/Proto), an access log written as ours is.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { childPids } from './load';

/** Resolves when 127.0.0.1:port accepts a connection (retrying refusals for up to 10 s). */
export async function accepting(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing accepts connections on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function config(dir: string, port: number, upstreamPort: number): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`).join('\n');
  const location = (path: string, upstream: string) => `    location ${path} {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_buffering off;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
    }`;
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log ${join(dir, 'access.log')};
${temp}
  upstream web { server 127.0.0.1:${upstreamPort}; keepalive 64; }
  upstream api { server 127.0.0.1:${upstreamPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    server_name bench.example.com;
${location('/', 'web')}
${location('/api', 'api')}
  }
}
`;
}

export interface Nginx {
  proc: ChildProcess;
  /** Master and worker. */
  pids(): number[];
  stop(): Promise<void>;
}

/** Starts nginx on `port` and resolves once it accepts connections. */
export async function startNginx(bin: string, dir: string, port: number, upstreamPort: number): Promise<Nginx> {
  mkdirSync(dir, { recursive: true });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, config(dir, port, upstreamPort));
  const proc = spawn(bin, ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<never>((_r, reject) => proc.once('exit', () => {
    reject(new Error(`nginx exited: ${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`));
  }));
  exited.catch(() => {});
  await Promise.race([accepting(port), exited]);
  return {
    proc,
    pids: () => [proc.pid!, ...childPids(proc.pid!)],
    stop: () => new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGQUIT');
    }),
  };
}
