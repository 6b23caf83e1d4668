// CodeLens "Try http(s)://HOST/PATH" above every path and on the defaultBackend, carrying in
// its argument everything the client needs to send the request (ingressLab.tryRoute).
import type { CodeLens } from 'vscode-languageserver';
import type { Lines } from '../engine/file-model';
import type { Ingress, IngressBackend } from '../ingress/model';
import { TlsIndex } from '../ingress/routing/index';
import type { Span } from '../ingress/source';
import { TRY_ROUTE_COMMAND, type TryRouteArgs } from '../protocol';
import { toRange } from './convert';
import type { FileModel } from '../engine/file-model';

/** A host a request can be sent to: wildcards get a concrete label, no host means any. */
export function exampleHost(ruleHost: string): string {
  if (!ruleHost) return 'localhost';
  return ruleHost.startsWith('*.') ? `test${ruleHost.slice(1)}` : ruleHost;
}

/** HTTPS when a TLS entry lists the host (or a wildcard covering it, or the example host for it). */
export function schemeFor(ing: Ingress, ruleHost: string): 'http' | 'https' {
  const host = exampleHost(ruleHost);
  const tls = new TlsIndex([ing]);
  return tls.covering(ruleHost).length > 0 || tls.covering(host).length > 0 ? 'https' : 'http';
}

/** A backend's Service and port as the client reads it (the port's number, else its name). */
export function serviceOf(b: IngressBackend | undefined): TryRouteArgs['service'] {
  const s = b?.service;
  if (!s?.name) return undefined;
  return { name: s.name.value, port: s.portNumber?.value ?? s.portName?.value };
}

interface LensInput {
  ing: Ingress;
  ruleHost: string;
  path: string;
  pathType: string;
  backend?: IngressBackend;
  span: Span;
  isDefaultBackend: boolean;
}

function lens(lines: Lines, x: LensInput): CodeLens {
  const scheme = schemeFor(x.ing, x.ruleHost);
  const host = exampleHost(x.ruleHost);
  const path = x.path.startsWith('/') ? x.path : `/${x.path}`;
  const url = `${scheme}://${host}${path}`;
  const range = toRange(lines, x.span);
  const args: TryRouteArgs = {
    url, scheme, host, ruleHost: x.ruleHost, path, pathType: x.pathType || 'ImplementationSpecific',
    namespace: x.ing.namespace, ingress: x.ing.name, service: serviceOf(x.backend),
    location: { uri: x.ing.uri, range }, isDefaultBackend: x.isDefaultBackend,
  };
  // A missing or empty pathType reads as `ingress-lab routes` prints it, not as a type nobody wrote.
  const title = x.isDefaultBackend ? `Try default backend ${url}` : `Try ${url} (${x.pathType || 'no pathType'})`;
  return { range, command: { title, command: TRY_ROUTE_COMMAND, arguments: [args] } };
}

export function codeLenses(file: FileModel): CodeLens[] {
  const out: CodeLens[] = [];
  for (const ing of file.objects) {
    if (ing.kind !== 'Ingress') continue;
    for (const r of ing.rules) {
      const ruleHost = r.host?.value ?? '';
      for (const p of r.paths) {
        out.push(lens(file.lines, {
          ing, ruleHost, path: p.path?.value ?? '/', pathType: p.pathType?.value ?? '',
          backend: p.backend, span: p.node.span, isDefaultBackend: false,
        }));
      }
    }
    if (ing.defaultBackend) {
      out.push(lens(file.lines, {
        ing, ruleHost: ing.rules.find((r) => r.host?.value)?.host?.value ?? '', path: '/', pathType: 'Prefix',
        backend: ing.defaultBackend, span: ing.defaultBackend.node.span, isDefaultBackend: true,
      }));
    }
  }
  return out;
}
