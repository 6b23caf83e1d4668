// The ported apimachinery validators accept and refuse what Go does (cases from
// k8s.io/apimachinery pkg/util/validation/validation_test.go and content/kube_test.go) and word
// their errors the way the API server prints them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isDomainPrefixedPath, isIPAddress, isPathSegmentName,
  isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNSSubdomain,
} from '../../src/ingress/k8s-validators';

function accepts(fn: (v: string) => string[], values: string[]) {
  for (const v of values) assert.deepEqual(fn(v), [], `${fn.name} should accept ${JSON.stringify(v)}`);
}
function refuses(fn: (v: string) => string[], values: string[]) {
  for (const v of values) assert.notDeepEqual(fn(v), [], `${fn.name} should refuse ${JSON.stringify(v)}`);
}

test('IsDNS1123Label (TestIsDNS1123Label)', () => {
  accepts(isDNS1123Label, ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)]);
  refuses(isDNS1123Label, ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '.', 'a.', '.a', 'a.b', ' ', 'a b', 'a'.repeat(64)]);
  assert.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
});

test('IsDNS1123Subdomain (TestIsDNS1123Subdomain)', () => {
  accepts(isDNS1123Subdomain, ['a', 'a.a', 'a.1', '1.a', 'a--1--2--b.0', '0.a', '01.a.b', 'a'.repeat(253)]);
  refuses(isDNS1123Subdomain, ['', 'A', 'a..b', 'a.-b', 'a-.b', '.a', 'a.', 'a_b.c', 'a b', 'foobar:80', 'Foo.com', 'a'.repeat(254)]);
  assert.deepEqual(isDNS1123Subdomain('a'.repeat(254)), [
    'must be no more than 253 characters',
  ]);
});

test('label keys and values count bytes (content.IsLabelKey / IsLabelValue), DNS names characters', () => {
  assert.deepEqual(isValidLabelValue('a'.repeat(64)), ['must be no more than 63 bytes']);
  assert.deepEqual(isQualifiedName('k'.repeat(64)), ['name part must be no more than 63 bytes']);
  assert.deepEqual(isQualifiedName(`${'p'.repeat(254)}/k`), ['prefix part must be no more than 253 bytes']);
  assert.deepEqual(isDNS1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
});

test('DNS errors print the regex and examples exactly as Go does (two spaces before "or")', () => {
  assert.deepEqual(isDNS1123Subdomain('Foo'), [
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  ]);
  assert.deepEqual(isDNS1035Label('1web'), [
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  ]);
});

test('IsDNS1035Label (TestIsDNS1035Label)', () => {
  accepts(isDNS1035Label, ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)]);
  refuses(isDNS1035Label, ['0', '01', '012', '1a', '1-a', '', 'A', 'a-', '-a', 'a.b', 'a_b', 'a'.repeat(64)]);
});

test('IsWildcardDNS1123Subdomain: one leftmost *. label only', () => {
  accepts(isWildcardDNS1123Subdomain, ['*.example.com', '*.bar.com', '*.foo.bar.com']);
  refuses(isWildcardDNS1123Subdomain, ['*.*.bar.com', '*.foo.*.com', '*bar.com', 'f*.bar.com', '*', '*.', 'foo.*.bar.com']);
});

test('generateName may end with a dash (prefix names)', () => {
  assert.deepEqual(nameIsDNSSubdomain('web-', true), []);
  assert.notDeepEqual(nameIsDNSSubdomain('web-', false), []);
});

