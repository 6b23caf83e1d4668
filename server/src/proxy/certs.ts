// The proxy's local CA and the certificates it issues on the fly, one per SNI name. The
// CA is created once and kept in a folder (key readable by the user only: ca-key.pem 0600
// in a 0700 folder), so a browser or curl told to trust ca.pem keeps trusting it across
// runs. EC keys: generating one takes milliseconds.
//
// Name constraints: none, by decision. The CA exists to sign the hosts the user's own
// Ingresses list under tls, which are real domain names of any suffix (shop.example.com,
// api.company.io); a permitted subtree fixed at creation would break Try for them, and a CA
// re-made for each new host set would have to be trusted again after every edit. What
// bounds it instead: the key never leaves this machine's user account (0600), the CA may
// sign leaves only (pathLenConstraint 0: no intermediate CA can be made from it), leaves
// live 90 days and are issued only for names an Ingress tls section lists (the proxy's SNI
// check), and the CA is created only when HTTPS serving is asked for. Someone who can read
// the key can impersonate any site to this user: as with mkcert, that is the price of a
// trusted local CA, and why the key's permissions are tested.
//
// Leaf certificates are kept in memory, the most recently used MAX_CACHED (a wildcard tls
// host covers unboundedly many SNI names).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext, type SecureContext } from 'node:tls';
import { isIP } from 'node:net';
import selfsigned from 'selfsigned';

export interface CaFiles {
  certPem: string;
  keyPem: string;
  /** Where ca.pem is, for the user to trust. */
  certPath: string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Loads the CA from dir, or creates it there. */
export async function loadOrCreateCa(dir: string): Promise<CaFiles> {
  const certPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'ca-key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    return { certPem: readFileSync(certPath, 'utf8'), keyPem: readFileSync(keyPath, 'utf8'), certPath };
  }
  const now = new Date();
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'Ingress Lab local CA' }, { name: 'organizationName', value: 'Ingress Lab' }], {
    keyType: 'ec', algorithm: 'sha256', notBeforeDate: now, notAfterDate: new Date(now.getTime() + 10 * YEAR_MS),
    extensions: [{ name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }],
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, ca.private, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, ca.cert);
  return { certPem: ca.cert, keyPem: ca.private, certPath };
}

/** A certificate for one host name (or IP), signed by the CA. */
export async function issueCertificate(ca: CaFiles, host: string): Promise<{ certPem: string; keyPem: string }> {
  const now = new Date();
  const altName = isIP(host) ? { type: 7 as const, ip: host } : { type: 2 as const, value: host };
  const leaf = await selfsigned.generate([{ name: 'commonName', value: host.slice(0, 64) }], {
    keyType: 'ec', algorithm: 'sha256', notBeforeDate: new Date(now.getTime() - 60_000), notAfterDate: new Date(now.getTime() + 90 * 24 * 3600 * 1000),
    ca: { key: ca.keyPem, cert: ca.certPem },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [altName] },
    ],
  });
  const pem = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
  return { certPem: pem(leaf.cert) + pem(ca.certPem), keyPem: leaf.private };
}

export const MAX_CACHED_CERTIFICATES = 256;

/** Secure contexts per SNI name, each issued once while it stays among the most recently used. */
export class CertificateCache {
  private readonly contexts = new Map<string, Promise<SecureContext>>();

  constructor(private readonly ca: CaFiles, private readonly max = MAX_CACHED_CERTIFICATES) {}

  contextFor(host: string): Promise<SecureContext> {
    const h = host.toLowerCase();
    let ctx = this.contexts.get(h);
    if (ctx) {
      this.contexts.delete(h); // Map order is insertion order: re-inserted, it is the most recent
    } else {
      ctx = issueCertificate(this.ca, h).then((c) => createSecureContext({ cert: c.certPem, key: c.keyPem }));
      ctx.catch(() => this.contexts.delete(h));
    }
    this.contexts.set(h, ctx);
    if (this.contexts.size > this.max) this.contexts.delete(this.contexts.keys().next().value!);
    return ctx;
  }

  get size(): number {
    return this.contexts.size;
  }
}
