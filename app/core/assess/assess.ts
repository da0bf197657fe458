/**
 * assess(facts, now): which regimes apply, how severe the breach is, who must be notified and
 * by when, and which facts are missing. Pure and deterministic: the same input and `now` give
 * the same output.
 */
import { type BreachFacts, type BreachFactsInput, type DataCategory, parseFacts, SPECIAL_CATEGORIES } from './facts.ts';
import { CONTENT_FIELDS, FIELDS, hasField } from './fields.ts';
import { assessGdprRisk } from './gdpr-risk.ts';
import { formatCitation } from './regimes/common.ts';
import { REGIMES } from './regimes/index.ts';
import { computeSeverity, isUnintelligible } from './severity.ts';
import { addBusinessDays, addCalendarDays, addHours, hoursLeft, localDate, toLocalIso } from './time.ts';
import type {
  Assessment,
  DeadlineResult,
  DeadlineRule,
  Gap,
  PersonCount,
  RegimeContext,
  RegimeDefinition,
  RegimeEvaluation,
  RegimeResult,
  ThresholdResult,
  ThresholdRule,
} from './types.ts';

function sumRanges(ranges: Array<PersonCount | undefined>): PersonCount | null {
  const present = ranges.filter((r): r is PersonCount => r !== undefined);
  if (present.length === 0) return null;
  return present.reduce(
    (acc, r) => ({ estimate: acc.estimate + r.estimate, lower: acc.lower + r.lower, upper: acc.upper + r.upper }),
    { estimate: 0, lower: 0, upper: 0 },
  );
}

/** A category counts as involved when its estimate (or lower bound) is above zero. */
export function involvedCategories(facts: BreachFacts): DataCategory[] {
  const byCat = facts.measured?.by_category ?? {};
  return (Object.keys(byCat) as DataCategory[]).filter((k) => {
    const r = byCat[k];
    return r !== undefined && (r.estimate > 0 || r.lower > 0);
  });
}

function evaluateThreshold(rule: ThresholdRule, count: PersonCount | null): ThresholdResult {
  const test = (n: number) => (rule.comparator === '>=' ? n >= rule.value : n > rule.value);
  const basis = formatCitation(rule.citation);
  if (!count) {
    return { name: rule.name, value: null, estimate: null, lower: null, threshold: `${rule.comparator} ${rule.value}`, met: null, certain: false, basis };
  }
  const met = test(count.upper);
  return {
    name: rule.name,
    value: count.upper,
    estimate: count.estimate,
    lower: count.lower,
    threshold: `${rule.comparator} ${rule.value}`,
    met,
    certain: met === test(count.lower),
    basis,
  };
}

interface StartResolution {
  at: Date | null;
  notes: string[];
}

function resolveStart(rule: DeadlineRule, regime: RegimeDefinition, facts: BreachFacts): StartResolution {
  const c = facts.controller;
  const explicit = c.clock_starts?.[regime.id];
  const aware = c.aware_at ? new Date(c.aware_at) : null;
  if (explicit) return { at: new Date(explicit), notes: [`clock start stated for ${regime.id}: ${explicit}`] };
  switch (rule.start) {
    case 'aware':
      return { at: aware, notes: aware ? [] : ['awareness time not stated'] };
    case 'discovery':
    case 'determination':
    case 'year_end': {
      if (c.discovered_at) return { at: new Date(c.discovered_at), notes: [`${rule.start === 'determination' ? 'determination assumed at discovery' : 'counted from discovery'} (${c.discovered_at})`] };
      return { at: aware, notes: aware ? [`${rule.start} time not stated: counted from awareness (${c.aware_at})`] : ['neither discovery nor awareness time stated'] };
    }
    case 'materiality':
      return { at: null, notes: ['materiality determination time not stated (clock_starts)'] };
    case 'after_deadline':
      return { at: null, notes: [] };
  }
}

