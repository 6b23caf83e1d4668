// The workspace's Gateway API objects (HTTPRoute, Gateway) as the project holds their files:
// read from the documents already parsed, never parsed again. Not part of the object index
// (no rule refers to them across files yet), so they are read on demand. No I/O.
import { extractGatewayObjects, type GatewayObject } from '../gateway/model';
import type { Project } from './project';

export function gatewayObjectsOf(project: Project): GatewayObject[] {
  const ns = project.options.defaultNamespace;
  const out: GatewayObject[] = [];
  for (const f of project.files.values()) {
    for (const e of f.entries) out.push(...extractGatewayObjects({ uri: f.uri, documents: e.docs }, { defaultNamespace: ns }));
  }
  return out;
}
