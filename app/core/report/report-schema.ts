import { z } from 'zod';

/**
 * report.json: the CLI's machine-readable result. Versioned: a change that removes or renames
 * a field bumps REPORT_VERSION's major number. Every count names the provenance entry (query
 * and rule-pack version) it came from.
 */
export const REPORT_VERSION = '1.0.0';

const bounds = z.strictObject({ estimate: z.number().int(), lower: z.number().int(), upper: z.number().int() });
const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const ReportSchema = z.strictObject({
  report_version: z.literal(REPORT_VERSION),
  tool: z.strictObject({ name: z.string(), version: z.string(), rule_pack_version: z.string().nullable() }),
  case: z.strictObject({ name: z.string(), dir: z.string(), aware_at: z.string(), generated_at: z.string() }),
  sources: z.array(
    z.strictObject({
      source_id: z.number().int(),
      path: z.string(),
      sha256: sha,
      bytes: z.number().int(),
      format: z.string(),
      compression: z.string(),
      rows: z.number().int(),
      rejected_rows: z.number().int(),
    }),
  ),
  findings: z.record(z.string(), z.strictObject({ rows: z.number().int(), values: z.number().int(), findings: z.number().int(), kinds: z.record(z.string(), z.number().int()) })),
  secrets: z.array(
    z.strictObject({
      kind: z.string(),
      provider: z.string().nullable(),
      severity: z.string(),
      fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      preview: z.string(),
      source: z.string(),
      source_id: z.number().int(),
      row: z.number().int(),
      field: z.string(),
      occurrences: z.number().int(),
    }),
  ),
  chat_history: z
    .strictObject({
      conversations: z.number().int(),
      turns: z.number().int(),
      users: z.number().int(),
      fields: z.array(z.strictObject({ source_id: z.number().int(), field: z.string(), turns: z.number().int(), reason: z.string() })),
      method: z.string(),
    })
    .nullable(),
  subjects: z.strictObject({
    estimate: z.number().int(),
    lower: z.number().int(),
    upper: z.number().int(),
    method: z.string(),
    rows_without_identifier: z.number().int(),
    by_country: z.record(z.string(), bounds),
    by_category: z.record(z.string(), bounds),
    ip_table: z.record(z.string(), z.unknown()),
  }),
  special_categories: z.record(z.string(), z.strictObject({ subjects: z.number().int(), rows: z.number().int() })),
  assessment: z.strictObject({
    severity: z.record(z.string(), z.unknown()),
    gdpr_risk: z.record(z.string(), z.unknown()),
    regimes: z.array(
      z
        .object({
          id: z.string(),
          applies: z.boolean(),
          notify_authority: z.string(),
          notify_subjects: z.string(),
          deadline: z.unknown(),
          basis: z.array(z.string()),
          thresholds: z.array(z.unknown()),
        })
        .passthrough(),
    ),
    gaps: z.array(z.unknown()),
  }),
  drafts: z.array(
    z.strictObject({
      regime: z.string(),
      audience: z.string(),
      language: z.string(),
      title: z.string(),
      format: z.string(),
      path: z.string(),
      sha256: sha,
      missing_fields: z.array(z.string()),
    }),
  ),
  provenance: z.array(z.strictObject({ id: z.string(), description: z.string(), query: z.string(), rule_pack_version: z.string(), computed_at: z.string() })),
});

export type Report = z.infer<typeof ReportSchema>;

export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(ReportSchema, { unrepresentable: 'any' }) as Record<string, unknown>),
    $id: 'https://breachscope.invalid/schemas/report.schema.json',
    title: `BreachScope report.json v${REPORT_VERSION}`,
  };
}
