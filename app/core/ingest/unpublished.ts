import type { Db } from '../db/open-db.ts';
import { ident, sourceTable } from '../db/sql.ts';

/**
 * An import builds its source (the `src_<id>` table, its rejects, columns and JSON leaves) in
 * autocommit mode and then publishes it with one transaction that adds its `sources` row and
 * rebuilds the `cells` view. Until then nothing reads it: every reader goes through `sources`
 * or the view. A failed or cancelled import discards what it built; one killed half-way leaves
 * rows keyed by an unpublished id, which the next open discards before anything else runs.
 *
 * Why not one transaction around the whole import: DuckDB keeps a transaction's new rows in
 * transaction-local storage, and every later statement of the import that reads them ran at half
 * speed (1M-row TSV: 20 s inside a transaction, 9 s built then published).
 */

/** Tables whose rows an import writes under its source id before publishing. */
const KEYED_TABLES = ['json_cells', 'rejects', 'source_columns'] as const;

/** Scratch table the pair expansion renames into place; persistent because it becomes `src_<id>`. */
export const PAIRS_STAGE = 'stage_pairs';

/** Removes everything an unpublished import of `sourceId` wrote. */
export async function discardSource(db: Db, sourceId: number): Promise<void> {
  await db.transaction(async () => {
    for (const table of KEYED_TABLES) await db.exec(`DELETE FROM ${table} WHERE source_id = ?`, [sourceId]);
    await db.exec(`DROP TABLE IF EXISTS main.${ident(sourceTable(sourceId))}`);
    await db.exec(`DROP TABLE IF EXISTS main.${PAIRS_STAGE}`);
  });
}

const SRC_TABLES = `SELECT CAST(substr(table_name, 5) AS INTEGER) AS id FROM duckdb_tables()
  WHERE schema_name = 'main' AND NOT temporary AND regexp_full_match(table_name, 'src_[0-9]+')`;

/** Ids with rows or a table but no `sources` row: imports that never published. */
export async function unpublishedSources(db: Db): Promise<number[]> {
  const keyed = KEYED_TABLES.map((t) => `SELECT source_id AS id FROM ${t}`).join(' UNION ');
  const rows = await db.all<{ id: number }>(
    `SELECT DISTINCT id FROM (${keyed} UNION ${SRC_TABLES}) WHERE id NOT IN (SELECT source_id FROM sources) ORDER BY id`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * The highest source id in use, published or not, read cheaply for each new import: JSON leaves
 * exist only once their source's table does, so the catalog stands in for `json_cells`.
 */
export async function highestSourceId(db: Db): Promise<number> {
  const row = await db.one<{ n: number | null }>(
    `SELECT max(id) AS n FROM (SELECT source_id AS id FROM sources UNION ALL SELECT max(source_id) FROM source_columns
       UNION ALL SELECT max(source_id) FROM rejects UNION ALL ${SRC_TABLES})`,
  );
  return Number(row?.n ?? 0);
}

/** Discards every unpublished import (run when a case opens for writing); returns their ids. */
export async function discardUnpublished(db: Db): Promise<number[]> {
  const ids = await unpublishedSources(db);
  for (const id of ids) await discardSource(db, id);
  await db.exec(`DROP TABLE IF EXISTS main.${PAIRS_STAGE}`);
  return ids;
}
