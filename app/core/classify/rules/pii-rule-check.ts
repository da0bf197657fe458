/**
 * Runs rules over a handful of texts the way the scanner does (RE2 in DuckDB after the keyword
 * prefilter, then the validator in JS with 200 characters of context) and reports each hit
 * with its character span. Rule authors use it to check examples and measure quality without
 * building a case; it is not the production scanner and holds all texts in memory.
 */
import type { Db } from '../../db/open-db.ts';
import { literal } from '../../db/sql.ts';
import type { Rule, ValidationResult, Validator } from '../rule-types.ts';
import { ruleReadsSql } from '../scan.ts';

export interface RuleHit {
  ruleId: string;
  category: string;
  kind: string;
  textIndex: number;
  /** Span of the value (the rule's value group) in the text, half-open. */
  start: number;
  end: number;
  value: string;
  result: ValidationResult;
  confidence: number;
}

const CONTEXT = 200;

/** Every match of every rule, validated; `keepInvalid` also returns rejected candidates. */
export async function checkRules(
  db: Db,
  rules: readonly Rule[],
  validators: Record<string, Validator>,
  texts: readonly string[],
  options: { keepInvalid?: boolean } = {},
): Promise<RuleHit[]> {
  await db.exec('CREATE OR REPLACE TEMP TABLE rule_check_texts AS SELECT t.text, t.id FROM (SELECT unnest(from_json(?::VARCHAR, \'["VARCHAR"]\')) AS text, generate_subscripts(from_json(?::VARCHAR, \'["VARCHAR"]\'), 1) - 1 AS id) t', [
    JSON.stringify(texts),
    JSON.stringify(texts),
  ]);
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    const sql =
      `SELECT id, regexp_extract_all(text, ${literal(rule.pattern)}, 0) AS ms, regexp_extract_all(text, ${literal(rule.pattern)}, ${rule.valueGroup}) AS vs ` +
      `FROM rule_check_texts WHERE ${ruleReadsSql(rule)} ORDER BY id`;
    const rows = await db.all<{ id: number; ms: string[]; vs: string[] }>(sql);
    const validator = rule.validator ? validators[rule.validator] : undefined;
    if (rule.validator && !validator) throw new Error(`rule ${rule.id}: unknown validator ${rule.validator}`);
    for (const row of rows) {
      const text = texts[row.id]!;
      let cursor = 0;
      row.ms.forEach((match, i) => {
        const value = row.vs[i] ?? '';
        if (match === '') return;
        const at = text.indexOf(match, cursor);
        if (at < 0) return;
        cursor = at + match.length;
        if (value === '') return;
        let offset = match.endsWith(value) ? match.length - value.length : match.indexOf(value);
        if (offset < 0) offset = 0;
        const start = at + offset;
        const context = { match, before: text.slice(Math.max(0, at - CONTEXT), at), after: text.slice(cursor, cursor + CONTEXT) };
        const result: ValidationResult = validator ? validator(value, context) : { valid: true };
        if (!result.valid && !options.keepInvalid) return;
        hits.push({
          ruleId: rule.id,
          category: rule.category,
          kind: rule.kind,
          textIndex: row.id,
          start,
          end: start + value.length,
          value,
          result,
          confidence: result.confidence ?? rule.confidence,
        });
      });
    }
  }
  await db.exec('DROP TABLE IF EXISTS rule_check_texts');
  return hits;
}
