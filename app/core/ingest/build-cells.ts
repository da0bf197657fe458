import type { Db } from '../db/open-db.ts';
import { ident, listLiteral, literal, sourceTable } from '../db/sql.ts';
import { countWhere, type LoadedField, type LoadLimits } from './load-source.ts';
import { mergeShapes } from './json-structure.ts';

/**
 * Makes one source's text visible in `cells`. Plain text columns are read in place by the view
 * (marked `cells_from = 'column'`); text that holds JSON (chat turns, request bodies) is expanded
 * to its leaves in `json_cells`, so JSON escapes are undone before any rule looks at it and each
 * value names its path (`message.content`, `messages.0.content`). Returns the source's cell count.
 *
 * JSON is expanded from the column's merged structure (json_group_structure) with one
 * vectorised json_extract_string per leaf path: about 10x faster than json_tree over every
 * value. Leaves under a second level of arrays, and columns whose values disagree in shape,
 * fall back to json_tree.
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
    // JSON-looking values within the bracket budget (which also bounds their depth) are expanded;
    // everything else stays text. One parse per value gives both: the shape of a valid value,
    // NULL for an invalid one (json_valid, a cast and json_structure each parsed it once more).
    const withinBudget = `(starts_with(${col}, '{') OR starts_with(${col}, '[')) AND length(${col}) - length(replace(replace(${col}, '{', ''), '[', '')) <= ${limits.maxJsonBrackets}`;
    await db.exec(`DROP TABLE IF EXISTS stage_json_all; CREATE TEMP TABLE stage_json_all AS
      SELECT __row, ${col} AS t, CASE WHEN ${withinBudget} THEN try(json_structure(${col})) END AS s
      FROM ${table} WHERE ${col} IS NOT NULL AND ${col} <> ''`);
    await db.exec(`INSERT INTO json_cells SELECT ${sourceId}, __row, ${literal(f.column)}, t FROM stage_json_all WHERE s IS NULL`);
    const structure = await mergeShapes(db, `SELECT DISTINCT s::VARCHAR AS s FROM stage_json_all WHERE s IS NOT NULL`);
    await db.exec(`DROP TABLE IF EXISTS stage_json_col; CREATE TEMP TABLE stage_json_col AS SELECT __row, t AS j FROM stage_json_all WHERE s IS NOT NULL; DROP TABLE stage_json_all`);
    const plan = structure !== undefined ? planLeaves(structure, limits.maxColumns) : undefined;
    if (!plan) {
      await insertViaJsonTree(db, sourceId, f.column);
    } else {
      await insertPlainLeaves(db, sourceId, f.column, plan.filter((l) => !l.path.includes('*')));
      for (const leaf of plan.filter((l) => l.path.includes('*'))) await insertLeaf(db, sourceId, f.column, leaf);
    }
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

/** A leaf to extract: JSON path segments, where `*` marks one array level. */
interface Leaf {
  path: Array<string | '*'>;
  /** The leaf's type as the structure reports it (VARCHAR, UBIGINT, JSON for mixed, …). */
  type: string;
}

/**
 * Leaf paths of a json_group_structure value with at most one array level each. Returns
 * undefined when the shape is mixed at the root or too wide, which sends the column to
 * json_tree. Deeper arrays and mixed-type subtrees become one leaf holding their JSON text.
 */
export function planLeaves(structure: unknown, max: number): Leaf[] | undefined {
  const out: Leaf[] = [];
  const walk = (node: unknown, path: Array<string | '*'>, arrays: number): boolean => {
    if (out.length > max) return false;
    if (Array.isArray(node)) {
      if (arrays >= 1) {
        out.push({ path, type: 'JSON' });
        return true;
      }
      return walk(node[0], [...path, '*'], arrays + 1);
    }
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node as Record<string, unknown>)) if (!walk(child, [...path, key], arrays)) return false;
      return true;
    }
    if (typeof node === 'string') {
      if (node === 'NULL') return true;
      if (node === 'JSON' && path.length === 0) return false;
      out.push({ path, type: node });
      return true;
    }
    return true;
  };
  if (!walk(structure, [], 0)) return undefined;
  return out.length <= max ? out : undefined;
}

