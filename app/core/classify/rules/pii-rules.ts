/** Personal-data rules. This module is replaced by the personal-data rule pack. */
import type { Rule } from '../rule-types.ts';

export const piiRules: Rule[] = [];
