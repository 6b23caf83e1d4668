// Messages in the exact shape the API server prints a field.ErrorList entry
// (k8s.io/apimachinery/pkg/util/validation/field): `<field>: <Type>: <detail>`.
// Rules that mirror the API server build their messages here, so the wording stays in one place.

/** A bad value as Go's field.Error prints it: strings quoted (%q), numbers and booleans bare. */
export function goValue(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
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

