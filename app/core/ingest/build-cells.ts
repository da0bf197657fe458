import type { Db } from '../db/open-db.ts';
import { ident, literal, sourceTable } from '../db/sql.ts';
import type { LoadedField, LoadLimits } from './load-source.ts';

/**
 * Fills `cells` for one source: one row per non-empty text value with its provenance. Text
 * that holds JSON (chat turns, request bodies) is expanded to its leaves, so JSON escapes are
 * undone before any rule looks at it and each value names its path (`message.content`).
 */
export async function buildCells(
  db: Db,
  sourceId: number,
  fields: Array<LoadedField & { role?: string | null }>,
  limits: LoadLimits,
): Promise<number> {
  const table = ident(sourceTable(sourceId));
  for (const f of fields) {
    if (!f.scanned || f.type !== 'VARCHAR' || f.role === 'timestamp') continue;
    const col = ident(f.column);
    if (!f.json) {
      await db.exec(`INSERT INTO cells SELECT ${sourceId}, __row, ${literal(f.column)}, ${col} FROM ${table} WHERE ${col} IS NOT NULL AND ${col} <> ''`);
      continue;
    }
    // JSON-looking values within the bracket budget are expanded; everything else stays text.
    const expandable = `(starts_with(${col}, '{') OR starts_with(${col}, '[')) AND length(${col}) - length(replace(replace(${col}, '{', ''), '[', '')) <= ${limits.maxJsonBrackets} AND json_valid(${col})`;
    await db.exec(`INSERT INTO cells SELECT ${sourceId}, __row, ${literal(f.column)}, ${col} FROM ${table}
      WHERE ${col} IS NOT NULL AND ${col} <> '' AND NOT (${expandable})`);
    await db.exec(`INSERT INTO cells
      SELECT ${sourceId}, t.__row,
        ${literal(f.column + '.')} || json_field_path(jt.fullkey),
        CASE WHEN jt.type = 'VARCHAR' THEN jt.atom ->> '$' ELSE jt.atom::VARCHAR END
      FROM (SELECT __row, ${col}::JSON AS j FROM ${table} WHERE ${col} IS NOT NULL AND ${expandable}) t,
        json_tree(t.j) jt
      WHERE (jt.type = 'VARCHAR' AND (jt.atom ->> '$') <> '')
         OR (jt.type IN ('BIGINT', 'UBIGINT') AND length(jt.atom::VARCHAR) >= 7)`);
  }
  const n = await db.one<{ n: number }>(`SELECT count(*) AS n FROM cells WHERE source_id = ?`, [sourceId]);
  return n?.n ?? 0;
}
