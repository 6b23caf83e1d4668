// Request path normalization before matching, per controller (issue 10, defect 9). No I/O.
//
// ingress-nginx is nginx: "Matching is performed against a normalized URI, after decoding the
// text encoded in the “%XX” form, resolving references to relative path components “.” and
// “..”, and possible compression of two or more adjacent slashes into a single slash" (nginx
// docs, `location`; `merge_slashes` is on by default and ingress-nginx leaves it on). So
// /api%2Fhealth, /api//health and /public/../api/health all match `/api/health` there, and a
// ".." above the root is answered 400 Bad Request.
//
// spec-only (and the Gateway API matcher, where normalization is implementation-specific):
// RFC 3986 normalization only, what an HTTP client already does before sending: dot segments
// removed (section 5.2.4), percent-encoded unreserved characters decoded (section 2.3). An
// encoded "/" (%2F) stays data, not a separator, and "//" is not merged.

export type NormalizeMode = 'rfc3986' | 'nginx';

export interface NormalizedPath {
  path: string;
  /** The query string without "?" ("" when none). */
  query: string;
  /** What changed, in words, for the trace. */
  notes: string[];
  /** Set when the controller refuses the path (400). */
  invalid?: string;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

function decode(path: string, all: boolean): { path: string; bad: boolean } {
  let out = '';
  let bad = false;
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    const hex = c === '%' ? path.slice(i + 1, i + 3) : '';
    if (c !== '%') out += c;
    else if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out += c;
      bad = true;
    } else {
      const ch = String.fromCharCode(parseInt(hex, 16));
      out += all || UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
      i += 2;
    }
  }
  return { path: out, bad };
}

/** RFC 3986 5.2.4 on an absolute path; `above` counts ".." that tried to climb above "/". */
function removeDotSegments(path: string): { path: string; above: number } {
  const segs = path.split('/').slice(1);
  const out: string[] = [];
  let above = 0;
  segs.forEach((s, i) => {
    const last = i === segs.length - 1;
    if (s === '.' || s === '..') {
      if (s === '..') {
        if (out.length) out.pop();
        else above++;
      }
      if (last) out.push('');
    } else out.push(s);
  });
  return { path: `/${out.join('/')}`, above };
}

function splitTarget(raw: string): { path: string; query: string; notes: string[] } {
  const hash = raw.indexOf('#');
  const noFragment = hash >= 0 ? raw.slice(0, hash) : raw;
  const q = noFragment.indexOf('?');
  let path = q >= 0 ? noFragment.slice(0, q) : noFragment;
  const notes: string[] = [];
  if (path === '' || path[0] !== '/') {
    notes.push(path === '' ? 'empty path read as "/"' : 'a leading "/" was added');
    path = `/${path}`;
  }
  return { path, query: q >= 0 ? noFragment.slice(q + 1) : '', notes };
}

function mergeSlashes(path: string): string {
  let out = '';
  for (const c of path) if (!(c === '/' && out.endsWith('/'))) out += c;
  return out;
}

export function normalizePath(raw: string, mode: NormalizeMode): NormalizedPath {
  const { path: target, query, notes } = splitTarget(raw);
  const who = mode === 'nginx' ? 'as nginx does' : 'RFC 3986';
  const decoded = decode(target, mode === 'nginx');
  if (decoded.path !== target) notes.push(`percent-decoded "${target}" to "${decoded.path}" (${mode === 'nginx' ? 'nginx decodes every %XX, %2F included, before matching' : 'unreserved characters only; %2F stays data'})`);
  let path = decoded.path;
  if (mode === 'nginx') {
    const merged = mergeSlashes(path);
    if (merged !== path) notes.push(`adjacent slashes merged ("${path}" → "${merged}", nginx merge_slashes on)`);
    path = merged;
  }
  const dots = removeDotSegments(path);
  if (dots.path !== path) notes.push(`dot segments resolved ("${path}" → "${dots.path}", ${who})`);
  const invalid = mode === 'nginx' && (dots.above > 0 || decoded.bad)
    ? (dots.above > 0 ? '".." climbs above "/": nginx answers 400 Bad Request' : 'an invalid %-escape: nginx answers 400 Bad Request')
    : undefined;
  return { path: dots.path, query, notes, invalid };
}
