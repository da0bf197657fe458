import { describe, expect, it } from 'vitest';
import { assess } from '../../../app/core/assess/assess.ts';
import { buildFacts, type ScenarioOptions } from './build-facts.ts';

const NOW = new Date('2026-11-24T12:00:00Z');
const highRisk = { nature: ['confidentiality' as const], malicious: true, exposure: 'unknown_recipients' as const, encrypted: false };

function regime(o: ScenarioOptions, id: string, now = NOW) {
  const r = assess(buildFacts(o), now).regimes.find((x) => x.id === id);
  if (!r) throw new Error(`${id} missing`);
  return r;
}

describe('EU and UK GDPR', () => {
  it('sends a non-EU controller to every supervisory authority where people live', () => {
    const r = regime({ persons: 30, countries: { FR: 10, IT: 20 }, categories: ['contact', 'health'], controller: { ...highRisk, establishment_countries: ['US'] } }, 'EU-GDPR');
    expect(r.recipient).toContain('FR, IT');
    expect(r.reasoning.join(' ')).toContain('9/2022 para 73');
  });

  it('uses the stated lead supervisory authority for an EU establishment', () => {
    const r = regime({ persons: 30, categories: ['contact', 'health'], controller: { ...highRisk, establishment_countries: ['IE'], lead_supervisory_authority: 'Data Protection Commission' } }, 'EU-GDPR');
    expect(r.recipient).toBe('Data Protection Commission');
  });

  it('counts 72 clock hours across the spring DST change and shows the new local offset', () => {
    const r = regime({ persons: 30, categories: ['contact', 'health'], controller: { ...highRisk, aware_at: '2026-03-27T10:00:00+01:00', timezone: 'Europe/Berlin' } }, 'EU-GDPR', new Date('2026-03-28T09:00:00Z'));
    expect(r.deadline?.utc).toBe('2026-03-30T09:00:00.000Z');
    expect(r.deadline?.local).toBe('2026-03-30T11:00:00+02:00');
    expect(r.deadline?.hours_left).toBe(48);
  });

  it('reports negative hours and the need for reasons once the 72 hours have passed', () => {
    const a = assess(buildFacts({ persons: 30, categories: ['contact', 'health'], controller: highRisk }), new Date('2026-11-28T09:00:00Z'));
    const eu = a.regimes.find((x) => x.id === 'EU-GDPR')!;
    expect(eu.deadline?.hours_left).toBe(-24);
    expect(a.gaps.find((g) => g.field === 'reasons_for_delay')?.needed_by).toContain('EU-GDPR');
  });

  it('applies UK GDPR to residents of the United Kingdom only', () => {
    expect(regime({ persons: 5, countries: { GB: 5 }, categories: ['contact'], controller: highRisk }, 'UK-GDPR').applies).toBe(true);
    expect(regime({ persons: 5, countries: { DE: 5 }, categories: ['contact'], controller: highRisk }, 'UK-GDPR').applies).toBe(false);
  });
});

