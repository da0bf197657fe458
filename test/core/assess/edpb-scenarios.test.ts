import { describe, expect, it } from 'vitest';
import { assess } from '../../../app/core/assess/assess.ts';
import { buildFacts, type ScenarioOptions } from './build-facts.ts';

const NOW = new Date('2026-11-24T12:00:00Z');

function gdpr(o: ScenarioOptions) {
  const a = assess(buildFacts(o), NOW);
  const eu = a.regimes.find((r) => r.id === 'EU-GDPR');
  if (!eu) throw new Error('EU-GDPR missing');
  return { a, eu };
}

interface Case {
  name: string;
  options: ScenarioOptions;
  sa: 'yes' | 'no';
  ds: 'yes' | 'no';
}

// EDPB Guidelines 01/2021 (v2.0) cases as summarised in the regulatory reference §(g).
const CASES: Case[] = [
  {
    name: 'Case 01: ransomware, encrypted at rest with a safe key, no exfiltration, restored within hours',
    options: { persons: 40, categories: ['contact'], controller: { nature: ['availability', 'confidentiality'], malicious: true, encrypted: true, key_safe: true, exposure: 'none', availability_loss: 'easy_recovery' } },
    sa: 'no',
    ds: 'no',
  },
  {
    name: 'Case 02: ransomware without backup, rebuilt from paper over five days',
    options: { persons: 40, categories: ['contact'], controller: { nature: ['availability'], malicious: true, encrypted: false, availability_loss: 'temporary' } },
    sa: 'yes',
    ds: 'no',
  },
  {
    name: 'Case 03: hospital ransomware with backup, no exfiltration, two-day outage',
    options: { persons: 5000, categories: ['contact', 'health'], controller: { nature: ['availability'], malicious: true, exposure: 'none', availability_loss: 'temporary', sector: ['health'] } },
    sa: 'yes',
    ds: 'yes',
  },
  {
    name: 'Case 04: ransomware without backup and with exfiltration of ID and card numbers',
    options: { persons: 4000, categories: ['contact', 'national_id', 'financial'], controller: { nature: ['availability', 'confidentiality'], malicious: true, exposure: 'unknown_recipients', availability_loss: 'permanent', encrypted: false } },
    sa: 'yes',
    ds: 'yes',
  },
  {
    name: 'Case 05: job-application forms exfiltrated by malware',
    options: {
      persons: 213,
      categories: ['contact', 'demographic'],
      controller: { nature: ['confidentiality'], malicious: true, exposure: 'unknown_recipients' },
      overrides: [{ target: 'dpc', value: 2, reason: 'CVs: volume of data per person allows profiling (ENISA context increase)' }],
    },
    sa: 'yes',
    ds: 'yes',
  },
  {
    name: 'Case 06: strongly hashed, salted passwords exfiltrated by SQL injection',
    options: { persons: 1200, categories: ['credentials', 'online_id'], controller: { nature: ['confidentiality'], malicious: true, exposure: 'unknown_recipients', encrypted: true, key_safe: true } },
    sa: 'no',
    ds: 'no',
  },
  {
    name: 'Case 07: credential stuffing on a banking website',
    options: { persons: 100_000, categories: ['contact', 'financial', 'credentials'], controller: { nature: ['confidentiality'], malicious: true, exposure: 'unknown_recipients', encrypted: false } },
    sa: 'yes',
    ds: 'yes',
  },
  {
    name: 'Case 08: ex-employee copies customer contacts and solicits them',
    options: { persons: 300, categories: ['contact'], controller: { nature: ['confidentiality'], malicious: true, exposure: 'known_recipients' } },
    sa: 'yes',
    ds: 'no',
  },
  {
    name: 'Case 09: spreadsheet sent to a trusted insurance agent who deleted it',
    options: { persons: 24, categories: ['contact', 'financial'], controller: { nature: ['confidentiality'], malicious: false, exposure: 'known_recipients', recipients_trusted: true, data_retrieved_or_deleted: true } },
    sa: 'no',
    ds: 'no',
  },
  {
    name: 'Case 10: stolen tablets with encrypted data and a backup',
    options: { persons: 60, categories: ['contact', 'children'], controller: { nature: ['confidentiality', 'availability'], malicious: true, encrypted: true, key_safe: true, availability_loss: 'easy_recovery' } },
    sa: 'no',
    ds: 'no',
  },
  {
    name: 'Case 11: stolen unencrypted notebook with data of over 100,000 customers',
    options: { persons: 100_500, categories: ['contact', 'demographic'], controller: { nature: ['confidentiality'], malicious: true, encrypted: false, exposure: 'unknown_recipients' } },
    sa: 'yes',
    ds: 'yes',
  },
  {
    name: 'Case 12: stolen paper logbook of a rehabilitation centre without backup',
    options: { persons: 80, categories: ['contact', 'health'], controller: { nature: ['confidentiality', 'availability'], malicious: true, exposure: 'unknown_recipients', availability_loss: 'permanent' } },
    sa: 'yes',
    ds: 'yes',
  },
  {
    name: 'Case 13: two shoe orders and packing slips swapped by the post',
    options: { persons: 2, categories: ['contact'], controller: { nature: ['confidentiality'], malicious: false, exposure: 'known_recipients' } },
    sa: 'no',
    ds: 'no',
  },
  {
    name: 'Case 14: social security numbers of 60,000 job-seekers emailed to all of them',
    options: { persons: 60_000, categories: ['contact', 'national_id'], controller: { nature: ['confidentiality'], malicious: false, exposure: 'known_recipients' } },
    sa: 'yes',
    ds: 'yes',
  },
  {
    name: 'Case 15: course participant list with food preferences sent to former participants',
    options: {
      persons: 15,
      categories: ['contact', 'health'],
      controller: { nature: ['confidentiality'], malicious: false, exposure: 'known_recipients', data_retrieved_or_deleted: true },
      overrides: [{ target: 'dpc_class', class: 'sensitive', value: 1, reason: 'only lactose intolerance of two people: little insight (ENISA sensitive level 1)' }],
    },
    sa: 'no',
    ds: 'no',
  },
  {
    name: 'Case 16: two car-insurance letters in one envelope',
    options: {
      persons: 2,
      categories: ['contact', 'demographic', 'financial'],
      controller: { nature: ['confidentiality'], malicious: false, exposure: 'known_recipients' },
      overrides: [{ target: 'dpc_class', class: 'financial', value: 2, reason: 'premiums only: some financial data without significant insight' }],
    },
    sa: 'yes',
    ds: 'no',
  },
  {
    name: 'Case 17: identity theft by social engineering at a telecom provider',
    options: { persons: 1, categories: ['contact', 'financial'], controller: { nature: ['confidentiality', 'integrity'], malicious: true, exposure: 'known_recipients', integrity_loss: 'recoverable' } },
    sa: 'yes',
    ds: 'yes',
  },
  {
    name: 'Case 18: mailbox rules forwarding invoices and bank details for months',
    options: { persons: 900, categories: ['contact', 'financial'], controller: { nature: ['confidentiality', 'integrity'], malicious: true, exposure: 'unknown_recipients', integrity_loss: 'recoverable' } },
    sa: 'yes',
    ds: 'yes',
  },
  {
    name: 'Annex B: brief power outage at a call centre',
    options: { persons: 500, categories: ['contact'], controller: { nature: ['availability'], malicious: false, availability_loss: 'easy_recovery' } },
    sa: 'no',
    ds: 'no',
  },
  {
    name: 'Annex B: marketplace usernames, passwords and purchase history published',
    options: { persons: 20_000, categories: ['credentials', 'online_id', 'contact'], controller: { nature: ['confidentiality'], malicious: true, exposure: 'unknown_recipients', encrypted: false } },
    sa: 'yes',
    ds: 'yes',
  },
];

