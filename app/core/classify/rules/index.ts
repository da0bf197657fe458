/**
 * The rule pack as shipped: every rule and every validator, with one version string that goes
 * into each case manifest so a finding can be traced to the rules that produced it.
 */
import type { Rule, Validator } from '../rule-types.ts';
import { piiValidators } from '../validators/pii-validators.ts';
import { secretValidators } from '../validators/secret-validators.ts';
import { operationalRules, operationalValidators } from './operational-rules.ts';
import { piiRules } from './pii-rules.ts';
import { secretRules } from './secret-rules.ts';
import { specialRules } from './special-rules.ts';

/**
 * Bumped with every change to what the pack finds. 1.1.0: secret.prose.own-credential (a key or
 * password quoted after "my key"), pii.phone v2, unbounded runs in the generic, URL and
 * command-line secret rules (v2), skipTexts on pii.phone.
 */
export const RULE_PACK_VERSION = '1.3.1';

export { secretRules, operationalRules };

/** Secrets, operational metadata, personal data and special categories, in that order. */
export function allRules(): Rule[] {
  return [...secretRules, ...operationalRules, ...piiRules, ...specialRules];
}

export const validators: Record<string, Validator> = { ...secretValidators, ...operationalValidators, ...piiValidators };