describe('US states', () => {
  const us = (n: number, sub: string, categories: ScenarioOptions['categories'], extra: Partial<ScenarioOptions> = {}): ScenarioOptions => ({
    persons: n,
    countries: { US: n },
    subdivisions: { [sub]: n },
    categories,
    controller: { ...highRisk, establishment_countries: ['US'], timezone: 'America/New_York' },
    ...extra,
  });

  it('sends California a sample copy above 500 residents only', () => {
    expect(regime(us(501, 'US-CA', ['contact', 'national_id']), 'US-CA').notify_authority).toBe('yes');
    const at500 = regime(us(500, 'US-CA', ['contact', 'national_id']), 'US-CA');
    expect(at500.notify_authority).toBe('no');
    expect(at500.notify_subjects).toBe('yes');
  });

  it('does not trigger California notice for contact details and chat content alone', () => {
    expect(regime(us(900, 'US-CA', ['contact', 'chat_content']), 'US-CA').notify_subjects).toBe('no');
  });

  it('keeps California safe harbour for encrypted data with a safe key', () => {
    const o = us(900, 'US-CA', ['contact', 'national_id']);
    o.controller = { ...o.controller, encrypted: true, key_safe: true };
    expect(regime(o, 'US-CA').notify_subjects).toBe('no');
  });

  it('counts 30 California days in Pacific time across the autumn DST change', () => {
    const o = us(900, 'US-CA', ['contact', 'financial']);
    o.controller = { ...o.controller, discovered_at: '2026-10-20T10:00:00-07:00' };
    const r = regime(o, 'US-CA');
    const residents = r.deadlines.find((d) => d.id === 'subjects')!;
    expect(residents.utc).toBe('2026-11-20T07:59:59.000Z');
    const ag = r.deadlines.find((d) => d.id === 'authority')!;
    expect(ag.utc).toBe('2026-12-05T07:59:59.000Z');
  });

  it('requires the Texas AG from 250 residents, within 30 days of determination', () => {
    const r = regime(us(250, 'US-TX', ['contact', 'health']), 'US-TX');
    expect(r.notify_authority).toBe('yes');
    expect(r.deadlines.find((d) => d.id === 'authority')?.utc).toBe('2026-12-25T05:59:59.000Z');
    expect(regime(us(249, 'US-TX', ['contact', 'health']), 'US-TX').notify_authority).toBe('no');
  });

  it('tests thresholds on the upper bound and says when the lower bound disagrees', () => {
    const r = regime({ ...us(260, 'US-TX', ['contact', 'health']), lower: 200, upper: 300, subdivisions: undefined, countries: { US: 260 } }, 'US-TX');
    expect(r.certainty).toBe('possible');
    expect(r.thresholds[0]).toMatchObject({ value: 300, met: true, certain: false });
    expect(r.notify_authority).toBe('likely');
  });

  it('treats Florida AG notice as due from 500 residents', () => {
    expect(regime(us(500, 'US-FL', ['contact', 'credentials']), 'US-FL').notify_authority).toBe('yes');
    expect(regime(us(499, 'US-FL', ['contact', 'credentials']), 'US-FL').notify_authority).toBe('no');
  });

  it('gives New York residents 30 days after discovery', () => {
    const r = regime(us(10, 'US-NY', ['contact', 'financial']), 'US-NY');
    expect(r.notify_subjects).toBe('yes');
    expect(r.deadlines.find((d) => d.id === 'subjects')?.utc).toBe('2026-12-25T04:59:59.000Z');
  });
});

describe('HIPAA and SEC', () => {
  it('applies HIPAA only in the health sector', () => {
    const o: ScenarioOptions = { persons: 600, countries: { US: 600 }, categories: ['contact', 'health'], controller: { ...highRisk } };
    expect(regime(o, 'US-HIPAA').applies).toBe(false);
    const r = regime({ ...o, controller: { ...highRisk, sector: ['health'] } }, 'US-HIPAA');
    expect(r.applies).toBe(true);
    expect(r.deadlines.map((d) => d.id)).toEqual(['subjects', 'hhs', 'media']);
  });

  it('sends fewer than 500 HIPAA breaches to the annual log due 60 days after the year ends', () => {
    const r = regime({ persons: 100, countries: { US: 100 }, categories: ['health'], controller: { ...highRisk, sector: ['health'] } }, 'US-HIPAA');
    const annual = r.deadlines.find((d) => d.id === 'hhs_annual');
    expect(annual?.utc).toBe('2027-03-02T04:59:59.000Z');
  });

  it('counts four SEC business days from materiality, skipping supplied US holidays', () => {
    const base: ScenarioOptions = { persons: 10, countries: { US: 10 }, categories: ['contact'], controller: { ...highRisk, sector: ['listed_company'], clock_starts: { 'US-SEC-8K': '2026-11-25T15:00:00-05:00' } } };
    const plain = regime(base, 'US-SEC-8K');
    expect(plain.notify_authority).toBe('yes');
    expect(plain.deadline?.utc).toBe('2026-12-02T04:59:59.000Z');
    expect(plain.deadline?.business_days?.counted).toEqual(['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01']);
    expect(plain.deadline?.notes.join(' ')).toContain('not skipped');
    const withHoliday = regime({ ...base, holidays: { US: ['2026-11-26'] } }, 'US-SEC-8K');
    expect(withHoliday.deadline?.utc).toBe('2026-12-03T04:59:59.000Z');
  });

  it('asks for a materiality decision when none is stated', () => {
    const r = regime({ persons: 10, categories: ['contact'], controller: { ...highRisk, sector: ['listed_company'] } }, 'US-SEC-8K');
    expect(r.notify_authority).toBe('assess');
  });
});

