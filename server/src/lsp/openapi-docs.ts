// Field documentation from the connected cluster's OpenAPI v3 (`/openapi/v3` discovery, then
// the networking.k8s.io/v1 document it points at), so hovers describe the API server the user
// deploys to. Fetched once per connection by the session; the bundled schema is the fallback.
import type { ApiResponse } from '../cluster/http';
import type { FieldDoc } from './ingress-fields';

type Schema = {
  description?: string; type?: string; format?: string; $ref?: string; allOf?: Schema[];
  items?: Schema; properties?: Record<string, Schema>; required?: string[]; enum?: string[];
};

export interface OpenApiDocs {
  schemas: Record<string, Schema>;
  /** `info.version` of the document (the cluster's version), for the hover's source line. */
  version: string;
}

const GROUP_VERSION = 'apis/networking.k8s.io/v1';
const ROOTS: Record<string, string> = { Ingress: 'io.k8s.api.networking.v1.Ingress', IngressClass: 'io.k8s.api.networking.v1.IngressClass' };

/** Fetches the two documents; undefined when the server has no OpenAPI v3 (or it cannot be read). */
export async function fetchOpenApiDocs(get: (path: string) => Promise<ApiResponse>): Promise<OpenApiDocs | undefined> {
  const discovery = await get('/openapi/v3');
  const url = (discovery.body as { paths?: Record<string, { serverRelativeURL?: string }> })?.paths?.[GROUP_VERSION]?.serverRelativeURL;
  if (discovery.status !== 200 || !url) return undefined;
  const doc = await get(url);
  const body = doc.body as { components?: { schemas?: Record<string, Schema> }; info?: { version?: string } };
  if (doc.status !== 200 || !body?.components?.schemas) return undefined;
  return { schemas: body.components.schemas, version: body.info?.version ?? '' };
}

function resolve(docs: OpenApiDocs, s: Schema | undefined, depth = 0): Schema | undefined {
  const ref = s?.$ref ?? (s?.allOf?.length === 1 ? s.allOf[0]!.$ref : undefined);
  if (!s || !ref || depth > 8) return s;
  return resolve(docs, docs.schemas[ref.replace('#/components/schemas/', '')], depth + 1);
}

function typeOf(docs: OpenApiDocs, s: Schema): FieldDoc['type'] {
  const t = s.type ?? resolve(docs, s)?.type ?? 'object';
  return (t === 'integer' || t === 'number' ? 'integer' : t === 'boolean' || t === 'array' || t === 'string' ? t : 'object') as FieldDoc['type'];
}

/** Documentation of the field at a generic path (`spec.rules[].http.paths[].pathType`). */
export function openApiFieldDoc(docs: OpenApiDocs, path: string, kind = 'Ingress'): FieldDoc | undefined {
  const segments = path.split('.');
  let parent: Schema | undefined = ROOTS[kind] ? docs.schemas[ROOTS[kind]] : undefined;
  for (const [i, seg] of segments.entries()) {
    const m = /^([^[]+)((?:\[\])*)$/.exec(seg);
    const owner = resolve(docs, parent);
    const field = m ? owner?.properties?.[m[1]!] : undefined;
    if (!m || !field) return undefined;
    if (i === segments.length - 1) {
      const doc = field.description || resolve(docs, field)?.description;
      return doc ? { name: m[1]!, type: typeOf(docs, field), doc, required: owner?.required?.includes(m[1]!) } : undefined;
    }
    parent = field;
    for (let k = 0; k < m[2]!.length / 2; k++) parent = resolve(docs, parent)?.items;
  }
  return undefined;
}
