// The scheme a Try lens (and the route table's tls flag) uses: the routing module's TLS host cover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schemeFor } from '../../src/lsp/codelens';
import { ingressesOf } from '../helpers/routing';

const ingress = (tlsHosts: string[]) => ingressesOf(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: t}
spec:
  tls:
    - hosts: [${tlsHosts.join(', ')}]
      secretName: s
  rules:
    - host: a.example.com
`)[0]!;

test('Try uses https where a TLS host covers the rule host: the same host, a wildcard one label up, any case', () => {
  assert.equal(schemeFor(ingress(['a.example.com']), 'a.example.com'), 'https');
  assert.equal(schemeFor(ingress(['"*.example.com"']), 'a.example.com'), 'https');
  assert.equal(schemeFor(ingress(['"*.example.com"']), '*.example.com'), 'https');
  assert.equal(schemeFor(ingress(['A.Example.com']), 'a.example.com'), 'https');
  assert.equal(schemeFor(ingress(['test.example.com']), '*.example.com'), 'https', 'the lens sends to test.example.com');
});

test('Try uses http where no TLS host covers the rule host', () => {
  assert.equal(schemeFor(ingress(['b.example.com']), 'a.example.com'), 'http');
  assert.equal(schemeFor(ingress(['"*.example.com"']), 'x.a.example.com'), 'http', 'a wildcard covers one label only');
  assert.equal(schemeFor(ingress(['a.example.com']), '*.example.com'), 'http');
});
