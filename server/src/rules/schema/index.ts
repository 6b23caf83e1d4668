// Family schema/: the object's shape against the networking.k8s.io/v1 schema
// (server/src/ingress/schema.ts): unknown fields, wrong types, missing fields, duplicate keys;
// aliases the API server will not expand (reported by the parser).
import type { Rule } from '../rule';
import { apiVersionUnknown } from './api-version-unknown';
import { duplicateKey } from './duplicate-key';
import { requiredField } from './required-field';
import { unknownField } from './unknown-field';
import { wrongType } from './wrong-type';
import { yamlAlias } from './yaml-alias';
import { yamlSyntax } from './yaml-syntax';

export const SCHEMA_RULES: readonly Rule[] = [yamlSyntax, apiVersionUnknown, unknownField, wrongType, requiredField, duplicateKey, yamlAlias];
