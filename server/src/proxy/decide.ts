// From a request's host and path to a Service target, with the one matcher
// (ingress/routing). Anything the proxy cannot send on comes back as a Refusal with a reason.
import { backendLabel, lookup, type RouteResult, type RouteTable } from '../ingress/routing/index';
import { notRoutedReason, ruleLabel, type Refusal } from './explain';
import type { ServiceTarget } from './upstream';

/** What the proxy does with a request: forward it to a Service, or refuse it saying why. */
export type Decision =
  | {
    kind: 'forward';
    result: RouteResult;
    /** The rule used, for the X-Ingress-Lab-Route header. */
    rule: string;
    target: ServiceTarget;
    refusal?: undefined;
  }
  | {
    kind: 'refuse';
    result: RouteResult;
    /** The rule used; undefined when nothing routes the request (404). */
    rule: string | undefined;
    refusal: Refusal;
    target?: undefined;
  };

export function decide(table: RouteTable, host: string, path: string): Decision {
  const result = lookup(table, host, path);
  const rule = ruleLabel(result);
  const m = result.match;
  if (!m || rule === undefined) return { kind: 'refuse', result, rule, refusal: { status: 404, reason: `no rule routes this request: ${notRoutedReason(result)}` } };
  const svc = m.backend?.service;
  if (!svc) {
    return { kind: 'refuse', result, rule, refusal: { status: 502, rule, reason: `the backend is ${backendLabel(m.backend)}: the proxy forwards only to Services` } };
  }
  const port = svc.portNumber?.value ?? svc.portName?.value;
  if (!svc.name?.value || port === undefined) {
    return { kind: 'refuse', result, rule, refusal: { status: 502, rule, reason: `the backend ${backendLabel(m.backend)} names no Service or no port` } };
  }
  return { kind: 'forward', result, rule, target: { namespace: m.ingress.namespace, service: svc.name.value, port } };
}
