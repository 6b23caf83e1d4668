// Drift the one project model ends, each asked through a real LSP connection and through the
// CLI's path (analyze(), the same project `check` runs): the same input gives the same findings,
// severities and related locations in every face.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ShowMessageRequest, type Diagnostic, type ShowMessageRequestParams } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../src/ingress/lines';
import { analyze } from '../../src/rules/analyze';
import type { Finding } from '../../src/ingress/findings';
import { ingressYaml } from '../helpers/manifests';
import { TestClient } from '../lsp/lsp-client';

const ingress = (name: string, svc: string, extra = '') => ingressYaml({ name, service: svc, host: 'drift.example.com' }) + extra;

/** code, severity and range of findings as the LSP sends them. */
function asLsp(findings: Finding[], uri: string, text: string): string[] {
  const lines = new LineIndex(text);
  const sev = { error: 1, warning: 2, info: 3, hint: 4 } as const;
  return findings.filter((f) => f.uri === uri).map((f) => {
    const s = lines.positionAt(f.span.start);
    return `${f.ruleId} ${sev[f.severity]} ${s.line}:${s.character} ${f.message}`;
  }).sort();
}

function fromLsp(diags: Diagnostic[]): string[] {
  return diags.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
}

test('a severity override of schema/yaml-syntax applies in the server as in analyze() (it gave error there, warning here)', async () => {
  const uri = 'file:///tmp/drift-syntax.yaml';
  const text = `${ingress('s', 'web')}    bad: [unclosed\n`;
  const overrides = { 'schema/yaml-syntax': 'warning' as const };
  const cli = analyze([{ uri, text }], { overrides }).findings;
  const syntax = cli.filter((f) => f.ruleId === 'schema/yaml-syntax');
  assert.ok(syntax.length > 0 && syntax.every((f) => f.severity === 'warning'), JSON.stringify(syntax));
  const client = new TestClient({ settings: { rules: overrides } });
  try {
    await client.initialize();
    await client.open(uri, text);
    const diags = await client.waitFor(uri, (d) => d.some((x) => x.code === 'schema/yaml-syntax'), true);
    assert.deepEqual(fromLsp(diags), asLsp(cli, uri, text));
  } finally {
    await client.stop();
  }
});

test('issue 10 defect 5: a document with `apiversion:` (typo) or no apiVersion gets the same findings in the editor as from check', async () => {
  const texts = [
    ingress('typo', 'web').replace('apiVersion:', 'apiversion:'),
    ingress('none', 'web').replace('apiVersion: networking.k8s.io/v1\n', ''),
  ];
  const client = new TestClient();
  try {
    await client.initialize();
    for (const [i, text] of texts.entries()) {
      const uri = `file:///tmp/drift-api-${i}.yaml`;
      const cli = analyze([{ uri, text }]).findings;
      assert.ok(cli.some((f) => f.severity === 'error'), 'check reports errors');
      await client.open(uri, text);
      const diags = await client.waitFor(uri, (d) => d.length > 0, true);
      assert.deepEqual(fromLsp(diags), asLsp(cli, uri, text));
    }
  } finally {
    await client.stop();
  }
});

test('issue 10 defect 6: lines inserted above an Ingress move the related location of the conflict in the other file and in the same file', async () => {
  const a = 'file:///tmp/drift-a.yaml';
  const b = 'file:///tmp/drift-b.yaml';
  let textB = ingress('b', 'svc-b');
  const textA = `${ingress('a', 'svc-a')}---\n${ingress('c', 'svc-c')}`;
  const client = new TestClient();
  const related = (d: Diagnostic[]) => d.filter((x) => x.code === 'conflict/duplicate-route')
    .flatMap((x) => (x.relatedInformation ?? []).map((r) => `${r.location.uri} ${r.location.range.start.line}`)).sort();
  const expected = (uri: string) => {
    const lines: Record<string, LineIndex> = { [a]: new LineIndex(textA), [b]: new LineIndex(textB) };
    return analyze([{ uri: a, text: textA }, { uri: b, text: textB }]).findings
      .filter((f) => f.uri === uri && f.ruleId === 'conflict/duplicate-route')
      .flatMap((f) => (f.related ?? []).map((r) => `${r.uri} ${lines[r.uri]!.positionAt(r.span.start).line}`)).sort();
  };
  try {
    await client.initialize();
    await client.open(a, textA);
    await client.open(b, textB);
    const before = expected(a);
    assert.ok(before.includes(`${b} 9`) && before.includes(`${a} 26`), before.join(', '));
    await client.waitFor(a, (d) => JSON.stringify(related(d)) === JSON.stringify(before), true);
    // Three lines above b's Ingress: the related locations in a.yaml pointing into b.yaml move by three.
    textB = `# one\n# two\n# three\n${textB}`;
    const after = expected(a);
    assert.ok(after.includes(`${b} 12`), after.join(', '));
    const moved = client.waitFor(a, (d) => JSON.stringify(related(d)) === JSON.stringify(after), false);
    await client.edit(b, [0, 0], [0, 0], '# one\n# two\n# three\n');
    await moved;
    // And in one file: lines inserted between a and c move c's related location in a's finding.
    const textA2 = textA.replace('---\n', '# x\n# y\n---\n');
    const inA = analyze([{ uri: a, text: textA2 }, { uri: b, text: textB }]).findings.filter((f) => f.uri === a && f.ruleId === 'conflict/duplicate-route');
    const lines = new LineIndex(textA2);
    const want = inA.flatMap((f) => (f.related ?? []).filter((r) => r.uri === a).map((r) => `${a} ${lines.positionAt(r.span.start).line}`)).sort();
    assert.ok(want.includes(`${a} 28`), want.join(', '));
    const sameFile = client.waitFor(a, (d) => JSON.stringify(related(d).filter((x) => x.startsWith(a))) === JSON.stringify(want), false);
    await client.edit(a, [16, 0], [16, 0], '# x\n# y\n');
    await sameFile;
  } finally {
    await client.stop();
  }
});

test('an unknown rule id in ingressLab.rules is reported once, not per document', async () => {
  const client = new TestClient({ settings: { rules: { 'ref/service-ready': 'off', 'ingress/path-absolute': 'warning' } } });
  const messages: ShowMessageRequestParams[] = [];
  client.conn.onRequest(ShowMessageRequest.type, (p) => { messages.push(p); return null; });
  try {
    await client.initialize();
    for (let i = 0; i < 3; i++) {
      const uri = `file:///tmp/drift-unknown-${i}.yaml`;
      await client.open(uri, ingress(`u${i}`, 'web').replace('path: /', 'path: x'));
      const diags = await client.waitFor(uri, (d) => d.some((x) => x.code === 'ingress/path-absolute'), true);
      assert.equal(diags.find((x) => x.code === 'ingress/path-absolute')!.severity, 2, 'the known override applies');
    }
    const about = messages.filter((m) => m.message.includes('ref/service-ready'));
    assert.equal(about.length, 1, JSON.stringify(messages));
    assert.match(about[0]!.message, /ingressLab\.rules names a rule that does not exist: ref\/service-ready/);
    assert.equal((client.stderr.match(/ref\/service-ready/g) ?? []).length, 1, 'one log line');
  } finally {
    await client.stop();
  }
});
