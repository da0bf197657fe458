import type { CaseHandle } from '../case/case.ts';
import { AppError } from '../../shared/errors.ts';
import { setReview } from '../db/findings-store.ts';
import type { FindingFilter } from '../../shared/contract.ts';

/**
 * Findings as people see and act on them — listing (masked previews only), review marks and
 * the one audited way to reveal a value. The CLI and the UI service both use these.
 */

export interface FindingListRow {
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

export const REVIEW_STATES = ['unreviewed', 'confirmed', 'false_positive'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** SQL WHERE clause and parameters for a findings filter (table alias `f`); every value is bound. */
export function findingWhere(filter: FindingFilter): { where: string; params: Array<string | number> } {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  const inList = (column: string, values: ReadonlyArray<string | number> | undefined) => {
    if (!values || values.length === 0) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('f.category', filter.category);
  inList('f.kind', filter.kind);
  inList('f.source_id', filter.sourceId);
  inList('f.field', filter.field);
  inList('f.review', filter.review);
  inList('f.severity', filter.severity);
  if (filter.minConfidence !== undefined) {
    clauses.push('f.confidence >= ?');
    params.push(filter.minConfidence);
  }
  if (filter.text && filter.text.trim() !== '') {
    clauses.push(`(f.source_id, f.row, f.field) IN (SELECT source_id, row, field FROM cells WHERE contains(lower(text), lower(?)))`);
    params.push(filter.text);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Most severe first; masked previews only. */
export async function listFindings(handle: CaseHandle, filter: FindingFilter = {}, page: { limit?: number; offset?: number } = {}): Promise<FindingListRow[]> {
  const { where, params } = findingWhere(filter);
  const limit = Math.min(Math.max(page.limit ?? 100, 1), 10_000);
  const offset = Math.max(page.offset ?? 0, 0);
  return handle.db.all<FindingListRow>(
    `SELECT f.finding_id, f.category, f.kind, f.provider, f.severity, f.confidence, f.preview, f.fingerprint, f.source_id, s.name AS source, f.row, f.field, f.review
     FROM findings f JOIN sources s USING (source_id) ${where}
     ORDER BY CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, f.finding_id
     LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
}

/** Marks findings (audited, in one transaction). Later counts and steps exclude false positives. */
export async function reviewFindings(handle: CaseHandle, findingIds: number[], review: string): Promise<{ updated: number }> {
  if (!(REVIEW_STATES as readonly string[]).includes(review)) throw new AppError('BAD_INPUT', `review status must be one of ${REVIEW_STATES.join(', ')}.`);
  const ids = [...new Set(findingIds.filter((id) => Number.isInteger(id) && id >= 0))];
  if (ids.length === 0) throw new AppError('BAD_INPUT', 'no finding numbers given.');
  let updated = 0;
  await handle.db.transaction(async () => {
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const marks = chunk.map(() => '?').join(', ');
      const before = await handle.db.one<{ n: number }>(`SELECT count(*) AS n FROM findings WHERE finding_id IN (${marks})`, chunk);
      await setReview(handle.db, chunk, review);
      updated += Number(before?.n ?? 0);
    }
  });
  if (updated === 0) throw new AppError('NOT_FOUND', 'none of those findings exist in this case.');
  handle.record({ action: 'findings.reviewed', details: { review, count: updated, finding_ids: ids.slice(0, 100), more: Math.max(0, ids.length - 100) } });
  return { updated };
}

/**
 * The one way to see a raw value: re-read the source cell and cut the finding's span (code
 * points, as DuckDB counts them). The audit entry records the finding, its fingerprint and the
 * reason, never the value.
 */
export async function revealFinding(handle: CaseHandle, findingId: number, reason?: string): Promise<{ value: string; fingerprint: string }> {
  const f = await handle.db.one<{ source_id: number; row: number; field: string; span_start: number | null; span_end: number | null; fingerprint: string; kind: string }>(
    `SELECT source_id, row, field, span_start, span_end, fingerprint, kind FROM findings WHERE finding_id = ?`,
    [findingId],
  );
  if (!f) throw new AppError('NOT_FOUND', `finding ${findingId} does not exist in this case.`);
  if (f.span_start === null || f.span_end === null) throw new AppError('NO_SPAN', `finding ${findingId} has no position in its cell; open the source row instead.`);
  const cell = await handle.db.one<{ value: string }>(
    `SELECT substring(text, ? + 1, ? - ?) AS value FROM cells WHERE source_id = ? AND row = ? AND field = ?`,
    [f.span_start, f.span_end, f.span_start, f.source_id, f.row, f.field],
  );
  if (!cell) throw new AppError('NOT_FOUND', `the cell of finding ${findingId} is gone from the case.`);
  handle.record({
    action: 'finding.revealed',
    details: { finding_id: findingId, fingerprint: f.fingerprint, kind: f.kind, source_id: f.source_id, row: f.row, field: f.field, ...(reason ? { reason: reason.slice(0, 500) } : {}) },
  });
  return { value: cell.value, fingerprint: f.fingerprint };
}
