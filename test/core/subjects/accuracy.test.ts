import { describe, expect, it } from 'vitest';
import { openDb } from '../../../app/core/db/open-db.ts';
import { computeSubjects, ipCountryTablePaths } from '../../../app/core/subjects/index.ts';
import { buildSyntheticCase } from './synthetic-case.ts';

describe('estimate on a fragmented synthetic log', () => {
  it('lands near the true number of persons where linking and single columns do not', async () => {
    const db = await openDb({ dbPath: ':memory:', allowedPaths: ipCountryTablePaths() });
    try {
      const truth = await buildSyntheticCase(db, { persons: 1500, seed: 9 });
      const s = await computeSubjects(db);
      const error = (n: number) => (n - truth.persons) / truth.persons;
      // The fragmentation is real: pure linking overcounts, single columns miss by a lot.
      expect(error(s.linked_persons)).toBeGreaterThan(0.2);
      expect(error(truth.naive.userIds)).toBeLessThan(-0.25);
      expect(error(truth.naive.devices)).toBeGreaterThan(0.4);
      // The model corrects for it, and its bounds hold the truth.
      expect(Math.abs(error(s.estimate))).toBeLessThan(0.07);
      expect(s.lower).toBeLessThanOrEqual(truth.persons);
      expect(s.upper).toBeGreaterThanOrEqual(truth.persons);
      for (const [cc, n] of Object.entries(truth.byCountry)) {
        if (n < 300) continue;
        expect({ cc, error: Math.abs((s.by_country[cc]?.estimate ?? 0) - n) / n < 0.15 }).toEqual({ cc, error: true });
      }
    } finally {
      db.close();
    }
  });
});
