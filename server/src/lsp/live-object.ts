// Read-only views of live cluster objects: go to definition on a backend Service that exists
// only in the cluster opens `ingress-lab-live:/namespaces/NS/services/NAME.yaml`, whose text
// the client asks for with `ingressLab/liveObject`. The text is the object the cluster source
// holds (kept current by its watch), sanitized again: no managedFields, no last-applied
// annotation, and Secrets are never served.
import type { Location, Range } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { stringify } from 'yaml';
import { sanitize } from '../cluster/convert';
import type { KnownKind, KObject } from '../ingress/model';
import type { ObjectStore } from '../ingress/store';
import { toJson } from '../ingress/source';
import { LIVE_OBJECT_SCHEME, type LiveObjectResult } from '../protocol';

/** The kinds a live view may show (never Secret). */
const SERVED: Partial<Record<KnownKind, string>> = { Service: 'services', Ingress: 'ingresses', IngressClass: 'ingressclasses' };

export function liveObjectUri(o: Pick<KObject, 'kind' | 'namespace' | 'name'>): string | undefined {
  const plural = SERVED[o.kind];
  if (!plural) return undefined;
  const path = o.kind === 'IngressClass' ? `/${plural}/${o.name}.yaml` : `/namespaces/${o.namespace}/${plural}/${o.name}.yaml`;
  return URI.from({ scheme: LIVE_OBJECT_SCHEME, path }).toString();
}

function parseLiveUri(uri: string): { kind: KnownKind; namespace: string; name: string } | undefined {
  let u: URI;
  try {
    u = URI.parse(uri);
  } catch {
    return undefined;
  }
  if (u.scheme !== LIVE_OBJECT_SCHEME) return undefined;
  const m = /^(?:\/namespaces\/([^/]+))?\/([^/]+)\/([^/]+)\.yaml$/.exec(u.path);
  const kind = m && (Object.keys(SERVED) as KnownKind[]).find((k) => SERVED[k] === m[2]);
  if (!m || !kind || (kind === 'IngressClass') !== (m[1] === undefined)) return undefined;
  return { kind, namespace: m[1] ?? '', name: m[3]! };
}

function liveOnly(store: ObjectStore | undefined, kind: KnownKind, namespace: string, name: string): KObject | undefined {
  return store?.find(kind, namespace, name).find((o) => o.origin === 'cluster');
}

export function liveObjectText(o: KObject): string {
  const json = sanitize(toJson(o.root)) as Record<string, unknown>;
  return `# Live ${o.kind} from the cluster (read-only view)\n${stringify(json, { lineWidth: 0 })}`;
}

/** The range of `name: NAME` under metadata in the view's text (line 0 when not found). */
function nameRange(text: string, name: string): Range {
  const lines = text.split('\n');
  const meta = lines.indexOf('metadata:');
  const i = lines.findIndex((l, k) => k > meta && meta >= 0 && /^ {2}name: /.test(l));
  const at = i >= 0 ? i : 0;
  const start = i >= 0 ? lines[i]!.indexOf(':') + 2 : 0;
  return { start: { line: at, character: start }, end: { line: at, character: i >= 0 ? start + name.length : 0 } };
}

/** Where go to definition lands for a live-only object. */
export function liveLocation(o: KObject): Location | undefined {
  const uri = liveObjectUri(o);
  return uri ? { uri, range: nameRange(liveObjectText(o), o.name) } : undefined;
}

/** `ingressLab/liveObject`: the view's text from the cluster source's objects; null for anything else. */
export function liveObject(clusterObjects: ObjectStore | undefined, uri: string): LiveObjectResult | null {
  const p = parseLiveUri(uri);
  const o = p && liveOnly(clusterObjects, p.kind, p.namespace, p.name);
  if (p && !o) return { text: `# ${p.kind} ${p.kind === 'IngressClass' ? '' : `${p.namespace}/`}${p.name} is not in the cluster (any more).\n` };
  return o ? { text: liveObjectText(o) } : null;
}
