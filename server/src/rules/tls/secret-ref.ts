// Shared by the tls/ rules: each spec.tls entry with the Secret it names (when found) and
// the parsed certificate of that Secret.
import { X509Certificate } from 'node:crypto';
import type { Ingress, IngressTLS, Secret, Val } from '../../ingress/model';
import type { RuleContext } from '../rule';

export interface TlsRef {
  tls: IngressTLS;
  secretName: Val;
  secret?: Secret;
}

export function tlsRefs(ing: Ingress, ctx: RuleContext): TlsRef[] {
  return ing.tls.flatMap((tls) => {
    const secretName = tls.secretName;
    if (!secretName?.value) return [];
    return [{ tls, secretName, secret: ctx.store.find('Secret', ing.namespace, secretName.value)[0] }];
  });
}

export type ParsedCert = { cert: X509Certificate } | { error: string };

const cache = new Map<string, ParsedCert>();

/** The first certificate of a PEM bundle (the leaf), parsed once per distinct PEM. */
export function parseCert(pem: string): ParsedCert {
  let hit = cache.get(pem);
  if (!hit) {
    try {
      hit = { cert: new X509Certificate(pem) };
    } catch (e) {
      hit = { error: (e as Error).message };
    }
    if (cache.size > 500) cache.clear();
    cache.set(pem, hit);
  }
  return hit;
}

/** The certificate a TLS Secret holds, when it is of type kubernetes.io/tls and has a readable tls.crt. */
export function secretCert(secret: Secret | undefined): X509Certificate | undefined {
  if (!secret || secret.type !== 'kubernetes.io/tls' || !secret.tlsCrt) return undefined;
  const p = parseCert(secret.tlsCrt);
  return 'cert' in p ? p.cert : undefined;
}

/** DNS names a certificate covers (SAN DNS entries, else its CN). */
export function certNames(cert: X509Certificate): string[] {
  const sans = (cert.subjectAltName ?? '').split(/,\s*/).filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4));
  if (sans.length) return sans;
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
  return cn ? [cn] : [];
}

/**
 * Whether the certificate serves every name the host stands for. A wildcard host
 * `*.example.com` is covered only by a wildcard certificate name for the same domain.
 */
export function certCovers(cert: X509Certificate, host: string): boolean {
  const probe = host.startsWith('*.') ? `ingress-lab-probe${host.slice(1)}` : host;
  return cert.checkHost(probe) !== undefined;
}
