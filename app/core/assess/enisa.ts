/**
 * ENISA severity methodology (Recommendations for a methodology of the assessment of severity
 * of personal data breaches, v1.0, Dec 2013) as data: SE = DPC x EI + CB.
 */
import type { DataCategory } from './facts.ts';

export const ENISA_CITATION = 'ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches, v1.0 (Dec 2013)';

export type DpcClass = 'simple' | 'behavioural' | 'financial' | 'sensitive';

export const DPC_BASE: Record<DpcClass, number> = { simple: 1, behavioural: 2, financial: 3, sensitive: 4 };

/**
 * Starting score of each measured category. `score` differs from the class base only where the
 * nature of the data is a known contextual factor; every such step carries its reason.
 */
export const CATEGORY_DPC: Record<
  DataCategory,
  { class: DpcClass; score: number; reason: string } | { class: 'modifier'; reason: string }
> = {
  contact: { class: 'simple', score: 1, reason: 'contact details are simple data (base 1)' },
  demographic: { class: 'simple', score: 1, reason: 'biographical data are simple data (base 1)' },
  online_id: { class: 'simple', score: 1, reason: 'online identifiers alone are simple data (base 1)' },
  national_id: {
    class: 'simple',
    score: 3,
    reason: 'identity numbers enable impersonation and fraud: simple data raised by two context steps to 3',
  },
  chat_content: {
    class: 'behavioural',
    score: 2,
    reason: 'chat content reveals preferences and habits (behavioural, base 2); special categories found in it are scored separately',
  },
  location: { class: 'behavioural', score: 2, reason: 'location data are behavioural (base 2)' },
  credentials: {
    class: 'behavioural',
    score: 2,
    reason: 'credentials are scored by the data they open (ENISA); the accounts of this data set hold at least behavioural data (2), raised to the highest other category present',
  },
  financial: { class: 'financial', score: 3, reason: 'financial data (base 3, e.g. full card details)' },
  health: { class: 'sensitive', score: 4, reason: 'health data: special category (base 4)' },
  religion: { class: 'sensitive', score: 4, reason: 'religious beliefs: special category (base 4)' },
  sex_life: { class: 'sensitive', score: 4, reason: 'sex life or orientation: special category (base 4)' },
  political: { class: 'sensitive', score: 4, reason: 'political opinions: special category (base 4)' },
  ethnic_origin: { class: 'sensitive', score: 4, reason: 'racial or ethnic origin: special category (base 4)' },
  trade_union: { class: 'sensitive', score: 4, reason: 'trade-union membership: special category (base 4)' },
  genetic: { class: 'sensitive', score: 4, reason: 'genetic data: special category (base 4)' },
  biometric: { class: 'sensitive', score: 4, reason: 'biometric data: special category (base 4)' },
  criminal: { class: 'sensitive', score: 4, reason: 'criminal convictions and offences (Art. 10): scored as sensitive (4)' },
  children: {
    class: 'modifier',
    reason: 'data about minors: special characteristics of the individuals raise DPC by one step (ENISA contextual factor)',
  },
};

export const EI_LEVELS = { negligible: 0.25, limited: 0.5, significant: 0.75, maximum: 1 } as const;

export const CB_CONFIDENTIALITY = { none: 0, known_recipients: 0.25, unknown_recipients: 0.5 } as const;
export const CB_INTEGRITY = { no_misuse: 0, recoverable: 0.25, unrecoverable: 0.5 } as const;
export const CB_AVAILABILITY = { easy_recovery: 0, temporary: 0.25, permanent: 0.5 } as const;
export const CB_MALICIOUS = 0.5;

export type SeverityBand = 'low' | 'medium' | 'high' | 'very_high';

/** SE bands: Low < 2 <= Medium < 3 <= High < 4 <= Very high. */
export const SEVERITY_BANDS: Array<{ band: SeverityBand; below: number; meaning: string }> = [
  { band: 'low', below: 2, meaning: 'individuals are unaffected or meet minor inconveniences they overcome easily' },
  { band: 'medium', below: 3, meaning: 'significant inconveniences overcome with some difficulty' },
  { band: 'high', below: 4, meaning: 'significant consequences overcome only with serious difficulty' },
  { band: 'very_high', below: Infinity, meaning: 'significant or irreversible consequences individuals may not overcome' },
];

export function bandOf(score: number): SeverityBand {
  for (const b of SEVERITY_BANDS) if (score < b.below) return b.band;
  return 'very_high';
}
