// Messages in the exact shape the API server prints a field.ErrorList entry
// (k8s.io/apimachinery/pkg/util/validation/field): `<field>: <Type>: <detail>`.
// Rules that mirror the API server build their messages here, so the wording stays in one place.

const GO_ESCAPES: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\',
};
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * Go's %q (strconv.Quote): printable characters as they are, the C escapes, other control
 * characters as \xHH, other non-printable characters (format characters, spaces other than
 * " " such as a no-break space) as \uHHHH. JSON.stringify would print those invisibly.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = GO_ESCAPES[ch];
    const cp = ch.codePointAt(0)!;
    if (esc) out += esc;
    else if (ch === ' ' || !/[\p{C}\p{Z}]/u.test(ch)) out += ch;
    else out += cp < 0x80 ? `\\x${hex(cp, 2)}` : cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

/** A bad value as Go's field.Error prints it: strings quoted (%q), numbers and booleans bare. */
export function goValue(value: string | number | boolean): string {
  return typeof value === 'string' ? goQuote(value) : String(value);
}

function withDetail(head: string, detail: string | undefined): string {
  return detail ? `${head}: ${detail}` : head;
}

/** field.Invalid(path, value, detail). `rawValue` prints a value verbatim (e.g. a Go slice). */
export function invalid(field: string, value: string | number | boolean, detail: string): string {
  return withDetail(`${field}: Invalid value: ${goValue(value)}`, detail);
}

export function invalidRaw(field: string, rawValue: string, detail: string): string {
  return withDetail(`${field}: Invalid value: ${rawValue}`, detail);
}

/** field.Required(path, detail). */
export function required(field: string, detail = ''): string {
  return withDetail(`${field}: Required value`, detail);
}

/** field.NotSupported(path, value, supported): values quoted and listed in the order given. */
export function notSupported(field: string, value: string, supported: readonly string[]): string {
  return withDetail(`${field}: Unsupported value: ${goValue(value)}`, `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`);
}

/** field.Forbidden(path, detail). */
export function forbidden(field: string, detail: string): string {
  return withDetail(`${field}: Forbidden`, detail);
}

/**
 * field.TooLong(path, _, max): the value is never printed. Worded as the newest apimachinery
 * (field/errors.go since the declarative-validation rework) words it; releases before it
 * printed "must have at most N bytes".
 */
export function tooLong(field: string, maxBytes: number): string {
  return `${field}: Too long: may not be more than ${maxBytes} ${maxBytes === 1 ? 'byte' : 'bytes'}`;
}

/**
 * A non-scalar bad value as the newest field.Error.ErrorBody prints it: JSON (a nil Go slice
 * is `null`, an empty one `[]`). Releases before it printed Go's %#v (`[]networking.IngressRule(nil)`).
 */
export function goJson(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

