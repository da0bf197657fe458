/** Brazil, Singapore, Australia, Canada, Japan, South Korea, China and India. */
import type { DataCategory } from '../facts.ts';
import type { ContentItem, NotifyDecision, RegimeContext, RegimeDefinition, RegimeEvaluation, ThresholdRule } from '../types.ts';
import { cite, describeCount, present, residenceApplicability, soften, specialPresent } from './common.ts';

const notApplicable = (why: string, recipient: string): RegimeEvaluation => ({
  applies: false,
  certainty: 'none',
  why,
  recipient,
  notify_authority: 'no',
  notify_subjects: 'no',
  activeDeadlines: [],
  thresholds: [],
  reasoning: [],
});

function active(authority: NotifyDecision, subjects: NotifyDecision, extra: string[] = []): string[] {
  return [...(authority !== 'no' ? ['authority'] : []), ...(subjects !== 'no' ? ['subjects'] : []), ...extra];
}

/* ---------------- Brazil ---------------- */

const LGPD_CRITERIA: Array<{ name: string; categories: DataCategory[] }> = [
  { name: 'sensitive personal data', categories: ['health', 'religion', 'sex_life', 'political', 'ethnic_origin', 'trade_union', 'genetic', 'biometric'] },
  { name: 'data of children, adolescents or elderly', categories: ['children'] },
  { name: 'financial data', categories: ['financial'] },
  { name: 'authentication data', categories: ['credentials'] },
];

function evaluateLgpd(ctx: RegimeContext): RegimeEvaluation {
  const app = residenceApplicability(ctx, ['BR'], 'Brazil', 'LGPD Art. 3', 'LGPD Art. 3');
  const recipient = 'ANPD (electronic form) and data subjects';
  if (!app.applies) return notApplicable(app.why, recipient);
  const reasoning: string[] = [];
  const met = LGPD_CRITERIA.filter((c) => c.categories.some((k) => ctx.categories.has(k)));
  const thresholds = LGPD_CRITERIA.map((c) => ({
    name: `Res. 15/2024 criterion: ${c.name}`,
    value: c.categories.filter((k) => ctx.categories.has(k)).join(', ') || 'none',
    estimate: null,
    lower: null,
    threshold: c.categories.join(' | '),
    met: c.categories.some((k) => ctx.categories.has(k)),
    certain: true,
    basis: 'ANPD Res. CD/ANPD 15/2024',
  }));
  reasoning.push('Data under legal, judicial or professional secrecy and large-scale processing are further criteria the tool cannot measure: assess them.');
  let decision: NotifyDecision;
  if (met.length === 0) decision = 'assess';
  else if (ctx.gdpr.level === 'no_risk') decision = 'assess';
  else decision = 'yes';
  reasoning.push(
    met.length
      ? `Criteria met: ${met.map((c) => c.name).join('; ')}. Relevant risk also needs a significant effect on subjects' interests or rights (general risk level: ${ctx.gdpr.level}).`
      : 'No measurable Res. 15/2024 criterion met.',
  );
  if (ctx.facts.controller.br_small_agent) reasoning.push('Small processing agent: deadlines doubled (6 business days).');
  const d = soften(decision, app.certainty !== 'certain' || ctx.gdpr.relies_on_assumptions);
  return { applies: true, certainty: app.certainty, why: app.why, recipient, notify_authority: d, notify_subjects: d, activeDeadlines: d === 'no' ? [] : ['authority', 'subjects', 'complement'], thresholds, reasoning };
}

const LGPD_AUTHORITY_CONTENT: ContentItem[] = [
  { key: 'nature', label: 'Nature and categories of personal data affected', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'persons', label: 'Number of data subjects (children, adolescents and elderly separately)', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'data_categories', label: 'Categories of personal data', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'encryption', label: 'Technical and security measures used', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'consequences', label: 'Risks and possible impacts', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'delay_reasons', label: 'Reasons for delay', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'measures_taken', label: 'Measures taken', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'measures_planned', label: 'Measures planned', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'dates', label: 'Date of the incident (if known) and of knowledge', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'contact', label: 'Encarregado (DPO) or representative', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'controller_identity', label: 'Controller identification (and small-agent status)', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'processor', label: 'Processor identification', citation: cite('ANPD Res. 15/2024', 'M') },
  { key: 'cause', label: 'Description incl. main cause', citation: cite('ANPD Res. 15/2024', 'M') },
];

