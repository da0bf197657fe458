/**
 * Writes to the findings, which are stored as `finding_values` (one row per found value: rule,
 * preview, fingerprint, confidence) and `finding_cells` (one row per cell that holds it) and read
 * through the `findings` view (schema.ts). Every write goes through here or through the
 * classification engine's bulk write (scan.ts), which fills the same two tables.
 */
import type { Db } from './open-db.ts';
import { SCHEMA_SQL } from './schema.ts';

/** The columns of the `findings` view, in order: what a full finding row holds. */
export const FINDING_COLUMNS = [
  'finding_id', 'source_id', 'row', 'field', 'rule_id', 'rule_version', 'category', 'kind', 'provider', 'severity',
  'confidence', 'span_start', 'span_end', 'preview', 'fingerprint', 'normalized', 'detail', 'review',
] as const;

/** The columns that describe a value (the same in every cell that holds it). */
const VALUE_COLUMNS = ['rule_id', 'rule_version', 'category', 'kind', 'provider', 'severity', 'confidence', 'preview', 'fingerprint', 'normalized', 'detail'];

const STAGE = '__findings_stage';

/** The next free value id (ids of one write are added to it). */
export async function nextValueBase(db: Db): Promise<number> {
  return Number((await db.one<{ n: number }>(`SELECT coalesce(max(value_id), 0) AS n FROM finding_values`))?.n ?? 0);
}

/** The next free finding id base (ids of one write are added to it). */
export async function nextFindingBase(db: Db): Promise<number> {
  return Number((await db.one<{ n: number }>(`SELECT coalesce(max(finding_id), 0) AS n FROM finding_cells`))?.n ?? 0);
}

/**
 * Stores full finding rows (a query or table with the columns of FINDING_COLUMNS, finding ids
 * included): rows that describe the same value share one `finding_values` row.
 */
export async function storeFindingRows(db: Db, relation: string): Promise<void> {
  const base = await nextValueBase(db);
  await db.exec(`DROP TABLE IF EXISTS temp.${STAGE}`);
  try {
    await db.exec(
      `CREATE TEMP TABLE ${STAGE} AS
       SELECT *, ${base} + dense_rank() OVER (ORDER BY ${VALUE_COLUMNS.join(', ')}) AS value_id FROM (${relation})`,
    );
    await db.exec(`INSERT INTO finding_values SELECT DISTINCT ON (value_id) value_id, ${VALUE_COLUMNS.join(', ')} FROM ${STAGE}`);
    await db.exec(
      `INSERT INTO finding_cells
       SELECT finding_id, source_id, row, field, value_id, span_start, span_end, nullif(review, 'unreviewed') FROM ${STAGE} ORDER BY finding_id`,
    );
  } finally {
    await db.exec(`DROP TABLE IF EXISTS temp.${STAGE}`);
  }
}

/** Removes every finding of the given rules (ids as SQL literals, comma-separated). */
export async function deleteFindingsOfRules(db: Db, ruleIdsSql: string): Promise<void> {
  await db.exec(`DELETE FROM finding_cells WHERE value_id IN (SELECT value_id FROM finding_values WHERE rule_id IN (${ruleIdsSql}))`);
  await db.exec(`DELETE FROM finding_values WHERE rule_id IN (${ruleIdsSql})`);
}

/** Sets the review mark of findings (`unreviewed` clears it). */
export async function setReview(db: Db, findingIds: number[], review: string): Promise<void> {
  if (findingIds.length === 0) return;
  await db.exec(`UPDATE finding_cells SET review = nullif(?, 'unreviewed') WHERE finding_id IN (${findingIds.map(() => '?').join(', ')})`, [review, ...findingIds]);
}

/**
 * Cases made before findings were split kept them in one `findings` table: its rows move into
 * the two tables (same ids, same values) and the view takes its name, in one transaction.
 */
export async function migrateFindingsTable(db: Db): Promise<boolean> {
  const row = await db.one<{ t: string }>(`SELECT table_type AS t FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'findings'`);
  if (row?.t !== 'BASE TABLE') return false;
  await db.transaction(async () => {
    await db.exec(`ALTER TABLE findings RENAME TO findings_before_split`);
    await db.exec(SCHEMA_SQL);
    await storeFindingRows(db, `SELECT ${FINDING_COLUMNS.join(', ')} FROM findings_before_split`);
    await db.exec(`DROP TABLE findings_before_split`);
  });
  return true;
}
