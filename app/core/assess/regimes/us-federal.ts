/** US federal regimes: HIPAA Breach Notification Rule and SEC Form 8-K Item 1.05. */
import type { NotifyDecision, RegimeContext, RegimeDefinition, RegimeEvaluation } from '../types.ts';
import { cite, describeCount, presenceOf, soften } from './common.ts';

const HHS_THRESHOLD = { id: 'hhs', name: 'Individuals affected (HHS notice with individual notice)', comparator: '>=' as const, value: 500, citation: cite('45 CFR 164.408(b)', 'H') };
const MEDIA_THRESHOLD = { id: 'media', name: 'Residents of one State (media notice)', comparator: '>' as const, value: 500, citation: cite('45 CFR 164.406(a)', 'H') };

function evaluateHipaa(ctx: RegimeContext): RegimeEvaluation {
  const reasoning: string[] = [];
  const isHealth = ctx.facts.controller.sector?.includes('health') === true;
  const us = ctx.personsIn(['US']);
  const presence = presenceOf(us);
  const establishedUs = ctx.establishedIn(['US']) === true;
  if (!isHealth) {
    return { applies: false, certainty: 'none', why: 'sector is not health (covered entity or business associate not stated)', recipient: 'HHS Secretary', notify_authority: 'no', notify_subjects: 'no', activeDeadlines: [], thresholds: [], reasoning };
  }
  if (presence === 'none' && !establishedUs) {
    return { applies: false, certainty: 'none', why: 'health sector stated but no US person and no US establishment', recipient: 'HHS Secretary', notify_authority: 'no', notify_subjects: 'no', activeDeadlines: [], thresholds: [], reasoning };
  }
  const certainty = presence === 'certain' || establishedUs ? 'certain' : 'possible';
  let subjects: NotifyDecision;
  if (ctx.unintelligible) {
    subjects = 'no';
    reasoning.push('PHI encrypted with the key safe: "secured" PHI per HHS guidance, no breach notification (45 CFR 164.402).');
  } else {
    // A covered entity's identifiable data is PHI; breach is presumed unless a documented 4-factor assessment shows low probability of compromise.
    subjects = 'yes';
    reasoning.push('Unsecured PHI presumed compromised unless a documented four-factor risk assessment shows a low probability of compromise (45 CFR 164.402(2)).');
  }
  const hhs = ctx.threshold(HHS_THRESHOLD, us);
  const media = ctx.threshold(MEDIA_THRESHOLD, us);
  if (!ctx.facts.measured?.by_subdivision) reasoning.push('Media notice counts residents per State; no State breakdown, so the US total is used as the worst case.');
  const active: string[] = [];
  let authority: NotifyDecision = 'no';
  if (subjects !== 'no') {
    active.push('subjects');
    authority = 'yes';
    if (hhs.met) {
      active.push('hhs');
      if (!hhs.certain) authority = 'likely';
      reasoning.push(`${describeCount(us)} individuals: HHS notice contemporaneously with individual notice (45 CFR 164.408(b)).`);
    } else {
      active.push('hhs_annual');
      reasoning.push('Fewer than 500 individuals: log the breach and report to HHS within 60 days after the end of the calendar year (45 CFR 164.408(c)).');
    }
    if (media.met) active.push('media');
  }
  const uncertain = certainty !== 'certain';
  return {
    applies: true,
    certainty,
    why: `health sector stated; US persons: ${describeCount(us)}`,
    recipient: 'HHS Secretary; prominent media outlets where >500 residents of a State',
    notify_authority: soften(authority, uncertain),
    notify_subjects: soften(subjects, uncertain),
    activeDeadlines: active,
    thresholds: [hhs, media],
    reasoning,
  };
}