export const BR_LGPD: RegimeDefinition = {
  id: 'BR-LGPD',
  name: 'Brazil LGPD (Art. 48; ANPD Res. CD/ANPD 15/2024)',
  countries: ['BR'],
  authority: 'ANPD',
  subjectsRecipient: 'data subjects',
  trigger: 'incident that may cause relevant risk or damage and involves sensitive, children/adolescent/elderly, financial, authentication, secret or large-scale data',
  thresholds: [],
  deadlines: [
    { id: 'authority', audience: 'authority', recipient: 'ANPD', kind: 'business_days', amount: 3, start: 'aware', timeZone: 'America/Sao_Paulo', holidayCountry: 'BR', rule: '3 business days from knowledge that the incident affected personal data (doubled for small processing agents); late notice must be justified', citation: cite('ANPD Res. 15/2024 (LGPD Art. 48)', 'H'), multiplier: { fact: 'br_small_agent', factor: 2 } },
    { id: 'subjects', audience: 'subjects', recipient: 'data subjects', kind: 'business_days', amount: 3, start: 'aware', timeZone: 'America/Sao_Paulo', holidayCountry: 'BR', rule: '3 business days from knowledge; individual notice where possible, otherwise public notice kept at least 90 days', citation: cite('ANPD Res. 15/2024 (LGPD Art. 48)', 'H'), multiplier: { fact: 'br_small_agent', factor: 2 } },
    { id: 'complement', audience: 'authority_followup', recipient: 'ANPD', kind: 'business_days', amount: 20, start: 'after_deadline', after: 'authority', timeZone: 'America/Sao_Paulo', holidayCountry: 'BR', rule: 'complementary information within 20 business days of the communication (counted here from the latest lawful communication)', citation: cite('ANPD Res. 15/2024', 'H') },
  ],
  authorityContent: LGPD_AUTHORITY_CONTENT,
  subjectsContent: [
    { key: 'data_categories', label: 'Nature of the data', citation: cite('ANPD Res. 15/2024', 'L') },
    { key: 'consequences', label: 'Risks', citation: cite('ANPD Res. 15/2024', 'L') },
    { key: 'measures_taken', label: 'Measures and recommendations', citation: cite('ANPD Res. 15/2024', 'L') },
    { key: 'subject_steps', label: 'What you can do', citation: cite('ANPD Res. 15/2024', 'L') },
    { key: 'dates', label: 'Date of knowledge', citation: cite('ANPD Res. 15/2024', 'L') },
    { key: 'contact', label: 'DPO contact', citation: cite('ANPD Res. 15/2024', 'L') },
  ],
  basis: [cite('LGPD Art. 48', 'H'), cite('ANPD Res. CD/ANPD 15/2024', 'H', 'content list [M/L]; deadlines [H]')],
  limitations: [
    'Brazilian national holidays are not in the reference: only weekends (and holidays supplied in the input) are skipped.',
    'Keep the incident record at least 5 years [M].',
  ],
  evaluate: evaluateLgpd,
};

/* ---------------- Singapore ---------------- */

const SG_SCALE: ThresholdRule = { id: 'scale', name: 'Affected individuals (significant scale)', comparator: '>=', value: 500, citation: cite('PDPA s26B(1)(b); Personal Data Protection (Notification of Data Breaches) Regulations', 'H') };

function evaluateSg(ctx: RegimeContext): RegimeEvaluation {
  const app = residenceApplicability(ctx, ['SG'], 'Singapore', 'PDPA s4', 'PDPA s4');
  const recipient = 'PDPC and affected individuals';
  if (!app.applies) return notApplicable(app.why, recipient);
  const reasoning: string[] = [];
  const scale = ctx.threshold(SG_SCALE, app.count);
  const harm = ctx.gdpr.level === 'high_risk';
  reasoning.push(
    harm
      ? 'Likely significant harm (general risk level high); prescribed data classes of the Schedule not verified [L].'
      : 'Significant harm not indicated by the general risk level; prescribed data classes of the Schedule not verified [L].',
  );
  let authority: NotifyDecision = scale.met ? (scale.certain ? 'yes' : 'likely') : harm ? 'likely' : ctx.gdpr.level === 'no_risk' ? 'no' : 'assess';
  let subjects: NotifyDecision = harm ? 'likely' : 'no';
  if (subjects !== 'no' && (ctx.unintelligible || ctx.facts.controller.measures_remove_high_risk)) {
    subjects = 'no';
    reasoning.push('Remedial action or technical measures stated to make significant harm unlikely: individuals need not be notified (s26D(5)).');
  }
  authority = soften(authority, app.certainty !== 'certain');
  if (!ctx.facts.controller.clock_starts?.['SG-PDPA']) reasoning.push('Determination time not stated: the 3-day clock is counted from awareness; the PDPC expects the assessment within about 30 days [M].');
  return { applies: true, certainty: app.certainty, why: app.why, recipient, notify_authority: authority, notify_subjects: subjects, activeDeadlines: active(authority, subjects, authority !== 'no' ? ['assessment'] : []), thresholds: [scale], reasoning };
}