function jsonPath(path: Array<string | '*'>): string {
  let p = '$';
  for (const seg of path) p += seg === '*' ? '[*]' : `."${seg.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  return p;
}

function fieldName(column: string, path: Array<string | '*'>): string {
  return [column, ...path].join('.');
}

/**
 * Leaves outside arrays, one statement per kind of leaf: a single json_extract with a list of
 * paths parses each value once for all of them (one statement per leaf parsed it once per leaf).
 */
async function insertPlainLeaves(db: Db, sourceId: number, column: string, leaves: Leaf[]): Promise<void> {
  const kinds = [
    { leaves: leaves.filter((l) => l.type === 'VARCHAR'), extract: 'json_extract_string', keep: `v IS NOT NULL AND v <> ''` },
    { leaves: leaves.filter((l) => l.type !== 'VARCHAR' && l.type !== 'JSON'), extract: 'json_extract_string', keep: `v IS NOT NULL AND length(v) >= 7` },
    { leaves: leaves.filter((l) => l.type === 'JSON'), extract: 'json_extract', keep: `v IS NOT NULL AND length(v) >= 7` },
  ];
  for (const kind of kinds) {
    if (kind.leaves.length === 0) continue;
    const paths = `[${kind.leaves.map((l) => literal(jsonPath(l.path))).join(', ')}]`;
    const names = `[${kind.leaves.map((l) => literal(fieldName(column, l.path))).join(', ')}]`;
    await db.exec(`INSERT INTO json_cells SELECT ${sourceId}, __row, field, v
      FROM (SELECT __row, unnest(${names}) AS field, unnest(${kind.extract}(j, ${paths}))::VARCHAR AS v FROM stage_json_col)
      WHERE ${kind.keep}`);
  }
}

async function insertLeaf(db: Db, sourceId: number, column: string, leaf: Leaf): Promise<void> {
  const isText = leaf.type === 'VARCHAR';
  const keep = (v: string) => (isText ? `${v} IS NOT NULL AND ${v} <> ''` : `${v} IS NOT NULL AND length(${v}) >= 7`);
  const arrayAt = leaf.path.indexOf('*');
  const extract = leaf.type === 'JSON' ? 'json_extract' : 'json_extract_string';
  if (arrayAt < 0) {
    const v = `${extract}(j, ${literal(jsonPath(leaf.path))})::VARCHAR`;
    await db.exec(`INSERT INTO json_cells SELECT ${sourceId}, __row, ${literal(fieldName(column, leaf.path))}, v FROM (SELECT __row, ${v} AS v FROM stage_json_col) WHERE ${keep('v')}`);
    return;
  }
  // One array level: the wildcard extraction returns a list; its index goes into the field path.
  const before = leaf.path.slice(0, arrayAt);
  const after = leaf.path.slice(arrayAt + 1);
  const prefix = [column, ...before].join('.');
  const suffix = after.length ? '.' + after.join('.') : '';
  const list = `${extract}(j, ${literal(jsonPath(leaf.path))})`;
  await db.exec(`INSERT INTO json_cells
    SELECT ${sourceId}, __row, ${literal(prefix + '.')} || (i - 1)::VARCHAR || ${literal(suffix)}, v
    FROM (SELECT __row, unnest(generate_series(1, len(l))) AS i, unnest(l)::VARCHAR AS v FROM (SELECT __row, ${list} AS l FROM stage_json_col) WHERE l IS NOT NULL)
    WHERE ${keep('v')}`);
}

async function insertViaJsonTree(db: Db, sourceId: number, column: string): Promise<void> {
  await db.exec(`INSERT INTO json_cells
    SELECT ${sourceId}, t.__row, ${literal(column + '.')} || json_field_path(jt.fullkey),
      CASE WHEN jt.type = 'VARCHAR' THEN jt.atom ->> '$' ELSE jt.atom::VARCHAR END
    FROM stage_json_col t, json_tree(t.j) jt
    WHERE (jt.type = 'VARCHAR' AND (jt.atom ->> '$') <> '')
       OR (jt.type IN ('BIGINT', 'UBIGINT') AND length(jt.atom::VARCHAR) >= 7)`);
}
