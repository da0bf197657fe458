import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScratchDb, type Db } from '../../../app/core/db/open-db.ts';
import { checkRules } from '../../../app/core/classify/rules/pii-rule-check.ts';
import { piiRules } from '../../../app/core/classify/rules/pii-rules.ts';
import { specialRules } from '../../../app/core/classify/rules/special-rules.ts';
import { piiValidators } from '../../../app/core/classify/validators/pii-validators.ts';
import type { Rule } from '../../../app/core/classify/rule-types.ts';

let db: Db;
beforeAll(async () => {
  db = await openScratchDb();
});
afterAll(() => db.close());

const allRules: Rule[] = [...piiRules, ...specialRules];

describe('personal-data and special-category rule examples (DuckDB RE2 + validator)', () => {
  it('has unique rule ids, a validator for each rule and at least one positive and one near miss', () => {
    expect(new Set(allRules.map((r) => r.id)).size).toBe(allRules.length);
    for (const rule of allRules) {
      expect(rule.validator && piiValidators[rule.validator], rule.id).toBeTruthy();
      expect(rule.examples.positive.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.negative.length, rule.id).toBeGreaterThan(0);
    }
  });

  for (const rule of allRules) {
    it(`${rule.id} finds its positive examples`, async () => {
      for (const example of rule.examples.positive) {
        const hits = await checkRules(db, [rule], piiValidators, [example.text]);
        const values = hits.map((h) => h.value);
        if (example.value) expect(values, example.text).toContain(example.value);
        else expect(values.length, example.text).toBeGreaterThan(0);
      }
    });

    it(`${rule.id} finds nothing in its near misses`, async () => {
      const hits = await checkRules(db, [rule], piiValidators, rule.examples.negative);
      expect(hits.map((h) => `${rule.examples.negative[h.textIndex]} -> ${h.value}`)).toEqual([]);
    });

    if (rule.skipTexts) {
      it(`${rule.id} skips only texts in which its validator rejects every candidate`, async () => {
        // Texts of the shapes skipped (trace ids, IP columns), digits-only groups included.
        let seed = 7;
        const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
        const digits = (k: number) => Array.from({ length: k }, () => next(10)).join('');
        const hex = (k: number) => Array.from({ length: k }, () => '0123456789abcdefABCDEF'[next(22)]).join('');
        const texts: string[] = [];
        for (let i = 0; i < 300; i += 1) {
          texts.push(`${digits(8)}-${digits(4)}-${digits(4)}-${digits(4)}-${digits(12)}`);
          texts.push(`${hex(8)}-${digits(4)}-${hex(4)}-${digits(4)}-${hex(12)}`);
          texts.push(`${next(256)}.${next(256)}.${next(256)}.${next(256)}`);
          texts.push(` ${next(256)}.${next(256)}.${next(256)}.${next(256)} `);
        }
        const skipped = await db.all<{ n: number }>(
          `SELECT count(*) FILTER (WHERE regexp_full_match(t, ?)) AS n FROM (SELECT unnest(from_json(?::VARCHAR, '["VARCHAR"]')) AS t)`,
          [rule.skipTexts!, JSON.stringify(texts)],
        );
        expect(skipped[0]?.n, 'every generated text is one the rule skips').toBe(texts.length);
        const hits = await checkRules(db, [rule], piiValidators, texts);
        expect(hits.map((h) => `${texts[h.textIndex]} -> ${h.value}`)).toEqual([]);
        const positives = await db.all<{ n: number }>(
          `SELECT count(*) FILTER (WHERE regexp_full_match(t, ?)) AS n FROM (SELECT unnest(from_json(?::VARCHAR, '["VARCHAR"]')) AS t)`,
          [rule.skipTexts!, JSON.stringify(rule.examples.positive.map((e) => e.text))],
        );
        expect(positives[0]?.n, 'no positive example is skipped').toBe(0);
      });
    }
  }
});

describe('prefilters of the sentence rules', () => {
  const prefiltered = allRules.filter((r) => r.prefilter !== undefined);
  // Every text at hand: the rules' examples and near misses, the special-category cases and each
  // line of the bundled samples (chat turns, log lines, billing rows).
  let texts: string[] = [];
  beforeAll(() => {
    const here = dirname(fileURLToPath(import.meta.url));
    const data = join(here, '../../../samples/data');
    texts = [
      ...allRules.flatMap((r) => [...r.examples.positive.map((p) => p.text), ...r.examples.negative]),
      ...readFileSync(join(here, 'special-cases.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text),
      ...readFileSync(join(data, 'log_stream.tsv'), 'utf8').split('\n'),
      ...gunzipSync(readFileSync(join(data, 'chat_export.jsonl.gz'))).toString('utf8').split('\n'),
      ...readFileSync(join(data, 'billing_events.csv'), 'utf8').split('\n'),
    ];
  });

  it('are given for the rules that read sentences, without Unicode classes (they join one RE2 alternation)', () => {
    expect(prefiltered.map((r) => r.id)).toEqual(expect.arrayContaining(['special.health', 'criminal.offence', 'children.child-of-writer', 'pii.person-name.relation', 'pii.postal-address.street-prefix']));
    for (const rule of prefiltered) expect(rule.prefilter, rule.id).not.toMatch(/\\[pP]\{/);
  });

  for (const rule of prefiltered) {
    it(`${rule.id}: its prefilter admits every text its pattern matches`, async () => {
      const [row] = await db.all<{ matched: number; missed: number }>(
        `SELECT count(*) FILTER (WHERE regexp_matches(t, $2)) AS matched, count(*) FILTER (WHERE regexp_matches(t, $2) AND NOT regexp_matches(t, $3)) AS missed
         FROM (SELECT unnest(from_json($1::VARCHAR, '["VARCHAR"]')) AS t)`,
        [JSON.stringify(texts), rule.pattern, rule.prefilter!],
      );
      expect(Number(row?.matched), 'the pattern matches some texts').toBeGreaterThan(0);
      expect(Number(row?.missed)).toBe(0);
    });
  }
});
