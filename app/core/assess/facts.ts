/**
 * The one input of the assessment: facts a person states about the controller and the incident,
 * plus the measured (or, in a what-if, stated) numbers of a case. Every controller fact is
 * optional; a missing one becomes a listed gap, never an invented value.
 */
import { z } from 'zod';
import { ART9_CATEGORIES } from '../categories.ts';

export const DATA_CATEGORIES = [
  'contact',
  'financial',
  'national_id',
  'credentials',
  'chat_content',
  'online_id',
  'location',
  'demographic',
  ...ART9_CATEGORIES,
  'criminal',
  'children',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** GDPR Art. 9(1) special categories. */
export const SPECIAL_CATEGORIES: readonly DataCategory[] = ART9_CATEGORIES;

export const REGIME_IDS = [
  'EU-GDPR',
  'UK-GDPR',
  'US-CA',
  'US-NY',
  'US-TX',
  'US-FL',
  'US-HIPAA',
  'US-SEC-8K',
  'BR-LGPD',
  'SG-PDPA',
  'AU-NDB',
  'CA-PIPEDA',
  'JP-APPI',
  'KR-PIPA',
  'CN-PIPL',
  'IN-DPDP',
] as const;
export type RegimeId = (typeof REGIME_IDS)[number];

const isoInstant = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 instant with Z or an offset, e.g. 2026-11-24T09:00:00Z');
const isoDate = z.iso.date().describe('Calendar date YYYY-MM-DD');
const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .describe('ISO 3166-1 alpha-2 country code, upper case');
const freeText = z.string().min(1).max(20_000);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const count = z.number().int().nonnegative();

export const RangeSchema = z
  .strictObject({
    estimate: count,
    lower: count,
    upper: count,
    /** Id of the provenance entry that explains how the numbers were obtained. */
    ref: z.string().min(1).optional(),
  })
  .refine((r) => r.lower <= r.estimate && r.estimate <= r.upper, {
    message: 'expected lower <= estimate <= upper',
  });
export type Range = z.infer<typeof RangeSchema>;

const CategoryRangeSchema = z
  .strictObject({
    estimate: count,
    lower: count,
    upper: count,
    rows: count.optional().describe('Records (rows) holding this category'),
    ref: z.string().min(1).optional(),
  })
  .refine((r) => r.lower <= r.estimate && r.estimate <= r.upper, {
    message: 'expected lower <= estimate <= upper',
  });
export type CategoryRange = z.infer<typeof CategoryRangeSchema>;

/** A preview is accepted only when most of it is masked: drafts must never carry a secret. */
export function isMaskedPreview(preview: string): boolean {
  const maskRun = /…|[*•xX#]{3,}|\.\.\./.test(preview);
  const visible = preview.replace(/[^A-Za-z0-9]/g, '').replace(/x{3,}/gi, '').length;
  return maskRun && visible <= 8;
}

const SecretSchema = z.strictObject({
  kind: z.string().min(1).max(200),
  provider: z.string().max(200).optional(),
  count: count,
  severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
  preview: z
    .string()
    .max(200)
    .refine(isMaskedPreview, { message: 'preview must be masked (at most 8 visible characters)' })
    .optional(),
  ref: z.string().min(1).optional(),
});

const ProvenanceSchema = z.strictObject({
  id: z.string().min(1).max(100),
  description: z.string().min(1).max(2_000),
  query: z.string().max(20_000),
  rule_pack_version: z.string().max(100),
  computed_at: isoInstant,
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const MeasuredSchema = z.strictObject({
  persons: z
    .strictObject({
      estimate: count,
      lower: count,
      upper: count,
      method: z.string().min(1).max(2_000),
      ref: z.string().min(1).optional(),
    })
    .refine((r) => r.lower <= r.estimate && r.estimate <= r.upper, {
      message: 'expected lower <= estimate <= upper',
    }),
  by_country: z
    .record(z.union([countryCode, z.literal('unknown')]), RangeSchema)
    .describe('Persons by country of residence: ISO alpha-2 or "unknown"'),
  by_subdivision: z
    .record(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/), RangeSchema)
    .optional()
    .describe('Persons by ISO 3166-2 subdivision (e.g. US-CA) where known; needed for US states'),
  by_category: z.partialRecord(z.enum(DATA_CATEGORIES), CategoryRangeSchema),
  secrets: z.array(SecretSchema).default([]),
  sources: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(4_096),
        sha256: z.string().regex(/^[a-f0-9]{64}$/),
        rows: count,
      }),
    )
    .default([]),
  provenance: z.array(ProvenanceSchema).default([]),
});
export type Measured = z.infer<typeof MeasuredSchema>;

