// Plain-scalar typing as Kubernetes reads a manifest: kubectl and the API server go through
// sigs.k8s.io/yaml, i.e. go-yaml v2's resolve(). The `yaml` package's YAML 1.1 schema agrees on
// booleans (yes/no/on/off/y/n), nulls, octal 0755, hex, binary and underscores, and differs where
// go-yaml does not follow YAML 1.1, so those tags are replaced here:
//  - base-60 numbers (1:20, 12:30:00) stay strings ("purposefully unsupported" in go-yaml);
//  - timestamps (2024-01-01) stay strings (go-yaml hands them to interface{} targets as strings);
//  - a lone "." (and ".e5", "e5") stays a string (go-yaml: strconv.ParseFloat fails);
//  - 0o17, 0O17, 0B1, 0X1F are integers (go-yaml: strconv.ParseInt(s, 0, 64)).
// Integers: after removing every "_", what strconv.ParseInt/ParseUint(s, 0, 64) accepts; floats:
// what matches go-yaml's yamlStyleFloat, or a leading-dot decimal strconv.ParseFloat accepts.
import type { ScalarTag, Tags } from 'yaml';

const INT_TAG = 'tag:yaml.org,2002:int';
const FLOAT_TAG = 'tag:yaml.org,2002:float';
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

const SIGN = '(?:[-+]_*)?';
const GO_INT = new RegExp(`^${SIGN}(?:0_*[xX]_*[0-9a-fA-F][0-9a-fA-F_]*|0_*[oO]_*[0-7][0-7_]*|0_*[bB]_*[01][01_]*|[0-9][0-9_]*)$`);
const DIGITS = '[0-9][0-9_]*(?:\\.[0-9_]*)?';
const EXP = '(?:[eE]_*(?:[-+]_*)?[0-9][0-9_]*)?';
/** yamlStyleFloat `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` with go-yaml's underscores, first char [-+0-9]. */
const GO_FLOAT = new RegExp(`^(?:[-+]_*(?:\\._*[0-9][0-9_]*|${DIGITS})|${DIGITS})${EXP}$`);
/** A plain scalar starting with ".": strconv.ParseFloat, which takes no underscores in decimals. */
const GO_DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

function goInt(source: string): number {
  const s = source.replace(/_/g, '');
  const negative = s.startsWith('-');
  const body = s.replace(/^[-+]/, '');
  let value: number;
  if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) value = parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) value = parseInt(body.slice(2), 2);
  else if (/^0[0-7]+$/.test(body)) value = parseInt(body, 8);
  else value = Number(body); // decimal; "089" fails ParseInt and is read as the float 89
  return negative ? 0 - value : value; // ParseInt("-0") is 0, not -0
}

const stringifyNumber: ScalarTag['stringify'] = (item) => String(item.value);

const goIntTag: ScalarTag = {
  identify: (v) => typeof v === 'number' && Number.isInteger(v),
  default: true,
  tag: INT_TAG,
  test: GO_INT,
  resolve: goInt,
  stringify: stringifyNumber,
};

const goFloatTag: ScalarTag = {
  identify: (v) => typeof v === 'number',
  default: true,
  tag: FLOAT_TAG,
  test: GO_FLOAT,
  resolve: (s) => Number(s.replace(/_/g, '')),
  stringify: stringifyNumber,
};

const goDotFloatTag: ScalarTag = { ...goFloatTag, test: GO_DOT_FLOAT };

function isScalarTag(t: Tags[number]): t is ScalarTag {
  return typeof t === 'object' && !('collection' in t && t.collection);
}

/** For `customTags` with `version: '1.1'`: the YAML 1.1 tags, numbers and timestamps as go-yaml v2 reads them. */
export function goYamlTags(tags: Tags): Tags {
  const kept = tags.filter((t) => {
    if (!isScalarTag(t)) return true;
    if (t.tag === INT_TAG || t.tag === TIMESTAMP_TAG) return false;
    // Of the floats only .inf/.nan stay: they match go-yaml's resolve map exactly.
    return t.tag !== FLOAT_TAG || (t.test instanceof RegExp && t.test.test('.inf'));
  });
  return [...kept, goIntTag, goFloatTag, goDotFloatTag];
}

/** Parse options for manifests: YAML 1.1 typed the way Kubernetes types it. */
export const K8S_YAML = { version: '1.1', customTags: goYamlTags } as const;
