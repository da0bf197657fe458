import type { Db } from './open-db.ts';

/** Rows per row group: DuckDB hands a table's scan to its threads one row group at a time. */
export const ROW_GROUP_ROWS = 122_880;

/** Below this many rows a relation is read whole: the work is too small to be worth splitting. */
const MIN_STRIPED_ROWS = 8_192;

/**
 * A relation to read in parallel. DuckDB scans a table one row group per task, so per-row work
 * (JSON parsing) over a table of fewer rows than a row group per thread runs on one thread: the
 * 1M-row bench's chat export (100k records, one row group) parsed its JSON on one of two cores.
 * Such a relation is read as a UNION ALL of stripes (`key` modulo the thread count), whose
 * branches DuckDB runs side by side, each with the work above it; a larger one is left as it is.
 *
 * A statement that writes the rows (CREATE TABLE AS, INSERT) keeps their insertion order, and for
 * that DuckDB runs a UNION ALL's branches one after another, unless a sort comes in between:
 * such a statement ends with `orderBy` (empty when the relation is read whole). The sort also
 * gives the rows back in `key` order (chat export: its fields 0.50 -> 0.27 s, its turns' cells
 * 0.80 -> 0.48 s, the merged JSON structure 1.10 -> 0.62 s).
 */
export async function stripedRelation(db: Db, relation: string, key: string): Promise<{ sql: string; orderBy: string }> {
  const threads = Number((await db.one<{ n: number }>(`SELECT current_setting('threads')::INTEGER AS n`))?.n ?? 1);
  const whole = { sql: relation, orderBy: '' };
  if (threads < 2) return whole;
  // Counted only up to the size that is read whole anyway: a large relation is not scanned for it.
  const enough = threads * ROW_GROUP_ROWS;
  const rows = Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${relation} LIMIT ${enough})`))?.n ?? 0);
  if (rows < MIN_STRIPED_ROWS || rows >= enough) return whole;
  const stripes = Array.from({ length: threads }, (_, i) => `SELECT * FROM ${relation} WHERE ${key} % ${threads} = ${i}`);
  return { sql: `(${stripes.join('\nUNION ALL\n')})`, orderBy: ` ORDER BY ${key}` };
}
