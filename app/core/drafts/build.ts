/**
 * listDrafts / buildDraft: which documents the assessment calls for, and each one as a
 * document model. Every statement carries the article it rests on.
 */
import { type BreachFacts, type BreachFactsInput, parseFacts } from '../assess/facts.ts';
import { fieldLabel } from '../assess/fields.ts';
import { regimeById } from '../assess/regimes/index.ts';
import { CALIFORNIA_MODEL_HEADINGS } from '../assess/regimes/us-states.ts';
import type { Assessment, ContentItem, DeadlineResult, RegimeResult } from '../assess/types.ts';
import { formatCitation } from '../assess/regimes/common.ts';
import { formatDateFor, formatNumberFor, SUBJECT_STRINGS } from './i18n.ts';
import { type Block, type DraftDocument, type DraftSpec, type Inline, type Language, gapText, missingFields } from './model.ts';
import { categoryTable, contentBlocks, DraftContext, heading, para, persons, ref, strong, text } from './sections.ts';

const SUBJECT_LANGUAGES: Language[] = ['en', 'de', 'fr', 'es'];
const US_STATE_IDS = new Set(['US-CA', 'US-NY', 'US-TX', 'US-FL']);

/** Every draft the assessment calls for. */
export function listDrafts(assessment: Assessment, input: BreachFactsInput | BreachFacts): DraftSpec[] {
  parseFacts(input);
  const specs: DraftSpec[] = [];
  for (const r of assessment.regimes) {
    if (!r.applies) continue;
    const def = regimeById(r.id);
    if (!def) continue;
    if (r.id === 'EU-GDPR' || r.id === 'UK-GDPR') {
      const law = r.id === 'EU-GDPR' ? 'GDPR' : 'UK GDPR';
      specs.push({ regime: r.id, audience: 'register', language: 'en', title: `${law} Art. 33(5) internal breach register entry` });
      if (r.notify_authority !== 'no') {
        specs.push({
          regime: r.id,
          audience: 'authority',
          language: 'en',
          title: r.id === 'EU-GDPR' ? 'GDPR Art. 33 notification to the supervisory authority' : 'UK GDPR personal data breach report to the ICO',
        });
      }
      if (r.notify_subjects !== 'no') {
        for (const language of r.id === 'EU-GDPR' ? SUBJECT_LANGUAGES : (['en'] as Language[])) {
          specs.push({ regime: r.id, audience: 'subjects', language, title: `${SUBJECT_STRINGS[language].title} (${law} Art. 34)` });
        }
      }
      continue;
    }
    if (r.notify_authority !== 'no' && def.authorityContent.length) {
      specs.push({ regime: r.id, audience: 'authority', language: 'en', title: `${def.name}: notice to ${r.recipient}` });
    }
    if (r.notify_subjects !== 'no' && def.subjectsContent.length) {
      const consumer = US_STATE_IDS.has(r.id) || r.id === 'US-HIPAA';
      specs.push({
        regime: r.id,
        audience: consumer ? 'consumers' : 'subjects',
        language: 'en',
        title: US_STATE_IDS.has(r.id) ? `Notice of Data Breach (${r.id})` : `${def.name}: notice to ${def.subjectsRecipient}`,
      });
    }
  }
  return specs;
}

/** Builds one draft as a document model. */
export function buildDraft(spec: DraftSpec, assessment: Assessment, input: BreachFactsInput | BreachFacts): DraftDocument {
  const facts = parseFacts(input);
  const regime = assessment.regimes.find((r) => r.id === spec.regime);
  if (!regime) throw new Error(`regime ${spec.regime} is not in the assessment`);
  const ctx = new DraftContext(facts, assessment, spec.language);
  let blocks: Block[];
  if (spec.audience === 'register') blocks = registerBlocks(ctx, regime);
  else if (spec.audience === 'subjects' && (spec.regime === 'EU-GDPR' || spec.regime === 'UK-GDPR')) blocks = art34Blocks(ctx, regime, spec.language);
  else if (spec.audience === 'authority' && spec.regime === 'UK-GDPR') blocks = icoBlocks(ctx, regime);
  else if (spec.audience === 'consumers' && US_STATE_IDS.has(spec.regime)) blocks = usConsumerBlocks(ctx, regime);
  else blocks = regimeBlocks(ctx, regime, spec.audience === 'authority' ? 'authority' : 'subjects');
  const doc: DraftDocument = {
    spec,
    title: spec.title,
    language: spec.language,
    generated_at: assessment.generated_at,
    blocks,
    sources: ctx.sources,
    missingWord: SUBJECT_STRINGS[spec.language].missingWord,
  };
  return finishDocument(doc, ctx);
}

