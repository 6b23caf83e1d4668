// Synthetic Ingress workspaces for benchmarks: n Ingresses, each one host with a few paths,
// plus a share of wildcard hosts, as one multi-document YAML text.
export interface SyntheticOptions {
  ingresses: number;
  pathsPerIngress?: number;
}

export function syntheticIngresses({ ingresses, pathsPerIngress = 1 }: SyntheticOptions): string {
  const docs: string[] = [];
  for (let i = 0; i < ingresses; i++) {
    const host = i % 10 === 9 ? `"*.w${i}.example.com"` : `h${i}.example.com`;
    const paths: string[] = [];
    for (let p = 0; p < pathsPerIngress; p++) {
      const pathType = p % 3 === 2 ? 'Exact' : 'Prefix';
      paths.push(`          - path: /api/v${p}
            pathType: ${pathType}
            backend:
              service: { name: svc-${i}-${p}, port: { number: 80 } }`);
    }
    docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing-${i}
  namespace: ns-${i % 50}
spec:
  rules:
    - host: ${host}
      http:
        paths:
${paths.join('\n')}
`);
  }
  return docs.join('---\n');
}

/** Requests that hit exact hosts, wildcard hosts, deep paths and misses, spread over all rules. */
export function syntheticRequests(ingresses: number, count: number, pathsPerIngress = 1): { host: string; path: string }[] {
  const out: { host: string; path: string }[] = [];
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < count; k++) {
    const i = rand(ingresses);
    const host = i % 10 === 9 ? `x.w${i}.example.com` : k % 7 === 0 ? `nohost${i}.example.org` : `h${i}.example.com`;
    const path = k % 5 === 0 ? '/static/app.js' : `/api/v${rand(pathsPerIngress)}/users/${k}?page=2`;
    out.push({ host, path });
  }
  return out;
}
