// The certificate in the TLS Secret is expired, expires within 14 days, is not yet valid,
// or cannot be read at all.
import type { Ingress, Secret } from '../../ingress/model';
import type { ObjectRule, Report, RuleContext } from '../rule';
import { foundIn } from '../ref/lookup';
import { parseCert, tlsRefs } from './secret-ref';

const DAY = 86_400_000;
export const EXPIRY_WARNING_DAYS = 14;

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

type Verdict = Pick<Report, 'message' | 'severity'> | undefined;

function verdict(secret: Secret, ctx: RuleContext): Verdict {
  const who = `the certificate in Secret ${secret.namespace}/${secret.name} (${foundIn(secret, ctx)})`;
  const parsed = parseCert(secret.tlsCrt!);
  if ('error' in parsed) return { message: `${who} cannot be read: tls.crt is not a PEM certificate`, severity: 'error' };
  const from = new Date(parsed.cert.validFrom);
  const to = new Date(parsed.cert.validTo);
  const now = ctx.now.getTime();
  if (to.getTime() < now) {
    return { message: `${who} expired on ${day(to)} (${Math.floor((now - to.getTime()) / DAY)} days ago)`, severity: 'error' };
  }
  if (from.getTime() > now) return { message: `${who} is not valid before ${day(from)}`, severity: 'error' };
  const left = Math.floor((to.getTime() - now) / DAY);
  if (left < EXPIRY_WARNING_DAYS) return { message: `${who} expires on ${day(to)} (in ${left} days)`, severity: 'warning' };
  return undefined;
}

export const certValidity: ObjectRule<'Ingress'> = {
  id: 'tls/cert-validity',
  description: `The TLS certificate must be readable, valid now, and not expire within ${EXPIRY_WARNING_DAYS} days.`,
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, ctx, report) {
    for (const { secret, secretName } of tlsRefs(obj as Ingress, ctx)) {
      if (!secret?.tlsCrt || secret.type !== 'kubernetes.io/tls') continue;
      const v = verdict(secret, ctx);
      if (v) report({ ...v, span: secretName.node.span, field: secretName.node.path });
    }
  },
};