/** Appends the source list and the list of missing fields. */
function finishDocument(doc: DraftDocument, ctx: DraftContext): DraftDocument {
  const blocks = [...doc.blocks];
  if (doc.sources.length) {
    blocks.push(heading(2, 'Sources of the numbers'));
    blocks.push({
      kind: 'table',
      header: ['Ref', 'What', 'Query', 'Rule pack', 'Computed at'],
      rows: doc.sources.map((s) => [[text(s.label)], [text(s.description)], [text(s.query)], [text(s.rule_pack_version)], [text(s.computed_at)]]),
    });
  }
  const missing = missingFields(doc);
  blocks.push(heading(2, 'Missing information'));
  blocks.push(
    missing.length
      ? { kind: 'list', items: missing.map((f) => [ctx.gap(f), text(` field: ${f}`)]) }
      : para(text('None: every field of this draft is filled from the input.')),
  );
  return { ...doc, blocks };
}

function deadlineInline(d: DeadlineResult | null): Inline[] {
  if (!d) return [text('No deadline in force.')];
  const when = d.utc ? `${d.utc} (local: ${d.local}; ${d.hours_left !== null && d.hours_left < 0 ? `${Math.abs(d.hours_left)} h overdue` : `${d.hours_left} h left`})` : 'no fixed time';
  return [strong('Deadline: '), text(`${d.rule}. ${when}. `), ref(d.basis)];
}

function assessmentBlocks(ctx: DraftContext, regime: RegimeResult): Block[] {
  const blocks: Block[] = [
    heading(2, 'Assessment basis'),
    para(text(`Applies: ${regime.why}. Notify authority: ${regime.notify_authority}; notify individuals: ${regime.notify_subjects}.`)),
    { kind: 'list', items: regime.reasoning.map((r) => [text(r)]) },
  ];
  if (regime.thresholds.length) {
    blocks.push({
      kind: 'table',
      header: ['Threshold', 'Value', 'Test', 'Met', 'Basis'],
      rows: regime.thresholds.map((t) => [[text(t.name)], [text(t.value === null ? 'unknown' : String(t.value))], [text(t.threshold)], [text(t.met === null ? 'unknown' : `${t.met ? 'yes' : 'no'}${t.certain ? '' : ' (bounds disagree)'}`)], [ref(t.basis)]]),
    });
  }
  const s = ctx.assessment.severity;
  blocks.push(para(text(`ENISA severity: SE = DPC ${s.dpc} x EI ${s.ei} + CB ${s.cb} = ${s.score} (${s.band.replace('_', ' ')}). `), ref('ENISA 2013 methodology')));
  blocks.push({
    kind: 'table',
    header: ['Input', 'Value', 'Reason'],
    rows: s.inputs.map((i) => [[text(i.name)], [text(String(i.value))], [text(i.reason + (i.overridden ? `; overridden by the controller: ${i.overridden.reason} (computed ${i.overridden.computed})` : '') + (i.assumed ? '; assumed, to be confirmed' : ''))]]),
  });
  blocks.push(para(text('Legal basis: '), ...regime.basis.flatMap((b, i) => [...(i ? [text('; ')] : []), ref(b)])));
  return blocks;
}

function phasedNote(ctx: DraftContext, law: string): Block {
  return para(
    strong('Phased notification: '),
    text(`information not yet available is marked as missing and will be provided in further phases without undue further delay. `),
    ref(`${law} Art. 33(4)`),
  );
}

