// Documents as the parser hands them on: each one's span covers whatever was read from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../src/ingress/documents';
import { analyze } from '../../src/rules/analyze';

test('a broken document spans every node and error it still read (found by the fuzzing harness)', () => {
  // A block scalar indicator spliced into a path list: yaml's own range for this document stops
  // at the ">", before the keys it goes on to read.
  const text = 'kind: Ingress\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /api\n  >-          pathType: Prefix\r            backend:\r\n              service:\n                name: api\r\n          - path: /\n';
  const docs = parseManifest('file:///a.yaml', text).documents;
  const { findings } = analyze([{ uri: 'file:///a.yaml', text }]);
  assert.ok(findings.length > 0);
  for (const f of findings) {
    assert.ok(docs.some((d) => d.span.start <= f.span.start && f.span.end <= d.span.end), `${f.ruleId} ${JSON.stringify(f.span)} outside ${JSON.stringify(docs.map((d) => d.span))}`);
  }
});