describe('other regimes', () => {
  it('counts LGPD business days in Sao Paulo time from a Friday evening', () => {
    // 23:30 UTC on Friday is still Friday in Brazil: Monday to Wednesday are the three days.
    const r = regime({ persons: 50, countries: { BR: 50 }, categories: ['contact', 'financial'], controller: { ...highRisk, aware_at: '2026-11-20T23:30:00Z' } }, 'BR-LGPD');
    expect(r.notify_authority).toBe('yes');
    expect(r.deadline?.utc).toBe('2026-11-26T02:59:59.000Z');
    expect(r.deadline?.business_days?.skipped).toEqual(['2026-11-21', '2026-11-22']);
  });

  it('skips supplied Brazilian holidays and doubles periods for small processing agents', () => {
    const o: ScenarioOptions = { persons: 50, countries: { BR: 50 }, categories: ['contact', 'financial'], controller: { ...highRisk, aware_at: '2026-11-20T15:00:00-03:00' }, holidays: { BR: ['2026-11-24'] } };
    expect(regime(o, 'BR-LGPD').deadline?.utc).toBe('2026-11-27T02:59:59.000Z');
    const small = regime({ ...o, controller: { ...o.controller, br_small_agent: true }, holidays: undefined }, 'BR-LGPD');
    expect(small.deadline?.business_days?.counted).toHaveLength(6);
  });

  it('leaves LGPD to judgement when no Res. 15/2024 criterion is measured', () => {
    expect(regime({ persons: 50, countries: { BR: 50 }, categories: ['contact'], controller: highRisk }, 'BR-LGPD').notify_authority).toBe('assess');
  });

  it('notifies the PDPC from 500 Singapore residents within 3 calendar days', () => {
    const r = regime({ persons: 500, countries: { SG: 500 }, categories: ['contact'], controller: { ...highRisk, malicious: false, exposure: 'known_recipients' } }, 'SG-PDPA');
    expect(r.notify_authority).toBe('yes');
    expect(r.deadlines.find((d) => d.id === 'authority')?.utc).toBe('2026-11-27T15:59:59.000Z');
    expect(regime({ persons: 499, countries: { SG: 499 }, categories: ['contact'], controller: { ...highRisk, malicious: false, exposure: 'known_recipients' } }, 'SG-PDPA').notify_authority).not.toBe('yes');
  });

  it('reports to Japan above 1,000 persons, or for special-care data even for one', () => {
    const simple = { ...highRisk, malicious: false };
    expect(regime({ persons: 1000, countries: { JP: 1000 }, categories: ['contact'], controller: simple }, 'JP-APPI').notify_authority).toBe('no');
    expect(regime({ persons: 1001, countries: { JP: 1001 }, categories: ['contact'], controller: simple }, 'JP-APPI').notify_authority).toBe('yes');
    const one = regime({ persons: 1, countries: { JP: 1 }, categories: ['health'], controller: simple }, 'JP-APPI');
    expect(one.notify_authority).toBe('yes');
    expect(one.deadlines.map((d) => d.id)).toEqual(['authority', 'final', 'subjects']);
  });

  it('gives Japan 60 days for the final report after an intrusion', () => {
    const r = regime({ persons: 5, countries: { JP: 5 }, categories: ['contact'], controller: highRisk }, 'JP-APPI');
    expect(r.deadlines.map((d) => d.id)).toContain('final_malicious');
  });

  it('tells Korean data subjects within 72 hours and the regulator from 1,000 or on hacking', () => {
    const r = regime({ persons: 10, countries: { KR: 10 }, categories: ['contact'], controller: { ...highRisk, malicious: false } }, 'KR-PIPA');
    expect(r.notify_subjects).toBe('yes');
    expect(r.notify_authority).toBe('no');
    expect(r.deadline?.utc).toBe('2026-11-27T09:00:00.000Z');
    expect(regime({ persons: 10, countries: { KR: 10 }, categories: ['contact'], controller: highRisk }, 'KR-PIPA').notify_authority).toBe('yes');
  });

  it('reports any Chinese leak immediately and adds the 4-hour CAC report from a million people', () => {
    const small = regime({ persons: 3, countries: { CN: 3 }, categories: ['contact'], controller: highRisk }, 'CN-PIPL');
    expect(small.notify_authority).toBe('yes');
    expect(small.deadline?.utc).toBeNull();
    const major = regime({ persons: 1_000_000, countries: { CN: 1_000_000 }, categories: ['contact'], controller: highRisk }, 'CN-PIPL');
    expect(major.deadline?.utc).toBe('2026-11-24T13:00:00.000Z');
  });

  it('holds India DPDP Rule 7 back until it is in force, then requires a 72-hour report', () => {
    const before = regime({ persons: 3, countries: { IN: 3 }, categories: ['contact'], controller: highRisk }, 'IN-DPDP');
    expect(before.notify_authority).toBe('no');
    expect(before.reasoning.join(' ')).toContain('not yet in force');
    const after = regime({ persons: 3, countries: { IN: 3 }, categories: ['contact'], controller: { ...highRisk, aware_at: '2027-06-01T09:00:00Z' } }, 'IN-DPDP', new Date('2027-06-01T10:00:00Z'));
    expect(after.notify_authority).toBe('yes');
    expect(after.deadlines.find((d) => d.id === 'authority_detailed')?.utc).toBe('2027-06-04T09:00:00.000Z');
  });

  it('excludes Australian entities that are not APP entities', () => {
    expect(regime({ persons: 5, countries: { AU: 5 }, categories: ['contact', 'health'], controller: { ...highRisk, au_app_entity: false } }, 'AU-NDB').applies).toBe(false);
    expect(regime({ persons: 5, countries: { AU: 5 }, categories: ['contact', 'health'], controller: { ...highRisk, au_app_entity: true } }, 'AU-NDB').notify_authority).toBe('likely');
  });

  it('leaves PIPEDA as a judgement below high risk', () => {
    const r = regime({ persons: 5, countries: { CA: 5 }, categories: ['contact'], controller: { ...highRisk, exposure: 'known_recipients' } }, 'CA-PIPEDA');
    expect(r.notify_authority).toBe('assess');
  });
});

describe('gaps', () => {
  it('lists missing controller facts with the regimes that need them and never invents them', () => {
    const a = assess(buildFacts({ persons: 30, categories: ['contact', 'health'], controller: highRisk }), NOW);
    const dpo = a.gaps.find((g) => g.field === 'dpo_contact');
    expect(dpo?.needed_by).toContain('EU-GDPR');
    expect(dpo?.why).toContain('33(3)(b)');
    expect(a.gaps.map((g) => g.field)).toContain('measures_taken');
  });

  it('produces the same output for the same input and time', () => {
    const f = buildFacts({ persons: 30, categories: ['contact', 'health'], controller: highRisk });
    expect(JSON.stringify(assess(f, NOW))).toBe(JSON.stringify(assess(f, NOW)));
  });
});
