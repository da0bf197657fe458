/**
 * The verdict on one distinct candidate: its rule's validator, then the masked preview and, where
 * DuckDB cannot compute it from the candidate's value, the keyed fingerprint of a valid one. Pure.
 */
import { canonicalSecret, fingerprint } from './fingerprint.ts';
import { maskValue } from './mask.ts';
import type { FindingCategory, Rule, Validator } from './rule-types.ts';

export interface Candidate {
  cand_id: number;
  rule_idx: number;
  value: string;
  match: string;
  before: string | null;
  after: string | null;
}

/**
 * A valid candidate as written to the validity table: id, fingerprint, preview, confidence, detail
 * JSON, normalised form. The fingerprint is null when the fingerprinted text is the candidate's
 * value itself (most are): DuckDB then computes the same HMAC in bulk (fingerprintSql).
 */
export type Judged = [candId: number, fingerprint: string | null, preview: string, confidence: number, detail: string | null, normalized: string | null];

function judge(rules: Rule[], validators: Record<string, Validator>, key: Buffer, cand: Candidate): Judged | undefined {
  const rule = rules[cand.rule_idx]!;
  const validator = rule.validator ? validators[rule.validator] : undefined;
  let verdict: ReturnType<Validator>;
  try {
    verdict = validator ? validator(cand.value, { match: cand.match, before: cand.before ?? '', after: cand.after ?? '' }) : { valid: true };
  } catch {
    // A validator that throws on hostile input rejects the candidate; the value is not echoed.
    verdict = { valid: false };
  }
  if (!verdict.valid) return undefined;
  const secretValue = verdict.secret ?? cand.value;
  const detail = verdict.detail && Object.keys(verdict.detail).length > 0 ? JSON.stringify(verdict.detail) : null;
  // Identifiers are normalised for linking; a secret never is (that would store it in clear).
  const normalized = rule.category !== 'secret' && verdict.normalized !== undefined ? verdict.normalized : null;
  return [
    cand.cand_id,
    canonicalSecret(secretValue) === cand.value ? null : fingerprint(key, secretValue),
    maskValue(secretValue, rule.category as FindingCategory, rule.kind),
    verdict.confidence ?? rule.confidence,
    detail,
    normalized,
  ];
}

export function judgePage(rules: Rule[], validators: Record<string, Validator>, key: Buffer, page: Candidate[]): Judged[] {
  // Validators that judge faster in bulk see the page's values for them first.
  const bulk = new Map<Validator, string[]>();
  for (const cand of page) {
    const name = rules[cand.rule_idx]!.validator;
    const validator = name ? validators[name] : undefined;
    if (!validator?.prime) continue;
    const values = bulk.get(validator) ?? [];
    values.push(cand.value);
    bulk.set(validator, values);
  }
  const releases = [...bulk].map(([validator, values]) => validator.prime!(values));
  try {
    const out: Judged[] = [];
    for (const cand of page) {
      const row = judge(rules, validators, key, cand);
      if (row) out.push(row);
    }
    return out;
  } finally {
    for (const release of releases) release();
  }
}
