/**
 * US state breach statutes as rows of one table; a further state is one more row. Residence is
 * counted per ISO 3166-2 subdivision; when only a US total is known, every state is "possible"
 * with the US upper bound as worst case.
 */
import type { DataCategory, RegimeId } from '../facts.ts';
import type {
  Citation,
  ContentItem,
  DeadlineRule,
  NotifyDecision,
  RegimeContext,
  RegimeDefinition,
  RegimeEvaluation,
  ThresholdRule,
} from '../types.ts';
import { cite, describeCount, presenceOf, soften } from './common.ts';

interface StateRow {
  id: RegimeId;
  name: string;
  subdivision: string;
  timeZone: string;
  /** Measured categories that amount to the statute's personal information. */
  elements: DataCategory[];
  elementsCitation: Citation;
  /** True when encrypted data count once the key was also taken. */
  keyRule: string;
  authority: string;
  authorityThreshold: ThresholdRule;
  otherThresholds: ThresholdRule[];
  deadlines: DeadlineRule[];
  authorityContent: ContentItem[];
  basis: Citation[];
  limitations: string[];
}

/** California model headings and minimum content (Civ. Code §1798.82(d)). */
export const CALIFORNIA_MODEL_HEADINGS = [
  'What Happened',
  'What Information Was Involved',
  'What We Are Doing',
  'What You Can Do',
  'For More Information',
] as const;

const consumerContent = (law: string): ContentItem[] => [
  { key: 'description', label: 'What Happened', citation: cite(`${law}; Cal. Civ. Code §1798.82(d)`, 'H') },
  { key: 'data_categories', label: 'What Information Was Involved', citation: cite(`${law}; Cal. Civ. Code §1798.82(d)`, 'H') },
  { key: 'measures_taken', label: 'What We Are Doing', citation: cite(`${law}; Cal. Civ. Code §1798.82(d)`, 'H') },
  { key: 'subject_steps', label: 'What You Can Do', citation: cite(`${law}; Cal. Civ. Code §1798.82(d)`, 'H') },
  { key: 'contact', label: 'For More Information', citation: cite(`${law}; Cal. Civ. Code §1798.82(d)`, 'H') },
];

