// Related locations point where the user has to act, not at the top of the other file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/rules/analyze';
import { LineIndex } from '../../src/ingress/lines';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: web, port: { number: 8080 } } }
`;
const SERVICE = `# the shop's web front
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports:
    - name: http
      port: 80
`;

test('ref/backend-port: the related location is the Service\'s ports list', () => {
  const { findings } = analyze([
    { uri: 'file:///w/ingress.yaml', text: INGRESS },
    { uri: 'file:///w/service.yaml', text: SERVICE },
  ]);
  const f = findings.find((x) => x.ruleId === 'ref/backend-port');
  assert.ok(f, 'the missing port 8080 is reported');
  assert.equal(f.related?.length, 1);
  const rel = f.related![0]!;
  assert.equal(rel.uri, 'file:///w/service.yaml');
  assert.equal(new LineIndex(SERVICE).positionAt(rel.span.start).line, 7, 'points at "- name: http" under ports');
});