export const SG_PDPA: RegimeDefinition = {
  id: 'SG-PDPA',
  name: 'Singapore PDPA (Part 6A, s26A-26E)',
  countries: ['SG'],
  authority: 'Personal Data Protection Commission (PDPC)',
  subjectsRecipient: 'affected individuals',
  trigger: 'likely significant harm (incl. prescribed data classes) or significant scale (>= 500 individuals); breaches only within the organisation are not notifiable',
  thresholds: [SG_SCALE],
  deadlines: [
    { id: 'assessment', audience: 'assessment', recipient: 'internal', kind: 'calendar_days', amount: 30, start: 'aware', timeZone: 'Asia/Singapore', rule: 'assess reasonably and expeditiously; PDPC expects about 30 days from credible grounds', citation: cite('PDPA s26C; PDPC guidance', 'M') },
    { id: 'authority', audience: 'authority', recipient: 'PDPC', kind: 'calendar_days', amount: 3, start: 'determination', timeZone: 'Asia/Singapore', rule: 'as soon as practicable, no later than 3 calendar days after determining the breach is notifiable', citation: cite('PDPA s26D(1)', 'H') },
    { id: 'subjects', audience: 'subjects', recipient: 'affected individuals', kind: 'no_fixed_period', start: 'determination', rule: 'as soon as practicable, on or after notifying the PDPC', citation: cite('PDPA s26D(2)', 'M') },
  ],
  authorityContent: [
    { key: 'description', label: 'Facts and circumstances of the breach', citation: cite('PDP (Notification of Data Breaches) Regs reg 5', 'M') },
    { key: 'persons', label: 'Number of affected individuals (or estimate)', citation: cite('PDP (Notification of Data Breaches) Regs reg 5', 'M') },
    { key: 'data_categories', label: 'Categories of personal data affected', citation: cite('PDP (Notification of Data Breaches) Regs reg 5', 'M') },
    { key: 'consequences', label: 'Potential harm', citation: cite('PDP (Notification of Data Breaches) Regs reg 5', 'M') },
    { key: 'measures_taken', label: 'Remedial actions', citation: cite('PDP (Notification of Data Breaches) Regs reg 5', 'M') },
    { key: 'contact', label: 'Contact person', citation: cite('PDP (Notification of Data Breaches) Regs reg 5', 'M') },
    { key: 'subjects_notified', label: 'Whether individuals will be or were notified', citation: cite('PDP (Notification of Data Breaches) Regs reg 5', 'M') },
  ],
  subjectsContent: [
    { key: 'description', label: 'What happened', citation: cite('PDPA s26D(2)', 'M') },
    { key: 'data_categories', label: 'Your data involved', citation: cite('PDPA s26D(2)', 'M') },
    { key: 'consequences', label: 'Potential harm', citation: cite('PDPA s26D(2)', 'M') },
    { key: 'subject_steps', label: 'What you can do', citation: cite('PDPA s26D(2)', 'M') },
    { key: 'contact', label: 'Contact', citation: cite('PDPA s26D(2)', 'M') },
  ],
  basis: [cite('PDPA s26B', 'H'), cite('PDPA s26D', 'H'), cite('PDP (Notification of Data Breaches) Regulations 2021 reg 5', 'M')],
  limitations: ['Prescribed significant-harm data classes (Schedule) not verified [L]; significant harm is approximated by the general high-risk level.'],
  evaluate: evaluateSg,
};

/* ---------------- Australia ---------------- */

function evaluateAu(ctx: RegimeContext): RegimeEvaluation {
  const app = residenceApplicability(ctx, ['AU'], 'Australia', 'Privacy Act 1988 s5B', 'Privacy Act 1988 s5B');
  const recipient = 'OAIC and at-risk individuals';
  if (!app.applies) return notApplicable(app.why, recipient);
  const reasoning: string[] = [];
  const entity = ctx.facts.controller.au_app_entity;
  if (entity === false) return { ...notApplicable('not an APP entity (stated)', recipient), reasoning: ['Notifiable Data Breaches scheme covers APP entities only (>AUD 3 m turnover, health providers, etc.).'] };
  if (entity === undefined) reasoning.push('APP-entity status not stated (turnover > AUD 3 m, health provider, etc.): assumed covered.');
  let decision: NotifyDecision = ctx.gdpr.level === 'high_risk' ? 'likely' : ctx.gdpr.level === 'risk' ? 'assess' : 'no';
  if (ctx.unintelligible || ctx.facts.controller.measures_remove_high_risk) {
    reasoning.push('Remedial action stated to prevent serious harm: not an eligible data breach (s26WF).');
    decision = decision === 'no' ? 'no' : 'assess';
  }
  reasoning.push(`Eligible data breach if likely to result in serious harm; approximated from the general risk level (${ctx.gdpr.level}).`);
  return { applies: true, certainty: entity === undefined ? 'possible' : app.certainty, why: app.why, recipient, notify_authority: decision, notify_subjects: decision, activeDeadlines: active(decision, decision, ['assessment']), thresholds: [], reasoning };
}

export const AU_NDB: RegimeDefinition = {
  id: 'AU-NDB',
  name: 'Australia Notifiable Data Breaches scheme (Privacy Act 1988 Part IIIC)',
  countries: ['AU'],
  authority: 'Office of the Australian Information Commissioner (OAIC)',
  subjectsRecipient: 'at-risk individuals',
  trigger: 'eligible data breach: unauthorised access, disclosure or loss likely to result in serious harm, not prevented by remedial action; APP entities only',
  thresholds: [],
  deadlines: [
    { id: 'assessment', audience: 'assessment', recipient: 'internal', kind: 'calendar_days', amount: 30, start: 'aware', timeZone: 'Australia/Sydney', rule: 'reasonable and expeditious assessment within 30 days of suspecting an eligible data breach', citation: cite('Privacy Act 1988 s26WH', 'H') },
    { id: 'authority', audience: 'authority', recipient: 'OAIC', kind: 'no_fixed_period', start: 'determination', rule: 'statement as soon as practicable after reasonable grounds to believe', citation: cite('Privacy Act 1988 s26WK', 'H') },
    { id: 'subjects', audience: 'subjects', recipient: 'at-risk individuals', kind: 'no_fixed_period', start: 'determination', rule: 'as soon as practicable after the statement to the OAIC', citation: cite('Privacy Act 1988 s26WL', 'H') },
  ],
  authorityContent: [
    { key: 'controller_identity', label: 'Identity and contact details of the entity', citation: cite('Privacy Act 1988 s26WK(3)(a)', 'H') },
    { key: 'contact', label: 'Contact details', citation: cite('Privacy Act 1988 s26WK(3)(a)', 'H') },
    { key: 'description', label: 'Description of the eligible data breach', citation: cite('Privacy Act 1988 s26WK(3)(b)', 'H') },
    { key: 'data_categories', label: 'Kinds of information concerned', citation: cite('Privacy Act 1988 s26WK(3)(c)', 'H') },
    { key: 'subject_steps', label: 'Recommended steps individuals should take', citation: cite('Privacy Act 1988 s26WK(3)(d)', 'H') },
  ],
  subjectsContent: [
    { key: 'controller_identity', label: 'Who we are', citation: cite('Privacy Act 1988 s26WL(3)', 'H') },
    { key: 'description', label: 'What happened', citation: cite('Privacy Act 1988 s26WL(3)', 'H') },
    { key: 'data_categories', label: 'Kinds of information concerned', citation: cite('Privacy Act 1988 s26WL(3)', 'H') },
    { key: 'subject_steps', label: 'Recommended steps', citation: cite('Privacy Act 1988 s26WL(3)', 'H') },
    { key: 'contact', label: 'Contact', citation: cite('Privacy Act 1988 s26WL(3)', 'H') },
  ],
  basis: [cite('Privacy Act 1988 s26WE-26WL', 'H')],
  limitations: ['Serious harm is a judgement; the tool approximates it from the general risk level.'],
  evaluate: evaluateAu,
};

