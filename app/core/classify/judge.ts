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
 * The valid candidates of a page as written to the validity table, by column: id, fingerprint,
 * preview, confidence, detail JSON, normalised form. A fingerprint is null when the fingerprinted
 * text is the candidate's value itself (most are): DuckDB then computes the same HMAC in bulk
 * (fingerprintSql). Columns rather than a tuple per row: fewer objects for the collector, and a
 * flat JSON document that DuckDB reads back faster.
 */
export interface JudgedPage {
  cand_id: number[];
  fingerprint: Array<string | null>;
  preview: string[];
  confidence: number[];
  detail: Array<string | null>;
  normalized: Array<string | null>;
}

/** Judges one candidate and, when it is valid, appends it to `out`. */
function judge(rules: Rule[], validators: Record<string, Validator>, key: Buffer, cand: Candidate, out: JudgedPage): void {
  const rule = rules[cand.rule_idx]!;
  const validator = rule.validator ? validators[rule.validator] : undefined;
  let verdict: ReturnType<Validator>;
  try {
    verdict = validator ? validator(cand.value, { match: cand.match, before: cand.before ?? '', after: cand.after ?? '' }) : { valid: true };
  } catch {
    // A validator that throws on hostile input rejects the candidate; the value is not echoed.
    verdict = { valid: false };
  }
  if (!verdict.valid) return;
  const secretValue = verdict.secret ?? cand.value;
  out.cand_id.push(cand.cand_id);
  out.fingerprint.push(canonicalSecret(secretValue) === cand.value ? null : fingerprint(key, secretValue));
  out.preview.push(maskValue(secretValue, rule.category as FindingCategory, rule.kind));
  out.confidence.push(verdict.confidence ?? rule.confidence);
  out.detail.push(verdict.detail && Object.keys(verdict.detail).length > 0 ? JSON.stringify(verdict.detail) : null);
  // Identifiers are normalised for linking; a secret never is (that would store it in clear).
  out.normalized.push(rule.category !== 'secret' && verdict.normalized !== undefined ? verdict.normalized : null);
}

export function judgePage(rules: Rule[], validators: Record<string, Validator>, key: Buffer, page: Candidate[]): JudgedPage {
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
    const out: JudgedPage = { cand_id: [], fingerprint: [], preview: [], confidence: [], detail: [], normalized: [] };
    for (const cand of page) judge(rules, validators, key, cand, out);
    return out;
  } finally {
    for (const release of releases) release();
  }
}