export const US_STATE_ROWS: StateRow[] = [
  {
    id: 'US-CA',
    name: 'California breach notification (Cal. Civ. Code §1798.82)',
    subdivision: 'US-CA',
    timeZone: 'America/Los_Angeles',
    elements: ['national_id', 'financial', 'health', 'credentials', 'biometric', 'genetic'],
    elementsCitation: cite('Cal. Civ. Code §1798.82(h)', 'H', 'SSN, ID, account/card with code, medical, health insurance, username/email with password [H]; biometric, genetic and further IDs [M]'),
    keyRule: 'encrypted personal information counts when the key or credential was also acquired',
    authority: 'California Attorney General (sample copy)',
    authorityThreshold: { id: 'ag', name: 'California residents notified (AG sample copy)', comparator: '>', value: 500, citation: cite('Cal. Civ. Code §1798.82(f)', 'H') },
    otherThresholds: [],
    deadlines: [
      { id: 'subjects', audience: 'subjects', recipient: 'California residents', kind: 'calendar_days', amount: 30, start: 'discovery', timeZone: 'America/Los_Angeles', rule: 'within 30 calendar days of discovery or notification (since 1 Jan 2026, SB 446); delay allowed for law enforcement or to determine scope and restore integrity', citation: cite('Cal. Civ. Code §1798.82(a) as amended by SB 446', 'H') },
      { id: 'authority', audience: 'authority', recipient: 'California Attorney General', kind: 'calendar_days', amount: 15, start: 'after_deadline', after: 'subjects', timeZone: 'America/Los_Angeles', rule: 'sample copy within 15 calendar days of notifying residents (counted here from the latest lawful resident notice)', citation: cite('Cal. Civ. Code §1798.82(f) as amended by SB 446', 'H'), when: 'authority' },
    ],
    authorityContent: consumerContent('Cal. Civ. Code §1798.82(f)'),
    basis: [cite('Cal. Civ. Code §1798.82', 'H'), cite('SB 446 (2025)', 'H')],
    limitations: [],
  },
  {
    id: 'US-NY',
    name: 'New York breach notification (GBL §899-aa)',
    subdivision: 'US-NY',
    timeZone: 'America/New_York',
    elements: ['national_id', 'financial', 'credentials', 'biometric', 'health'],
    elementsCitation: cite('N.Y. GBL §899-aa(1)', 'L', 'the reference gives only "private information"; the element list is not from the stored sources'),
    keyRule: 'encrypted data count when the key was also acquired [L]',
    authority: 'NY Attorney General, Department of State and Division of State Police',
    authorityThreshold: { id: 'ag', name: 'New York residents notified (regulators informed)', comparator: '>=', value: 1, citation: cite('N.Y. GBL §899-aa(8)', 'H') },
    otherThresholds: [
      { id: 'cra', name: 'New York residents (consumer reporting agencies)', comparator: '>', value: 5000, citation: cite('N.Y. GBL §899-aa(8)(b)', 'L', 'CRA threshold not confirmed in the stored sources') },
    ],
    deadlines: [
      { id: 'subjects', audience: 'subjects', recipient: 'New York residents', kind: 'calendar_days', amount: 30, start: 'discovery', timeZone: 'America/New_York', rule: 'within 30 days after discovery (Dec 2024 amendment; the scope/integrity exception was removed)', citation: cite('N.Y. GBL §899-aa(2) as amended Dec 2024', 'H') },
      { id: 'authority', audience: 'authority', recipient: 'NY AG, Department of State, State Police', kind: 'no_fixed_period', start: 'discovery', rule: 'when residents are notified: timing, content, distribution and approximate number', citation: cite('N.Y. GBL §899-aa(8)(a)', 'H'), when: 'authority' },
      { id: 'dfs', audience: 'authority', recipient: 'NY Department of Financial Services', kind: 'hours', amount: 72, start: 'determination', rule: '72 hours, DFS-covered entities only', citation: cite('23 NYCRR 500.17', 'H'), when: 'dfs' },
    ],
    authorityContent: [
      { key: 'controller_identity', label: 'Business name and contact information', citation: cite('N.Y. GBL §899-aa(7)', 'L') },
      { key: 'persons_in_jurisdiction', label: 'Approximate number of New York residents affected', citation: cite('N.Y. GBL §899-aa(8)(a)', 'H') },
      { key: 'data_categories', label: 'Categories of information accessed or acquired', citation: cite('N.Y. GBL §899-aa(7)', 'L') },
      { key: 'dates', label: 'Timing of the notice', citation: cite('N.Y. GBL §899-aa(8)(a)', 'H') },
      { key: 'contact', label: 'Contact', citation: cite('N.Y. GBL §899-aa(7)', 'L') },
    ],
    basis: [cite('N.Y. GBL §899-aa', 'H'), cite('23 NYCRR 500.17', 'H')],
    limitations: ['NY notice content list is [L] in the reference; state and federal agency phone numbers and websites must be added by the controller.'],
  },
  {
    id: 'US-TX',
    name: 'Texas breach notification (Tex. Bus. & Com. Code §521.053)',
    subdivision: 'US-TX',
    timeZone: 'America/Chicago',
    elements: ['national_id', 'financial', 'health'],
    elementsCitation: cite('Tex. Bus. & Com. Code §521.002', 'H', 'sensitive personal information: name with SSN/DL/ID, card or account with code, health information'),
    keyRule: 'encrypted data count when the key was accessed',
    authority: 'Texas Attorney General (electronic form)',
    authorityThreshold: { id: 'ag', name: 'Texas residents (AG notice)', comparator: '>=', value: 250, citation: cite('Tex. Bus. & Com. Code §521.053(i)', 'H') },
    otherThresholds: [
      { id: 'cra', name: 'Texas residents (consumer reporting agencies)', comparator: '>', value: 10_000, citation: cite('Tex. Bus. & Com. Code §521.053(h)', 'H') },
    ],
    deadlines: [
      { id: 'subjects', audience: 'subjects', recipient: 'Texas residents', kind: 'calendar_days', amount: 60, start: 'determination', timeZone: 'America/Chicago', rule: 'without unreasonable delay and not later than 60 days after determining the breach', citation: cite('Tex. Bus. & Com. Code §521.053(b)', 'H') },
      { id: 'authority', audience: 'authority', recipient: 'Texas Attorney General', kind: 'calendar_days', amount: 30, start: 'determination', timeZone: 'America/Chicago', rule: 'not later than 30 days after determining the breach (since 1 Sep 2023, SB 768)', citation: cite('Tex. Bus. & Com. Code §521.053(i)', 'H'), when: 'authority' },
    ],
    authorityContent: [
      { key: 'description', label: 'Detailed description of the nature and circumstances', citation: cite('Tex. Bus. & Com. Code §521.053(i)', 'H') },
      { key: 'persons_in_jurisdiction', label: 'Number of Texas residents affected', citation: cite('Tex. Bus. & Com. Code §521.053(i)', 'H') },
      { key: 'subjects_notified', label: 'Number of residents notified directly', citation: cite('Tex. Bus. & Com. Code §521.053(i)', 'H') },
      { key: 'measures_taken', label: 'Measures taken', citation: cite('Tex. Bus. & Com. Code §521.053(i)', 'H') },
      { key: 'measures_planned', label: 'Measures planned after notification', citation: cite('Tex. Bus. & Com. Code §521.053(i)', 'H') },
      { key: 'law_enforcement', label: 'Whether law enforcement is investigating', citation: cite('Tex. Bus. & Com. Code §521.053(i)', 'H') },
    ],
    basis: [cite('Tex. Bus. & Com. Code §521.053', 'H'), cite('SB 768 (2023)', 'H')],
    limitations: [],
  },
  {
    id: 'US-FL',
    name: 'Florida Information Protection Act (Fla. Stat. §501.171)',
    subdivision: 'US-FL',
    timeZone: 'America/New_York',
    elements: ['national_id', 'financial', 'health', 'credentials'],
    elementsCitation: cite('Fla. Stat. §501.171(1)(g)', 'H'),
    keyRule: 'encrypted data count when the key was also accessed',
    authority: 'Florida Department of Legal Affairs (Attorney General)',
    authorityThreshold: { id: 'ag', name: 'Florida residents (AG notice)', comparator: '>=', value: 500, citation: cite('Fla. Stat. §501.171(3)', 'H') },
    otherThresholds: [
      { id: 'cra', name: 'Florida residents (consumer reporting agencies)', comparator: '>', value: 1000, citation: cite('Fla. Stat. §501.171(5)', 'H') },
    ],
    deadlines: [
      { id: 'subjects', audience: 'subjects', recipient: 'Florida residents', kind: 'calendar_days', amount: 30, start: 'determination', timeZone: 'America/New_York', rule: 'not later than 30 days after determining a breach or reason to believe one occurred; +15 days for good cause given in writing to the AG within the 30 days', citation: cite('Fla. Stat. §501.171(4)(a)', 'H') },
      { id: 'authority', audience: 'authority', recipient: 'Florida Department of Legal Affairs', kind: 'calendar_days', amount: 30, start: 'determination', timeZone: 'America/New_York', rule: 'not later than 30 days after determining the breach', citation: cite('Fla. Stat. §501.171(3)(a)', 'H'), when: 'authority' },
    ],
    authorityContent: [
      { key: 'description', label: 'Synopsis of the events', citation: cite('Fla. Stat. §501.171(3)(b)', 'H') },
      { key: 'persons_in_jurisdiction', label: 'Number of Florida residents affected', citation: cite('Fla. Stat. §501.171(3)(b)', 'H') },
      { key: 'identity_services', label: 'Services offered to individuals and how to use them', citation: cite('Fla. Stat. §501.171(3)(b)', 'H') },
      { key: 'contact', label: 'Contact person', citation: cite('Fla. Stat. §501.171(3)(b)', 'H') },
      { key: 'dates', label: 'Date or estimated date range of the breach', citation: cite('Fla. Stat. §501.171(4)(e)', 'H') },
    ],
    basis: [cite('Fla. Stat. §501.171', 'H')],
    limitations: ['A written "no harm" determination (after consulting law enforcement) replaces individual notice; it must be kept 5 years and sent to the AG within 30 days.'],
  },
];

