/** The secret rule pack: vendor tokens, structural secrets and generic assignments. */
import type { Rule } from '../rule-types.ts';
import { cloudSecretRules } from './secret-rules-cloud.ts';
import { devSecretRules } from './secret-rules-dev.ts';
import { saasSecretRules } from './secret-rules-saas.ts';
import { structuralSecretRules } from './secret-rules-structural.ts';

export const secretRules: Rule[] = [...cloudSecretRules, ...devSecretRules, ...saasSecretRules, ...structuralSecretRules];
