// The API server's value validators, ported from k8s.io/apimachinery
// (pkg/util/validation, pkg/api/validate/content, pkg/api/validation) and k8s.io/utils/net.
// Each returns the list of detail messages the Go function returns (empty when valid), worded
// exactly as Go words them, so rules can print `<field>: Invalid value: "x": <detail>`. Pure.

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const WILDCARD_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

const anchored = (fmt: string) => new RegExp(`^(?:${fmt})$`);
const DNS1123_LABEL_RE = anchored(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN_RE = anchored(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL_RE = anchored(DNS1035_LABEL_FMT);
const WILDCARD_RE = anchored(WILDCARD_FMT);
const LABEL_KEY_RE = anchored(LABEL_KEY_FMT);
const LABEL_VALUE_RE = anchored(LABEL_VALUE_FMT);
const HTTP_PATH_RE = anchored(HTTP_PATH_FMT);

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;
export const LABEL_VALUE_MAX = 63;
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const UTF8 = new TextEncoder();

/** Length as Go's len(string) counts it: UTF-8 bytes. */
export function goLen(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return UTF8.encode(s).length;
  return s.length;
}

/**
 * util/validation's MaxLenError (DNS names, port names): "characters". The newer
 * k8s.io/apimachinery/pkg/api/validate/content package, which label keys and values now go
 * through (util/validation's IsQualifiedName and IsValidLabelValue are aliases of
 * content.IsLabelKey and content.IsLabelValue), says "bytes".
 */
export function maxLenError(length: number, unit: 'characters' | 'bytes' = 'characters'): string {
  return `must be no more than ${length} ${unit}`;
}

export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const EMPTY_ERROR = 'must be non-empty';

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (goLen(value) > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX));
  if (!DNS1123_LABEL_RE.test(value)) {
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string, unit: 'characters' | 'bytes' = 'characters'): string[] {
  const errs: string[] = [];
  if (goLen(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX, unit));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (goLen(value) > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX));
  if (!DNS1035_LABEL_RE.test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

/** RFC 1034 4.3.3 wildcard: `*.` then a DNS-1123 subdomain (valid: *.bar.com; invalid: *, *.*.com, f*.com). */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (goLen(value) > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!WILDCARD_RE.test(value)) {
    errs.push(regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character", WILDCARD_FMT, '*.example.com'));
  }
  return errs;
}

/** Object names (NameIsDNSSubdomain): with prefix (generateName) a trailing '-' is allowed. */
export function nameIsDNSSubdomain(name: string, prefix = false): string[] {
  return isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
}

/** Namespace names (NameIsDNSLabel). */
export function nameIsDNSLabel(name: string, prefix = false): string[] {
  return isDNS1123Label(prefix ? maskTrailingDash(name) : name);
}

/** Service names (ValidateServiceName = NameIsDNS1035Label). */
export function nameIsDNS1035Label(name: string, prefix = false): string[] {
  return isDNS1035Label(prefix ? maskTrailingDash(name) : name);
}

function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IANA service names (RFC 6335), lower case only: 1-15 chars of [-a-z0-9] with at least one letter. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (goLen(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

const LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Label keys and annotation keys (IsQualifiedName = content.IsLabelKey): `[prefix/]name`; lengths in bytes. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`);
    else errs.push(...isDNS1123Subdomain(prefix, 'bytes').map((m) => `prefix part ${m}`));
  } else {
    return [`a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`);
  else if (goLen(name) > DNS1123_LABEL_MAX) errs.push(`name part ${maxLenError(DNS1123_LABEL_MAX, 'bytes')}`);
  if (!LABEL_KEY_RE.test(name)) errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** content.IsLabelValue (util/validation's IsValidLabelValue is an alias of it): lengths in bytes. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (goLen(value) > LABEL_VALUE_MAX) errs.push(maxLenError(LABEL_VALUE_MAX, 'bytes'));
  if (!LABEL_VALUE_RE.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/** Names used as URL path segments (content.IsPathSegmentName). */
export function isPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/** One error of IsDomainPrefixedPath: the value it names is not always the whole input. */
export interface ValueError {
  kind: 'required' | 'invalid';
  value: string;
  detail: string;
}

/** IsDomainPrefixedPath (IngressClass spec.controller): `acme.io/foo`. */
export function isDomainPrefixedPath(dpPath: string): ValueError[] {
  if (dpPath.length === 0) return [{ kind: 'required', value: '', detail: '' }];
  const slash = dpPath.indexOf('/');
  const host = slash < 0 ? dpPath : dpPath.slice(0, slash);
  const path = slash < 0 ? '' : dpPath.slice(slash + 1);
  if (slash < 0 || host.length === 0 || path.length === 0) {
    return [{ kind: 'invalid', value: dpPath, detail: 'must be a domain-prefixed path (such as "acme.io/foo")' }];
  }
  const errs: ValueError[] = isDNS1123Subdomain(host).map((detail) => ({ kind: 'invalid', value: host, detail }));
  if (!HTTP_PATH_RE.test(path)) errs.push({ kind: 'invalid', value: path, detail: regexError('Invalid path', HTTP_PATH_FMT) });
  return errs;
}

/** k8s.io/utils/net ParseIPSloppy: IPv4 (leading zeros allowed) or IPv6 (incl. embedded IPv4). */
export function isIPAddress(s: string): boolean {
  return isIPv4Sloppy(s) || isIPv6(s);
}

function isIPv4Sloppy(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^[0-9]+$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4Sloppy(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}