/* ---------------- Canada ---------------- */

function evaluatePipeda(ctx: RegimeContext): RegimeEvaluation {
  const app = residenceApplicability(ctx, ['CA'], 'Canada', 'PIPEDA s4', 'PIPEDA s4');
  const recipient = 'Office of the Privacy Commissioner of Canada (OPC) and affected individuals';
  if (!app.applies) return notApplicable(app.why, recipient);
  const decision: NotifyDecision = ctx.gdpr.level === 'high_risk' ? 'likely' : ctx.gdpr.level === 'risk' ? 'assess' : 'no';
  return {
    applies: true,
    certainty: app.certainty,
    why: app.why,
    recipient,
    notify_authority: decision,
    notify_subjects: decision,
    activeDeadlines: active(decision, decision),
    thresholds: [],
    reasoning: [
      `Real risk of significant harm (sensitivity and probability of misuse) approximated from the general risk level (${ctx.gdpr.level}).`,
      'Record every breach and keep the record 24 months, whether reported or not (PIPEDA s10.3).',
      'Also notify other organisations or government bodies that can reduce the harm (PIPEDA s10.2).',
    ],
  };
}

export const CA_PIPEDA: RegimeDefinition = {
  id: 'CA-PIPEDA',
  name: 'Canada PIPEDA (s10.1-10.3; Breach of Security Safeguards Regulations)',
  countries: ['CA'],
  authority: 'Office of the Privacy Commissioner of Canada (OPC)',
  subjectsRecipient: 'affected individuals',
  trigger: 'real risk of significant harm (RROSH)',
  thresholds: [],
  deadlines: [
    { id: 'authority', audience: 'authority', recipient: 'OPC', kind: 'no_fixed_period', start: 'determination', rule: 'as soon as feasible after determining the breach occurred', citation: cite('PIPEDA s10.1(2)', 'H') },
    { id: 'subjects', audience: 'subjects', recipient: 'affected individuals', kind: 'no_fixed_period', start: 'determination', rule: 'as soon as feasible after determining the breach occurred', citation: cite('PIPEDA s10.1(6)', 'H') },
  ],
  authorityContent: [
    { key: 'description', label: 'Circumstances of the breach', citation: cite('Breach of Security Safeguards Regulations s2(1)', 'M') },
    { key: 'cause', label: 'Cause, if known', citation: cite('Breach of Security Safeguards Regulations s2(1)', 'M') },
    { key: 'dates', label: 'Date or period of the breach', citation: cite('Breach of Security Safeguards Regulations s2(1)', 'M') },
    { key: 'data_categories', label: 'Description of the personal information', citation: cite('Breach of Security Safeguards Regulations s2(1)', 'M') },
    { key: 'persons', label: 'Number of individuals (or approximation)', citation: cite('Breach of Security Safeguards Regulations s2(1)', 'M') },
    { key: 'measures_taken', label: 'Steps taken to reduce the risk of harm', citation: cite('Breach of Security Safeguards Regulations s2(1)', 'M') },
    { key: 'subjects_notified', label: 'Steps taken or intended to notify individuals', citation: cite('Breach of Security Safeguards Regulations s2(1)', 'M') },
    { key: 'contact', label: 'Contact person', citation: cite('Breach of Security Safeguards Regulations s2(1)', 'M') },
  ],
  subjectsContent: [
    { key: 'description', label: 'Circumstances', citation: cite('Breach of Security Safeguards Regulations s3', 'M') },
    { key: 'dates', label: 'Date or period', citation: cite('Breach of Security Safeguards Regulations s3', 'M') },
    { key: 'data_categories', label: 'Personal information involved', citation: cite('Breach of Security Safeguards Regulations s3', 'M') },
    { key: 'measures_taken', label: 'Steps we have taken', citation: cite('Breach of Security Safeguards Regulations s3', 'M') },
    { key: 'subject_steps', label: 'Steps you can take', citation: cite('Breach of Security Safeguards Regulations s3', 'M') },
    { key: 'contact', label: 'Contact (toll-free number or email)', citation: cite('Breach of Security Safeguards Regulations s3', 'M') },
    { key: 'complaint_rights', label: 'Internal complaint process and right to complain to the OPC', citation: cite('Breach of Security Safeguards Regulations s3', 'M') },
  ],
  basis: [cite('PIPEDA s10.1', 'H'), cite('PIPEDA s10.3', 'H'), cite('Breach of Security Safeguards Regulations', 'M', 'field lists [M/L]')],
  limitations: ['RROSH is a judgement; the tool approximates it from the general risk level.'],
  evaluate: evaluatePipeda,
};

