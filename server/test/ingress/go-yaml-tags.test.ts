// Plain scalars are typed the way kubectl and the API server type them (sigs.k8s.io/yaml → go-yaml
// v2 resolve(): booleans from its map, strconv.ParseInt(s, 0, 64) after dropping "_", yamlStyleFloat,
// no base-60, timestamps kept as strings), not the way a strict YAML 1.1 reader would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../src/ingress/documents';
import { rewriteToNetworkingV1 } from '../../src/ingress/migrate';

function typed(source: string): unknown {
  const root = parseManifest('file:///t.yaml', `k: ${source}\n`).documents[0]?.root;
  assert.equal(root?.kind, 'map');
  const v = root.kind === 'map' ? root.entries[0]!.value : undefined;
  return v?.kind === 'scalar' ? v.value : v;
}

const CASES: [string, unknown][] = [
  // go-yaml leaves these strings where a YAML 1.1 reader makes numbers or dates
  ['1:20', '1:20'], ['12:30:00', '12:30:00'], ['-1:20', '-1:20'], ['190:20:30.15', '190:20:30.15'],
  ['2001-12-14', '2001-12-14'], ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
  ['.', '.'], ['.e5', '.e5'], ['e5', 'e5'], ['.5_0', '.5_0'], ['_1', '_1'], ['+', '+'],
  // Go's ParseInt(s, 0, 64) prefixes, either case
  ['0o17', 15], ['0O17', 15], ['0B101', 5], ['0X1F', 31], ['0x1F', 31], ['0b101', 5], ['-0b11', -3], ['-0x1F', -31], ['+0x1F', 31],
  // the same as YAML 1.1
  ['017', 15], ['0777', 511], ['08', 8], ['089', 89], ['1_000', 1000], ['1__0', 10], ['1_', 1], ['0x_1', 1], ['+_1', 1], ['+12', 12],
  ['-0', 0], ['0', 0], ['1e3', 1000], ['1e+3', 1000], ['1.', 1], ['1.0', 1], ['0.1', 0.1], ['.5', 0.5], ['+.5', 0.5],
  ['1_000.5', 1000.5], ['6.8523015e+5', 685230.15], ['.inf', Infinity], ['-.inf', -Infinity], ['.NaN', NaN],
  ['1.5.6', '1.5.6'], ['1.2.3', '1.2.3'], ['v1', 'v1'], ['0.0.0.0', '0.0.0.0'],
  ['y', true], ['Y', true], ['yes', true], ['on', true], ['True', true], ['n', false], ['NO', false], ['off', false], ['tRue', 'tRue'],
  ['~', null], ['null', null], ['', null], ['nan', 'nan'], ['Infinity', 'Infinity'],
];

test('plain scalars get the type go-yaml v2 gives them', () => {
  for (const [source, expected] of CASES) assert.deepEqual(typed(source), expected, `k: ${source}`);
});

test('quoted scalars are always strings', () => {
  assert.equal(typed('"1:20"'), '1:20');
  assert.equal(typed("'0o17'"), '0o17');
});

test('the apiVersion rewrite keeps timestamp- and base-60-looking values as written', () => {
  const text = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    deployed: 2024-01-01\n    window: 12:30\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80\n';
  const out = rewriteToNetworkingV1(text)?.text ?? '';
  assert.match(out, /deployed: 2024-01-01\n/);
  assert.match(out, /window: 12:30\n/);
});
