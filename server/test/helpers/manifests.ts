// Small manifests the engine and LSP tests write inline: one Ingress routing Prefix / of one host
// to one Service's port 80.

export interface IngressDoc {
  name: string;
  service: string;
  host: string;
  namespace?: string;
  creationTimestamp?: string;
}

export function ingressYaml(d: IngressDoc): string {
  const meta = [`  name: ${d.name}`];
  if (d.namespace !== undefined) meta.push(`  namespace: ${d.namespace}`);
  if (d.creationTimestamp !== undefined) meta.push(`  creationTimestamp: "${d.creationTimestamp}"`);
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
${meta.join('\n')}
spec:
  rules:
    - host: ${d.host}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${d.service}
                port:
                  number: 80
`;
}