export const ControllerSchema = z.strictObject({
  controller_name: freeText.optional(),
  controller_address: freeText.optional(),
  establishment_countries: z.array(countryCode).optional(),
  dpo_contact: freeText.optional().describe('Name and contact details of the DPO'),
  contact_point: freeText.optional().describe('Where people and authorities obtain more information'),
  lead_supervisory_authority: freeText.optional(),
  aware_at: isoInstant.optional().describe('When the controller became aware; the GDPR clock starts here'),
  discovered_at: isoInstant.optional(),
  contained_at: isoInstant.optional(),
  occurred_from: isoInstant.optional(),
  occurred_to: isoInstant.optional(),
  description: freeText.optional().describe('What happened and how'),
  cause: freeText.optional(),
  nature: z.array(z.enum(['confidentiality', 'integrity', 'availability'])).optional(),
  malicious: z.union([z.boolean(), z.literal('unknown')]).optional(),
  exposure: z
    .enum(['none', 'known_recipients', 'unknown_recipients'])
    .optional()
    .describe('Who may have seen the data: no evidence of access, known recipients, or unknown recipients'),
  recipients_trusted: z.boolean().optional(),
  data_retrieved_or_deleted: z.boolean().optional(),
  integrity_loss: z.enum(['no_misuse', 'recoverable', 'unrecoverable']).optional(),
  availability_loss: z.enum(['easy_recovery', 'temporary', 'permanent']).optional(),
  encrypted: z.boolean().optional(),
  key_safe: z.boolean().optional(),
  measures_taken: z.array(freeText).optional(),
  measures_planned: z.array(freeText).optional(),
  measures_remove_high_risk: z.boolean().optional().describe('Art. 34(3)(b): later measures make high risk unlikely'),
  disproportionate_effort: z.boolean().optional().describe('Art. 34(3)(c): individual notice would need disproportionate effort'),
  processor_involved: z.boolean().optional(),
  processor_name: freeText.optional(),
  sector: z.array(z.enum(['health', 'financial', 'listed_company', 'other'])).optional(),
  timezone: z.string().refine(isTimeZone, { message: 'unknown IANA time zone' }).optional(),
  likely_consequences: freeText.optional(),
  data_subject_categories: z.array(z.string().min(1).max(200)).optional(),
  reasons_for_delay: freeText.optional(),
  law_enforcement_investigating: z.boolean().optional(),
  subjects_informed_at: isoInstant.optional(),
  other_notifications: z.array(freeText).optional(),
  identity_theft_services: freeText.optional(),
  staff_involved: z.boolean().optional(),
  staff_training: freeText.optional(),
  material_impact: freeText.optional().describe('SEC Item 1.05: material impact on the registrant'),
  au_app_entity: z.boolean().optional().describe('Covered by the Australian Privacy Act (APP entity)'),
  br_small_agent: z.boolean().optional().describe('Small processing agent under ANPD rules (deadlines doubled)'),
  notification_phase: z.enum(['initial', 'follow_up']).optional(),
  authority_reference: z.string().max(200).optional(),
  clock_starts: z
    .partialRecord(z.enum(REGIME_IDS), isoInstant)
    .optional()
    .describe('Start event of a regime clock where it differs from aware_at (e.g. materiality determination)'),
});
export type ControllerFacts = z.infer<typeof ControllerSchema>;

const OverrideSchema = z.discriminatedUnion('target', [
  z.strictObject({
    target: z.literal('dpc'),
    value: z.number().int().min(1).max(4),
    reason: z.string().min(3).max(2_000),
  }),
  z.strictObject({
    target: z.literal('dpc_class'),
    class: z.enum(['simple', 'behavioural', 'financial', 'sensitive']),
    value: z.number().int().min(1).max(4),
    reason: z.string().min(3).max(2_000),
  }),
  z.strictObject({
    target: z.literal('ei'),
    value: z.union([z.literal(0.25), z.literal(0.5), z.literal(0.75), z.literal(1)]),
    reason: z.string().min(3).max(2_000),
  }),
  z.strictObject({
    target: z.enum(['cb_confidentiality', 'cb_integrity', 'cb_availability']),
    value: z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]),
    reason: z.string().min(3).max(2_000),
  }),
  z.strictObject({
    target: z.literal('cb_malicious'),
    value: z.union([z.literal(0), z.literal(0.5)]),
    reason: z.string().min(3).max(2_000),
  }),
  z.strictObject({
    target: z.literal('gdpr_risk'),
    value: z.enum(['no_risk', 'risk', 'high_risk']),
    reason: z.string().min(3).max(2_000),
  }),
]);
export type Override = z.infer<typeof OverrideSchema>;

export const BreachFactsSchema = z.strictObject({
  $schema: z.string().optional(),
  controller: ControllerSchema.default({}),
  measured: MeasuredSchema.optional().describe('Numbers measured in a case, or stated for a what-if'),
  overrides: z.array(OverrideSchema).default([]),
  holidays: z
    .record(countryCode, z.array(isoDate))
    .optional()
    .describe('Public holidays per country, skipped when counting business days'),
});
export type BreachFacts = z.infer<typeof BreachFactsSchema>;
export type BreachFactsInput = z.input<typeof BreachFactsSchema>;

/** Parses untrusted facts; throws a ZodError naming the bad fields. */
export function parseFacts(input: unknown): BreachFacts {
  return BreachFactsSchema.parse(input);
}

/** JSON Schema of the input, as published in docs/schemas/facts.schema.json. */
export function factsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(BreachFactsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://breachscope.invalid/schemas/facts.schema.json',
    title: 'BreachScope facts (controller facts and measured data)',
  };
}
