// Which Ingresses the workspace rules look at again after an edit (Project.pendingGroup): every
// Ingress whose findings can change, read with the matcher's own host rules. Found by the model
// replay of the LSP session soak, seed 4246 op 4383: a conflict/tls-host-unused finding was lost
// on the TLS host "*\tle.com" when another file's rule without host went away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProject } from '../../src/engine/index';
import { analyze } from '../../src/rules/analyze';
import type { Finding } from '../../src/ingress/findings';

const now = new Date('2026-01-01T00:00:00Z');
const key = (f: Finding) => `${f.uri} ${f.span.start}-${f.span.end} ${f.ruleId} ${f.message}`;

function ingress(name: string, opts: { host?: string; tls?: string }): string {
  const tls = opts.tls === undefined ? '' : `  tls:\n    - hosts: [${JSON.stringify(opts.tls)}]\n      secretName: tls\n`;
  const host = opts.host === undefined ? '' : `host: ${JSON.stringify(opts.host)}\n      `;
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\nspec:\n${tls}  rules:\n    - ${host}http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n`;
}

/** Sets the files one after the other; after each, every finding must be a fresh check's. Returns the last fresh findings. */
function assertAgreesAfter(steps: [string, string][]): Finding[] {
  const ws = createProject({ now: () => now });
  const files = new Map<string, string>();
  let fresh: Finding[] = [];
  for (const [k, [uri, text]] of steps.entries()) {
    files.set(uri, text);
    ws.setText(uri, text);
    ws.check();
    fresh = analyze([...files].map(([u, t]) => ({ uri: u, text: t })), { now }).findings;
    assert.deepEqual(ws.allFindings().map(key).sort(), fresh.map(key).sort(), `after step ${k + 1}`);
  }
  return fresh;
}

const unused = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'conflict/tls-host-unused').map((f) => f.message);

for (const tls of ['c.example.com', '*.example.org', '*\tle.com', '*le.com', 'x.*.com']) {
  test(`a rule without host that goes away in another file leaves TLS host ${JSON.stringify(tls)} unused`, () => {
    const a = ingress('a', { host: 'd.example.com', tls });
    const fresh = assertAgreesAfter([
      ['file:///a.yaml', a],
      ['file:///b.yaml', ingress('b', {})],
      ['file:///b.yaml', ingress('b', { host: 'e.example.com' })],
    ]);
    assert.equal(unused(fresh).length, 1, 'only the rule without host served it');
  });

  test(`a rule without host that appears in another file serves TLS host ${JSON.stringify(tls)}`, () => {
    const fresh = assertAgreesAfter([
      ['file:///a.yaml', ingress('a', { host: 'd.example.com', tls })],
      ['file:///b.yaml', ingress('b', { host: 'e.example.com' })],
      ['file:///b.yaml', ingress('b', {})],
    ]);
    assert.deepEqual(unused(fresh), []);
  });
}
