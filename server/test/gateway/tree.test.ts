// The Gateway API side of the route tree (Routes view, `ingress-lab routes`): matches per
// effective hostname in the Gateway API's precedence, and which ones no request reaches.
// Facts restated from kubernetes-sigs/gateway-api apis/v1/httproute_types.go (HTTPRouteRule
// Matches): "If ties still exist across multiple Routes, matching precedence MUST be determined
// in order of the following criteria, continuing on ties: The oldest Route based on creation
// timestamp. The Route appearing first in alphabetical order by {namespace}/{name}." and "If
// ties still exist within an HTTPRoute, matching precedence MUST be granted to the FIRST
// matching rule (in list order)"; implementations mark the losing route of such a tie as
// conflicted (projectcontour/contour changelog 6188, "RuleMatchConflict").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../src/ingress/documents';
import { extractGatewayObjects } from '../../src/gateway/model';
import { gatewayTableOfObjects } from '../../src/gateway/table';
import { gatewayRouteTree } from '../../src/gateway/tree';
import { fixturePath } from '../helpers/fixtures';

function tree(text: string) {
  return gatewayRouteTree(gatewayTableOfObjects(extractGatewayObjects(parseManifest('file:///routes.yaml', text), { defaultNamespace: 'default' })));
}

const fixture = () => readFileSync(fixturePath('gateway', 'tree', 'routes.yaml'), 'utf8');
const row = (m: ReturnType<typeof tree>[number]['matches'][number]) => `${m.entry.ref} rules[${m.entry.ruleIndex}] ${m.entry.match.path.type} ${m.entry.match.path.value} ${m.status}${m.reachable ? '' : ' unreachable'}`;

test('matches are listed in precedence order; a tie across routes is a conflict the older route wins, inside one route the later rule is shadowed', () => {
  const [host, ...rest] = tree(fixture());
  assert.equal(rest.length, 0);
  assert.equal(host!.hostname, 'shop.example.com', 'the route hostname, inside the listener\'s *.example.com');
  assert.deepEqual(host!.via, ['Gateway shop/gw listener http']);
  assert.deepEqual(host!.matches.map(row), [
    'shop/a rules[2] Exact /login active', // an Exact match comes first
    'shop/a rules[0] PathPrefix /api conflict', // the older route wins the tie...
    'shop/a rules[1] PathPrefix /api shadowed unreachable', // ...and its first rule the tie inside it
    'shop/b rules[0] PathPrefix /api conflict unreachable',
    'shop/b rules[1] PathPrefix / active',
  ]);
  const loser = host!.matches[3]!;
  assert.equal(loser.reason, 'the older route (then namespace/name) wins');
  assert.equal(loser.others[0]!.ref, 'shop/a', 'the winner first');
  assert.equal(host!.matches[2]!.reason, 'the first matching rule in list order wins');
});

test('a match with more criteria is no conflict: it takes only the requests that meet them', () => {
  const text = fixture().replace('    - matches: [{ path: { type: PathPrefix, value: /api } }]\n      backendRefs: [{ name: b-api', '    - matches: [{ path: { type: PathPrefix, value: /api }, headers: [{ name: x-env, value: canary }] }]\n      backendRefs: [{ name: b-api');
  const [host] = tree(text);
  assert.deepEqual(host!.matches.map(row).slice(0, 3), [
    'shop/a rules[2] Exact /login active',
    'shop/b rules[0] PathPrefix /api active', // one header match more: it ranks first
    'shop/a rules[0] PathPrefix /api active',
  ]);
});

test('a route without hostnames on a listener without one serves any host ("*", listed last); without its Gateway, an assumed listener', () => {
  const text = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: any, namespace: shop }\nspec:\n  parentRefs: [{ name: missing }]\n  rules:\n    - backendRefs: [{ name: web, port: 80 }]\n';
  const hosts = tree(`${fixture()}\n---\n${text}`);
  assert.deepEqual(hosts.map((h) => h.hostname), ['shop.example.com', '*']);
  assert.match(hosts[1]!.via[0]!, /assumed listener \(Gateway shop\/missing is not among the inputs\)/);
  assert.deepEqual(hosts[1]!.matches.map(row), ['shop/any rules[0] PathPrefix / active'], 'a rule without matches matches PathPrefix /');
});
