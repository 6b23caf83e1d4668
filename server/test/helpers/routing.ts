// Builds a route table from inline YAML or fixture files, for routing tests.
import { parseManifest } from '../../src/ingress/documents';
import { extractObjects, type Ingress, type ObjectOrigin } from '../../src/ingress/model';
import { buildRouteTable, type RouteTable } from '../../src/ingress/routing/index';

export function ingressesOf(text: string, uri = 'file:///test.yaml', origin: ObjectOrigin = 'workspace'): Ingress[] {
  return extractObjects(parseManifest(uri, text), { defaultNamespace: 'default', origin })
    .filter((o): o is Ingress => o.kind === 'Ingress');
}

export function tableOf(text: string): RouteTable {
  return buildRouteTable(ingressesOf(text));
}
