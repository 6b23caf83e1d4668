// HTTPRoute lists over the v1.2 CRD's maxItems, reported as the API server reports them.
import { crdRule, field, specOf, tooMany } from './common';

export const routeLimits = crdRule('HTTPRoute', 'gateway/too-many',
  'More HTTPRoute parentRefs (32), hostnames (16), rules (16), matches (64) or backendRefs (16) than the CRD allows.',
  (r, report) => {
    const spec = specOf(r);
    tooMany(report, field(spec, 'parentRefs'), r.parentRefs.length, 32);
    tooMany(report, field(spec, 'hostnames'), r.hostnames.length, 16);
    tooMany(report, field(spec, 'rules'), r.rules.length, 16);
    for (const rule of r.rules) {
      tooMany(report, field(rule.node, 'backendRefs'), rule.backendRefs.length, 16);
      tooMany(report, field(rule.node, 'matches'), rule.matches.length, 64);
    }
  });
