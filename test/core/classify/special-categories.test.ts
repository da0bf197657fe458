import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScratchDb, type Db } from '../../../app/core/db/open-db.ts';
import { checkRules } from '../../../app/core/classify/rules/pii-rule-check.ts';
import { specialRules } from '../../../app/core/classify/rules/special-rules.ts';
import { piiValidators } from '../../../app/core/classify/validators/pii-validators.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const cases = readFileSync(path.join(HERE, 'special-cases.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { lang: string; text: string; expect: string | null });

let db: Db;
beforeAll(async () => {
  db = await openScratchDb();
});
afterAll(() => db.close());

async function disclosures(texts: string[]) {
  const hits = await checkRules(db, specialRules, piiValidators, texts);
  return hits.filter((h) => h.confidence >= 0.5);
}

describe('special categories across eight languages', () => {
  it('holds at least ten disclosures and ten ordinary sentences per language', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt']) {
      expect(cases.filter((c) => c.lang === lang && c.expect).length, lang).toBeGreaterThanOrEqual(10);
      expect(cases.filter((c) => c.lang === lang && !c.expect).length, lang).toBeGreaterThanOrEqual(10);
    }
  });

  it('finds the disclosed category in at least 95% of disclosures and in at most 5% of ordinary sentences', async () => {
    const hits = await disclosures(cases.map((c) => c.text));
    let tp = 0;
    let fp = 0;
    cases.forEach((c, i) => {
      const kinds = hits.filter((h) => h.textIndex === i).map((h) => h.kind);
      if (c.expect && kinds.includes(c.expect)) tp += 1;
      if (!c.expect && kinds.length > 0) fp += 1;
    });
    const positives = cases.filter((c) => c.expect).length;
    const negatives = cases.length - positives;
    expect(tp / positives).toBeGreaterThanOrEqual(0.95);
    expect(fp / negatives).toBeLessThanOrEqual(0.05);
  });

  it('keeps a general question as a low-confidence finding instead of dropping it', async () => {
    const hits = await checkRules(db, specialRules, piiValidators, ['What is diabetes?', 'I have diabetes.']);
    const question = hits.find((h) => h.textIndex === 0);
    const disclosure = hits.find((h) => h.textIndex === 1);
    expect(question?.kind).toBe('health');
    expect(question!.confidence).toBeLessThan(0.5);
    expect(disclosure!.confidence).toBeGreaterThan(question!.confidence);
    expect(disclosure?.result.detail?.['context']).toBe('firstPerson');
  });

  it('judges each sentence on its own when the same term appears in different sentences', async () => {
    const hits = await checkRules(db, specialRules, piiValidators, ['Cancer research is funded. I have cancer.']);
    expect(hits.map((h) => h.result.detail?.['context']).sort()).toEqual(['firstPerson', 'neutral']);
  });

  it('counts an ambiguous party name only in a first-person statement', async () => {
    const hits = await disclosures(['Podemos quedar mañana', 'Voté a Podemos']);
    expect(hits.map((h) => h.textIndex)).toEqual([1]);
  });

  it('treats a child age of 18 or more, or a number that is not an age, as no child data', async () => {
    const hits = await disclosures(['my daughter is 19 now', 'my son has 3 cars', 'meine Tochter (7) hat Fieber', 'mój syn ma 9 lat']);
    expect(hits.filter((h) => h.kind === 'child').map((h) => h.textIndex)).toEqual([2, 3]);
  });
});
