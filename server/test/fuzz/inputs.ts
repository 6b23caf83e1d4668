// Hostile manifests for the fuzzing harness (fast-check arbitraries): valid objects cut, spliced
// and mutated; alias structures (shared values, bombs of any depth and fan-out, anchors that
// contain themselves, unknown anchors); CR, LF and CR LF mixed; a BOM, NULs, lone surrogates;
// huge scalars; many documents.
import fc from 'fast-check';
import { billionLaughs } from '../helpers/hostile';

/** `npm run fuzz` sets this: full-size huge scalars and many-document files (the npm test slice keeps them small). */
const FULL = process.env.INGRESS_LAB_FUZZ_FULL === '1';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  tls:
    - hosts: [shop.example.com, "*.example.com"]
      secretName: shop-tls
  defaultBackend: {service: {name: web, port: {number: 80}}}
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port: {name: http}
          - path: /
            pathType: Exact
            backend: {service: {name: web, port: {number: 80}}}
`;
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n    - {name: http, port: 80, targetPort: 8080}\n';
const SECRET = 'apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata: {name: shop-tls}\ndata: {tls.crt: "", tls.key: ""}\n';
const CLASS = 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}\nspec: {controller: k8s.io/ingress-nginx}\n';
const OLD = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n';

const PIECES = [
  ': ', '- ', '-', '---\n', '...\n', '\n', '\r', '\r\n', '  ', '\t', '#', '&a ', '*a', '&x [*x]', '*nope', '!!str ', '!!int ', '<<: *a\n',
  '{', '}', '[', ']', ',', '"', "'", '|', '>-', '?', '%YAML 1.1\n', '\u0000', '\uFEFF', '\uD800', '\u2028', '\u0085', 'é', '😀',
  'on', 'yes', '0755', '1_000', '0x1F', '1e3', '.inf', '~', 'null', '2024-01-01', '/api', '*.example.com', 'pathType: Prefix',
];

const piece = fc.constantFrom(...PIECES);
const doc = fc.constantFrom(INGRESS, SERVICE, SECRET, CLASS, OLD);

/** One edit of a text: delete, duplicate or insert at a position. */
type Mutation = { at: number; len: number; kind: 'delete' | 'duplicate' | 'insert'; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(), len: fc.nat({ max: 40 }), kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'insert' as const),
  insert: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')),
});

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.len);
  if (m.kind === 'duplicate') return text.slice(0, at + m.len) + text.slice(at, at + m.len) + text.slice(at + m.len);
  return text.slice(0, at) + m.insert + text.slice(at);
}

/** A line-ending style applied to a whole text: LF as written, CR LF, lone CR, or a mix. */
const endings = fc.constantFrom('lf', 'crlf', 'cr', 'mixed').map((style) => (text: string) => {
  if (style === 'lf') return text;
  let i = 0;
  return text.replace(/\n/g, () => (style === 'crlf' ? '\r\n' : style === 'cr' ? '\r' : ['\n', '\r', '\r\n'][i++ % 3]!));
});

/** Valid objects, mutated. */
const mutated = fc.tuple(fc.array(doc, { minLength: 1, maxLength: 4 }), fc.array(mutation, { maxLength: 6 }), endings)
  .map(([docs, ms, eol]) => eol(ms.reduce(mutate, docs.join('---\n'))));

/** Alias structures: a bomb of some depth and fan-out, a self-reference, shared values, unknown anchors. */
const aliases = fc.oneof(
  fc.integer({ min: 2, max: 14 }).map((levels) => billionLaughs(levels)),
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 2, max: 60 })).map(([fan, levels]) => {
    let text = 'l0: &l0 [x]\n';
    for (let i = 1; i < levels; i++) text += `l${i}: &l${i} [${Array(fan).fill(`*l${i - 1}`).join(', ')}]\n`;
    return text;
  }),
  fc.constantFrom('a: &x [*x]\n', 'a: &x {b: *x}\n', 'a: &x\n  - b: *x\n', 'a: *x\nb: &x 1\n', 'a: &x 1\nb: &x [*x, *x]\nc: *x\n'),
  fc.integer({ min: 1, max: 3000 }).map((n) => `${INGRESS}x-shared: &v {a: 1}\nx-uses: [${Array(n).fill('*v').join(', ')}]\n`),
);

/** A huge scalar: a long path (runs of slashes included: defect 3's quadratic regex) and a long block-scalar annotation. */
const huge = fc.tuple(fc.integer({ min: 10_000, max: FULL ? 400_000 : 60_000 }), fc.constantFrom('a', '/', '.', ' ', 'é', '\\', '*.')).map(([n, c]) =>
  INGRESS.replace('/api', `/${c.repeat(n / c.length)}`).replace('rewrite-target: /', `rewrite-target: |\n      ${c.repeat(n / c.length)}`));

/** Many documents in one file. */
const many = fc.integer({ min: 20, max: FULL ? 600 : 80 }).map((n) => Array.from({ length: n }, (_, i) => (i % 2 ? SERVICE : INGRESS).replace(/name: (shop|web)\n?/, `name: o${i}\n`)).join('---\n'));

/** Random pieces: half-typed YAML. */
const garbage = fc.array(fc.oneof(piece, doc), { maxLength: 30 }).map((p) => p.join(''));

/** Encodings: a BOM first, NULs and lone surrogates inside. */
const encodings = fc.tuple(mutated, fc.constantFrom('\uFEFF', '\u0000', '\uDC00', '\uFFFE', '')).map(([t, c]) => (c === '\uFEFF' ? c + t : t.replace(/: /, `: ${c}`)));

export const hostileManifest: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: mutated, weight: 5 }, { arbitrary: aliases, weight: 2 }, { arbitrary: garbage, weight: 3 },
  { arbitrary: encodings, weight: 1 }, { arbitrary: huge, weight: 1 }, { arbitrary: many, weight: 1 },
);

/** Bytes for a file on disk: the text as UTF-8, or with invalid UTF-8 sequences spliced in. */
export const hostileFile: fc.Arbitrary<Buffer> = fc.tuple(hostileManifest, fc.constantFrom('utf8', 'invalid', 'latin1')).map(([text, enc]) => {
  if (enc === 'latin1') return Buffer.from(text, 'latin1');
  const bytes = Buffer.from(text, 'utf8');
  if (enc === 'utf8' || bytes.length === 0) return bytes;
  const at = bytes.length >> 1;
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff, 0xe2, 0x82]), bytes.subarray(at)]);
});
