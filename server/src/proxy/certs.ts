// The proxy's local CA and the certificates it issues on the fly, one per SNI name. The
// CA is created once and kept in a folder (key readable by the user only), so a browser
// or curl told to trust ca.pem keeps trusting it across runs. Leaf certificates live in
// memory for the life of the proxy. EC keys: generating one takes milliseconds.
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
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }],
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

/** Secure contexts per SNI name, each issued once. */
export class CertificateCache {
  private readonly contexts = new Map<string, Promise<SecureContext>>();

  constructor(private readonly ca: CaFiles) {}

  contextFor(host: string): Promise<SecureContext> {
    const h = host.toLowerCase();
    let ctx = this.contexts.get(h);
    if (!ctx) {
      ctx = issueCertificate(this.ca, h).then((c) => createSecureContext({ cert: c.certPem, key: c.keyPem }));
      ctx.catch(() => this.contexts.delete(h));
      this.contexts.set(h, ctx);
    }
    return ctx;
  }
}
