// `ingress-lab route --host HOST --path PATH [PATH...]`: where that request goes, and why.
import { parseArgs } from 'node:util';
import { backendJson, backendLabel, ingressRef, type RouteResult, type TraceStep } from '../ingress/routing/index';
import type { CliIO } from './io';
import { normalizeClusterArgs } from './cluster-source';
import type { FileLookup } from './format';
import { checkFormat, CLUSTER_USAGE, clusterFlags, jsonLocation, loadProject, ROUTING_OPTIONS, textLocation } from './workspace';
import { gatewayLookup } from '../gateway/match';
import { gatewayText, profiledRoute, profiledText, profileSetting, PROFILE_OPTIONS, PROFILE_USAGE, requestOf } from './route-profile';

export const ROUTE_USAGE = `usage: ingress-lab route [--host HOST] [--path PATH] [--format text|json] [--namespace NS] [--class NAME]
                         [--cluster[=optional]] [--context NAME] [--snapshot FILE] [PATH...]

Shows where a request goes with the Ingresses in files or folders (recursive *.yaml, *.yml;
default "."): the rule or defaultBackend that takes it, its backend, and a trace of every
decision; what the controller profile then does; and, when the files hold HTTPRoutes, where
the Gateway API matcher sends the same request. Exit status: 0 routed, 1 no match (404), 2 usage or I/O error.

  --host HOST        the request's Host header; without it, only rules without host match
  --path PATH        the request's URL path (default "/")
  --format FORMAT    text (default) or json
  -n, --namespace NS namespace of manifests that name none (default "default")
  --class NAME       only the Ingresses of this IngressClass (the default class applies to
                     those without one)
${CLUSTER_USAGE}
${PROFILE_USAGE}`;

export function routeJson(r: RouteResult, lookup: FileLookup) {
  const m = r.match;
  const e = m?.entry;
  const node = e ? e.node : m?.ingress.defaultBackend?.node;
  const match = m && node ? {
    ingress: ingressRef(m.ingress),
    ...jsonLocation(lookup, m.ingress.uri, node.span),
    field: node.path,
    host: e?.host ?? null,
    path: e ? e.path : null,
    pathType: e?.pathType ?? null,
    backend: backendJson(m.backend),
    via: m.via,
  } : null;
  return { request: { host: r.host, path: r.path }, match, status: r.status, trace: r.trace };
}

/** The trace's steps; the last ("→ backend via …") is left out: the first line already says it. */
function traceText(trace: readonly TraceStep[]): string[] {
  return trace.filter((s) => s.step !== 'result').flatMap((s) => [
    `  ${s.message}`,
    ...(s.candidates ?? []).map((c) => `    ${c.winner ? '✓' : c.matches ? '·' : '✗'} ${c.pathType ?? '(no pathType)'} ${c.path || '(empty)'}  Ingress ${c.ingress}  ${c.reason}`),
  ]);
}

export function routeText(r: RouteResult, lookup: FileLookup): string {
  const m = r.match;
  const head = `${r.host || '(no host)'}${r.path} → ${m ? backendLabel(m.backend) : '404 Not Found'}`;
  const node = m?.entry?.node ?? m?.ingress.defaultBackend?.node;
  const where = m && node
    ? [`  via ${m.via === 'rule' ? `${m.entry!.pathType ?? '(no pathType)'} ${m.entry!.path}` : 'defaultBackend'} of Ingress ${ingressRef(m.ingress)} (${textLocation(lookup, m.ingress.uri, node.span)})`]
    : [];
  return [head, ...where, 'trace:', ...traceText(r.trace)].join('\n');
}

export async function runRoute(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: normalizeClusterArgs(argv),
    allowPositionals: true,
    options: {
      host: { type: 'string', default: '' },
      path: { type: 'string', default: '/' },
      ...ROUTING_OPTIONS,
      ...PROFILE_OPTIONS,
    },
  });
  checkFormat(values.format!, ['text', 'json']);
  const { project, lookup, files, cluster } = await loadProject(positionals, clusterFlags(values), values.namespace, io);
  cluster?.close();
  const workspaceRoutes = project.gatewayTable();
  const gw = workspaceRoutes.routes.length ? workspaceRoutes : undefined;
  if (project.routeTable().ingresses.length === 0 && !gw) io.err(`ingress-lab route: no Ingress found in ${files.length} file${files.length === 1 ? '' : 's'}`);
  const result = project.route(values.host!, values.path!, { explain: 50, ingressClass: values.class });
  const table = values.class !== undefined ? project.routeTable({ ingressClass: values.class }) : project.routeTable();
  const req = requestOf(values.host!, values.path!, values);
  const p = profiledRoute(project.profile(profileSetting(values.profile!), table), table, req);
  const g = gw && gatewayLookup(gw, req); // the workspace's HTTPRoutes, with the Gateway API's precedence
  io.out(values.format === 'json'
    ? JSON.stringify({ ...routeJson(result, lookup), profile: { id: p.profile.id, reason: p.profile.reason }, answer: p.answer, ...(g ? { gatewayApi: g } : {}) }, null, 2)
    : [routeText(result, lookup), ...profiledText(p), ...(g ? gatewayText(g) : [])].join('\n'));
  return result.match || (g && g.status !== 404) ? 0 : 1;
}
