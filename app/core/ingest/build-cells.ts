import type { Db } from '../db/open-db.ts';
import { ident, listLiteral, literal, sourceTable } from '../db/sql.ts';
import { countWhere, type LoadedField, type LoadLimits } from './load-source.ts';
import { mergeShapes } from './json-structure.ts';
import { stripedRelation } from '../db/stripes.ts';

/**
 * Makes one source's text visible in `cells`. Plain text columns are read in place by the view
 * (marked `cells_from = 'column'`); text that holds JSON (chat turns, request bodies) is expanded
 * to its leaves in `json_cells`, so JSON escapes are undone before any rule looks at it and each
 * value names its path (`message.content`, `messages.0.content`). Returns the source's cell count.
 *
 * JSON is expanded from the column's merged structure with from_json (one parse per value for
 * the leaves outside arrays, one per array): about 10x faster than json_tree over every value,
 * and 2–3x faster than a json_extract_string per leaf. Columns whose values disagree in shape at
 * the root, or have too many leaves, fall back to json_tree.
 */
export async function buildCells(
  db: Db,
  sourceId: number,
  fields: Array<LoadedField & { role?: string | null }>,
  limits: LoadLimits,
): Promise<number> {
  const table = ident(sourceTable(sourceId));
  const text = fields.filter((f) => f.scanned && f.type === 'VARCHAR');
  // One UPDATE per kind: one per column took 6 s for a 2,000-column file.
  for (const [from, list] of [['column', text.filter((f) => !f.json)], ['table', text.filter((f) => f.json)]] as const) {
    if (list.length === 0) continue;
    await db.exec(`UPDATE source_columns SET cells_from = ? WHERE source_id = ? AND list_contains(${listLiteral(list.map((f) => f.column))}, column_name)`, [from, sourceId]);
  }
  for (const f of text) {
    if (!f.json) continue;
    const col = ident(f.column);
    const nonEmpty = `${col} IS NOT NULL AND ${col} <> ''`;
    // A shape the loader already knows (JSON lines: the records' merged shape holds each array
    // column's) spares a parse of every value; its values are valid JSON within the budget.
    let structure = f.shape;
    let values = `(SELECT __row, ${col} AS j FROM ${table} WHERE ${nonEmpty})`;
    if (structure === undefined) {
      // JSON-looking values within the bracket budget (which also bounds their depth) are
      // expanded; everything else stays text. One parse per value gives both: the shape of a
      // valid value, NULL for an invalid one (json_valid, a cast and json_structure each parsed
      // it once more).
      const withinBudget = `(starts_with(${col}, '{') OR starts_with(${col}, '[')) AND length(${col}) - length(replace(replace(${col}, '{', ''), '[', '')) <= ${limits.maxJsonBrackets}`;
      const rows = await stripedRelation(db, `(SELECT __row, ${col} FROM ${table} WHERE ${nonEmpty})`, '__row');
      await db.exec(`DROP TABLE IF EXISTS stage_json_all; CREATE TEMP TABLE stage_json_all AS
        SELECT __row, ${col} AS t, CASE WHEN ${withinBudget} THEN try(json_structure(${col})) END AS s
        FROM ${rows.sql}${rows.orderBy}`);
      await db.exec(`INSERT INTO json_cells SELECT ${sourceId}, __row, ${literal(f.column)}, t FROM stage_json_all WHERE s IS NULL`);
      structure = await mergeShapes(db, `SELECT DISTINCT s::VARCHAR AS s FROM stage_json_all WHERE s IS NOT NULL`);
      await db.exec(`DROP TABLE IF EXISTS stage_json_col; CREATE TEMP TABLE stage_json_col AS SELECT __row, t AS j FROM stage_json_all WHERE s IS NOT NULL; DROP TABLE stage_json_all`);
      values = 'stage_json_col';
    }
    const plan = structure !== undefined ? planExtraction(structure, limits.maxColumns) : undefined;
    if (!plan) await insertViaJsonTree(db, sourceId, f.column, values);
    else await insertLeaves(db, sourceId, f.column, plan, values);
    await db.exec(`DROP TABLE IF EXISTS stage_json_col`);
  }
  // Counted column by column on the source table: through the view's UNPIVOT it cost 4x more.
  const inView = fields.filter((f) => f.scanned && f.type === 'VARCHAR' && !f.json && f.role !== 'timestamp').map((f) => ident(f.column));
  let n = Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM json_cells WHERE source_id = ?`, [sourceId]))?.n ?? 0);
  for (let i = 0; i < inView.length; i += COUNT_BATCH) {
    const batch = inView.slice(i, i + COUNT_BATCH);
    const row = await db.one<{ n: number }>(`SELECT ${batch.map((c) => countWhere(`${c} <> ''`)).join(' + ')} AS n FROM ${table}`);
    n += Number(row?.n ?? 0);
  }
  return n;
}

// Columns counted per statement (a statement's cost grew faster than its number of aggregates).
const COUNT_BATCH = 16;

/** A leaf to extract: its path below the value (or below an array element) and SQL over the parse. */
interface Leaf {
  path: string[];
  /** VARCHAR text over `p` (the parsed value) or `e` (an array element). */
  expr: string;
  /** A JSON string (kept when non-empty); otherwise a number, boolean or JSON text (kept from 7 characters). */
  text: boolean;
}

/** Leaves under one array level: `list` is the array over `p`, the leaves read its elements `e`. */
interface ArrayLeaves {
  path: string[];
  list: string;
  leaves: Leaf[];
}

export interface Extraction {
  /** from_json's type for the value: every leaf as text (VARCHAR or JSON). */
  type: string;
  plain: Leaf[];
  arrays: ArrayLeaves[];
}

/**
 * How to extract the leaves of a column's merged JSON structure with one from_json parse per
 * value: scalars as their text, each leaf under at most one array level (the element's index goes
 * into the field path); deeper arrays and mixed-type nodes become one leaf holding their JSON
 * text. Returns undefined when the shape is mixed at the root, has more leaves than `max`, or has
 * keys that differ only in case (from_json would match them to one field), which sends the
 * column to json_tree.
 */
export function planExtraction(structure: unknown, max: number): Extraction | undefined {
  const plain: Leaf[] = [];
  const arrays: ArrayLeaves[] = [];
  let count = 0;
  let ok = true;
  const leaf = (sink: Leaf[], path: string[], expr: string, text: boolean): void => {
    count += 1;
    sink.push({ path, expr, text });
  };
  const walk = (node: unknown, path: string[], expr: string, sink: Leaf[], inArray: boolean): unknown => {
    if (count > max) ok = false;
    if (!ok) return 'JSON';
    if (Array.isArray(node)) {
      if (inArray) {
        leaf(sink, path, `${expr}::VARCHAR`, false);
        return 'JSON';
      }
      const group: ArrayLeaves = { path, list: expr, leaves: [] };
      arrays.push(group);
      return [walk(node[0], [], 'e', group.leaves, true)];
    }
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node as Record<string, unknown>);
      // from_json matches keys to fields ignoring case: `Role` would fill `role` too.
      if (new Set(entries.map(([k]) => k.toLowerCase())).size !== entries.length) ok = false;
      if (entries.length === 0) return 'JSON';
      // fromEntries defines keys (a leaked `__proto__` stays a key); fields are read by position.
      return Object.fromEntries(entries.map(([key, child], i) => [key, walk(child, [...path, key], `struct_extract_at(${expr}, ${i + 1})`, sink, inArray)]));
    }
    if (node === 'NULL' || typeof node !== 'string') return 'VARCHAR';
    if (node === 'JSON') {
      if (path.length === 0 && !inArray) ok = false;
      else leaf(sink, path, `${expr}::VARCHAR`, false);
      return 'JSON';
    }
    leaf(sink, path, expr, node === 'VARCHAR');
    return 'VARCHAR';
  };
  const type = walk(structure, [], 'p', plain, false);
  if (!ok || count > max) return undefined;
  return { type: JSON.stringify(type), plain, arrays };
}

/** Keeps text leaves that are not empty, and other leaves (numbers, JSON) long enough to hold an identifier. */
const KEEP = `v IS NOT NULL AND CASE WHEN t THEN v <> '' ELSE length(v) >= 7 END`;

/** Every leaf of a JSON column into `json_cells`: one statement (one parse) for the leaves outside arrays, one per array. */
async function insertLeaves(db: Db, sourceId: number, column: string, plan: Extraction, values: string): Promise<void> {
  const rows = await stripedRelation(db, values, '__row');
  const parsed = `(SELECT __row, from_json(j, ${literal(plan.type)}) AS p FROM ${rows.sql})`;
  const lists = (leaves: Leaf[], name: (l: Leaf) => string) =>
    `unnest(${listLiteral(leaves.map(name))}) AS field, unnest([${leaves.map((l) => l.expr).join(', ')}]) AS v, unnest([${leaves.map((l) => String(l.text)).join(', ')}]) AS t`;
  if (plan.plain.length > 0) {
    await db.exec(`INSERT INTO json_cells SELECT ${sourceId}, __row, field, v
      FROM (SELECT __row, ${lists(plan.plain, (l) => [column, ...l.path].join('.'))} FROM ${parsed}) WHERE ${KEEP}${rows.orderBy}`);
  }
  for (const group of plan.arrays) {
    if (group.leaves.length === 0) continue;
    const prefix = [column, ...group.path].join('.') + '.';
    await db.exec(`INSERT INTO json_cells SELECT ${sourceId}, __row, ${literal(prefix)} || (i - 1)::VARCHAR || field, v
      FROM (SELECT __row, i, ${lists(group.leaves, (l) => (l.path.length ? '.' + l.path.join('.') : ''))}
        FROM (SELECT __row, unnest(generate_series(1, len(l))) AS i, unnest(l) AS e FROM (SELECT __row, ${group.list} AS l FROM ${parsed}) WHERE l IS NOT NULL))
      WHERE ${KEEP}${rows.orderBy}`);
  }
}

async function insertViaJsonTree(db: Db, sourceId: number, column: string, values: string): Promise<void> {
  const rows = await stripedRelation(db, values, '__row');
  await db.exec(`INSERT INTO json_cells
    SELECT ${sourceId}, t.__row, ${literal(column + '.')} || json_field_path(jt.fullkey),
      CASE WHEN jt.type = 'VARCHAR' THEN jt.atom ->> '$' ELSE jt.atom::VARCHAR END
    FROM ${rows.sql} t, json_tree(t.j) jt
    WHERE (jt.type = 'VARCHAR' AND (jt.atom ->> '$') <> '')
       OR (jt.type IN ('BIGINT', 'UBIGINT') AND length(jt.atom::VARCHAR) >= 7)${rows.orderBy}`);
}
