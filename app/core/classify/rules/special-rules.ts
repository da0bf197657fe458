/** Special-category (GDPR Art. 9/10) rules. This module is replaced by the special-category rule pack. */
import type { Rule } from '../rule-types.ts';

export const specialRules: Rule[] = [];
