/**
 * Turns facts and assessment into document content. Numbers always come from the input and
 * carry their source; facts only a person knows become gaps; nothing is invented.
 */
import type { Assessment, ContentKey, RegimeResult } from '../assess/types.ts';
import type { BreachFacts, CategoryRange, DataCategory, Range } from '../assess/facts.ts';
import { SPECIAL_CATEGORIES } from '../assess/facts.ts';
import { fieldLabel } from '../assess/fields.ts';
import type { Block, DraftSource, Inline, Language } from './model.ts';
import { SUBJECT_STRINGS } from './i18n.ts';

export const CATEGORY_LABELS_EN: Record<DataCategory, string> = SUBJECT_STRINGS.en.categories;

export const text = (t: string): Inline => ({ kind: 'text', text: t });
export const strong = (t: string): Inline => ({ kind: 'strong', text: t });
export const ref = (r: string): Inline => ({ kind: 'ref', ref: r });
export const para = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
export const heading = (level: 1 | 2 | 3, t: string): Block => ({ kind: 'heading', level, text: t });

export class DraftContext {
  readonly sources: DraftSource[] = [];
  constructor(
    readonly facts: BreachFacts,
    readonly assessment: Assessment,
    readonly language: Language = 'en',
  ) {}

  gap(field: string, label?: string): Inline {
    const localized = SUBJECT_STRINGS[this.language].fieldLabels[field];
    return { kind: 'gap', field, label: label ?? localized ?? fieldLabel(field) };
  }

  /** A count with its bounds and where it came from. */
  count(range: Pick<Range, 'estimate' | 'lower' | 'upper'> & { ref?: string }, unit: string): Inline[] {
    const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);
    const bounds = range.lower === range.upper ? '' : ` (between ${fmt(range.lower)} and ${fmt(range.upper)})`;
    return [text(`${fmt(range.estimate)} ${unit}${bounds}`), ...this.source(range.ref)];
  }

  /** The provenance marker of a number, or an explicit note that it was stated, not measured. */
  source(id: string | undefined): Inline[] {
    const prov = id ? this.facts.measured?.provenance.find((p) => p.id === id) : undefined;
    if (!prov) return [text(id ? ` (source "${id}" not found in provenance)` : ' (stated, not measured)')];
    let entry = this.sources.find((s) => s.id === prov.id);
    if (!entry) {
      entry = {
        id: prov.id,
        label: `S${this.sources.length + 1}`,
        description: prov.description,
        query: prov.query.length > 2000 ? `${prov.query.slice(0, 2000)} ...` : prov.query,
        rule_pack_version: prov.rule_pack_version,
        computed_at: prov.computed_at,
      };
      this.sources.push(entry);
    }
    return [text(' '), { kind: 'source', id: prov.id }];
  }

  categories(): Array<[DataCategory, CategoryRange]> {
    const byCat = this.facts.measured?.by_category ?? {};
    return (Object.keys(byCat) as DataCategory[])
      .filter((k) => this.assessment.categories.includes(k))
      .map((k) => [k, byCat[k]!]);
  }

  /** Free-text facts go in as text, or as a gap when missing. */
  factOrGap(field: keyof BreachFacts['controller'], label?: string): Inline[] {
    const v = this.facts.controller[field];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) return [this.gap(field, label)];
    if (Array.isArray(v)) return [text(v.join('; '))];
    return [text(String(v))];
  }

  contactInline(): Inline[] {
    const c = this.facts.controller;
    const out: Inline[] = [];
    if (c.dpo_contact) out.push(text(c.dpo_contact));
    if (c.contact_point) out.push(...(out.length ? [text('; ')] : []), text(c.contact_point));
    return out.length ? out : [this.gap('dpo_contact')];
  }
}

const CONSEQUENCES_EN: Partial<Record<DataCategory, string>> = {
  contact: 'targeted phishing and scam messages',
  credentials: 'account takeover, including other services where the same password is used',
  financial: 'financial fraud and loss',
  national_id: 'identity fraud',
  chat_content: 'exposure of private conversations, embarrassment and distress',
  location: 'tracking of movements and risks to physical safety',
  health: 'distress and discrimination from disclosure of health information',
  sex_life: 'distress and discrimination from disclosure of sex life or orientation',
  religion: 'discrimination based on beliefs',
  political: 'discrimination based on political opinions',
  ethnic_origin: 'discrimination based on origin',
  criminal: 'reputational harm and discrimination',
  children: 'harm to children, who are vulnerable',
};