/* ---------------- Japan ---------------- */

const JP_COUNT: ThresholdRule = { id: 'count', name: 'Persons affected', comparator: '>', value: 1000, citation: cite('APPI Enforcement Rules Art. 7(iv)', 'H') };

function evaluateAppi(ctx: RegimeContext): RegimeEvaluation {
  const app = residenceApplicability(ctx, ['JP'], 'Japan', 'APPI Art. 171', 'APPI Art. 171');
  const recipient = 'Personal Information Protection Commission (PPC) and individuals';
  if (!app.applies) return notApplicable(app.why, recipient);
  const reasoning: string[] = [];
  const count = ctx.threshold(JP_COUNT, app.count);
  const specialCare = present(ctx, ['health', 'religion', 'ethnic_origin', 'criminal', 'political', 'sex_life', 'genetic', 'biometric']);
  const property = present(ctx, ['financial']);
  const malicious = ctx.facts.controller.malicious;
  const grounds: string[] = [];
  if (specialCare.length) grounds.push(`(1) special-care data: ${specialCare.join(', ')}`);
  if (property.length) grounds.push('(2) data whose misuse may cause property damage');
  if (malicious === true) grounds.push('(3) possibly for unlawful purposes (intrusion or insider)');
  if (count.met) grounds.push(`(4) more than 1,000 persons (upper bound ${count.value})`);
  let decision: NotifyDecision = grounds.length ? 'yes' : malicious === undefined || malicious === 'unknown' || ctx.categories.has('credentials') ? 'assess' : 'no';
  if (ctx.categories.has('credentials') && !property.length) reasoning.push('Credentials count under ground (2) when they open banking or payment accounts: assess.');
  if (malicious === undefined || malicious === 'unknown') reasoning.push('Intent unknown: ground (3) applies if unauthorised access or insider theft is suspected.');
  if (ctx.unintelligible) {
    decision = 'no';
    reasoning.push('Advanced encryption protected the data: exempt.');
  }
  reasoning.unshift(grounds.length ? `Reportable: ${grounds.join('; ')}. Grounds (1)-(3) apply even for one person.` : 'No reportable ground measured.');
  if (!count.certain && count.met) decision = soften(decision, true);
  decision = soften(decision, app.certainty !== 'certain');
  const extra = decision !== 'no' ? [malicious === true ? 'final_malicious' : 'final'] : [];
  return { applies: true, certainty: app.certainty, why: app.why, recipient, notify_authority: decision, notify_subjects: decision, activeDeadlines: active(decision, decision, extra), thresholds: [count], reasoning };
}

const APPI_CONTENT: ContentItem[] = [
  { key: 'description', label: '(1) Overview', citation: cite('PPC Rules Art. 8(1)(i)', 'H') },
  { key: 'data_categories', label: '(2) Items of personal data involved', citation: cite('PPC Rules Art. 8(1)(ii)', 'H') },
  { key: 'persons', label: '(3) Number of persons', citation: cite('PPC Rules Art. 8(1)(iii)', 'H') },
  { key: 'cause', label: '(4) Cause', citation: cite('PPC Rules Art. 8(1)(iv)', 'H') },
  { key: 'consequences', label: '(5) Secondary damage or risk of it', citation: cite('PPC Rules Art. 8(1)(v)', 'H') },
  { key: 'subjects_notified', label: '(6) Status of response to the persons', citation: cite('PPC Rules Art. 8(1)(vi)', 'H') },
  { key: 'other_notifications', label: '(7) Status of public announcement', citation: cite('PPC Rules Art. 8(1)(vii)', 'H') },
  { key: 'measures_planned', label: '(8) Recurrence-prevention measures', citation: cite('PPC Rules Art. 8(1)(viii)', 'H') },
  { key: 'measures_taken', label: '(9) Other useful matters', citation: cite('PPC Rules Art. 8(1)(ix)', 'H') },
];