function computeDeadlines(
  regime: RegimeDefinition,
  evaluation: RegimeEvaluation,
  facts: BreachFacts,
  now: Date,
  userTz: string,
): DeadlineResult[] {
  const computed = new Map<string, Date | null>();
  const results = new Map<string, DeadlineResult>();
  for (const rule of regime.deadlines) {
    const notes: string[] = [];
    let start: Date | null;
    if (rule.start === 'after_deadline') {
      start = computed.get(rule.after ?? '') ?? null;
      notes.push(`counted from the ${rule.after} deadline`);
    } else {
      const r = resolveStart(rule, regime, facts);
      start = r.at;
      notes.push(...r.notes);
    }
    let amount = rule.amount ?? 0;
    if (rule.multiplier && facts.controller[rule.multiplier.fact] === true) {
      amount *= rule.multiplier.factor;
      notes.push(`period multiplied by ${rule.multiplier.factor} (${rule.multiplier.fact})`);
    }
    const tz = rule.timeZone ?? userTz;
    let at: Date | null = null;
    let businessDays: DeadlineResult['business_days'];
    if (start && rule.kind !== 'no_fixed_period') {
      if (rule.kind === 'hours') at = addHours(start, amount);
      else if (rule.kind === 'calendar_days') {
        if (rule.start === 'year_end') {
          const year = Number(localDate(start, tz).slice(0, 4));
          at = addCalendarDays(new Date(Date.UTC(year, 11, 31, 12)), amount, tz);
          notes.push(`counted from the end of calendar year ${year}`);
        } else at = addCalendarDays(start, amount, tz);
        notes.push(`whole days counted in ${tz}; the start day is not counted; ends 23:59:59 local time`);
      } else {
        const country = rule.holidayCountry ?? '';
        const supplied = facts.holidays?.[country] ?? [];
        const bd = addBusinessDays(start, amount, tz, new Set(supplied));
        at = bd.deadline;
        businessDays = { counted: bd.counted, skipped: bd.skipped, holidays_applied: supplied.length > 0 };
        notes.push(
          supplied.length > 0
            ? `business days counted in ${tz}; weekends and ${supplied.length} supplied ${country} holiday(s) skipped`
            : `business days counted in ${tz}; weekends skipped; ${country} public holidays are not in the reference tables and were not skipped - supply them in "holidays" or check the local calendar`,
        );
      }
    }
    computed.set(rule.id, at);
    results.set(rule.id, {
      id: rule.id,
      audience: rule.audience,
      recipient: rule.recipient,
      utc: at ? at.toISOString() : null,
      local: at ? toLocalIso(at, userTz) : null,
      hours_left: at ? hoursLeft(at, now) : null,
      rule: amount !== (rule.amount ?? 0) ? `${rule.rule} [period ${amount}]` : rule.rule,
      start_event: rule.start,
      start_at: start ? start.toISOString() : null,
      ...(businessDays ? { business_days: businessDays } : {}),
      basis: formatCitation(rule.citation),
      notes,
    });
  }
  return regime.deadlines.filter((r) => evaluation.activeDeadlines.includes(r.id)).map((r) => results.get(r.id)!);
}

/** The earliest fixed deadline in force (the next thing to do), else the first rule in force. */
function primaryDeadline(deadlines: DeadlineResult[]): DeadlineResult | null {
  const fixed = deadlines
    .filter((d) => d.utc !== null && d.audience !== 'assessment')
    .sort((a, b) => (a.utc! < b.utc! ? -1 : a.utc! > b.utc! ? 1 : 0));
  return fixed[0] ?? deadlines.find((d) => d.audience !== 'assessment') ?? deadlines[0] ?? null;
}

export function assess(input: BreachFactsInput | BreachFacts, now: Date): Assessment {
  const facts = parseFacts(input);
  const c = facts.controller;
  const userTz = c.timezone ?? 'UTC';
  const categoriesList = involvedCategories(facts);
  const categories = new Set(categoriesList);
  const severity = computeSeverity(facts, categories);
  const gdpr = assessGdprRisk(facts, categories, severity);
  const byCountry = facts.measured?.by_country ?? {};
  const bySub = facts.measured?.by_subdivision ?? {};

  const ctx: RegimeContext = {
    facts,
    now,
    categories,
    personsIn: (countries) => sumRanges(countries.map((k) => byCountry[k])),
    personsInSubdivision: (code) => sumRanges([bySub[code]]),
    personsTotal: facts.measured ? { ...facts.measured.persons } : null,
    unknownCountry: sumRanges([byCountry['unknown']]),
    establishedIn: (countries) =>
      c.establishment_countries === undefined ? 'unknown' : c.establishment_countries.some((k) => countries.includes(k)),
    gdpr,
    severityBand: severity.band,
    unintelligible: isUnintelligible(facts),
    threshold: evaluateThreshold,
  };

  const regimes: RegimeResult[] = REGIMES.map((regime) => {
    const ev = regime.evaluate(ctx);
    const deadlines = ev.applies ? computeDeadlines(regime, ev, facts, now, userTz) : [];
    const reasoning = [...ev.reasoning];
    if (ev.applies && ctx.unknownCountry && ctx.unknownCountry.upper > 0 && ev.certainty !== 'certain') {
      reasoning.push(`${ctx.unknownCountry.upper} persons of unknown country (upper bound) may add residents here.`);
    }
    for (const d of deadlines) {
      if (d.hours_left !== null && d.hours_left < 0 && d.audience !== 'assessment') {
        reasoning.push(`${d.recipient}: deadline passed ${Math.abs(d.hours_left)} h ago (${d.basis}).`);
      }
    }
    if (ev.applies) reasoning.push(...regime.limitations.map((l) => `Limitation: ${l}`));
    return {
      id: regime.id,
      name: regime.name,
      applies: ev.applies,
      certainty: ev.certainty,
      why: ev.why,
      recipient: ev.recipient,
      notify_authority: ev.notify_authority,
      notify_subjects: ev.notify_subjects,
      ...(ev.subjects_channel ? { subjects_channel: ev.subjects_channel } : {}),
      deadline: primaryDeadline(deadlines),
      deadlines,
      thresholds: ev.thresholds,
      basis: regime.basis.map(formatCitation),
      reasoning,
    };
  });

  const gaps = computeGaps(facts, regimes, categories);
  const notes: string[] = [
    'This assessment is an aid: every regime leaves room for judgement, and a person must review the reasoning before notifying.',
    'Thresholds are tested on the upper bound of each count so that none is missed; "certain" says whether the lower bound agrees.',
  ];
  if (!c.timezone) notes.push('No time zone stated: local times are shown in UTC.');
  if (!c.aware_at) notes.push('No awareness time stated: deadlines cannot be computed.');

  return {
    generated_at: now.toISOString(),
    timezone: userTz,
    aware_at: c.aware_at ? new Date(c.aware_at).toISOString() : null,
    persons: ctx.personsTotal ? { estimate: ctx.personsTotal.estimate, lower: ctx.personsTotal.lower, upper: ctx.personsTotal.upper } : null,
    categories: categoriesList,
    special_categories: SPECIAL_CATEGORIES.filter((k) => categories.has(k)),
    severity,
    gdpr_risk: gdpr,
    regimes,
    gaps,
    notes,
    overrides_applied: facts.overrides.map((o) => ({ target: o.target === 'dpc_class' ? `dpc_class:${o.class}` : o.target, reason: o.reason })),
  };
}