describe('EDPB Guidelines 01/2021 example cases', () => {
  for (const c of CASES) {
    it(`${c.name}: SA ${c.sa}, data subjects ${c.ds}`, () => {
      const { eu } = gdpr(c.options);
      expect(eu.applies).toBe(true);
      expect(eu.notify_authority).toBe(c.sa);
      expect(eu.notify_subjects).toBe(c.ds);
    });
  }

  it('always requires the internal register entry, even when nothing is notified (Case 01)', () => {
    const { eu } = gdpr(CASES[0]!.options);
    expect(eu.notify_authority).toBe('no');
    expect(eu.reasoning.join(' ')).toContain('Art. 33(5)');
  });

  it('names the deciding facts for each outcome', () => {
    const { a } = gdpr(CASES[1]!.options);
    expect(a.gdpr_risk.decided_by.some((d) => d.includes('temporary'))).toBe(true);
    expect(a.gdpr_risk.decided_by.some((d) => d.includes('ENISA band'))).toBe(true);
  });
});

describe('Art. 34(3) exceptions and assumptions', () => {
  const base: ScenarioOptions = { persons: 5000, categories: ['contact', 'health'], controller: { nature: ['confidentiality'], malicious: true, exposure: 'unknown_recipients', encrypted: false } };

  it('needs no individual communication when later measures remove the high risk, but still notifies the authority', () => {
    const { eu, a } = gdpr({ ...base, controller: { ...base.controller, measures_remove_high_risk: true } });
    expect(a.gdpr_risk.level).toBe('high_risk');
    expect(a.gdpr_risk.art34_exception).toBe('b');
    expect(eu.notify_authority).toBe('yes');
    expect(eu.notify_subjects).toBe('no');
  });

  it('turns disproportionate effort into a public communication, not silence', () => {
    const { eu } = gdpr({ ...base, controller: { ...base.controller, disproportionate_effort: true } });
    expect(eu.notify_subjects).toBe('yes');
    expect(eu.subjects_channel).toBe('public');
  });

  it('does not apply the encryption exception when the key was exposed', () => {
    const { eu, a } = gdpr({ ...base, controller: { ...base.controller, encrypted: true, key_safe: false } });
    expect(eu.notify_subjects).toBe('yes');
    expect(a.gdpr_risk.reasoning.join(' ')).toContain('key is exposed');
  });

  it('says "likely" instead of "yes" when a deciding fact was assumed', () => {
    const { eu, a } = gdpr({ persons: 5000, categories: ['contact', 'health'], controller: {} });
    expect(a.gdpr_risk.relies_on_assumptions).toBe(true);
    expect(eu.notify_authority).toBe('likely');
    expect(a.severity.inputs.filter((i) => i.assumed).map((i) => i.name)).toContain('CB malicious intent');
  });

  it('lets the controller override the risk level with a reason and shows the computed level', () => {
    const { eu, a } = gdpr({ ...base, overrides: [{ target: 'gdpr_risk', value: 'risk', reason: 'records were test accounts of staff only' }] });
    expect(a.gdpr_risk.override?.computed).toBe('high_risk');
    expect(eu.notify_subjects).toBe('no');
    expect(a.gdpr_risk.decided_by[0]).toContain('records were test accounts');
  });

  it('treats an incident without personal data as no personal data breach', () => {
    const a = assess({ controller: { aware_at: '2026-11-24T09:00:00Z', establishment_countries: ['DE'] }, measured: { persons: { estimate: 0, lower: 0, upper: 0, method: 'none' }, by_country: {}, by_category: {} } }, NOW);
    expect(a.gdpr_risk.personal_data).toBe(false);
    expect(a.regimes.find((r) => r.id === 'EU-GDPR')?.notify_authority).toBe('no');
  });
});