export const JP_APPI: RegimeDefinition = {
  id: 'JP-APPI',
  name: 'Japan APPI (Art. 26; PPC Rules Art. 7-8)',
  countries: ['JP'],
  authority: 'Personal Information Protection Commission (PPC) or delegated ministry',
  subjectsRecipient: 'individuals concerned',
  trigger: 'actual or suspected leak of special-care data, data whose misuse may cause property damage, data possibly taken for unlawful purposes, or of more than 1,000 persons; exempt with advanced encryption',
  thresholds: [JP_COUNT],
  deadlines: [
    { id: 'authority', audience: 'authority', recipient: 'PPC (preliminary report)', kind: 'calendar_days', amount: 3, start: 'aware', timeZone: 'Asia/Tokyo', rule: 'preliminary report promptly: guideline about 3-5 days from knowing (the earlier bound is used)', citation: cite('PPC Rules Art. 8(1); PPC guidelines', 'H') },
    { id: 'final', audience: 'authority_followup', recipient: 'PPC (final report)', kind: 'calendar_days', amount: 30, start: 'aware', timeZone: 'Asia/Tokyo', rule: 'final report within 30 days', citation: cite('PPC Rules Art. 8(2)', 'H'), when: 'final' },
    { id: 'final_malicious', audience: 'authority_followup', recipient: 'PPC (final report)', kind: 'calendar_days', amount: 60, start: 'aware', timeZone: 'Asia/Tokyo', rule: 'final report within 60 days when done for unlawful purposes', citation: cite('PPC Rules Art. 8(2)', 'H'), when: 'final_malicious' },
    { id: 'subjects', audience: 'subjects', recipient: 'individuals concerned', kind: 'no_fixed_period', start: 'aware', rule: 'promptly, according to the situation', citation: cite('APPI Art. 26(2); PPC Rules Art. 10', 'M') },
  ],
  authorityContent: APPI_CONTENT,
  subjectsContent: [
    { key: 'description', label: 'Overview', citation: cite('PPC Rules Art. 10', 'M') },
    { key: 'data_categories', label: 'Items of personal data', citation: cite('PPC Rules Art. 10', 'M') },
    { key: 'cause', label: 'Cause', citation: cite('PPC Rules Art. 10', 'M') },
    { key: 'consequences', label: 'Secondary damage', citation: cite('PPC Rules Art. 10', 'M') },
    { key: 'contact', label: 'Contact', citation: cite('PPC Rules Art. 10', 'M') },
  ],
  basis: [cite('APPI Art. 26', 'H'), cite('PPC Rules Art. 7, 8', 'H')],
  limitations: ['2026 APPI amendment bill (administrative fines) pending; not reflected.'],
  evaluate: evaluateAppi,
};

/* ---------------- South Korea ---------------- */

const KR_COUNT: ThresholdRule = { id: 'count', name: 'Data subjects affected (regulator report)', comparator: '>=', value: 1000, citation: cite('PIPA Art. 34(3); Enforcement Decree Art. 40', 'H') };

function evaluatePipa(ctx: RegimeContext): RegimeEvaluation {
  const app = residenceApplicability(ctx, ['KR'], 'South Korea', 'PIPA Art. 3', 'PIPA Art. 3');
  const recipient = 'data subjects; PIPC or KISA';
  if (!app.applies) return notApplicable(app.why, recipient);
  const reasoning: string[] = [];
  const count = ctx.threshold(KR_COUNT, app.count);
  const sensitive = specialPresent(ctx);
  const unique = present(ctx, ['national_id']);
  const hacking = ctx.facts.controller.malicious === true;
  const grounds = [
    ...(count.met ? [`${count.value} >= 1,000 data subjects (upper bound)`] : []),
    ...(sensitive.length ? [`sensitive information: ${sensitive.join(', ')}`] : []),
    ...(unique.length ? ['unique identifying information'] : []),
    ...(hacking ? ['leak via unauthorised external access (hacking)'] : []),
  ];
  let authority: NotifyDecision;
  if (grounds.length) authority = grounds.length === 1 && count.met && !count.certain ? 'likely' : 'yes';
  else authority = ctx.facts.controller.malicious === false ? 'no' : 'assess';
  if (ctx.facts.controller.data_retrieved_or_deleted && authority !== 'no') {
    authority = 'assess';
    reasoning.push('Data retrieved or deleted: no report needed if the measures substantially eliminate the risk.');
  }
  const subjects: NotifyDecision = ctx.gdpr.personal_data ? 'yes' : 'no';
  reasoning.push('Data subjects must be told within 72 hours of awareness of any leak (PIPA Art. 34(1)).');
  reasoning.push(grounds.length ? `Regulator report: ${grounds.join('; ')}.` : 'No regulator-report ground measured.');
  const uncertain = app.certainty !== 'certain';
  const a = soften(authority, uncertain);
  const s = soften(subjects, uncertain);
  return { applies: true, certainty: app.certainty, why: app.why, recipient, notify_authority: a, notify_subjects: s, activeDeadlines: active(a, s), thresholds: [count], reasoning };
}

const PIPA_CONTENT: ContentItem[] = [
  { key: 'data_categories', label: 'Items of personal information leaked', citation: cite('PIPA Art. 34(1)(i)', 'H') },
  { key: 'dates', label: 'When the leak occurred', citation: cite('PIPA Art. 34(1)(ii)', 'H') },
  { key: 'description', label: 'How the leak occurred', citation: cite('PIPA Art. 34(1)(ii)', 'H') },
  { key: 'subject_steps', label: 'What data subjects can do to minimise damage', citation: cite('PIPA Art. 34(1)(iii)', 'H') },
  { key: 'measures_taken', label: 'Countermeasures and remedy procedures of the controller', citation: cite('PIPA Art. 34(1)(iv)', 'H') },
  { key: 'contact', label: 'Help desk and contact for damage reports', citation: cite('PIPA Art. 34(1)(v)', 'H') },
  { key: 'remedies', label: 'Remedies (damages claims, dispute mediation)', citation: cite('PIPA 2026 amendment', 'M', 'effective date not seen') },
];