export function persons(ctx: DraftContext): Inline[] {
  const p = ctx.facts.measured?.persons;
  if (!p) return [ctx.gap('measured.persons')];
  return [...ctx.count(p, 'persons'), text(`; method: ${p.method}`)];
}

/** Blocks for one content item of a regime's list. */
export function contentBlocks(ctx: DraftContext, key: ContentKey, regime: RegimeResult | undefined): Block[] {
  const c = ctx.facts.controller;
  const a = ctx.assessment;
  switch (key) {
    case 'controller_identity':
      return [para(...ctx.factOrGap('controller_name'), text(', '), ...ctx.factOrGap('controller_address'))];
    case 'contact':
      return [para(...ctx.contactInline())];
    case 'description':
      return [para(...ctx.factOrGap('description'))];
    case 'nature': {
      const nature = c.nature ? c.nature.join(', ') : null;
      return [
        para(strong('Breach type: '), ...(nature ? [text(nature)] : [ctx.gap('nature')])),
        para(strong('Malicious: '), ...(c.malicious === undefined || c.malicious === 'unknown' ? [text('not known yet ('), ctx.gap('malicious'), text(')')] : [text(c.malicious ? 'yes' : 'no')])),
        para(strong('Ongoing: '), text(c.contained_at ? `contained at ${c.contained_at}` : 'containment time not stated')),
      ];
    }
    case 'dates':
      return [
        {
          kind: 'table',
          header: ['Event', 'Time'],
          rows: [
            [[text('Breach started')], c.occurred_from ? [text(c.occurred_from + (c.occurred_to ? ` to ${c.occurred_to}` : ''))] : [ctx.gap('occurred_from')]],
            [[text('Discovered')], c.discovered_at ? [text(c.discovered_at)] : [ctx.gap('discovered_at')]],
            [[text('Controller became aware')], c.aware_at ? [text(c.aware_at)] : [ctx.gap('aware_at')]],
            [[text('Contained')], c.contained_at ? [text(c.contained_at)] : [text('not stated')]],
          ],
        },
      ];
    case 'cause':
      return [para(...ctx.factOrGap('cause'))];
    case 'subject_categories':
      return [para(...ctx.factOrGap('data_subject_categories'), ...(a.categories.includes('children') ? [text('; includes children')] : []))];
    case 'persons':
      return [para(...persons(ctx)), ...countryTable(ctx)];
    case 'persons_in_jurisdiction': {
      const sub = regime ? ctx.facts.measured?.by_subdivision?.[regimeSubdivision(regime.id)] : undefined;
      if (sub) return [para(...ctx.count(sub, `residents of ${regimeSubdivision(regime!.id)}`))];
      return [para(text('No breakdown by state: '), ...persons(ctx), text(' in total; '), ctx.gap('measured.by_subdivision'))];
    }
    case 'data_categories':
    case 'records':
      return key === 'records' ? [recordsPara(ctx)] : [categoryTable(ctx)];
    case 'secrets': {
      const secrets = ctx.facts.measured?.secrets ?? [];
      if (!secrets.length) return [para(text('No credentials or secrets measured.'))];
      // Only kind, provider, count and severity: previews are never reproduced.
      return [
        {
          kind: 'table',
          header: ['Kind', 'Provider', 'Count', 'Severity'],
          rows: secrets.map((s) => [[text(s.kind)], [text(s.provider ?? '')], [text(String(s.count)), ...ctx.source(s.ref)], [text(s.severity)]]),
        },
      ];
    }
    case 'consequences': {
      const derived = a.categories.map((k) => CONSEQUENCES_EN[k]).filter((x): x is string => !!x);
      return [
        para(strong('Stated by the controller: '), ...ctx.factOrGap('likely_consequences')),
        para(
          strong('Suggested from the data categories (review): '),
          text(derived.length ? `${derived.join('; ')}.` : 'none derived.'),
          text(` ENISA severity ${a.severity.score} (${a.severity.band.replace('_', ' ')}): ${a.severity.band_meaning}. GDPR risk level: ${a.gdpr_risk.level.replace('_', ' ')}.`),
        ),
      ];
    }
    case 'measures_taken':
      return listOrGap(ctx, 'measures_taken');
    case 'measures_planned':
      return listOrGap(ctx, 'measures_planned');
    case 'subject_steps': {
      const s = SUBJECT_STRINGS[ctx.language];
      const steps = [...a.categories.map((k) => s.steps[k]).filter((x): x is string => !!x), s.steps.always!];
      return [{ kind: 'list', items: [...new Set(steps)].map((t) => [text(t)]) }];
    }
    case 'delay_reasons': {
      const late = regime?.deadlines.some((d) => d.audience === 'authority' && d.hours_left !== null && d.hours_left < 0);
      if (!late) return [para(text('Not late at the time of drafting; no reasons required.'))];
      return [para(...ctx.factOrGap('reasons_for_delay'))];
    }
    case 'subjects_notified':
      return [
        para(
          text(regime ? `Assessment: communication to data subjects ${regime.notify_subjects}${regime.subjects_channel === 'public' ? ' (public communication)' : ''}. ` : ''),
          ...(c.subjects_informed_at ? [text(`Informed at ${c.subjects_informed_at}.`)] : [text('Not yet informed.')]),
        ),
      ];
    case 'processor':
      return [para(...(c.processor_involved === undefined ? [ctx.gap('processor_involved')] : [text(c.processor_involved ? `yes${c.processor_name ? `: ${c.processor_name}` : ''}` : 'no')]))];
    case 'law_enforcement':
      return [para(...(c.law_enforcement_investigating === undefined ? [ctx.gap('law_enforcement_investigating')] : [text(c.law_enforcement_investigating ? 'yes' : 'no')]))];
    case 'encryption':
      return [
        para(
          ...(c.encrypted === undefined
            ? [ctx.gap('encrypted')]
            : c.encrypted
              ? [text('Encrypted; key '), ...(c.key_safe === undefined ? [ctx.gap('key_safe')] : [text(c.key_safe ? 'not compromised' : 'compromised')])]
              : [text('Not encrypted.')]),
        ),
      ];
    case 'other_notifications':
      return [para(...(c.other_notifications?.length ? [text(c.other_notifications.join('; '))] : [text('None stated.')]))];
    case 'identity_services':
      return a.categories.includes('national_id') ? [para(...ctx.factOrGap('identity_theft_services'))] : [para(text('Not required: no identity numbers involved.'))];
    case 'material_impact':
      return [para(...ctx.factOrGap('material_impact'))];
    case 'complaint_rights':
      return [para(text('You may complain to us, and you have the right to complain to the Office of the Privacy Commissioner of Canada.'))];
    case 'remedies':
      return [para(text('You may claim damages and apply for dispute mediation.'))];
  }
}