/** Generic notice built from a regime's content list. */
function regimeBlocks(ctx: DraftContext, regime: RegimeResult, side: 'authority' | 'subjects'): Block[] {
  const def = regimeById(regime.id)!;
  const items: ContentItem[] = side === 'authority' ? def.authorityContent : def.subjectsContent;
  const c = ctx.facts.controller;
  const deadline = regime.deadlines.find((d) => d.audience === (side === 'authority' ? 'authority' : 'subjects')) ?? regime.deadline;
  const blocks: Block[] = [
    heading(1, side === 'authority' ? `${def.name}: notification` : `${def.name}: notice to individuals`),
    para(strong('To: '), text(side === 'authority' ? regime.recipient : def.subjectsRecipient)),
    para(strong('From: '), ...(c.controller_name ? [text(c.controller_name)] : [ctx.gap('controller_name')])),
    para(...deadlineInline(deadline)),
    para(text(`Draft prepared ${ctx.assessment.generated_at} for review by the controller; not legal advice.`)),
  ];
  if (regime.id === 'EU-GDPR') {
    blocks.push(para(strong('Report type: '), text(c.notification_phase === 'follow_up' ? `follow-up${c.authority_reference ? ` to ${c.authority_reference}` : ''}` : 'initial notification')));
  }
  for (const item of items) {
    blocks.push(heading(2, item.label));
    blocks.push(...contentBlocks(ctx, item.key, regime));
    blocks.push(para(ref(formatCitation(item.citation))));
  }
  if (regime.id === 'EU-GDPR' || regime.id === 'BR-LGPD' || regime.id === 'JP-APPI') {
    blocks.push(phasedNote(ctx, regime.id === 'EU-GDPR' ? 'GDPR' : regime.id === 'BR-LGPD' ? 'ANPD Res. 15/2024 (complementary information within 20 business days);' : 'PPC Rules Art. 8 (preliminary and final report);'));
  }
  if (side === 'authority') blocks.push(...assessmentBlocks(ctx, regime));
  return blocks;
}

/** GDPR Art. 34: plain language, the data about *them* first, in four languages. */
function art34Blocks(ctx: DraftContext, regime: RegimeResult, language: Language): Block[] {
  const s = SUBJECT_STRINGS[language];
  const c = ctx.facts.controller;
  const law = regime.id === 'EU-GDPR' ? 'GDPR' : 'UK GDPR';
  const tz = c.timezone ?? 'UTC';
  const name = c.controller_name;
  const blocks: Block[] = [
    heading(1, s.title),
    para(strong(`${s.subjectLine}: `), ...(name ? [text(s.subject(name))] : [text(s.subject('')), ctx.gap('controller_name')])),
    para(text(s.greeting)),
    para(text(regime.subjects_channel === 'public' ? s.publicIntro : s.intro)),
    heading(2, s.whichData),
    para(text(s.whichDataIntro)),
    { kind: 'list', items: ctx.categories().map(([k]) => [text(s.categories[k])]) },
    heading(2, s.whatHappened),
    para(...ctx.factOrGap('description')),
    ...(c.aware_at ? [para(text(s.dates(formatDateFor(language, c.aware_at, tz))))] : []),
    heading(2, s.consequences),
  ];
  const derived = [...ctx.assessment.categories.map((k) => s.consequenceText[k]).filter((x): x is string => !!x), s.consequenceText.always!];
  blocks.push(c.likely_consequences ? para(text(c.likely_consequences)) : para(ctx.gap('likely_consequences')));
  blocks.push({ kind: 'list', items: [...new Set(derived)].map((t) => [text(t)]) });
  blocks.push(heading(2, s.whatWeDid));
  blocks.push(...(c.measures_taken?.length ? [{ kind: 'list' as const, items: c.measures_taken.map((m) => [text(m)]) }] : [para(ctx.gap('measures_taken'))]));
  blocks.push(heading(2, s.whatYouCanDo));
  blocks.push(...contentBlocks(ctx, 'subject_steps', regime));
  blocks.push(heading(2, s.contact));
  blocks.push(para(text(s.contactIntro)));
  blocks.push(para(strong(`${s.dpo}: `), ...(c.dpo_contact ? [text(c.dpo_contact)] : [ctx.gap('dpo_contact')])));
  if (c.contact_point) blocks.push(para(text(c.contact_point)));
  const p = ctx.facts.measured?.persons;
  if (p) blocks.push(para(text(`${s.persons}: ${formatNumberFor(language, p.estimate)}`), ...ctx.source(p.ref)));
  blocks.push(para(text(s.closing)));
  blocks.push(para(text(`${s.legalBasis} `), ref(`${law} Art. 34(1), (2)`), text(regime.subjects_channel === 'public' ? ' ' : ''), ...(regime.subjects_channel === 'public' ? [ref(`${law} Art. 34(3)(c)`)] : [])));
  return blocks;
}