export const KR_PIPA: RegimeDefinition = {
  id: 'KR-PIPA',
  name: 'South Korea PIPA (Art. 34)',
  countries: ['KR'],
  authority: 'Personal Information Protection Commission (PIPC) or KISA',
  subjectsRecipient: 'data subjects',
  trigger: 'any leak: data subjects; regulator if >= 1,000 subjects, sensitive or unique identifying information, or hacking',
  thresholds: [KR_COUNT],
  deadlines: [
    { id: 'subjects', audience: 'subjects', recipient: 'data subjects', kind: 'hours', amount: 72, start: 'aware', rule: 'within 72 hours of becoming aware', citation: cite('PIPA Art. 34(1); Enforcement Decree Art. 39', 'H') },
    { id: 'authority', audience: 'authority', recipient: 'PIPC or KISA', kind: 'hours', amount: 72, start: 'aware', rule: 'within 72 hours of becoming aware', citation: cite('PIPA Art. 34(3); Enforcement Decree Art. 40', 'H') },
  ],
  authorityContent: PIPA_CONTENT,
  subjectsContent: PIPA_CONTENT,
  basis: [cite('PIPA Art. 34', 'H'), cite('PIPA 2026 amendment', 'M', 'adds forgery/alteration/damage, notice on possibility of breach, remedies; effective date not seen')],
  limitations: ['2026 PIPA amendment details are set by decree; effective date not seen [M].'],
  evaluate: evaluatePipa,
};

/* ---------------- China ---------------- */

const CN_MAJOR: ThresholdRule = { id: 'major', name: 'Persons affected (relatively major incident, CAC Measures)', comparator: '>=', value: 1_000_000, citation: cite('CAC National Cybersecurity Incident Reporting Measures (from 1 Nov 2025)', 'M', 'one source') };

function evaluatePipl(ctx: RegimeContext): RegimeEvaluation {
  const app = residenceApplicability(ctx, ['CN'], 'China', 'PIPL Art. 3(1)', 'PIPL Art. 3(2)');
  const recipient = 'departments performing PI protection duties (CAC, sector regulators) and individuals';
  if (!app.applies) return notApplicable(app.why, recipient);
  const reasoning: string[] = ['PIPL Art. 57: any actual or possible leak, tampering or loss must be reported immediately; no size threshold.'];
  const major = ctx.threshold(CN_MAJOR, app.count);
  let subjects: NotifyDecision = 'yes';
  if (ctx.unintelligible || ctx.facts.controller.measures_remove_high_risk) {
    subjects = 'assess';
    reasoning.push('Measures stated to effectively avoid harm: individuals may be skipped unless the authority requires notice (Art. 57(2)).');
  }
  const extra: string[] = [];
  if (major.met) {
    extra.push('cac');
    reasoning.push('Relatively major incident under the CAC Measures: report within 4 hours (network operators) [M, one source].');
  }
  const uncertain = app.certainty !== 'certain';
  const a = soften('yes', uncertain);
  const s = soften(subjects, uncertain);
  return { applies: true, certainty: app.certainty, why: app.why, recipient, notify_authority: a, notify_subjects: s, activeDeadlines: active(a, s, extra), thresholds: [major], reasoning };
}

const PIPL_CONTENT: ContentItem[] = [
  { key: 'data_categories', label: 'Categories of personal information affected', citation: cite('PIPL Art. 57(1)(i)', 'H') },
  { key: 'cause', label: 'Cause of the incident', citation: cite('PIPL Art. 57(1)(i)', 'H') },
  { key: 'consequences', label: 'Possible harm', citation: cite('PIPL Art. 57(1)(i)', 'H') },
  { key: 'measures_taken', label: 'Remedial measures taken', citation: cite('PIPL Art. 57(1)(ii)', 'H') },
  { key: 'subject_steps', label: 'Measures individuals can take to reduce harm', citation: cite('PIPL Art. 57(1)(ii)', 'H') },
  { key: 'contact', label: 'Contact information of the processor', citation: cite('PIPL Art. 57(1)(iii)', 'H') },
];

export const CN_PIPL: RegimeDefinition = {
  id: 'CN-PIPL',
  name: 'China PIPL (Art. 57) and CAC incident reporting measures',
  countries: ['CN'],
  authority: 'departments performing personal information protection duties (CAC and sector regulators)',
  subjectsRecipient: 'individuals',
  trigger: 'any actual or possible leak, tampering or loss of personal information',
  thresholds: [CN_MAJOR],
  deadlines: [
    { id: 'authority', audience: 'authority', recipient: 'CAC / sector regulators', kind: 'no_fixed_period', start: 'aware', rule: 'immediately (PIPL gives no hours)', citation: cite('PIPL Art. 57', 'H') },
    { id: 'subjects', audience: 'subjects', recipient: 'individuals', kind: 'no_fixed_period', start: 'aware', rule: 'immediately, unless measures effectively avoid harm and the authority does not require notice', citation: cite('PIPL Art. 57', 'H') },
    { id: 'cac', audience: 'authority', recipient: 'CAC (incident report)', kind: 'hours', amount: 4, start: 'aware', rule: 'relatively major incidents (PI of >= 1 million people): within 4 hours for network operators (1 hour for CII operators); summary within 30 days', citation: cite('CAC National Cybersecurity Incident Reporting Measures', 'M', 'one source'), when: 'cac' },
  ],
  authorityContent: PIPL_CONTENT,
  subjectsContent: PIPL_CONTENT,
  basis: [cite('PIPL Art. 57', 'H'), cite('CAC National Cybersecurity Incident Reporting Measures (effective 1 Nov 2025)', 'M')],
  limitations: ['CII operators report within 1 hour; CII status is not an input.'],
  evaluate: evaluatePipl,
};

