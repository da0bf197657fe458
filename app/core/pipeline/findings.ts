import type { CaseHandle } from '../case/case.ts';
import { AppError } from '../../shared/errors.ts';

export interface FindingRow {
  finding_id: number;
  category: string;
  kind: string;
  provider: string | null;
  severity: string;
  confidence: number;
  preview: string;
  fingerprint: string;
  source_id: number;
  source: string;
  row: number;
  field: string;
  review: string;
}

export interface FindingFilter {
  category?: string;
  kind?: string;
  review?: string;
  sourceId?: number;
  field?: string;
  minConfidence?: number;
  limit?: number;
  offset?: number;
}

const REVIEW_STATES = ['unreviewed', 'confirmed', 'false_positive'] as const;

/** Findings with masked previews only; filters are bound parameters, never spliced text. */
export async function listFindings(handle: CaseHandle, filter: FindingFilter = {}): Promise<FindingRow[]> {
  const where: string[] = [];
  const params: Array<string | number> = [];
  const add = (sql: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(sql);
    params.push(value);
  };
  add('f.category = ?', filter.category);
  add('f.kind = ?', filter.kind);
  add('f.review = ?', filter.review);
  add('f.source_id = ?', filter.sourceId);
  add('f.field = ?', filter.field);
  add('f.confidence >= ?', filter.minConfidence);
  params.push(Math.min(Math.max(filter.limit ?? 100, 1), 10_000), Math.max(filter.offset ?? 0, 0));
  return handle.db.all<FindingRow>(
    `SELECT f.finding_id, f.category, f.kind, f.provider, f.severity, f.confidence, f.preview, f.fingerprint, f.source_id, s.name AS source, f.row, f.field, f.review
     FROM findings f JOIN sources s USING (source_id)
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, f.finding_id
     LIMIT ? OFFSET ?`,
    params,
  );
}

/** Marks findings (audited). Later counts and steps exclude false positives. */
export async function reviewFindings(handle: CaseHandle, ids: number[], status: string): Promise<number> {
  if (!(REVIEW_STATES as readonly string[]).includes(status)) throw new AppError('BAD_INPUT', `review status must be one of ${REVIEW_STATES.join(', ')}.`);
  const clean = ids.filter((id) => Number.isInteger(id) && id >= 0);
  if (clean.length === 0) throw new AppError('BAD_INPUT', 'no finding numbers given.');
  const rows = await handle.db.all<{ finding_id: number; fingerprint: string; review: string }>(
    `SELECT finding_id, fingerprint, review FROM findings WHERE finding_id IN (SELECT unnest(?::BIGINT[]))`,
    [clean.map(String).join(',') ? `[${clean.join(',')}]` : '[]'],
  );
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'none of those findings exist in this case.');
  await handle.db.exec(`UPDATE findings SET review = ? WHERE finding_id IN (SELECT unnest(?::BIGINT[]))`, [status, `[${rows.map((r) => r.finding_id).join(',')}]`]);
  handle.record({ action: 'finding.reviewed', details: { status, findings: rows.map((r) => ({ finding_id: r.finding_id, fingerprint: r.fingerprint, from: r.review })) } });
  return rows.length;
}

/**
 * The one way to see a raw value: re-read the source cell and cut the finding's span. The
 * audit entry records who, why and which fingerprint, never the value.
 */
export async function revealFinding(handle: CaseHandle, id: number, reason: string): Promise<string> {
  if (!reason || reason.trim().length < 3) throw new AppError('BAD_INPUT', 'a reason is required to reveal a value (it goes into the audit log).');
  const f = await handle.db.one<{ source_id: number; row: number; field: string; span_start: number | null; span_end: number | null; fingerprint: string; kind: string }>(
    `SELECT source_id, row, field, span_start, span_end, fingerprint, kind FROM findings WHERE finding_id = ?`,
    [id],
  );
  if (!f) throw new AppError('NOT_FOUND', `finding ${id} does not exist in this case.`);
  const cell = await handle.db.one<{ text: string }>(`SELECT text FROM cells WHERE source_id = ? AND row = ? AND field = ?`, [f.source_id, f.row, f.field]);
  if (!cell) throw new AppError('NOT_FOUND', `the source cell of finding ${id} is gone.`);
  const chars = Array.from(cell.text);
  const value = f.span_start !== null && f.span_end !== null ? chars.slice(f.span_start, f.span_end).join('') : cell.text;
  handle.record({ action: 'finding.revealed', details: { finding_id: id, kind: f.kind, fingerprint: f.fingerprint, source_id: f.source_id, row: f.row, field: f.field, reason: reason.slice(0, 500) } });
  return value;
}