/** GDPR Art. 33(5): facts, effects and remedial action of every breach, notified or not. */
function registerBlocks(ctx: DraftContext, regime: RegimeResult): Block[] {
  const c = ctx.facts.controller;
  const a = ctx.assessment;
  const law = regime.id === 'EU-GDPR' ? 'GDPR' : 'UK GDPR';
  const row = (label: string, value: Inline[], basis: string): Inline[][] => [[text(label)], value, [ref(basis)]];
  const secrets = ctx.facts.measured?.secrets ?? [];
  const secretCount = secrets.reduce((n, x) => n + x.count, 0);
  const authorityDecision: Inline[] =
    regime.notify_authority === 'no'
      ? [text(`Not notified. Justification: ${a.gdpr_risk.decided_by.join('; ')}`)]
      : [text(`Notify ${regime.recipient} (${regime.notify_authority}); `), ...deadlineInline(regime.deadlines.find((d) => d.audience === 'authority') ?? null)];
  const subjectDecision: Inline[] =
    regime.notify_subjects === 'no'
      ? [text(a.gdpr_risk.art34_exception ? `Not informed: Art. 34(3)(${a.gdpr_risk.art34_exception}) exception relied on.` : `Not required at risk level ${a.gdpr_risk.level.replace('_', ' ')}.`)]
      : [text(`Inform data subjects (${regime.notify_subjects}${regime.subjects_channel === 'public' ? ', public communication' : ''}) without undue delay.`)];
  return [
    heading(1, `${law} Art. 33(5) breach register entry`),
    para(text('Every personal data breach is documented here, whether notified or not, with its facts, effects and remedial action. '), ref(`${law} Art. 33(5)`), text(' '), ref('EDPB Guidelines 01/2021 para 15')),
    heading(2, 'Facts'),
    {
      kind: 'table',
      header: ['Field', 'Entry', 'Basis'],
      rows: [
        row('Breach started', c.occurred_from ? [text(c.occurred_from)] : [ctx.gap('occurred_from')], `${law} Art. 33(5) (facts)`),
        row('Discovered', c.discovered_at ? [text(c.discovered_at)] : [ctx.gap('discovered_at')], `${law} Art. 33(5) (facts)`),
        row('Controller aware', c.aware_at ? [text(c.aware_at)] : [ctx.gap('aware_at')], `${law} Art. 33(1)`),
        row('Contained', c.contained_at ? [text(c.contained_at)] : [text('not stated')], `${law} Art. 33(5) (facts)`),
        row('Description and cause', [...ctx.factOrGap('description'), ...(c.cause ? [text(` Cause: ${c.cause}`)] : [])], `${law} Art. 33(5) (facts)`),
        row('Breach type', c.nature ? [text(c.nature.join(', '))] : [ctx.gap('nature')], `${law} Art. 33(5); EDPB 01/2021 para 5`),
        row('Processor involved', contentInline(ctx, 'processor', regime), `${law} Art. 33(2)`),
        row('Encryption', contentInline(ctx, 'encryption', regime), `${law} Art. 34(3)(a)`),
        row('Credentials and secrets', [text(secrets.length ? `${secretCount} secrets of ${secrets.length} kinds (masked; values never recorded)` : 'none measured')], 'register practice'),
      ],
    },
    heading(2, 'Effects'),
    para(strong('Data subjects: '), ...persons(ctx)),
    categoryTable(ctx),
    para(strong('Likely consequences: '), ...ctx.factOrGap('likely_consequences')),
    para(strong('Risk level: '), text(`${a.gdpr_risk.level.replace('_', ' ')}; decided by: ${a.gdpr_risk.decided_by.join('; ')}. ENISA SE ${a.severity.score} (${a.severity.band.replace('_', ' ')}).`)),
    heading(2, 'Decisions'),
    {
      kind: 'table',
      header: ['Decision', 'Entry', 'Basis'],
      rows: [
        row('Notify the supervisory authority', authorityDecision, `${law} Art. 33(1)`),
        row('Communicate to data subjects', subjectDecision, `${law} Art. 34`),
        row('Reasons for delay', regime.deadlines.some((d) => d.audience === 'authority' && (d.hours_left ?? 0) < 0) ? ctx.factOrGap('reasons_for_delay') : [text('not late')], `${law} Art. 33(1)`),
        row('Overrides of the computed assessment', [text(a.overrides_applied.length ? a.overrides_applied.map((o) => `${o.target}: ${o.reason}`).join('; ') : 'none')], 'accountability (Art. 5(2))'),
      ],
    },
    heading(2, 'Remedial action'),
    ...contentBlocks(ctx, 'measures_taken', regime),
    para(strong('Planned: ')),
    ...contentBlocks(ctx, 'measures_planned', regime),
    para(strong('Other notifications: '), ...contentInline(ctx, 'other_notifications', regime)),
  ];
}