/* ---------------- India ---------------- */

/** DPDP Rules 2025, Rule 7 commences 18 months after notification (13/14 Nov 2025). */
export const IN_DPDP_RULE7_IN_FORCE = '2027-05-13T00:00:00+05:30';

function evaluateDpdp(ctx: RegimeContext): RegimeEvaluation {
  const app = residenceApplicability(ctx, ['IN'], 'India', 'DPDP Act s3(a)', 'DPDP Act s3(b)');
  const recipient = 'Data Protection Board of India and each affected Data Principal';
  if (!app.applies) return notApplicable(app.why, recipient);
  const when = ctx.facts.controller.aware_at ? new Date(ctx.facts.controller.aware_at) : ctx.now;
  const inForce = when.getTime() >= new Date(IN_DPDP_RULE7_IN_FORCE).getTime();
  if (!inForce) {
    return {
      applies: true,
      certainty: app.certainty,
      why: app.why,
      recipient,
      notify_authority: 'no',
      notify_subjects: 'no',
      activeDeadlines: [],
      thresholds: [],
      reasoning: [`DPDP Rules 2025 Rule 7 (breach intimation) not yet in force for this breach: expected about 13/14 May 2027; from then every breach must be reported. CERT-In 6-hour cyber-incident reporting may apply separately [M].`],
    };
  }
  const d = soften('yes', app.certainty !== 'certain');
  return {
    applies: true,
    certainty: app.certainty,
    why: app.why,
    recipient,
    notify_authority: d,
    notify_subjects: d,
    activeDeadlines: ['authority', 'authority_detailed', 'subjects'],
    thresholds: [],
    reasoning: ['Every personal data breach must be intimated to the Board and each Data Principal; no risk or size threshold (Rule 7).'],
  };
}

export const IN_DPDP: RegimeDefinition = {
  id: 'IN-DPDP',
  name: 'India DPDP Act 2023 (s8(6); DPDP Rules 2025 Rule 7)',
  countries: ['IN'],
  authority: 'Data Protection Board of India',
  subjectsRecipient: 'each affected Data Principal',
  trigger: 'every personal data breach (Rule 7 in force from about 13/14 May 2027)',
  thresholds: [],
  deadlines: [
    { id: 'authority', audience: 'authority', recipient: 'Data Protection Board', kind: 'no_fixed_period', start: 'aware', rule: 'initial intimation without delay', citation: cite('DPDP Rules 2025 Rule 7(2)(a)', 'H') },
    { id: 'authority_detailed', audience: 'authority_followup', recipient: 'Data Protection Board', kind: 'hours', amount: 72, start: 'aware', rule: 'detailed report within 72 hours of becoming aware (or longer if the Board allows on written request)', citation: cite('DPDP Rules 2025 Rule 7(2)(b)', 'H') },
    { id: 'subjects', audience: 'subjects', recipient: 'Data Principals', kind: 'no_fixed_period', start: 'aware', rule: 'without delay, concise and plain, via their account or registered contact', citation: cite('DPDP Rules 2025 Rule 7(1)', 'H') },
  ],
  authorityContent: [
    { key: 'description', label: 'Description: nature, extent, timing and location', citation: cite('DPDP Rules 2025 Rule 7(2)(a)', 'H') },
    { key: 'consequences', label: 'Likely impact', citation: cite('DPDP Rules 2025 Rule 7(2)(a)', 'H') },
    { key: 'cause', label: 'Events, circumstances and reasons', citation: cite('DPDP Rules 2025 Rule 7(2)(b)', 'H') },
    { key: 'measures_taken', label: 'Mitigation measures', citation: cite('DPDP Rules 2025 Rule 7(2)(b)', 'H') },
    { key: 'measures_planned', label: 'Remedial measures against recurrence', citation: cite('DPDP Rules 2025 Rule 7(2)(b)', 'H') },
    { key: 'subjects_notified', label: 'Report on intimations given to Data Principals', citation: cite('DPDP Rules 2025 Rule 7(2)(b)', 'H') },
  ],
  subjectsContent: [
    { key: 'description', label: 'Description: nature, extent, timing and location', citation: cite('DPDP Rules 2025 Rule 7(1)(a)', 'H') },
    { key: 'consequences', label: 'Likely consequences for you', citation: cite('DPDP Rules 2025 Rule 7(1)(b)', 'H') },
    { key: 'measures_taken', label: 'Mitigation measures taken', citation: cite('DPDP Rules 2025 Rule 7(1)(c)', 'H') },
    { key: 'subject_steps', label: 'Safety steps you can take', citation: cite('DPDP Rules 2025 Rule 7(1)(d)', 'H') },
    { key: 'contact', label: 'Contact of a person who can answer', citation: cite('DPDP Rules 2025 Rule 7(1)(e)', 'H') },
  ],
  basis: [cite('DPDP Act 2023 s8(6)', 'H'), cite('DPDP Rules 2025 Rule 7', 'H')],
  limitations: ['Rule 7 commences about 13/14 May 2027 (18 months after notification).'],
  evaluate: evaluateDpdp,
};

export const WORLD_REGIMES: RegimeDefinition[] = [BR_LGPD, SG_PDPA, AU_NDB, CA_PIPEDA, JP_APPI, KR_PIPA, CN_PIPL, IN_DPDP];
