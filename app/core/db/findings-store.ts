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
 * Adds to `finding_fields` every (source_id, field) of `query` it lacks, numbered after the
 * fields already there.
 */
export async function addFindingFields(db: Db, query: string): Promise<void> {
  await db.exec(
    `INSERT INTO finding_fields
     SELECT (SELECT coalesce(max(field_id), 0) FROM finding_fields) + row_number() OVER (ORDER BY source_id, field), source_id, field
     FROM (SELECT DISTINCT source_id, field FROM (${query})) n
     WHERE NOT EXISTS (SELECT 1 FROM finding_fields f WHERE f.source_id = n.source_id AND f.field = n.field)`,
  );
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
    await addFindingFields(db, `SELECT source_id, field FROM ${STAGE}`);
    await db.exec(
      `INSERT INTO finding_cells
       SELECT s.finding_id, s.source_id, s.row, f.field_id, s.value_id, s.span_start, s.span_end, nullif(s.review, 'unreviewed')
       FROM ${STAGE} s JOIN finding_fields f ON f.source_id = s.source_id AND f.field = s.field ORDER BY s.finding_id`,
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
 * Brings the findings of an earlier case to the current storage, in one transaction, and says
 * what changed (nothing: undefined). Cases made before findings were split kept them in one
 * `findings` table: its rows move into the tables (same ids, same values) and the view takes its
 * name. Cases whose finding cells named their field by name get the names numbered.
 */
export async function migrateFindingsTable(db: Db): Promise<string | undefined> {
  const row = await db.one<{ t: string }>(`SELECT table_type AS t FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'findings'`);
  if (row?.t === 'BASE TABLE') {
    await db.transaction(async () => {
      await db.exec(`ALTER TABLE findings RENAME TO findings_before_split`);
      await db.exec(SCHEMA_SQL);
      await storeFindingRows(db, `SELECT ${FINDING_COLUMNS.join(', ')} FROM findings_before_split`);
      await db.exec(`DROP TABLE findings_before_split`);
    });
    return 'findings moved from one table into finding_values, finding_cells and finding_fields (same ids, values and review marks), read through the findings view';
  }
  const named = await db.one<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'finding_cells' AND column_name = 'field'`,
  );
  if (!named?.n) return undefined;
  await db.transaction(async () => {
    await db.exec(`DROP VIEW IF EXISTS findings; ALTER TABLE finding_cells RENAME TO finding_cells_named`);
    await db.exec(SCHEMA_SQL);
    await addFindingFields(db, `SELECT source_id, field FROM finding_cells_named`);
    await db.exec(
      `INSERT INTO finding_cells
       SELECT c.finding_id, c.source_id, c.row, f.field_id, c.value_id, c.span_start, c.span_end, c.review
       FROM finding_cells_named c JOIN finding_fields f ON f.source_id = c.source_id AND f.field = c.field ORDER BY c.finding_id`,
    );
    await db.exec(`DROP TABLE finding_cells_named`);
  });
  return 'finding cells name their field by number (finding_fields), same findings, ids and review marks';
}
