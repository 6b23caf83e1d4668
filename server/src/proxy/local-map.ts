// Local URL mappings: `ns/service:port=http://127.0.0.1:3000`. Only loopback http:// URLs
// are accepted, so the proxy never relays to an arbitrary address. The port is matched as
// the backend writes it (number or name); `ports` translates between the two when the
// Service is known.
import { isIP } from 'node:net';
import { targetKey, type Resolution, type ServiceTarget, type Upstream, type UpstreamResolver } from './upstream';

export interface LocalMapping {
  key: string;
  url: URL;
}

export class MappingError extends Error {}

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9]*[a-z0-9])?):([a-z0-9-]+)$/;

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/** Parses one `--map` value; throws MappingError with what is wrong. */
export function parseMapping(text: string): LocalMapping {
  const t = text.trim();
  const eq = t.indexOf('=');
  if (eq < 0 || eq === t.length - 1 || !KEY.test(t.slice(0, eq))) {
    throw new MappingError(`--map "${text}": expected NAMESPACE/SERVICE:PORT=http://127.0.0.1:PORT`);
  }
  try {
    return mappingOf(t.slice(0, eq), t.slice(eq + 1));
  } catch (e) {
    throw e instanceof MappingError ? new MappingError(`--map "${text}": ${e.message}`) : e;
  }
}

/** One mapping from its key (`ns/service:port`) and URL, wherever they were written; throws MappingError with what is wrong. */
export function mappingOf(key: string, urlText: string): LocalMapping {
  const m = KEY.exec(key.trim());
  if (!m) throw new MappingError('the key must be NAMESPACE/SERVICE:PORT and the value http://127.0.0.1:PORT');
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    throw new MappingError(`"${urlText}" is not a URL`);
  }
  if (url.protocol !== 'http:') throw new MappingError(`only http:// URLs can be mapped, not ${url.protocol}`);
  if (!isLoopbackHost(url.hostname)) {
    throw new MappingError(`${url.hostname} is not a loopback address (127.0.0.1, ::1, localhost); the proxy only relays to this machine`);
  }
  if (url.pathname !== '/' || url.search || url.username || url.password) {
    throw new MappingError('give only scheme, host and port (no path, query or credentials)');
  }
  const port = /^\d+$/.test(m[5]!) ? Number(m[5]) : m[5]!;
  return { key: targetKey({ namespace: m[1]!, service: m[3]!, port }), url };
}

/** Service port number ↔ name, when the Service is known. */
export type PortAliases = (target: ServiceTarget) => (number | string)[];

export class LocalMapResolver implements UpstreamResolver {
  private readonly byKey = new Map<string, LocalMapping>();
  private readonly upstreams = new Map<LocalMapping, Upstream>();

  /** `hint`: how to map a Service, in the words of where the mappings come from (the CLI's --map by default). */
  constructor(mappings: readonly LocalMapping[], private readonly aliases: PortAliases = () => [],
    private readonly hint: (key: string) => string = (key) => `map it: --map ${key}=http://127.0.0.1:PORT`) {
    for (const m of mappings) this.byKey.set(m.key, m);
  }

  resolve(target: ServiceTarget): Resolution {
    // The port as written first: the aliases read the Services, which costs more per request.
    const m = this.byKey.get(targetKey(target)) ?? this.aliases(target).map((port) => this.byKey.get(targetKey({ ...target, port }))).find(Boolean);
    if (m) return { ok: true, upstream: this.upstreamOf(m) };
    return { ok: false, status: 503, reason: `no local mapping for Service ${targetKey(target)} (${this.hint(targetKey(target))})` };
  }

  /** One Upstream object per mapping, so what is derived from it (its header value) is derived once. */
  private upstreamOf(m: LocalMapping): Upstream {
    let u = this.upstreams.get(m);
    if (!u) {
      u = { label: m.url.origin, address: { host: m.url.hostname.replace(/^\[|\]$/g, ''), port: Number(m.url.port || 80) } };
      this.upstreams.set(m, u);
    }
    return u;
  }
}
