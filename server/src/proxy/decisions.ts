// The proxy's routing decisions, remembered per (host, path) for one route table: the
// matcher writes a full trace for every lookup, and a proxy under load (or a person
// pressing Try again) asks the same few questions over and over. A new table starts an
// empty cache, so a reload is seen by the very next request. Bounded: at most MAX entries,
// and long requests are decided without being remembered.
import type { RouteTable } from '../ingress/routing/index';
import { decide, type Decision } from './decide';

const MAX = 1024;
const MAX_KEY = 512;

export class DecisionCache {
  private readonly decisions = new Map<string, Decision>();

  constructor(readonly table: RouteTable) {}

  decide(host: string, path: string): Decision {
    if (host.length + path.length > MAX_KEY) return decide(this.table, host, path);
    const key = `${host} ${path}`; // node:http refuses a space in a Host value and in a request-target
    let d = this.decisions.get(key);
    if (!d) {
      d = decide(this.table, host, path);
      if (this.decisions.size >= MAX) this.decisions.delete(this.decisions.keys().next().value!);
      this.decisions.set(key, d);
    }
    return d;
  }
}
