/** Shapes of the assessment output and of the regime tables. */
import type { BreachFacts, DataCategory, RegimeId } from './facts.ts';
import type { SeverityBand } from './enisa.ts';

export type NotifyDecision = 'yes' | 'no' | 'likely' | 'assess';
export type RiskLevel = 'no_risk' | 'risk' | 'high_risk';
/** Confidence mark copied from the regulatory reference: high, medium, low. */
export type Confidence = 'H' | 'M' | 'L';

export interface Citation {
  /** e.g. "GDPR Art. 33(1)". */
  ref: string;
  confidence: Confidence;
  /** Uncertainty the reference records, kept verbatim in meaning. */
  note?: string;
}

export type ClockStart = 'aware' | 'discovery' | 'determination' | 'materiality' | 'after_deadline' | 'year_end';

export interface DeadlineRule {
  id: string;
  audience: 'authority' | 'subjects' | 'authority_followup' | 'media' | 'assessment';
  /** Who receives it, e.g. "California Attorney General". */
  recipient: string;
  kind: 'hours' | 'calendar_days' | 'business_days' | 'no_fixed_period';
  amount?: number;
  start: ClockStart;
  /** For `after_deadline`: the deadline this one counts from. */
  after?: string;
  /** Zone in which days are counted (the law's jurisdiction). */
  timeZone?: string;
  /** Country whose holidays are skipped when counting business days. */
  holidayCountry?: string;
  rule: string;
  citation: Citation;
  /** The condition under which the regime's evaluation activates this rule (documentation). */
  when?: string;
  /** Period multiplied when a controller fact is true (e.g. ANPD small processing agents). */
  multiplier?: { fact: 'br_small_agent'; factor: number };
}

export interface ThresholdRule {
  id: string;
  name: string;
  comparator: '>=' | '>';
  value: number;
  citation: Citation;
}

export type ContentKey =
  | 'controller_identity'
  | 'contact'
  | 'description'
  | 'nature'
  | 'dates'
  | 'cause'
  | 'subject_categories'
  | 'persons'
  | 'persons_in_jurisdiction'
  | 'data_categories'
  | 'records'
  | 'secrets'
  | 'consequences'
  | 'measures_taken'
  | 'measures_planned'
  | 'subject_steps'
  | 'delay_reasons'
  | 'subjects_notified'
  | 'processor'
  | 'law_enforcement'
  | 'encryption'
  | 'other_notifications'
  | 'identity_services'
  | 'material_impact'
  | 'complaint_rights'
  | 'remedies';

export interface ContentItem {
  key: ContentKey;
  label: string;
  citation: Citation;
}

export interface RegimeDefinition {
  id: RegimeId;
  name: string;
  /** Countries (alpha-2) whose residents bring the regime into play. */
  countries: readonly string[];
  /** ISO 3166-2 subdivision for state laws. */
  subdivision?: string;
  authority: string;
  subjectsRecipient: string;
  trigger: string;
  thresholds: ThresholdRule[];
  deadlines: DeadlineRule[];
  authorityContent: ContentItem[];
  subjectsContent: ContentItem[];
  basis: Citation[];
  /** Known limits of the implementation or the reference, shown with every result. */
  limitations: string[];
  evaluate(ctx: RegimeContext): RegimeEvaluation;
}

export interface PersonCount {
  estimate: number;
  lower: number;
  upper: number;
}

export interface ThresholdResult {
  name: string;
  /** Count the test used (the upper bound, so that no threshold is missed), or a risk level. */
  value: number | string | null;
  estimate: number | null;
  lower: number | null;
  threshold: string;
  /** Met on the upper bound (null when the count is unknown). */
  met: boolean | null;
  /** True when lower and upper bound agree on the outcome. */
  certain: boolean;
  basis: string;
}

export interface RegimeEvaluation {
  applies: boolean;
  certainty: 'certain' | 'possible' | 'none';
  why: string;
  recipient: string;
  notify_authority: NotifyDecision;
  notify_subjects: NotifyDecision;
  /** Ids of the deadline rules that are in force for this case. */
  activeDeadlines: string[];
  thresholds: ThresholdResult[];
  reasoning: string[];
  subjects_channel?: 'direct' | 'public';
}

export interface GdprRisk {
  personal_data: boolean;
  level: RiskLevel;
  /** The facts that decided the level, in words. */
  decided_by: string[];
  reasoning: string[];
  override?: { value: RiskLevel; reason: string; computed: RiskLevel };
  /** Art. 34(3) exception that switches off individual communication, if any. */
  art34_exception: null | 'a' | 'b' | 'c';
  /** True when a deciding fact was assumed (not stated). */
  relies_on_assumptions: boolean;
}

export interface RegimeContext {
  facts: BreachFacts;
  now: Date;
  categories: ReadonlySet<DataCategory>;
  personsIn(countries: readonly string[]): PersonCount | null;
  personsInSubdivision(code: string): PersonCount | null;
  personsTotal: PersonCount | null;
  unknownCountry: PersonCount | null;
  establishedIn(countries: readonly string[]): boolean | 'unknown';
  gdpr: GdprRisk;
  severityBand: SeverityBand;
  unintelligible: boolean;
  threshold(rule: ThresholdRule, count: PersonCount | null): ThresholdResult;
}

export interface DeadlineResult {
  id: string;
  audience: DeadlineRule['audience'];
  recipient: string;
  /** ISO UTC instant, or null when the law sets no fixed period or the start is unknown. */
  utc: string | null;
  /** Same instant in the user's time zone. */
  local: string | null;
  hours_left: number | null;
  rule: string;
  start_event: ClockStart;
  start_at: string | null;
  business_days?: { counted: string[]; skipped: string[]; holidays_applied: boolean };
  basis: string;
  notes: string[];
}

export interface RegimeResult {
  id: RegimeId;
  name: string;
  applies: boolean;
  certainty: RegimeEvaluation['certainty'];
  why: string;
  recipient: string;
  notify_authority: NotifyDecision;
  notify_subjects: NotifyDecision;
  subjects_channel?: 'direct' | 'public';
  /** The earliest fixed deadline in force, else the first rule in force. */
  deadline: DeadlineResult | null;
  deadlines: DeadlineResult[];
  thresholds: ThresholdResult[];
  basis: string[];
  reasoning: string[];
}

export interface SeverityInput {
  name: string;
  value: number | string;
  reason: string;
  overridden?: { reason: string; computed: number | string };
  assumed?: boolean;
}

export interface Severity {
  method: string;
  dpc: number;
  ei: number;
  cb: number;
  score: number;
  band: SeverityBand;
  band_meaning: string;
  inputs: SeverityInput[];
  /** ENISA criteria weighed outside the formula. */
  outside_formula: string[];
}

export interface Gap {
  field: string;
  label: string;
  why: string;
  needed_by: string[];
}

export interface Assessment {
  generated_at: string;
  timezone: string;
  aware_at: string | null;
  persons: PersonCount | null;
  categories: DataCategory[];
  special_categories: DataCategory[];
  severity: Severity;
  gdpr_risk: GdprRisk;
  regimes: RegimeResult[];
  gaps: Gap[];
  notes: string[];
  overrides_applied: Array<{ target: string; reason: string }>;
}
