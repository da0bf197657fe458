/** EU GDPR and UK GDPR: Art. 33 (authority, 72 h) and Art. 34 (data subjects, high risk). */
import type { RegimeId } from '../facts.ts';
import type { ContentItem, NotifyDecision, RegimeContext, RegimeDefinition, RegimeEvaluation } from '../types.ts';
import { cite, residenceApplicability, soften } from './common.ts';

/** EU Member States plus Iceland, Liechtenstein and Norway (EEA). */
export const EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT',
  'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
] as const;

function art33Content(law: string): ContentItem[] {
  return [
    { key: 'nature', label: 'Nature of the personal data breach', citation: cite(`${law} Art. 33(3)(a)`, 'H') },
    { key: 'description', label: 'What happened and how', citation: cite(`${law} Art. 33(3)(a)`, 'H') },
    { key: 'dates', label: 'When it happened, was discovered and became known', citation: cite(`${law} Art. 33(3)(a)`, 'H') },
    { key: 'subject_categories', label: 'Categories of data subjects', citation: cite(`${law} Art. 33(3)(a)`, 'H') },
    { key: 'persons', label: 'Approximate number of data subjects', citation: cite(`${law} Art. 33(3)(a)`, 'H') },
    { key: 'data_categories', label: 'Categories of personal data records', citation: cite(`${law} Art. 33(3)(a)`, 'H') },
    { key: 'records', label: 'Approximate number of personal data records', citation: cite(`${law} Art. 33(3)(a)`, 'H') },
    { key: 'contact', label: 'Name and contact details of the DPO or other contact point', citation: cite(`${law} Art. 33(3)(b)`, 'H') },
    { key: 'consequences', label: 'Likely consequences of the breach', citation: cite(`${law} Art. 33(3)(c)`, 'H') },
    { key: 'measures_taken', label: 'Measures taken to address the breach', citation: cite(`${law} Art. 33(3)(d)`, 'H') },
    { key: 'measures_planned', label: 'Measures proposed, including mitigation of adverse effects', citation: cite(`${law} Art. 33(3)(d)`, 'H') },
    { key: 'delay_reasons', label: 'Reasons for delay (when later than 72 hours)', citation: cite(`${law} Art. 33(1)`, 'H') },
    { key: 'encryption', label: 'Encryption and key status', citation: cite('EDPB 01/2021 Case 01 para 20; supervisory authority forms', 'M') },
    { key: 'secrets', label: 'Credentials and secrets exposed', citation: cite('supervisory authority forms (extras commonly asked)', 'M') },
    { key: 'processor', label: 'Processor involved', citation: cite(`${law} Art. 33(2)`, 'H') },
    { key: 'subjects_notified', label: 'Whether data subjects were or will be informed', citation: cite(`${law} Art. 34; supervisory authority forms`, 'M') },
    { key: 'other_notifications', label: 'Other authorities informed', citation: cite('supervisory authority forms (extras commonly asked)', 'M') },
  ];
}

function art34Content(law: string): ContentItem[] {
  return [
    { key: 'description', label: 'What happened', citation: cite(`${law} Art. 34(2)`, 'H') },
    { key: 'data_categories', label: 'Which of your data were involved', citation: cite(`${law} Art. 34(2); Dutch DPA advice`, 'H') },
    { key: 'consequences', label: 'Likely consequences', citation: cite(`${law} Art. 34(2), 33(3)(c)`, 'H') },
    { key: 'measures_taken', label: 'What we have done', citation: cite(`${law} Art. 34(2), 33(3)(d)`, 'H') },
    { key: 'subject_steps', label: 'What you can do', citation: cite('EDPB/WP250 good practice; Dutch DPA advice', 'M') },
    { key: 'contact', label: 'Contact', citation: cite(`${law} Art. 34(2), 33(3)(b)`, 'H') },
  ];
}