test('IsValidPortNum and IsValidPortName (TestIsValidPortNum, TestIsValidPortName)', () => {
  for (const n of [1, 80, 65535]) assert.deepEqual(isValidPortNum(n), []);
  for (const n of [0, -1, 65536, 70000]) assert.deepEqual(isValidPortNum(n), ['must be between 1 and 65535, inclusive']);
  accepts(isValidPortName, ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3']);
  refuses(isValidPortName, ['longerthan15characters', '', 'a'.repeat(16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++', 'HTTP']);
  assert.deepEqual(isValidPortName('HTTP'), [
    'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    'must contain at least one letter (a-z)',
  ]);
});

test('IsQualifiedName (TestIsQualifiedName / TestIsLabelKey)', () => {
  accepts(isQualifiedName, ['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
    'now.with.dots/simple', '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123', 'requests.storage-foo', 'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`]);
  refuses(isQualifiedName, ['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash',
    'Example.com/abc', 'example_com/abc', 'example.com/', '/simple', 'a'.repeat(64), `${'a'.repeat(254)}/abc`]);
  assert.deepEqual(isQualifiedName('/simple'), ['prefix part must be non-empty']);
});

test('IsValidLabelValue (TestIsValidLabelValue)', () => {
  accepts(isValidLabelValue, ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), '']);
  refuses(isValidLabelValue, ['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash',
    'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)]);
});

test('IP addresses the way ParseIPSloppy sees them', () => {
  for (const ip of ['1.2.3.4', '127.0.0.1', '010.000.000.001', '::1', '2001:db8::1', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8']) {
    assert.ok(isIPAddress(ip), ip);
  }
  for (const s of ['1.2.3', '1.2.3.256', 'foo.com', '1::2::3', '12345::', '1:2:3:4:5:6:7', 'a.b.c.d']) assert.ok(!isIPAddress(s), s);
});

test('IsPathSegmentName', () => {
  assert.deepEqual(isPathSegmentName('ok'), []);
  assert.deepEqual(isPathSegmentName('..'), ["may not be '..'"]);
  assert.deepEqual(isPathSegmentName('a/b%'), ["may not contain '/'", "may not contain '%'"]);
});

test('IsDomainPrefixedPath names the part that is wrong', () => {
  assert.deepEqual(isDomainPrefixedPath('k8s.io/ingress-nginx'), []);
  assert.deepEqual(isDomainPrefixedPath('nginx'), [{ kind: 'invalid', value: 'nginx', detail: 'must be a domain-prefixed path (such as "acme.io/foo")' }]);
  assert.deepEqual(isDomainPrefixedPath('Acme.io/foo').map((e) => e.value), ['Acme.io']);
  assert.deepEqual(isDomainPrefixedPath('acme.io/foo bar'), [{
    kind: 'invalid', value: 'foo bar', detail: "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')",
  }]);
});

// The complete value tables of apimachinery pkg/util/validation/validation_test.go (newest stored).
const SPACE_AND_PUNCT = ['_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2'];

test('TestIsDNS1123Label, TestIsDNS1123Subdomain, TestIsDNS1035Label: every listed value', () => {
  refuses(isDNS1123Label, ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', ...SPACE_AND_PUNCT,
    '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2']);
  accepts(isDNS1123Subdomain, ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2',
    'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a', 'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1',
    '0.a', '01.a', '012.a', '1a.a', '1-a.a', '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1',
    'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55']);
  refuses(isDNS1123Subdomain, ['ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', ...SPACE_AND_PUNCT,
    '.', '1.', '.1', '1..2', 'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A', 'A.1', 'aB.1', 'A1.1', '1A.1', '0.A', '01.A', '012.A',
    '1A.a', '1a.A', 'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee', 'a@b', 'a,b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b']);
  refuses(isDNS1035Label, ['1--a--b--2', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', '1-', '-1', ...SPACE_AND_PUNCT,
    '.', 'a.', '.a', '1.', '.1', '1.2']);
  for (const n of [2, 1000, 16384, 32768]) assert.deepEqual(isValidPortNum(n), []);
  assert.deepEqual(isValidPortNum(100000), ['must be between 1 and 65535, inclusive']);
});

test('TestIsDomainPrefixedPath: every listed value', () => {
  const errs = (v: string) => isDomainPrefixedPath(v).map((e) => e.detail);
  accepts(errs, ['a/b', 'a/b/c/d', 'a.com/foo', 'a.b.c.d/foo', 'k8s.io/foo/bar', 'k8s.io/FOO/BAR', 'dev.k8s.io/more/path',
    'this.is.a.really.long.fqdn/even/longer/path/just/because', 'bbc.co.uk/path/goes/here', '10.0.0.1/foo',
    'hyphens-are-good.k8s.io/and-in-paths-too', `${'a'.repeat(240)}.k8s.io/a`, `k8s.io/${'a'.repeat(240)}`]);
  refuses(errs, ['.', '...', '/b', 'com', '.com', 'a.b.c.d/foo?a=b', 'a.b.c.d/foo#a', 'Dev.k8s.io', '.foo.example.com',
    '*.example.com', 'example.com/foo{}[]@^`', 'underscores_are_bad.k8s.io', 'underscores_are_bad.k8s.io/foo',
    'foo@bar.example.com', 'foo@bar.example.com/foo', `${'a'.repeat(247)}.k8s.io`]);
});
