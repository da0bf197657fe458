/** Personal-data validators. This module is replaced by the personal-data validator set. */
import type { Validator } from '../rule-types.ts';

export const piiValidators: Record<string, Validator> = {};