function regimeSubdivision(id: string): string {
  return id.startsWith('US-') ? id : '';
}

function listOrGap(ctx: DraftContext, field: 'measures_taken' | 'measures_planned'): Block[] {
  const v = ctx.facts.controller[field];
  if (!v || v.length === 0) return [para(ctx.gap(field))];
  return [{ kind: 'list', items: v.map((m) => [text(m)]) }];
}

export function countryTable(ctx: DraftContext): Block[] {
  const byCountry = ctx.facts.measured?.by_country ?? {};
  const keys = Object.keys(byCountry).sort((x, y) => (byCountry[y]?.estimate ?? 0) - (byCountry[x]?.estimate ?? 0));
  if (!keys.length) return [];
  return [
    {
      kind: 'table',
      header: ['Country', 'Persons (estimate)', 'Bounds'],
      rows: keys.map((k) => {
        const r = byCountry[k]!;
        return [[text(k === 'unknown' ? 'unknown' : k)], [text(String(r.estimate)), ...ctx.source(r.ref)], [text(`${r.lower}-${r.upper}`)]];
      }),
    },
  ];
}

export function categoryTable(ctx: DraftContext): Block {
  const rows = ctx.categories().map(([k, r]) => [
    [text(CATEGORY_LABELS_EN[k]), ...(SPECIAL_CATEGORIES.includes(k) ? [strong(' (special category, Art. 9)')] : k === 'criminal' ? [strong(' (Art. 10)')] : [])],
    [text(`${r.estimate} (${r.lower}-${r.upper})`), ...ctx.source(r.ref)],
    [text(r.rows === undefined ? 'not counted' : String(r.rows))],
  ]);
  if (!rows.length) return para(text('No personal data categories measured or stated.'));
  return { kind: 'table', header: ['Category', 'Persons (estimate, bounds)', 'Records'], rows };
}

function recordsPara(ctx: DraftContext): Block {
  const rows = ctx.categories().map(([, r]) => r.rows).filter((n): n is number => n !== undefined);
  const sources = ctx.facts.measured?.sources ?? [];
  const total = sources.reduce((s, x) => s + x.rows, 0);
  const parts: Inline[] = [];
  if (rows.length) parts.push(text(`Records holding personal data, by category: up to ${Math.max(...rows)} rows in one category (see the category table).`));
  if (sources.length) parts.push(text(` ${total} rows in ${sources.length} source file(s) analysed.`));
  return parts.length ? para(...parts) : para(text('Number of records not measured.'));
}
