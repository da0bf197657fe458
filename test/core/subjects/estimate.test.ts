import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsFor, modelRates, wilsonLower } from '../../../app/core/subjects/estimate.ts';

const counts = fc
  .record({
    persons: fc.nat(100_000),
    orphansShare: fc.double({ min: 0, max: 1, noNaN: true }),
    matchedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    pairShare: fc.double({ min: 0, max: 1, noNaN: true }),
    mentionOnly: fc.nat(1_000),
    secondAccounts: fc.nat(1_000),
    extraUnits: fc.nat(100_000),
  })
  .map((r) => {
    const orphans = Math.floor(r.persons * r.orphansShare);
    return {
      persons: r.persons,
      orphans,
      matched: Math.floor(orphans * r.matchedShare),
      matchedOrphans: Math.floor(orphans * r.pairShare),
      mentionOnly: Math.min(r.mentionOnly, r.persons - orphans),
      secondAccounts: Math.min(r.secondAccounts, r.persons - orphans),
      units: r.persons + r.extraUnits,
    };
  });

const calibration = fc.record({ attached: fc.nat(5_000), hitShare: fc.double({ min: 0, max: 1, noNaN: true }), falseShare: fc.double({ min: 0, max: 1, noNaN: true }), mentions: fc.nat(500), ownShare: fc.double({ min: 0, max: 1, noNaN: true }) }).map((c) => {
  const hits = Math.floor(c.attached * c.hitShare);
  return {
    attached: c.attached,
    hits,
    falseMatches: Math.floor((c.attached - hits) * c.falseShare),
    mentions: c.mentions,
    ownMentions: Math.floor(c.mentions * c.ownShare),
  };
});

describe('boundsFor', () => {
  it('always keeps the estimate between non-negative bounds', () => {
    fc.assert(
      fc.property(counts, calibration, (g, c) => {
        const b = boundsFor(g, modelRates(c));
        expect(b.lower).toBeGreaterThanOrEqual(0);
        expect(b.lower).toBeLessThanOrEqual(b.estimate);
        expect(b.estimate).toBeLessThanOrEqual(b.upper);
        expect(Number.isInteger(b.estimate) && Number.isInteger(b.lower) && Number.isInteger(b.upper)).toBe(true);
      }),
    );
  });

  it('never estimates fewer persons than hold a primary identifier minus second accounts and mentions', () => {
    fc.assert(
      fc.property(counts, calibration, (g, c) => {
        const b = boundsFor(g, modelRates(c));
        expect(b.lower).toBeGreaterThanOrEqual(Math.max(0, g.persons - g.orphans - g.secondAccounts - g.mentionOnly) - 1);
      }),
    );
  });

  it('attributes IP-matched orphans in proportion to the measured recall', () => {
    const rates = modelRates({ attached: 100, hits: 50, falseMatches: 0, mentions: 0, ownMentions: 0 });
    const b = boundsFor({ persons: 1000, orphans: 300, matched: 60, matchedOrphans: 0, mentionOnly: 0, secondAccounts: 0, units: 1500 }, rates);
    expect(b.estimate).toBe(1000 - 120);
    expect(b.upper).toBe(1500);
  });

  it('counts a person seen only through strong identifiers exactly', () => {
    const b = boundsFor({ persons: 1, orphans: 0, matched: 0, matchedOrphans: 0, mentionOnly: 0, secondAccounts: 0, units: 1 }, modelRates({ attached: 0, hits: 0, falseMatches: 0, mentions: 0, ownMentions: 0 }));
    expect(b).toEqual({ estimate: 1, lower: 1, upper: 1 });
  });
});

describe('wilsonLower', () => {
  it('lies below the observed share and tightens with more cases', () => {
    expect(wilsonLower(50, 100)).toBeLessThan(0.5);
    expect(wilsonLower(500, 1000)).toBeGreaterThan(wilsonLower(50, 100));
    expect(wilsonLower(0, 0)).toBe(0);
  });
});
