// The project model's incremental workspace: chunked parsing gives what a whole-file parse gives, and an
// edit re-parses and re-checks only what it affects (the changed object and its dependents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../src/ingress/documents';
import { extractObjects } from '../../src/ingress/model';
import type { Ingress } from '../../src/ingress/model';
import type { Finding } from '../../src/ingress/findings';
import { analyze } from '../../src/rules/analyze';
import type { ObjectRule } from '../../src/rules/rule';
import { FileModel } from '../../src/engine/file-model';
import { Project as Workspace } from '../../src/engine/index';
import { explainRoute } from '../../src/lsp/routes';
import { ClusterObjects } from '../../src/ingress/store';
import { fixturePath } from '../helpers/fixtures';

function docsOf(docs: { index: number; span: unknown; root: unknown; syntax: { span: unknown; message: string }[] }[]) {
  return docs.map((d) => JSON.stringify({ i: d.index, span: d.span, root: d.root, syntax: d.syntax.map((s) => [s.span, s.message]) }));
}

/** A whole-file parse, objects read (which redacts Secret values, as the server does). */
function wholeFile(text: string) {
  const file = parseManifest('file:///x.yaml', text);
  extractObjects(file, { defaultNamespace: 'default' });
  return docsOf(file.documents);
}

test('chunked parsing equals a whole-file parse, spans included, also after edits above', () => {
  const texts = [
    readFileSync(fixturePath('lsp', 'ws', 'services.yaml'), 'utf8'),
    readFileSync(fixturePath('lsp', 'ws', 'shop.yaml'), 'utf8'),
    '---\na: 1\n---\n---\nb: [1\n...\n---\nc: 3\n--- \nd: 4',
    '# only a comment\n',
  ];
  for (const text of texts) {
    const f = new FileModel('file:///x.yaml');
    f.update(text, 'default');
    assert.ok(JSON.stringify(docsOf(f.documents)) === JSON.stringify(wholeFile(text)), `same documents for ${text.slice(0, 40)}`);
    const edited = `# added line\n${text.replace('a: 1', 'a: 12')}`;
    f.update(edited, 'default');
    assert.ok(JSON.stringify(docsOf(f.documents)) === JSON.stringify(wholeFile(edited)), `same documents after an edit of ${text.slice(0, 40)}`);
  }
});

function ingress(i: number, service: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing-${i}\nspec:\n  rules:\n    - host: h${i}.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${service}\n                port:\n                  number: 80\n`;
}

test('an edit re-checks only the changed object and the objects that reference a changed Service', () => {
  const checked: string[] = [];
  const spy: ObjectRule = {
    id: 'test/spy', description: 'records what is checked', severity: 'info', scope: 'object', kinds: ['Ingress', 'Service'],
    check(obj, ctx, report) {
      checked.push(obj.name);
      const svc = obj.kind === 'Ingress' ? (obj as Ingress).rules[0]?.paths[0]?.backend?.service?.name : undefined;
      if (svc && ctx.store.find('Service', obj.namespace, svc.value).length === 0) report({ message: `no Service ${svc.value}`, span: svc.node.span });
    },
  };
  const ws = new Workspace({ defaultNamespace: 'default', overrides: {}, now: () => new Date(0), rules: [spy] });
  const docs = Array.from({ length: 200 }, (_, i) => ingress(i, i % 50 === 0 ? 'special' : 'web'));
  const text = docs.join('---\n');
  ws.setText('file:///ing.yaml', text);
  ws.check();
  assert.equal(checked.length, 200);
  assert.equal(ws.findings('file:///ing.yaml').length, 200);

  checked.length = 0;
  const edited = text.replace('name: ing-7\n', 'name: ing-7x\n');
  ws.setText('file:///ing.yaml', edited);
  assert.deepEqual(ws.check(), ['file:///ing.yaml']);
  assert.deepEqual(checked, ['ing-7x']);

  checked.length = 0;
  ws.setText('file:///svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: special\nspec:\n  ports: [{port: 80}]\n');
  ws.check();
  assert.deepEqual(checked.sort(), ['ing-0', 'ing-100', 'ing-150', 'ing-50', 'special']);
  const left = ws.findings('file:///ing.yaml');
  assert.equal(left.length, 196);
  assert.equal(left[195]!.span.start, edited.lastIndexOf('name: web') + 6, 'cached findings after the edit moved with it');
});

test('editor edits (insertions, deletions, new and removed separators) keep chunks equal to a whole-file parse', () => {
  let text = [ingress(1, 'a'), ingress(2, 'b'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n', ingress(3, 'c')].join('---\n');
  const f = new FileModel('file:///x.yaml', true);
  f.update(text, 'default');
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const inserts = ['x', '\n', '---\n', '\n---\n', 'key: [1', ': ', '  ', ''];
  for (let k = 0; k < 300; k++) {
    const start = rnd(text.length + 1);
    const end = Math.min(text.length, start + rnd(k % 3 === 0 ? 12 : 2));
    const insert = inserts[rnd(inserts.length)]!;
    text = text.slice(0, start) + insert + text.slice(end);
    f.applyEdit(start, end, insert, text, 'default');
    assert.ok(JSON.stringify(docsOf(f.documents)) === JSON.stringify(wholeFile(text)), `edit ${k}: ${JSON.stringify([start, end, insert])}`);
  }
});

test('workspace rules look again at the Ingresses sharing a host, a covering wildcard, or the hosts a wildcard covers', () => {
  const ws = new Workspace({ defaultNamespace: 'default', overrides: {}, now: () => new Date(0), rules: [] });
  const ing = (name: string, host: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\nspec:\n  rules:\n    - host: "${host}"\n`;
  ws.setText('file:///w.yaml', [ing('a', 'a.example.com'), ing('b', 'b.example.com'), ing('wild', '*.example.com'), ing('other', 'a.example.org')].join('---\n'));
  const names = (hosts: string[]) => [...ws.index.ingressesFor(hosts)].map((i) => i.name).sort();
  assert.deepEqual(names(['a.example.com']), ['a', 'wild']);
  assert.deepEqual(names(['*.example.com']), ['a', 'b', 'wild']);
  assert.deepEqual(names(['a.example.org']), ['other']);
});