/** Facts every assessment relies on, whatever the regimes. */
const ASSESSMENT_FIELDS = ['aware_at', 'timezone', 'establishment_countries', 'nature', 'malicious', 'exposure', 'encrypted', 'sector', 'measured.persons'];

function computeGaps(facts: BreachFacts, regimes: RegimeResult[], categories: ReadonlySet<DataCategory>): Gap[] {
  const needs = new Map<string, Set<string>>();
  const need = (field: string, by: string) => {
    if (hasField(facts, field)) return;
    if (!needs.has(field)) needs.set(field, new Set());
    needs.get(field)!.add(by);
  };
  for (const f of ASSESSMENT_FIELDS) need(f, 'assessment');
  if (facts.controller.encrypted === true) need('key_safe', 'assessment');
  need('measured.by_country.unknown', 'assessment');
  const late = (r: RegimeResult) => r.deadlines.some((d) => d.hours_left !== null && d.hours_left < 0 && d.audience === 'authority');
  for (const r of regimes) {
    if (!r.applies) continue;
    const def = REGIMES.find((x) => x.id === r.id)!;
    const items = [
      ...(r.notify_authority !== 'no' ? def.authorityContent : []),
      ...(r.notify_subjects !== 'no' ? def.subjectsContent : []),
    ];
    for (const item of items) {
      if (item.key === 'delay_reasons' && !late(r)) continue;
      if (item.key === 'identity_services' && !categories.has('national_id')) continue;
      if (item.key === 'subjects_notified' || item.key === 'other_notifications') continue;
      for (const f of CONTENT_FIELDS[item.key]) need(f, r.id);
    }
    if (r.id === 'EU-GDPR' && facts.controller.establishment_countries?.length && r.recipient.includes('not stated')) need('lead_supervisory_authority', r.id);
    if (r.id === 'US-SEC-8K') need('clock_starts.US-SEC-8K', r.id);
    if (r.id === 'AU-NDB') need('au_app_entity', r.id);
    if (r.id.startsWith('US-') && r.id !== 'US-SEC-8K' && r.certainty === 'possible') need('measured.by_subdivision', r.id);
    if (r.id === 'US-CA' && r.notify_subjects !== 'no' && categories.has('national_id')) need('identity_theft_services', r.id);
    if (r.id === 'UK-GDPR' && r.notify_authority !== 'no') {
      need('staff_involved', r.id);
      need('controller_name', r.id);
    }
    if (r.id === 'EU-GDPR' || r.id === 'UK-GDPR') {
      if (r.notify_authority !== 'no' || r.notify_subjects !== 'no') need('contact_point', r.id);
      if (late(r)) need('reasons_for_delay', r.id);
    }
  }
  return [...needs.entries()].map(([field, by]) => ({
    field,
    label: FIELDS[field]?.label ?? field,
    why: FIELDS[field]?.why ?? '',
    needed_by: [...by],
  }));
}
