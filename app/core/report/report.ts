import type { CaseHandle } from '../case/case.ts';
import type { Assessment } from '../assess/types.ts';
import type { Measured } from '../assess/facts.ts';
import type { SubjectsSummary } from '../subjects/index.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { FINDINGS_BY_CATEGORY_SQL } from '../pipeline/measured.ts';
import { REPORT_VERSION, ReportSchema, type Report } from './report-schema.ts';

export interface ReportInputs {
  subjects: SubjectsSummary;
  measured: Measured;
  assessment: Assessment;
  chatHistory: Report['chat_history'];
  drafts: Report['drafts'];
  rulePackVersion: string | null;
  now: Date;
}

/** One row per distinct secret (by fingerprint): its first occurrence and how often it occurs. */
export const SECRET_LIST_SQL = `SELECT f.kind, f.provider, f.severity, f.fingerprint, arg_min(f.preview, (f.source_id, f.row)) AS preview,
  arg_min(s.path, (f.source_id, f.row)) AS source, min(f.source_id) AS source_id,
  arg_min(f.row, (f.source_id, f.row)) AS row, arg_min(f.field, (f.source_id, f.row)) AS field, count(*) AS occurrences
FROM findings f JOIN sources s USING (source_id)
WHERE f.category = 'secret' AND f.review <> 'false_positive'
GROUP BY f.kind, f.provider, f.severity, f.fingerprint ORDER BY f.severity, f.kind, source_id, row`;

export async function buildReport(handle: CaseHandle, inputs: ReportInputs): Promise<Report> {
  const db = handle.db;
  const sources = await db.all<Report['sources'][number]>(
    `SELECT source_id, path, sha256, bytes, format, compression, rows, rejected_rows FROM sources ORDER BY source_id`,
  );
  const byKind = await db.all<{ category: string; kind: string; findings: number; rows: number; values: number }>(FINDINGS_BY_CATEGORY_SQL);
  const perCategory = await db.all<{ category: string; findings: number; rows: number; values: number }>(
    `SELECT category, count(*) AS findings, count(DISTINCT (source_id, row)) AS rows, count(DISTINCT fingerprint) AS values
     FROM findings WHERE review <> 'false_positive' GROUP BY category ORDER BY category`,
  );
  const findings: Report['findings'] = {};
  for (const c of perCategory) findings[c.category] = { rows: c.rows, values: c.values, findings: c.findings, kinds: {} };
  for (const k of byKind) {
    const entry = findings[k.category];
    if (entry) entry.kinds[k.kind] = k.findings;
  }
  const secrets = await db.all<Report['secrets'][number]>(SECRET_LIST_SQL);
  const a = inputs.assessment;
  const report: Report = {
    report_version: REPORT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, rule_pack_version: inputs.rulePackVersion },
    case: { name: handle.meta.name, dir: handle.dir, aware_at: handle.meta.awareAt, generated_at: inputs.now.toISOString() },
    sources,
    findings,
    secrets: secrets.map((s) => ({ ...s, provider: s.provider ?? null })),
    chat_history: inputs.chatHistory,
    subjects: {
      estimate: inputs.subjects.estimate,
      lower: inputs.subjects.lower,
      upper: inputs.subjects.upper,
      method: inputs.subjects.method,
      rows_without_identifier: inputs.subjects.rows_without_identifier,
      by_country: pickBounds(inputs.subjects.by_country),
      by_category: pickBounds(inputs.subjects.by_category),
      ip_table: { ...inputs.subjects.ip_table },
    },
    special_categories: inputs.subjects.special_categories,
    assessment: {
      severity: { ...a.severity } as Record<string, unknown>,
      gdpr_risk: { ...a.gdpr_risk } as Record<string, unknown>,
      regimes: a.regimes.map((r) => ({ ...r })),
      gaps: a.gaps,
    },
    drafts: inputs.drafts,
    provenance: [
      ...inputs.measured.provenance,
      {
        id: 'report.sources',
        description: 'Imported files with their SHA-256 taken before parsing',
        query: 'SELECT source_id, path, sha256, bytes, format, compression, rows, rejected_rows FROM sources ORDER BY source_id',
        rule_pack_version: inputs.rulePackVersion ?? '',
        computed_at: inputs.now.toISOString(),
      },
      { id: 'report.secrets', description: 'Distinct secrets by fingerprint, first occurrence', query: SECRET_LIST_SQL, rule_pack_version: inputs.rulePackVersion ?? '', computed_at: inputs.now.toISOString() },
    ],
  };
  return ReportSchema.parse(report);
}

function pickBounds(record: Record<string, { estimate: number; lower: number; upper: number }>): Record<string, { estimate: number; lower: number; upper: number }> {
  const out: Record<string, { estimate: number; lower: number; upper: number }> = {};
  for (const [k, v] of Object.entries(record)) out[k] = { estimate: v.estimate, lower: v.lower, upper: v.upper };
  return out;
}
