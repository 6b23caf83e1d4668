// Names of generated objects and listeners: DNS-label-safe slugs of hosts. No I/O.

/** "shop.example.com" → "shop-example-com", "*.foo.com" → "wildcard-foo-com", "" → "any-host". */
export function hostSlug(host: string): string {
  if (!host) return 'any-host';
  return host.toLowerCase().replace(/^\*\./, 'wildcard.').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A metadata.name of at most 253 characters (a long name keeps its end unique with a short hash). */
export function objectName(...parts: string[]): string {
  const name = parts.filter(Boolean).join('-');
  if (name.length <= 253) return name;
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `${name.slice(0, 244)}-${h.toString(36)}`;
}

/** Listener names: "http-shop-example-com", "https-…", "http" for hosts without a name. Section names are at most 253 characters. */
export function listenerName(scheme: 'http' | 'https', host: string): string {
  return host ? objectName(scheme, hostSlug(host)) : scheme;
}