test('after random edits the incremental findings equal a fresh analysis of the final text (all rules)', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const ws = new Workspace({ defaultNamespace: 'default', overrides: {}, now: () => now });
  const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: ${name}}\n  ports: [{name: http, port: 80}]\n`;
  let text = [ingress(1, 'a'), svc('a'), ingress(2, 'b'), ingress(3, 'a').replace('h3.example.com', 'h1.example.com'), svc('c')].join('---\n');
  const uri = 'file:///r.yaml';
  ws.setText(uri, text, true);
  ws.check();
  let seed = 11;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const inserts = ['x', '\n', '---\n', 'name: b', 'a', 'host: h2.example.com', '', '  ', 'pathType: Exact'];
  const key = (f: Finding) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.message}`;
  for (let k = 0; k < 120; k++) {
    const start = rnd(text.length + 1);
    const end = Math.min(text.length, start + rnd(6));
    const insert = inserts[rnd(inserts.length)]!;
    text = text.slice(0, start) + insert + text.slice(end);
    ws.applyEdit(uri, start, end, insert, text);
    ws.check();
    const fresh = analyze([{ uri, text }], { now }).findings.filter((f) => f.uri === uri).map(key).sort();
    assert.deepEqual(ws.findings(uri).map(key).sort(), fresh, `after edit ${k}`);
  }
});

test('an edit in one file clears a conflict in another even when the two spell the host in different case', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const ws = new Workspace({ defaultNamespace: 'default', overrides: {}, now: () => now });
  const a = ingress(1, 'a');
  const b = ingress(2, 'b').replace('h2.example.com', 'H1.Example.com');
  ws.setText('file:///a.yaml', a);
  ws.setText('file:///b.yaml', b);
  ws.check();
  const conflicts = (uri: string) => ws.findings(uri).filter((f) => f.ruleId.startsWith('conflict/')).map((f) => f.ruleId);
  assert.ok(conflicts('file:///a.yaml').length > 0, 'the same host and path in two Ingresses is a conflict');
  ws.setText('file:///b.yaml', b.replace('path: /', 'path: /other'));
  ws.check();
  assert.deepEqual(conflicts('file:///a.yaml'), [], 'the edit in b.yaml re-checks a.yaml');
  const fresh = analyze([{ uri: 'file:///a.yaml', text: a }, { uri: 'file:///b.yaml', text: b.replace('path: /', 'path: /other') }], { now });
  assert.deepEqual(fresh.findings.filter((f) => f.ruleId.startsWith('conflict/')), []);
});

test('conflicts in the server give the same winner as analyze(): a workspace copy keeps its live creationTimestamp', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const named = (name: string, svc: string, ts?: string) => ingress(1, svc).replace('name: ing-1', `name: ${name}${ts ? `\n  creationTimestamp: "${ts}"` : ''}`);
  const cluster = new ClusterObjects();
  const live = named('a', 'svc-a', '2025-01-01T00:00:00Z') + '---\n' + named('b', 'svc-b', '2024-01-01T00:00:00Z');
  for (const o of extractObjects(parseManifest('k8s://cluster', live), { defaultNamespace: 'default', origin: 'cluster' })) cluster.upsert(o);
  const files = [{ uri: 'file:///a.yaml', text: named('a', 'svc-a2') }, { uri: 'file:///b.yaml', text: named('b', 'svc-b2') }];
  const ws = new Workspace({ defaultNamespace: 'default', overrides: {}, now: () => now });
  ws.setCluster({ objects: cluster });
  for (const f of files) ws.setText(f.uri, f.text);
  ws.check();
  const dup = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'conflict/duplicate-route').map((f) => `${f.uri} ${f.message}`).sort();
  const fresh = dup(analyze(files, { now, clusterObjects: cluster }).findings);
  assert.ok(fresh.some((m) => m.startsWith('file:///b.yaml') && m.includes('this one wins (oldest wins')), 'b is the older one in the cluster');
  assert.deepEqual(dup([...ws.findings('file:///a.yaml'), ...ws.findings('file:///b.yaml')]), fresh);
  assert.equal(explainRoute(ws, { host: 'h1.example.com', path: '/' }).route?.ingress, 'b', 'Explain route names the winner the diagnostics name');
});