function contentInline(ctx: DraftContext, key: 'processor' | 'encryption' | 'other_notifications', regime: RegimeResult): Inline[] {
  const b = contentBlocks(ctx, key, regime)[0];
  return b && b.kind === 'paragraph' ? b.content : [];
}

/** ICO categories (online form tick list) for the measured categories. */
const ICO_CATEGORY: Record<string, string> = {
  ethnic_origin: 'Racial or ethnic origin',
  political: 'Political opinions',
  religion: 'Religious or philosophical beliefs',
  trade_union: 'Trade union membership',
  sex_life: 'Sex life or sexual orientation',
  health: 'Health',
  contact: 'Basic personal identifiers (name, contact details)',
  credentials: 'Identification data (usernames, passwords)',
  financial: 'Economic and financial data',
  national_id: 'Official documents',
  location: 'Location data',
  genetic: 'Genetic or biometric data',
  biometric: 'Genetic or biometric data',
  criminal: 'Criminal convictions, offences',
  chat_content: 'Other (content of conversations)',
  online_id: 'Other (online identifiers)',
  demographic: 'Other (date of birth and similar)',
  children: 'Other (data about children)',
};

function icoBlocks(ctx: DraftContext, regime: RegimeResult): Block[] {
  const c = ctx.facts.controller;
  const a = ctx.assessment;
  const q = (question: string, answer: Inline[]): Inline[][] => [[text(question)], answer];
  const icoCats = [...new Set(a.categories.map((k) => ICO_CATEGORY[k]!))];
  const likelihood = a.gdpr_risk.level === 'high_risk' ? 'likely' : a.gdpr_risk.level === 'risk' ? 'neutral' : 'unlikely';
  const section = (title: string, rows: Inline[][][]): Block[] => [heading(2, title), { kind: 'table', header: ['Question', 'Answer'], rows }];
  return [
    heading(1, 'Report a personal data breach (ICO)'),
    para(text('Fields follow the ICO online form and Word form. '), ref('UK GDPR Art. 33(3)'), text(' '), ref('ICO breach report form')),
    para(...deadlineInline(regime.deadlines.find((d) => d.audience === 'authority') ?? null)),
    ...section('Report type', [
      q('Initial or follow-up report', [text(c.notification_phase === 'follow_up' ? 'Follow-up' : 'Initial')]),
      q('ICO case reference (follow-ups)', [text(c.authority_reference ?? 'not applicable')]),
    ]),
    ...section('About the breach', [
      q('What happened', ctx.factOrGap('description')),
      q('How did it happen / cause', ctx.factOrGap('cause')),
      q('Was the breach caused by a cyber incident?', [text(c.malicious === true ? 'Yes' : c.malicious === false ? 'No' : "Don't know")]),
      q('How did you find out?', ctx.factOrGap('description')),
      q('When did you discover it?', c.discovered_at ? [text(c.discovered_at)] : [ctx.gap('discovered_at')]),
      q('When did it happen?', c.occurred_from ? [text(c.occurred_from)] : [ctx.gap('occurred_from')]),
      q('Reason for any delay in reporting', regime.deadlines.some((d) => d.audience === 'authority' && (d.hours_left ?? 0) < 0) ? ctx.factOrGap('reasons_for_delay') : [text('not late')]),
    ]),
    ...section('Personal data', [
      q('Categories of personal data', [text(icoCats.length ? icoCats.join('; ') : 'Not yet known')]),
      q('Number of personal data records', contentBlocks(ctx, 'records', regime).flatMap((b) => (b.kind === 'paragraph' ? b.content : []))),
      q('Number of data subjects possibly affected', persons(ctx)),
    ]),
    ...section('Data subjects', [q('Categories of data subjects', ctx.factOrGap('data_subject_categories'))]),
    ...section('Consequences', [
      q('Potential consequences', ctx.factOrGap('likely_consequences')),
      q('Likelihood that data subjects experience significant consequences', [text(`${likelihood} (from the assessment: ${a.gdpr_risk.level.replace('_', ' ')}, ENISA ${a.severity.band.replace('_', ' ')})`)]),
    ]),
    ...section('Cyber incidents', [
      q('Confidentiality, integrity or availability of systems affected', [text(c.nature ? c.nature.join(', ') : 'not stated')]),
      q('Credentials and secrets exposed', [text(`${(ctx.facts.measured?.secrets ?? []).reduce((n, x) => n + x.count, 0)} (masked; values never reproduced)`)]),
    ]),
    ...section('Staff', [
      q('Was a specific staff member involved?', c.staff_involved === undefined ? [ctx.gap('staff_involved')] : [text(c.staff_involved ? 'Yes' : 'No')]),
      q('Their data protection training', c.staff_involved ? ctx.factOrGap('staff_training') : [text('not applicable')]),
    ]),
    ...section('Taking action', [
      q('Containment and recovery actions taken', ctx.factOrGap('measures_taken')),
      q('Actions proposed and to stop recurrence', ctx.factOrGap('measures_planned')),
      q('Have you told data subjects?', [text(c.subjects_informed_at ? `Yes, ${c.subjects_informed_at}` : `Not yet; assessment says ${regime.notify_subjects}`)]),
      q('Other organisations told', [text(c.other_notifications?.join('; ') ?? 'none stated')]),
    ]),
    ...section('About you', [
      q('Organisation name', ctx.factOrGap('controller_name')),
      q('Organisation address', ctx.factOrGap('controller_address')),
      q('DPO or contact point', ctx.contactInline()),
    ]),
    ...assessmentBlocks(ctx, regime),
  ];
}