function evaluateState(row: StateRow, ctx: RegimeContext): RegimeEvaluation {
  const reasoning: string[] = [];
  const measuredState = ctx.personsInSubdivision(row.subdivision);
  const usTotal = ctx.personsIn(['US']);
  let count = measuredState;
  let certainty = presenceOf(measuredState);
  if (!measuredState && presenceOf(usTotal) !== 'none') {
    // Without a state breakdown any US person may live in this state.
    count = usTotal ? { estimate: 0, lower: 0, upper: usTotal.upper } : null;
    certainty = 'possible';
    reasoning.push(`No breakdown by US state: up to ${usTotal?.upper ?? 0} US persons may be residents (worst case).`);
  }
  if (certainty === 'none') {
    return { applies: false, certainty: 'none', why: `no ${row.subdivision} resident measured or stated`, recipient: row.authority, notify_authority: 'no', notify_subjects: 'no', activeDeadlines: [], thresholds: [], reasoning };
  }
  const why = certainty === 'certain' ? `${describeCount(count)} residents of ${row.subdivision} affected` : `residents of ${row.subdivision} possibly affected (up to ${count?.upper ?? 0})`;
  const elements = row.elements.filter((e) => ctx.categories.has(e));
  let subjects: NotifyDecision;
  if (elements.length === 0) {
    subjects = 'no';
    reasoning.push(`No statutory personal-information element measured (${row.elements.join(', ')}); contact details or chat content alone do not trigger this statute.`);
  } else if (ctx.unintelligible) {
    subjects = 'no';
    reasoning.push(`Elements present (${elements.join(', ')}) but encrypted with the key safe; ${row.keyRule}.`);
  } else {
    // The statutes pair an element with the person's name (or a username/email with a password).
    const paired = ctx.categories.has('contact') || elements.includes('credentials');
    subjects = paired ? 'yes' : 'likely';
    reasoning.push(
      `Statutory elements present: ${elements.join(', ')}${paired ? ' together with names or contact details' : '; pairing with names not measured'} (${row.elementsCitation.ref}).`,
    );
  }
  const thresholds = [row.authorityThreshold, ...row.otherThresholds].map((t) => ctx.threshold(t, count));
  const ag = thresholds[0];
  let authority: NotifyDecision = 'no';
  if (subjects !== 'no' && ag && ag.met) authority = ag.certain ? subjects : 'likely';
  if (subjects !== 'no' && ag && !ag.met) reasoning.push(`${row.authorityThreshold.name}: ${ag.value ?? 0} is not ${row.authorityThreshold.comparator} ${row.authorityThreshold.value}; no authority notice.`);
  const uncertain = certainty !== 'certain';
  subjects = soften(subjects, uncertain);
  authority = soften(authority, uncertain);
  const active: string[] = [];
  if (subjects !== 'no') active.push('subjects');
  if (authority !== 'no') active.push('authority');
  if (row.id === 'US-NY' && ctx.facts.controller.sector?.includes('financial') && subjects !== 'no') {
    active.push('dfs');
    reasoning.push('Financial sector stated: if DFS-covered, notify DFS within 72 hours (23 NYCRR 500.17).');
  }
  return { applies: true, certainty, why, recipient: row.authority, notify_authority: authority, notify_subjects: subjects, activeDeadlines: active, thresholds, reasoning };
}

export const US_STATES: RegimeDefinition[] = US_STATE_ROWS.map((row) => ({
  id: row.id,
  name: row.name,
  countries: ['US'],
  subdivision: row.subdivision,
  authority: row.authority,
  subjectsRecipient: `${row.subdivision} residents`,
  trigger: `unencrypted personal information (${row.elements.join(', ')}) acquired or accessed; ${row.keyRule}`,
  thresholds: [row.authorityThreshold, ...row.otherThresholds],
  deadlines: row.deadlines,
  authorityContent: row.authorityContent,
  subjectsContent: consumerContent(row.basis[0]?.ref ?? row.name),
  basis: [...row.basis, row.elementsCitation],
  limitations: [...row.limitations, 'Clock start "discovery/determination" uses discovered_at when stated, else aware_at.'],
  evaluate: (ctx) => evaluateState(row, ctx),
}));
