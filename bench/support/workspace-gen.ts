// Synthetic workspaces for benchmarks: N Ingresses, each with its Service, written either as
// one multi-document file or spread over many files.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function ingressDoc(i: number): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: app-${i}
  namespace: team-${i % 20}
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  tls:
    - hosts: [app-${i}.example.com]
      secretName: app-${i}-tls
  rules:
    - host: app-${i}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: app-${i}
                port:
                  number: 80
          - path: /api/v${i % 3}
            pathType: Exact
            backend:
              service:
                name: app-${i}
                port:
                  name: http
`;
}

export function serviceDoc(i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: team-${i % 20}
spec:
  selector:
    app: app-${i}
  ports:
    - name: http
      port: 80
      targetPort: 8080
`;
}

/** One multi-document file: count Ingresses, each followed by its Service. */
export function workspaceText(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(ingressDoc(i), serviceDoc(i));
  return docs.join('---\n');
}

/** Writes the workspace in a new temporary folder; returns the folder. */
export function writeWorkspace(count: number, layout: 'one-file' | 'many-files'): string {
  const dir = mkdtempSync(join(tmpdir(), `ingress-lab-bench-${count}-${layout}-`));
  if (layout === 'one-file') {
    writeFileSync(join(dir, 'all.yaml'), workspaceText(count));
  } else {
    for (let i = 0; i < count; i++) {
      const sub = join(dir, `team-${i % 20}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `app-${i}.yaml`), `${ingressDoc(i)}---\n${serviceDoc(i)}`);
    }
  }
  return dir;
}
