// What a request asks for, read once per request: the host and path the matcher routes on,
// and the origin-form target the upstream gets. This is the one place where the proxy
// turns a request into the matcher's (host, path): a path normalization step belongs here.
//   - origin-form (`/path?q`): the host is the Host header.
//   - absolute-form (`http://authority/path?q`, what `curl -x` sends): RFC 9112 §3.2.2, the
//     request-target's authority replaces the Host header, for routing and upstream.
//   - more than one Host header is a 400 (RFC 9112 §3.2); a request without Host is already
//     refused by node:http (requireHostHeader).
//   - more than MAX_HEADER_FIELDS header fields is a 431 (RFC 6585 §5), never a silent cut.
// The path is passed on as written (no dot-segment or slash folding), as ingress-nginx's
// matcher sees it.
import type { IncomingMessage } from 'node:http';

export const MAX_HEADER_FIELDS = 1000;

export interface RequestTarget {
  /** The host as the client named it (port included), for the matcher and the upstream's Host. */
  host: string;
  /** The path the matcher sees: without query and fragment. */
  path: string;
  /** The request-target for the upstream: `/path?query`. */
  origin: string;
}

export type TargetResult = ({ ok: true } & RequestTarget) | { ok: false; status: 400 | 431; reason: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function pathOf(origin: string): string {
  const q = origin.search(/[?#]/);
  return q < 0 ? origin : origin.slice(0, q);
}

/** `http://user@host:8080/a?b` → host `host:8080`, origin `/a?b`; no normalization of the path. */
function absoluteForm(url: string): { host: string; origin: string } {
  const rest = url.slice(url.indexOf('//') + 2);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const tail = end < 0 ? '' : rest.slice(end);
  const origin = tail.startsWith('/') ? tail : `/${tail}`;
  return { host: authority.slice(authority.lastIndexOf('@') + 1), origin };
}

function hostFields(raw: string[]): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.length === 4 && raw[i]!.toLowerCase() === 'host') n++;
  return n;
}

export function requestTarget(req: IncomingMessage): TargetResult {
  const fields = req.rawHeaders.length / 2;
  if (fields > MAX_HEADER_FIELDS) return { ok: false, status: 431, reason: `${fields} header fields: the proxy accepts at most ${MAX_HEADER_FIELDS}` };
  if (hostFields(req.rawHeaders) > 1) return { ok: false, status: 400, reason: 'more than one Host header field (RFC 9112 section 3.2)' };
  const url = req.url ?? '/';
  if (!SCHEME.test(url)) return { ok: true, host: req.headers.host ?? '', path: pathOf(url), origin: url };
  const { host, origin } = absoluteForm(url);
  return { ok: true, host, path: pathOf(origin), origin };
}
