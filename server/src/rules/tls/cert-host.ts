// The certificate in the TLS Secret does not cover a host listed in the same spec.tls entry
// (SAN DNS names, `*.` wildcards matching exactly one label).
import type { Ingress } from '../../ingress/model';
import type { ObjectRule } from '../rule';
import { foundIn } from '../ref/lookup';
import { certCovers, certNames, secretCert, tlsRefs } from './secret-ref';

export const certHost: ObjectRule<'Ingress'> = {
  id: 'tls/cert-host',
  description: 'The TLS certificate must cover every host of its spec.tls entry.',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, ctx, report) {
    for (const { secret, tls } of tlsRefs(obj as Ingress, ctx)) {
      const cert = secretCert(secret);
      if (!cert) continue;
      for (const host of tls.hosts) {
        if (!host.value || certCovers(cert, host.value)) continue;
        report({
          message: `the certificate in Secret ${secret!.namespace}/${secret!.name} (${foundIn(secret!, ctx)}) does not cover "${host.value}"; it covers: ${certNames(cert).join(', ') || 'no DNS names'}`,
          span: host.node.span,
          field: host.node.path,
        });
      }
    }
  },
};
