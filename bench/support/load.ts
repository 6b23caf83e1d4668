// Load for the proxy bench: `wrk -t1 -c50` when installed (the measure), else a
// keep-alive loop in this process; and the CPU time a set of processes used, from /proc.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export const CONNECTIONS = 50;

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers and socket errors. */
  errors: number;
}

export function which(bin: string, fallbacks: string[] = []): string | undefined {
  for (const p of fallbacks) if (existsSync(p)) return p;
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function ms(text: string | undefined): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? '');
  return m ? Number(m[1]) * UNIT_MS[m[2]!]! : NaN;
}

/** Reads wrk's report (with --latency). */
export function parseWrk(out: string): Load {
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p50: ms(/^\s+50%\s+(\S+)/m.exec(out)?.[1]),
    p99: ms(/^\s+99%\s+(\S+)/m.exec(out)?.[1]),
    requests: num(/(\d+) requests in/),
    errors: (num(/Non-2xx or 3xx responses: (\d+)/) || 0) + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
  };
}

export function wrkLoad(wrk: string, port: number, path: string, seconds: number): Promise<Load> {
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-H', 'Host: bench.example.com', `http://127.0.0.1:${port}${path}`];
  return new Promise((resolve, reject) => {
    execFile(wrk, args, { encoding: 'utf8' }, (err, stdout) => (err ? reject(err) : resolve(parseWrk(stdout))));
  });
}

/** Without wrk: CONNECTIONS keep-alive requests in flight from this process. */
export async function nodeLoad(port: number, path: string, seconds: number): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const one = () => new Promise<void>((resolve) => {
    const t0 = performance.now();
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { host: 'bench.example.com' } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) latencies.push(performance.now() - t0);
        else errors++;
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end();
  });
  const start = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => { while (performance.now() < end) await one(); }));
  const elapsed = performance.now() - start;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { rps: (latencies.length / elapsed) * 1000, p50: pct(0.5), p99: pct(0.99), requests: latencies.length, errors };
}

const TICKS_PER_S = 100; // USER_HZ on Linux

/** CPU time (ms) the processes used so far, in user space and in the kernel; NaN when one is gone. */
export function cpuMs(pids: number[]): { user: number; system: number } {
  let user = 0;
  let system = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      user += Number(fields[11]); // utime, stime: fields 14 and 15 of proc(5)
      system += Number(fields[12]);
    } catch {
      return { user: NaN, system: NaN };
    }
  }
  return { user: (user / TICKS_PER_S) * 1000, system: (system / TICKS_PER_S) * 1000 };
}

/** The children of a process (nginx's workers), from /proc. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
