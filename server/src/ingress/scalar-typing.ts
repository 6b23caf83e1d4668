// What a plain (unquoted) scalar means, as the yaml package's Composer reads it under the
// project's schema (go-yaml-tags.ts): findScalarTagByTest, then the tag's resolve. Shared by
// the two builders that stand in for the Composer (cst-compose.ts, line-compose.ts). No I/O.
import { Document, isScalar, type DocumentOptions, type ParseOptions, type ScalarTag, type SchemaOptions } from 'yaml';
import { LIMIT, SHORT } from './intern';
import type { ScalarValue } from './source';

/** Thrown inside a builder when a document leaves its subset; the caller then takes the Composer's way. */
export class NotSimple extends Error {}

export function bail(): never {
  throw new NotSimple();
}

/** A plain scalar's value from its text; throws NotSimple where the Composer would report something. */
export type PlainTyping = (source: string) => ScalarValue;

export type ComposeOptions = DocumentOptions & SchemaOptions & ParseOptions;

export function plainTyping(options: ComposeOptions): PlainTyping {
  const proto = new Document(null, options);
  const tags = proto.schema.tags.filter((t): t is ScalarTag => !('collection' in t && t.collection) && t.default === true);
  // The same few texts (`80`, `Prefix`, `true`, `nginx`) come back in every document: each is
  // typed once. Bounded as intern.ts's tables are.
  let known = new Map<string, ScalarValue>();
  const resolve = (source: string): ScalarValue => {
    const tag = tags.find((t) => t.test?.test(source));
    if (!tag) return source;
    let res: unknown;
    try {
      res = tag.resolve(source, () => bail(), proto.options);
    } catch {
      return bail();
    }
    const v = isScalar(res) ? res.value : res;
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    return typeof v === 'bigint' ? Number(v) : String(v);
  };
  return (source) => {
    if (source.length > SHORT) return resolve(source);
    let v = known.get(source);
    if (v === undefined) {
      if (known.size >= LIMIT) known = new Map();
      known.set(source, (v = resolve(source)));
    }
    return v;
  };
}

