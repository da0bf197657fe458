import type { Db } from './open-db.ts';
import { ident, literal, sourceTable } from './sql.ts';

/**
 * (Re)creates the `cells` view: the JSON leaves in `json_cells`, plus, for each source, its plain
 * text columns unpivoted straight from `src_<id>` (UNPIVOT drops NULLs; empty strings are dropped
 * here). Timestamp columns are left out: they hold no content worth scanning. Run after every
 * import and role change; cheap, it only rewrites the view's definition.
 */
export async function refreshCellsView(db: Db): Promise<void> {
  const branches = [`SELECT source_id, row, field, text FROM json_cells WHERE ${await jsonLeavesShown(db)}`];
  for (const [sourceId, names] of await cellColumns(db)) {
    const list = names.map(ident).join(', ');
    branches.push(
      `SELECT ${sourceId}::INTEGER AS source_id, row, field, text
       FROM (UNPIVOT (SELECT __row AS row, ${list} FROM ${ident(sourceTable(sourceId))}) ON ${list} INTO NAME field VALUE text)
       WHERE text <> ''`,
    );
  }
  await db.exec(`CREATE OR REPLACE VIEW cells AS ${branches.join('\nUNION ALL\n')}`);
}

/**
 * A condition on `json_cells` that hides the leaves of JSON columns whose role is `timestamp`,
 * as the view hides plain timestamp columns (leaves are named `<column>` or `<column>.<path>`).
 * Such a role on a JSON column is rare, so the condition is usually just TRUE.
 */
async function jsonLeavesShown(db: Db): Promise<string> {
  const hidden = await db.all<{ source_id: number; column_name: string }>(
    `SELECT source_id, column_name FROM source_columns WHERE cells_from = 'table' AND role = 'timestamp' ORDER BY source_id, ordinal`,
  );
  if (hidden.length === 0) return 'TRUE';
  return hidden
    .map((c) => `NOT (source_id = ${Number(c.source_id)} AND (field = ${literal(c.column_name)} OR starts_with(field, ${literal(c.column_name + '.')})))`)
    .join(' AND ');
}

/** The plain text columns the view reads in place, by source; `role` keeps those of one role. */
async function cellColumns(db: Db, role?: string): Promise<Map<number, string[]>> {
  const columns = await db.all<{ source_id: number; column_name: string }>(
    `SELECT c.source_id, c.column_name FROM source_columns c
     WHERE c.cells_from = 'column' AND coalesce(c.role, '') <> 'timestamp'
       AND c.source_id IN (SELECT source_id FROM sources) ${role !== undefined ? 'AND c.role = ?' : ''}
     ORDER BY c.source_id, c.ordinal`,
    role !== undefined ? [role] : [],
  );
  const bySource = new Map<number, string[]>();
  for (const c of columns) bySource.set(c.source_id, [...(bySource.get(c.source_id) ?? []), c.column_name]);
  return bySource;
}

/**
 * The same cells as the view, as one SELECT per column (plus the JSON leaves), for scans that
 * read every cell: a filtered scan of one column is several times cheaper than the same filter
 * through the view's UNPIVOT, which builds a list of every column for every row. `where` is an
 * extra condition on `text`; `role` keeps only the plain columns of that role.
 */
export async function cellParts(db: Db, where = 'TRUE', role?: string): Promise<string[]> {
  // JSON leaves have no role of their own: a role selects plain columns only.
  const parts = role === undefined ? [`SELECT source_id, row, field, text FROM json_cells WHERE ${where} AND ${await jsonLeavesShown(db)}`] : [];
  for (const [sourceId, names] of await cellColumns(db, role)) {
    for (const name of names) {
      parts.push(
        `SELECT ${sourceId}::INTEGER AS source_id, __row AS row, ${literal(name)} AS field, text
         FROM (SELECT __row, ${ident(name)} AS text FROM ${ident(sourceTable(sourceId))}) WHERE text <> '' AND ${where}`,
      );
    }
  }
  return parts;
}

/**
 * A query of every (source_id, field) the parts of `cellParts(db)` may name: the plain columns by
 * name and the JSON leaves' distinct paths (one dictionary-encoded column: ~30 ms at 1M rows,
 * against ~0.6 CPU-s to read every cell for its field).
 */
export async function cellFields(db: Db): Promise<string> {
  const columns = [...(await cellColumns(db))].flatMap(([sourceId, names]) => names.map((name) => `(${sourceId}, ${literal(name)})`));
  const json = `SELECT DISTINCT source_id, field FROM json_cells WHERE ${await jsonLeavesShown(db)}`;
  return columns.length === 0 ? json : `SELECT * FROM (VALUES ${columns.join(', ')}) v(source_id, field) UNION ALL ${json}`;
}

/**
 * Cases made before the view existed kept every cell in a `cells` table: it becomes
 * `json_cells` (its sources' columns have no `cells_from`, so nothing is read twice).
 */
export async function migrateCellsTable(db: Db): Promise<void> {
  const row = await db.one<{ t: string }>(`SELECT table_type AS t FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'cells'`);
  if (row?.t === 'BASE TABLE') await db.exec(`ALTER TABLE cells RENAME TO json_cells`);
}
