// Family annotation/: see DESIGN.md for what belongs here.
import type { Rule } from '../rule';
import { notModelled } from './not-modelled';
import { unknownNginxKey } from './unknown-nginx-key';

export const ANNOTATION_RULES: readonly Rule[] = [unknownNginxKey, notModelled];
