/**
 * Names, labels and purposes of the facts a person supplies, and which draft contents need
 * them. Gaps and draft placeholders both use this vocabulary, so a gap in the assessment and a
 * `[MISSING: ...]` in a draft name the same field.
 */
import type { BreachFacts, ControllerFacts } from './facts.ts';
import type { ContentKey } from './types.ts';

export interface FieldInfo {
  label: string;
  why: string;
}

export const FIELDS: Record<string, FieldInfo> = {
  controller_name: { label: 'Controller name', why: 'identifies the notifying organisation in every notice' },
  controller_address: { label: 'Controller address', why: 'authority forms ask for the organisation details' },
  establishment_countries: { label: 'Establishment countries', why: 'decides GDPR one-stop-shop and which regimes apply by establishment' },
  dpo_contact: { label: 'DPO contact', why: 'GDPR Art. 33(3)(b) and 34(2): name and contact details of the DPO or other contact point' },
  contact_point: { label: 'Contact point for more information', why: 'where people and authorities obtain more information' },
  lead_supervisory_authority: { label: 'Lead supervisory authority', why: 'recipient of the Art. 33 notification under the one-stop-shop (Art. 56)' },
  aware_at: { label: 'Awareness time', why: 'the GDPR 72-hour clock and most other clocks start when the controller became aware' },
  discovered_at: { label: 'Discovery time', why: 'US state and HIPAA clocks count from discovery; authority forms ask for it' },
  contained_at: { label: 'Containment time', why: 'shows whether the breach is ongoing' },
  occurred_from: { label: 'When the breach started', why: 'forms and notices ask for the date or date range of the breach' },
  description: { label: 'Description of what happened', why: 'nature of the breach (GDPR Art. 33(3)(a)) and "What Happened" in notices' },
  cause: { label: 'Cause of the breach', why: 'LGPD, APPI, PIPL and PIPEDA reports ask for the cause' },
  nature: { label: 'Breach type (confidentiality, integrity, availability)', why: 'ENISA circumstances and the nature of the breach' },
  malicious: { label: 'Malicious or not', why: 'ENISA circumstances; Japan and Korea reporting grounds' },
  exposure: { label: 'Who may have seen the data', why: 'ENISA loss of confidentiality and the GDPR risk decision' },
  encrypted: { label: 'Encryption status', why: 'Art. 34(3)(a) and US safe harbours depend on encryption' },
  key_safe: { label: 'Whether the key is safe', why: 'encryption protects only when the key was not exposed' },
  measures_taken: { label: 'Measures taken', why: 'GDPR Art. 33(3)(d) and every notice' },
  measures_planned: { label: 'Measures planned', why: 'GDPR Art. 33(3)(d): measures proposed, including mitigation' },
  processor_involved: { label: 'Processor involved', why: 'Art. 33(2) and authority forms' },
  sector: { label: 'Sector', why: 'decides HIPAA (health) and SEC (listed company)' },
  timezone: { label: 'Time zone', why: 'deadlines are shown in local time' },
  likely_consequences: { label: 'Likely consequences', why: 'GDPR Art. 33(3)(c); the tool suggests consequences from the data categories for review' },
  data_subject_categories: { label: 'Categories of data subjects', why: 'GDPR Art. 33(3)(a) (customers, users, employees, children ...)' },
  reasons_for_delay: { label: 'Reasons for delay', why: 'GDPR Art. 33(1): required when notifying after 72 hours' },
  law_enforcement_investigating: { label: 'Law enforcement investigating', why: 'Texas AG notice; California notice says whether notice was delayed by law enforcement' },
  subjects_informed_at: { label: 'When data subjects were informed', why: 'authority forms ask whether people were told' },
  other_notifications: { label: 'Other authorities informed', why: 'authority forms ask which other bodies were told' },
  identity_theft_services: { label: 'Identity-theft protection offer', why: 'California requires at least 12 months at no cost when SSN or ID numbers were exposed' },
  material_impact: { label: 'Material impact on the registrant', why: 'SEC Form 8-K Item 1.05' },
  au_app_entity: { label: 'Australian APP entity status', why: 'the NDB scheme covers APP entities only' },
  staff_involved: { label: 'Staff member involved', why: 'the ICO form asks whether a staff member was involved' },
  staff_training: { label: 'Staff data protection training', why: 'the ICO form asks about training of the staff involved' },
  'clock_starts.US-SEC-8K': { label: 'Materiality determination time', why: 'the 4-business-day SEC clock starts there' },
  'measured.persons': { label: 'Number of affected persons', why: 'every regime asks for the (approximate) number of people' },
  'measured.by_subdivision': { label: 'Affected persons by US state', why: 'US state thresholds count residents per state' },
  'measured.by_country.unknown': { label: 'Country of some affected persons', why: 'persons of unknown country may bring further regimes into play' },
};

/** Which facts each content item draws on. */
export const CONTENT_FIELDS: Record<ContentKey, string[]> = {
  controller_identity: ['controller_name', 'controller_address'],
  contact: ['dpo_contact'],
  description: ['description'],
  nature: ['nature'],
  dates: ['occurred_from', 'discovered_at', 'aware_at'],
  cause: ['cause'],
  subject_categories: ['data_subject_categories'],
  persons: ['measured.persons'],
  persons_in_jurisdiction: ['measured.persons'],
  data_categories: [],
  records: [],
  secrets: [],
  consequences: ['likely_consequences'],
  measures_taken: ['measures_taken'],
  measures_planned: ['measures_planned'],
  subject_steps: [],
  delay_reasons: ['reasons_for_delay'],
  subjects_notified: ['subjects_informed_at'],
  processor: ['processor_involved'],
  law_enforcement: ['law_enforcement_investigating'],
  encryption: ['encrypted', 'key_safe'],
  other_notifications: ['other_notifications'],
  identity_services: ['identity_theft_services'],
  material_impact: ['material_impact'],
  complaint_rights: [],
  remedies: [],
};

/** True when the fact is stated (an empty list counts as not stated). */
export function hasField(facts: BreachFacts, field: string): boolean {
  if (field === 'measured.persons') return facts.measured !== undefined;
  if (field === 'measured.by_subdivision') return facts.measured?.by_subdivision !== undefined;
  if (field === 'measured.by_country.unknown') return !((facts.measured?.by_country['unknown']?.upper ?? 0) > 0);
  if (field.startsWith('clock_starts.')) {
    const id = field.slice('clock_starts.'.length) as keyof NonNullable<ControllerFacts['clock_starts']>;
    return facts.controller.clock_starts?.[id] !== undefined;
  }
  // The DPO or another contact point satisfies Art. 33(3)(b).
  if (field === 'dpo_contact') return facts.controller.dpo_contact !== undefined || facts.controller.contact_point !== undefined;
  // The key question only arises for encrypted data.
  if (field === 'key_safe' && facts.controller.encrypted === false) return true;
  const value = facts.controller[field as keyof ControllerFacts];
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (field === 'malicious') return value !== 'unknown';
  return true;
}

export function fieldLabel(field: string): string {
  return FIELDS[field]?.label ?? field;
}
