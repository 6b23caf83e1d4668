// `ingress-lab convert --to gateway-api [PATH...]`: Ingresses → HTTPRoutes (+ Gateway), a
// report per Ingress of what changes or has no equivalent, and with --check a request-by-
// request comparison of the Ingress set (with its controller profile) and the conversion.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { convertTable, DEFAULT_GATEWAY, type CheckedConversion } from '../gateway/conversion';
import { yamlDocs } from '../gateway/convert/emit';
import { gatewayTableOfObjects } from '../gateway/table';
import type { ConversionNote, ConvertResult, Json } from '../gateway/convert/types';
import { checkEquivalence, differenceRow, type EquivalenceResult } from '../gateway/equivalence';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import { profileSetting } from './route-profile';
import { UsageError } from './files';
import type { CliIO } from './io';
import { checkFormat, clusterFlags, CLUSTER_USAGE, loadProject, ROUTING_OPTIONS } from './workspace';
import type { Service } from '../ingress/model';
import type { RouteTable } from '../ingress/routing/index';

export const CONVERT_USAGE = `usage: ingress-lab convert --to gateway-api [--gateway [NS/]NAME] [--gateway-class NAME] [--with-gateway] [--out DIR] [--check] [--profile auto|spec-only|ingress-nginx] [PATH...]

Converts the Ingresses in files or folders (default ".") to Gateway API HTTPRoutes (Standard
channel, valid from v1.2), attached to one Gateway, and reports per Ingress what changes or
has no equivalent. Exit status: 0 converted, 1 --check found requests routed differently,
2 usage or I/O error.

  --to gateway-api   the target (the only one)
  --gateway NAME     the Gateway the routes attach to, NAME or NS/NAME (default "ingress-lab",
                     in the namespace of the first Ingress)
  --gateway-class C  gatewayClassName of the generated Gateway (default: the IngressClass in use, else "nginx")
  --with-gateway     also write the Gateway: per host an HTTP listener and, for TLS hosts, an
                     HTTPS listener with the TLS Secret as certificateRef
  --out DIR          write YAML files into DIR (one per Ingress, gateway.yaml); else stdout
  --check            prove the conversion: route every host and path of the Ingresses, plus
                     boundary requests, through both and print each difference
  --profile P        how the Ingresses are routed: auto (default), spec-only or ingress-nginx
  --format FORMAT    text (default) or json (the report and, with --check, the differences)
  -n, --namespace NS namespace of manifests that name none (default "default")
  --class NAME       only the Ingresses of this IngressClass
${CLUSTER_USAGE}`;

function gatewayRef(value: string | undefined): { name: string; namespace?: string } {
  const [a, b] = (value ?? DEFAULT_GATEWAY).split('/');
  return b === undefined ? { name: a! } : { namespace: a, name: b };
}

function reportText(result: ConvertResult, profile: ControllerProfile): string {
  const lines = [`profile: ${profile.id} (${profile.reason})`];
  const byIngress = new Map<string, ConversionNote[]>();
  for (const n of result.notes) byIngress.set(n.ingress, [...(byIngress.get(n.ingress) ?? []), n]);
  for (const [ing, routes] of result.routesOf) {
    lines.push(`Ingress ${ing} → ${routes.length ? routes.map((r) => `HTTPRoute ${r}`).join(', ') : 'nothing'}`);
    for (const n of byIngress.get(ing) ?? []) lines.push(`  ${n.severity}: ${n.message}`);
    byIngress.delete(ing);
  }
  for (const [who, ns] of byIngress) for (const n of ns) lines.push(`${who.includes(' ') ? who : `Ingress ${who}`}: ${n.severity}: ${n.message}`);
  return lines.join('\n');
}

function writeOut(dir: string, result: ConvertResult, withGateway: boolean): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const byNs = new Map<string, Json[]>();
  for (const r of result.routes) {
    const m = r.metadata as { namespace: string };
    byNs.set(m.namespace, [...(byNs.get(m.namespace) ?? []), r]);
  }
  const files: [string, Json[]][] = [...(withGateway ? [['gateway.yaml', [result.gateway]] as [string, Json[]]] : []), ...[...byNs].map(([ns, rs]) => [`httproutes.${ns}.yaml`, rs] as [string, Json[]])];
  for (const [name, objs] of files) {
    writeFileSync(join(dir, name), yamlDocs(objs));
    written.push(join(dir, name));
  }
  return written;
}

function checkText(r: EquivalenceResult, profile: ControllerProfile): string {
  const head = `checked ${r.checked} requests: ${r.differences.length} routed differently (Ingress with the ${profile.id} profile vs the converted Gateway API routes)`;
  if (!r.differences.length) return head;
  const rows = [['request', `Ingress (${profile.id})`, 'Gateway API', 'why'], ...r.differences.map(differenceRow)];
  const widths = [0, 1, 2].map((c) => Math.min(60, Math.max(...rows.map((x) => x[c]!.length))));
  return [head, ...rows.map((x) => x.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  '))].join('\n');
}

function convertAll(table: RouteTable, services: readonly Service[], values: Record<string, string | boolean | undefined>, profile: ControllerProfile): CheckedConversion {
  const gw = gatewayRef(values.gateway as string | undefined);
  return convertTable(table, services, profile, { ...gw, className: values['gateway-class'] as string | undefined });
}

export async function runConvert(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: 'string' }, gateway: { type: 'string' }, 'gateway-class': { type: 'string' },
      'with-gateway': { type: 'boolean', default: false }, out: { type: 'string' },
      check: { type: 'boolean', default: false }, profile: { type: 'string', default: 'auto' },
      ...ROUTING_OPTIONS,
    },
  });
  if (values.to !== 'gateway-api') throw new UsageError(values.to ? `--to must be gateway-api, not "${values.to}"` : '--to gateway-api is required');
  checkFormat(values.format!, ['text', 'json']);
  const setting = profileSetting(values.profile!);
  const { project, files, cluster } = await loadProject(positionals, clusterFlags(values), values.namespace, io);
  cluster?.close();
  const table = values.class !== undefined ? project.routeTable({ ingressClass: values.class }) : project.routeTable();
  if (!table.ingresses.length) {
    io.err(`ingress-lab convert: no Ingress found in ${files.length} file${files.length === 1 ? '' : 's'}`);
    return 0;
  }
  const services = project.store.list('Service');
  const profile = project.profile(setting, table);
  const result = convertAll(table, services, values, profile);
  const written = values.out ? writeOut(values.out, result, values['with-gateway']!) : [];
  const check = values.check ? checkEquivalence(table, profile, gatewayTableOfObjects(result.objects), services) : undefined;
  if (values.format === 'json') {
    io.out(JSON.stringify({ profile: { id: profile.id, reason: profile.reason }, notes: result.notes, written, objects: values.out ? undefined : [...(values['with-gateway'] ? [result.gateway] : []), ...result.routes], check }, null, 2));
  } else {
    if (!values.out && !check) io.out(yamlDocs([...(values['with-gateway'] ? [result.gateway] : []), ...result.routes]));
    io.err(reportText(result, profile) + (written.length ? `\nwrote ${written.join(', ')}` : ''));
    if (check) io.out(checkText(check, profile));
  }
  return check?.differences.length ? 1 : 0;
}
