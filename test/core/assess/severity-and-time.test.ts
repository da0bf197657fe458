import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../app/core/assess/assess.ts';
import { bandOf } from '../../../app/core/assess/enisa.ts';
import { BreachFactsSchema, isMaskedPreview, parseFacts } from '../../../app/core/assess/facts.ts';
import { renderFactsSchema, renderRegimesMarkdown } from '../../../app/core/assess/regimes-doc.ts';
import { addBusinessDays, addCalendarDays, toLocalIso, zonedToUtc } from '../../../app/core/assess/time.ts';
import { buildFacts } from './build-facts.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const NOW = new Date('2026-11-24T12:00:00Z');

describe('ENISA severity', () => {
  it('bands scores as Low < 2 <= Medium < 3 <= High < 4 <= Very high', () => {
    expect([1.99, 2, 2.99, 3, 3.99, 4].map(bandOf)).toEqual(['low', 'medium', 'medium', 'high', 'high', 'very_high']);
  });

  it('reproduces the reference arithmetic: sensitive data, maximum EI, published, malicious = 5.0', () => {
    const a = assess(buildFacts({ persons: 10, categories: ['contact', 'health'], controller: { nature: ['confidentiality'], malicious: true, exposure: 'unknown_recipients' } }), NOW);
    expect(a.severity).toMatchObject({ dpc: 4, ei: 1, cb: 1, score: 5, band: 'very_high' });
  });

  it('reproduces (3, 0.75, confidentiality 0.25, availability 0.25, malicious) = 3.25 high', () => {
    const a = assess(
      buildFacts({ persons: 10, categories: ['financial'], controller: { nature: ['confidentiality', 'availability'], malicious: true, exposure: 'known_recipients', availability_loss: 'temporary' } }),
      NOW,
    );
    expect(a.severity).toMatchObject({ dpc: 3, ei: 0.75, score: 3.25, band: 'high' });
  });

  it('shows every input with its reason and keeps the computed value beside an override', () => {
    const a = assess(buildFacts({ persons: 10, categories: ['contact'], controller: { malicious: false }, overrides: [{ target: 'ei', value: 0.25, reason: 'names are all very common' }] }), NOW);
    const ei = a.severity.inputs.find((i) => i.name === 'EI');
    expect(ei).toMatchObject({ value: 0.25, overridden: { reason: 'names are all very common', computed: 1 } });
    expect(a.severity.ei).toBe(0.25);
    expect(a.overrides_applied).toEqual([{ target: 'ei', reason: 'names are all very common' }]);
    for (const i of a.severity.inputs) expect(i.reason.length).toBeGreaterThan(0);
  });

  it('raises DPC by one step for children and scores credentials by the data they open', () => {
    const kids = assess(buildFacts({ persons: 10, categories: ['contact', 'children'], controller: { malicious: false } }), NOW);
    expect(kids.severity.dpc).toBe(2);
    const creds = assess(buildFacts({ persons: 10, categories: ['credentials', 'financial'], controller: { malicious: false } }), NOW);
    expect(creds.severity.inputs.find((i) => i.name === 'DPC behavioural')?.value).toBe(3);
  });

  it('refuses overrides without a reason and out-of-range values', () => {
    expect(() => parseFacts({ overrides: [{ target: 'ei', value: 0.3, reason: 'x y z' }] })).toThrow();
    expect(() => parseFacts({ overrides: [{ target: 'dpc', value: 3, reason: '' }] })).toThrow();
  });
});

describe('time arithmetic', () => {
  it('formats local time with the offset in force at that instant', () => {
    expect(toLocalIso(new Date('2026-07-01T12:00:00Z'), 'Europe/Dublin')).toBe('2026-07-01T13:00:00+01:00');
    expect(toLocalIso(new Date('2026-12-01T12:00:00Z'), 'Europe/Dublin')).toBe('2026-12-01T12:00:00+00:00');
    expect(toLocalIso(new Date('2026-12-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-12-01T17:30:00+05:30');
  });

  it('finds the instant of a local wall time on both sides of a DST change', () => {
    expect(zonedToUtc({ year: 2026, month: 3, day: 8, hour: 1, minute: 30, second: 0 }, 'America/New_York').toISOString()).toBe('2026-03-08T06:30:00.000Z');
    expect(zonedToUtc({ year: 2026, month: 3, day: 8, hour: 3, minute: 30, second: 0 }, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('ends a calendar-day period at local midnight after a DST change', () => {
    // Start on Sat 28 Mar 2026 in Berlin (UTC+1); +2 days ends Mon 30 Mar 23:59:59 CEST (UTC+2).
    expect(addCalendarDays(new Date('2026-03-28T10:00:00Z'), 2, 'Europe/Berlin').toISOString()).toBe('2026-03-30T21:59:59.000Z');
  });

  it('skips weekends and supplied holidays when counting business days', () => {
    const friday = new Date('2026-12-18T12:00:00Z');
    const r = addBusinessDays(friday, 3, 'UTC', new Set(['2026-12-22']));
    expect(r.counted).toEqual(['2026-12-21', '2026-12-23', '2026-12-24']);
    expect(r.skipped).toEqual(['2026-12-19', '2026-12-20', '2026-12-22']);
  });
});

describe('published schema, sample facts and regime table', () => {
  it('accepts the sample facts, which hold only controller facts', () => {
    const sample = JSON.parse(readFileSync(path.join(ROOT, 'samples/facts.json'), 'utf8'));
    const facts = BreachFactsSchema.parse(sample);
    expect(facts.measured).toBeUndefined();
    expect(facts.controller.controller_name).toBe('Parley AI Ltd');
    const a = assess(sample, NOW);
    expect(a.gaps.map((g) => g.field)).toContain('measures_planned');
  });

  it('keeps docs/schemas/facts.schema.json in sync with the zod schema', () => {
    expect(readFileSync(path.join(ROOT, 'docs/schemas/facts.schema.json'), 'utf8')).toBe(renderFactsSchema());
  });

  it('keeps docs/regimes.md in sync with the regime tables', () => {
    expect(readFileSync(path.join(ROOT, 'docs/regimes.md'), 'utf8')).toBe(renderRegimesMarkdown());
  });

  it('rejects unmasked secret previews and typos in controller facts', () => {
    expect(isMaskedPreview('sk-…Xa9')).toBe(true);
    expect(isMaskedPreview('sk-proj-abcdefghijklmnop1234')).toBe(false);
    expect(() => parseFacts({ controller: { awareat: '2026-11-24T09:00:00Z' } })).toThrow();
  });
});