export const US_HIPAA: RegimeDefinition = {
  id: 'US-HIPAA',
  name: 'HIPAA Breach Notification Rule (45 CFR 164.400-414)',
  countries: ['US'],
  authority: 'HHS Secretary',
  subjectsRecipient: 'affected individuals',
  trigger: 'breach of unsecured PHI unless a documented 4-factor assessment shows low probability of compromise (sector = health only)',
  thresholds: [HHS_THRESHOLD, MEDIA_THRESHOLD],
  deadlines: [
    { id: 'subjects', audience: 'subjects', recipient: 'affected individuals', kind: 'calendar_days', amount: 60, start: 'discovery', timeZone: 'America/New_York', rule: 'without unreasonable delay and in no case later than 60 calendar days after discovery', citation: cite('45 CFR 164.404(b)', 'H') },
    { id: 'hhs', audience: 'authority', recipient: 'HHS Secretary', kind: 'calendar_days', amount: 60, start: 'discovery', timeZone: 'America/New_York', rule: '500 or more: contemporaneously with individual notice (outer limit 60 days after discovery)', citation: cite('45 CFR 164.408(b)', 'H'), when: 'hhs' },
    { id: 'hhs_annual', audience: 'authority', recipient: 'HHS Secretary (annual log)', kind: 'calendar_days', amount: 60, start: 'year_end', timeZone: 'America/New_York', rule: 'fewer than 500: within 60 days after the end of the calendar year of discovery', citation: cite('45 CFR 164.408(c)', 'H'), when: 'hhs_annual' },
    { id: 'media', audience: 'media', recipient: 'prominent media outlets', kind: 'calendar_days', amount: 60, start: 'discovery', timeZone: 'America/New_York', rule: 'more than 500 residents of a State: within 60 days after discovery', citation: cite('45 CFR 164.406', 'H'), when: 'media' },
  ],
  authorityContent: [
    { key: 'description', label: 'Brief description, including date of breach and date of discovery', citation: cite('45 CFR 164.404(c)(1)(A)', 'H') },
    { key: 'dates', label: 'Date of breach and date of discovery', citation: cite('45 CFR 164.404(c)(1)(A)', 'H') },
    { key: 'data_categories', label: 'Types of unsecured PHI involved', citation: cite('45 CFR 164.404(c)(1)(B)', 'H') },
    { key: 'persons', label: 'Number of individuals affected', citation: cite('45 CFR 164.408', 'H') },
    { key: 'measures_taken', label: 'What the covered entity is doing to investigate, mitigate and protect', citation: cite('45 CFR 164.404(c)(1)(D)', 'H') },
    { key: 'contact', label: 'Contact procedures', citation: cite('45 CFR 164.404(c)(1)(E)', 'H') },
  ],
  subjectsContent: [
    { key: 'description', label: 'What happened, including the date of the breach and of discovery', citation: cite('45 CFR 164.404(c)(1)(A)', 'H') },
    { key: 'data_categories', label: 'Types of unsecured protected health information involved', citation: cite('45 CFR 164.404(c)(1)(B)', 'H') },
    { key: 'subject_steps', label: 'Steps you should take to protect yourself', citation: cite('45 CFR 164.404(c)(1)(C)', 'H') },
    { key: 'measures_taken', label: 'What we are doing', citation: cite('45 CFR 164.404(c)(1)(D)', 'H') },
    { key: 'contact', label: 'Contact procedures (toll-free number, email, website or postal address)', citation: cite('45 CFR 164.404(c)(1)(E)', 'H') },
  ],
  basis: [cite('45 CFR 164.402', 'H'), cite('45 CFR 164.404', 'H'), cite('45 CFR 164.406', 'H'), cite('45 CFR 164.408', 'H'), cite('45 CFR 164.410', 'H')],
  limitations: ['Business associates notify the covered entity within 60 days of discovery (45 CFR 164.410); substitute notice rules (90-day web posting, toll-free number) apply when contact data are out of date.'],
  evaluate: evaluateHipaa,
};

function evaluateSec(ctx: RegimeContext): RegimeEvaluation {
  const listed = ctx.facts.controller.sector?.includes('listed_company') === true;
  if (!listed) {
    return { applies: false, certainty: 'none', why: 'not stated to be an SEC registrant (listed company)', recipient: 'SEC (EDGAR, Form 8-K Item 1.05)', notify_authority: 'no', notify_subjects: 'no', activeDeadlines: [], thresholds: [], reasoning: [] };
  }
  const determined = ctx.facts.controller.clock_starts?.['US-SEC-8K'];
  const reasoning = [
    'Item 1.05 covers material cybersecurity incidents; materiality is a judgement for the registrant, made without unreasonable delay after discovery.',
    determined
      ? `Materiality determined at ${determined}: file within 4 business days.`
      : 'Materiality determination time not stated: the 4-business-day clock cannot be computed.',
    'Delay only if the US Attorney General finds a substantial risk to national security or public safety; requesting a delay does not stop the clock.',
  ];
  return {
    applies: true,
    certainty: 'certain',
    why: 'listed company stated (SEC registrant)',
    recipient: 'SEC (EDGAR, Form 8-K Item 1.05)',
    notify_authority: determined ? 'yes' : 'assess',
    notify_subjects: 'no',
    activeDeadlines: determined ? ['filing'] : [],
    thresholds: [],
    reasoning,
  };
}

export const US_SEC_8K: RegimeDefinition = {
  id: 'US-SEC-8K',
  name: 'SEC Form 8-K Item 1.05 (material cybersecurity incidents)',
  countries: [],
  authority: 'SEC (EDGAR, Form 8-K Item 1.05)',
  subjectsRecipient: 'none (public filing)',
  trigger: 'material cybersecurity incident at an SEC registrant',
  thresholds: [],
  deadlines: [
    { id: 'filing', audience: 'authority', recipient: 'SEC (EDGAR)', kind: 'business_days', amount: 4, start: 'materiality', timeZone: 'America/New_York', holidayCountry: 'US', rule: 'within 4 business days after determining the incident is material; amend within 4 business days once missing information is known', citation: cite('Form 8-K Item 1.05; SEC Release 33-11216', 'H') },
  ],
  authorityContent: [
    { key: 'nature', label: 'Material aspects of the nature of the incident', citation: cite('Form 8-K Item 1.05(a)', 'H') },
    { key: 'description', label: 'Scope and timing', citation: cite('Form 8-K Item 1.05(a)', 'H') },
    { key: 'dates', label: 'Timing', citation: cite('Form 8-K Item 1.05(a)', 'H') },
    { key: 'material_impact', label: 'Material impact or reasonably likely material impact, incl. financial condition and results of operations', citation: cite('Form 8-K Item 1.05(a)', 'H') },
  ],
  subjectsContent: [],
  basis: [cite('Form 8-K Item 1.05', 'H'), cite('SEC Release 33-11216', 'H')],
  limitations: ['Specific technical detail that would impede response or remediation is not required.'],
  evaluate: evaluateSec,
};
