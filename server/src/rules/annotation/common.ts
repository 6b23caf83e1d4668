// The nginx.ingress.kubernetes.io/* entries of an Ingress's annotations, with their spans.
import { NGINX_PREFIX } from '../../ingress/nginx-annotations';
import { NGINX_ANNOTATION_NAMES } from '../../ingress/nginx-annotation-names';
import { entry, get, type SEntry } from '../../ingress/source';
import type { KObject } from '../../ingress/model';

export function nginxEntries(obj: KObject): { annotations: SEntry | undefined; entries: SEntry[] } {
  const meta = get(obj.root, 'metadata');
  const annotations = entry(meta, 'annotations');
  const map = annotations?.value.kind === 'map' ? annotations.value : undefined;
  return { annotations, entries: (map?.entries ?? []).filter((e) => e.key.startsWith(NGINX_PREFIX)) };
}

/** The documented ingress-nginx annotation names. */
export const KNOWN_NGINX = new Set(NGINX_ANNOTATION_NAMES);