function evaluateGdpr(ctx: RegimeContext, isUk: boolean): RegimeEvaluation {
  const law = isUk ? 'UK GDPR' : 'GDPR';
  const countries = isUk ? ['GB'] : EEA_COUNTRIES;
  const app = residenceApplicability(
    ctx,
    countries,
    isUk ? 'the United Kingdom' : 'the EU/EEA',
    `${law} Art. 3(1)`,
    `${law} Art. 3(2), assuming goods or services are offered to them`,
  );
  const reasoning: string[] = [];
  const risk = ctx.gdpr;
  let recipient: string;
  if (isUk) recipient = "Information Commissioner's Office (ICO)";
  else if (ctx.establishedIn(EEA_COUNTRIES) === true) {
    recipient = ctx.facts.controller.lead_supervisory_authority ?? 'lead supervisory authority (not stated)';
    reasoning.push('Controller established in the EU/EEA: notify the lead (or competent) supervisory authority (Art. 55, 56).');
  } else {
    const where = Object.keys(ctx.facts.measured?.by_country ?? {}).filter((k) => (EEA_COUNTRIES as readonly string[]).includes(k));
    recipient = `every supervisory authority of a Member State where affected people reside${where.length ? `: ${where.join(', ')}` : ''}`;
    reasoning.push('No EU/EEA establishment stated: no one-stop-shop, one notification per Member State where affected people reside (EDPB Guidelines 9/2022 para 73).');
  }
  if (!app.applies) {
    return { applies: false, certainty: 'none', why: app.why, recipient, notify_authority: 'no', notify_subjects: 'no', activeDeadlines: [], thresholds: [], reasoning };
  }
  const uncertain = app.certainty !== 'certain' || risk.relies_on_assumptions;
  let authority: NotifyDecision = risk.level === 'no_risk' ? 'no' : 'yes';
  let subjects: NotifyDecision = risk.level === 'high_risk' ? 'yes' : 'no';
  let channel: 'direct' | 'public' | undefined;
  if (!risk.personal_data) {
    reasoning.push(`No personal data: not a personal data breach (${law} Art. 4(12)); record the incident anyway.`);
  } else {
    reasoning.push(
      authority === 'no'
        ? `Art. 33(1): breach unlikely to result in a risk, decided by: ${risk.decided_by.join('; ')}. Document the reasoning in the register (Art. 33(5)).`
        : `Art. 33(1): notify unless unlikely to result in a risk; level ${risk.level}, decided by: ${risk.decided_by.join('; ')}.`,
    );
  }
  if (risk.level === 'high_risk') {
    if (risk.art34_exception === 'a' || risk.art34_exception === 'b') {
      subjects = 'no';
      reasoning.push(`Art. 34(1) high risk, but Art. 34(3)(${risk.art34_exception}) exception applies; Art. 33 notification and the register remain required.`);
    } else if (risk.art34_exception === 'c') {
      channel = 'public';
      reasoning.push('Art. 34(3)(c): public communication instead of individual messages.');
    } else {
      channel = 'direct';
      reasoning.push('Art. 34(1): high risk and no Art. 34(3) exception stated: communicate to data subjects without undue delay.');
    }
  } else if (risk.personal_data) {
    reasoning.push(`Art. 34(1): communication to data subjects not required at level ${risk.level}; the authority may still require it (Art. 34(4)).`);
  }
  if (risk.relies_on_assumptions) reasoning.push('Some deciding facts were assumed (see severity inputs marked assumed): confirm them.');
  authority = soften(authority, uncertain);
  subjects = soften(subjects, uncertain);
  const active = [];
  if (authority !== 'no') active.push('authority');
  if (subjects !== 'no') active.push('subjects');
  return {
    applies: true,
    certainty: app.certainty,
    why: app.why,
    recipient,
    notify_authority: authority,
    notify_subjects: subjects,
    ...(channel ? { subjects_channel: channel } : {}),
    activeDeadlines: active,
    thresholds: [
      {
        name: `${law} Art. 33(1): risk to rights and freedoms`,
        value: risk.level,
        estimate: null,
        lower: null,
        threshold: 'risk or high risk',
        met: risk.level !== 'no_risk',
        certain: !risk.relies_on_assumptions,
        basis: `${law} Art. 33(1)`,
      },
      {
        name: `${law} Art. 34(1): high risk`,
        value: risk.level,
        estimate: null,
        lower: null,
        threshold: 'high risk',
        met: risk.level === 'high_risk',
        certain: !risk.relies_on_assumptions,
        basis: `${law} Art. 34(1)`,
      },
    ],
    reasoning,
  };
}

function gdprDefinition(id: RegimeId, isUk: boolean): RegimeDefinition {
  const law = isUk ? 'UK GDPR' : 'GDPR';
  return {
    id,
    name: isUk ? 'UK GDPR (Data Protection Act 2018)' : 'EU General Data Protection Regulation',
    countries: isUk ? ['GB'] : EEA_COUNTRIES,
    authority: isUk ? "Information Commissioner's Office (ICO)" : 'lead or competent supervisory authority',
    subjectsRecipient: 'affected data subjects',
    trigger: 'authority unless the breach is unlikely to result in a risk; data subjects if high risk (Art. 34(3) exceptions)',
    thresholds: [],
    deadlines: [
      {
        id: 'authority',
        audience: 'authority',
        recipient: isUk ? 'ICO' : 'supervisory authority',
        kind: 'hours',
        amount: 72,
        start: 'aware',
        rule: 'without undue delay and, where feasible, not later than 72 hours after becoming aware (72 clock hours, nights, weekends and holidays included); later notifications must give reasons for the delay',
        citation: cite(`${law} Art. 33(1)`, 'H', 'whether EU Reg. 1182/71 hour counting applies was not addressed in the sources [L]; computed conservatively as aware_at + 72 h'),
      },
      {
        id: 'subjects',
        audience: 'subjects',
        recipient: 'data subjects',
        kind: 'no_fixed_period',
        start: 'aware',
        rule: 'without undue delay',
        citation: cite(`${law} Art. 34(1)`, 'H'),
      },
    ],
    authorityContent: art33Content(law),
    subjectsContent: art34Content(law),
    basis: [
      cite(`${law} Art. 4(12)`, 'H'),
      cite(`${law} Art. 33(1)-(5)`, 'H'),
      cite(`${law} Art. 34(1)-(4)`, 'H'),
      ...(isUk ? [cite('ICO breach report form', 'H')] : [cite('EDPB Guidelines 9/2022 para 73', 'H'), cite('EDPB Guidelines 01/2021', 'H')]),
    ],
    limitations: isUk
      ? [
          'UK PECR (telecom and internet service providers only): ICO initial notice within 24 h of detection, second notice within 3 days [H]; not modelled as a separate regime.',
          'Effects of the UK Data (Use and Access) Act 2025 on breach reporting were not researched.',
        ]
      : [
          'EU Digital Omnibus proposal would raise the Art. 33 threshold to high risk, extend the deadline to 96 hours and add a single entry point; still a proposal in the sources read [H that it is proposed].',
          'A common EDPB notification template (about 125 questions) was out for consultation from 10 June 2026.',
        ],
    evaluate: (ctx) => evaluateGdpr(ctx, isUk),
  };
}

export const EU_GDPR = gdprDefinition('EU-GDPR', false);
export const UK_GDPR = gdprDefinition('UK-GDPR', true);
