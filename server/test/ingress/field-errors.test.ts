// field.ErrorList's printing: `<field>: <Type>: <detail>`, strings quoted, numbers bare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forbidden, goJson, goQuote, invalid, notSupported, required, tooLong } from '../../src/ingress/field-errors';

test('messages read like the API server prints them', () => {
  assert.equal(invalid('spec.rules[0].http.paths[0].path', 'api', 'must be an absolute path'),
    'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path');
  assert.equal(invalid('spec.defaultBackend.service.port.number', 70000, 'must be between 1 and 65535, inclusive'),
    'spec.defaultBackend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive');
  assert.equal(required('spec.rules[0].http.paths'), 'spec.rules[0].http.paths: Required value');
  assert.equal(required('x.pathType', 'pathType must be specified'), 'x.pathType: Required value: pathType must be specified');
  assert.equal(notSupported('x.pathType', 'foo', ['Exact', 'ImplementationSpecific', 'Prefix']),
    'x.pathType: Unsupported value: "foo": supported values: "Exact", "ImplementationSpecific", "Prefix"');
  assert.equal(forbidden('spec.parameters.namespace', "`parameters.scope` is set to 'Cluster'"),
    "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'");
  // The newest apimachinery's field.TooLong wording (older releases: "must have at most 250 bytes").
  assert.equal(tooLong('spec.controller', 250), 'spec.controller: Too long: may not be more than 250 bytes');
  assert.equal(tooLong('x', 1), 'x: Too long: may not be more than 1 byte');
});

test('a non-scalar bad value prints as JSON, a nil slice as null', () => {
  assert.equal(goJson(undefined), 'null');
  assert.equal(goJson([]), '[]');
});

test('strings are quoted as Go\'s %q quotes them: invisible characters made visible', () => {
  assert.equal(goQuote('foo.com'), '"foo.com"');
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote('web\t'), '"web\\t"');
  assert.equal(goQuote('a\x07\x01\x7f'), '"a\\a\\x01\\x7f"');
  assert.equal(goQuote('foo.com\u00a0'), '"foo.com\\u00a0"');
  assert.equal(goQuote('a\u200bb'), '"a\\u200bb"');
  assert.equal(goQuote('café ünïcode 日本'), '"café ünïcode 日本"');
  assert.equal(invalid('spec.rules[0].host', 'foo.com\u00a0', 'x'), 'spec.rules[0].host: Invalid value: "foo.com\\u00a0": x');
});
