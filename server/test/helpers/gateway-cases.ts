// Ingress manifests for the Gateway API preview tests (LSP and editor), in namespace shop with
// ingressClassName nginx: a plain path, and the ingress-nginx rewrite-target capture-group idiom
// (`/api(/|$)(.*)` → `/$2`), whose upper-case requests route differently after conversion.

export const REWRITE_ANNOTATIONS = '  annotations:\n    nginx.ingress.kubernetes.io/use-regex: "true"\n    nginx.ingress.kubernetes.io/rewrite-target: /$2\n';

export interface IngressCase {
  name: string;
  host: string;
  path: string;
  service: string;
  pathType?: string;
  /** Lines under metadata (annotations). */
  metadata?: string;
}

export function ingressYaml(c: IngressCase): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${c.name}
  namespace: shop
${c.metadata ?? ''}spec:
  ingressClassName: nginx
  rules:
    - host: ${c.host}
      http:
        paths:
          - path: ${c.path}
            pathType: ${c.pathType ?? 'ImplementationSpecific'}
            backend:
              service:
                name: ${c.service}
                port:
                  number: 8080
`;
}

/** Ingress `web` on / and the rewriting Ingress `api` on /api(/|$)(.*) of one host, as one file. */
export function rewriteCase(host: string): string {
  return `${ingressYaml({ name: 'web', host, path: '/', service: 'web' })}---\n${ingressYaml({ name: 'api', host, path: '/api(/|$)(.*)', service: 'api', metadata: REWRITE_ANNOTATIONS })}`;
}
