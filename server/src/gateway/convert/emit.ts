// The converted objects as YAML, and read back as the Gateway API matcher reads them: the
// check routes through the very YAML a user gets. Written as YAML 1.1, the version kubectl
// reads: a string such as "yes" or "on" is quoted, or the API server would read a boolean. No I/O.
import { stringify } from 'yaml';
import { parseManifest } from '../../ingress/documents';
import { extractGatewayObjects, type GatewayObject } from '../model';
import { gatewayTableOfObjects, type GatewayTable } from '../table';
import type { ConvertResult, Json } from './types';

export function yamlDocs(objects: readonly Json[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' })).join('---\n');
}

/** The URI the converted HTTPRoutes are read back under: their spans are offsets in yamlDocs(result.routes). */
export const CONVERTED_ROUTES_URI = 'converted:///httproutes.yaml';

/** The converted objects read back from their YAML: the Gateway, then the HTTPRoutes (read from yamlDocs(result.routes) alone). */
export function convertedObjects(result: ConvertResult): GatewayObject[] {
  return [...readConverted('converted:///gateway.yaml', [result.gateway]), ...readConverted(CONVERTED_ROUTES_URI, result.routes)];
}

/** Converted objects read back from the YAML written for them, under `uri`. */
export function readConverted(uri: string, objects: readonly Json[], defaultNamespace = 'default'): GatewayObject[] {
  return extractGatewayObjects(parseManifest(uri, yamlDocs(objects)), { defaultNamespace });
}

export function convertedTable(result: ConvertResult): GatewayTable {
  return gatewayTableOfObjects(convertedObjects(result));
}