/** US consumer notice with the California model headings, in order. */
function usConsumerBlocks(ctx: DraftContext, regime: RegimeResult): Block[] {
  const c = ctx.facts.controller;
  const a = ctx.assessment;
  const [whatHappened, whatInfo, whatWeDo, whatYouDo, moreInfo] = CALIFORNIA_MODEL_HEADINGS;
  const law = regimeById(regime.id)!.basis[0]!.ref;
  const idNumbers = a.categories.includes('national_id');
  const blocks: Block[] = [
    heading(1, 'Notice of Data Breach'),
    para(text('Format: plain language, at least 10-point type, title and headings as in the model form. '), ref('Cal. Civ. Code §1798.82(d)'), text(' '), ref(law)),
    para(strong('From: '), ...ctx.factOrGap('controller_name'), text(', '), ...ctx.factOrGap('controller_address')),
    para(strong('Date of notice: '), text('the date this notice is sent')),
    heading(2, whatHappened),
    para(...ctx.factOrGap('description')),
    para(strong('Date or date range of the breach: '), ...(c.occurred_from ? [text(`${c.occurred_from}${c.occurred_to ? ` to ${c.occurred_to}` : ''}`)] : [ctx.gap('occurred_from')])),
    para(strong('Notice delayed by a law-enforcement investigation: '), ...(c.law_enforcement_investigating === undefined ? [ctx.gap('law_enforcement_investigating')] : [text(c.law_enforcement_investigating ? 'yes' : 'no')])),
    heading(2, whatInfo),
    { kind: 'list', items: ctx.categories().map(([k]) => [text(SUBJECT_STRINGS.en.categories[k])]) },
    heading(2, whatWeDo),
    ...contentBlocks(ctx, 'measures_taken', regime),
    ...(idNumbers ? [para(strong('Identity-theft prevention and mitigation (at least 12 months, at no cost): '), ...ctx.factOrGap('identity_theft_services'), text(' '), ref('Cal. Civ. Code §1798.82(d)(2)(G)'))] : []),
    heading(2, whatYouDo),
    ...contentBlocks(ctx, 'subject_steps', regime),
    ...(idNumbers
      ? [para(text('Contact the major credit reporting agencies to place a fraud alert or security freeze: Equifax, Experian and TransUnion (toll-free numbers and addresses to be added by the business). '), ref('Cal. Civ. Code §1798.82(d)(2)(F)'))]
      : []),
    heading(2, moreInfo),
    para(...ctx.contactInline()),
  ];
  if (regime.id === 'US-NY') blocks.push(para(text('New York residents: add the phone numbers and websites of state and federal agencies offering identity-theft information. '), ref('N.Y. GBL §899-aa(7) [L]')));
  if (regime.id === 'US-FL') blocks.push(para(text('Florida residents: the notice states the date or estimated date range of the breach and a description of the personal information accessed. '), ref('Fla. Stat. §501.171(4)(e)')));
  blocks.push(para(...deadlineInline(regime.deadlines.find((d) => d.audience === 'subjects') ?? null)));
  return blocks;
}

export { gapText, missingFields, fieldLabel };
