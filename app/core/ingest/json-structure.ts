import type { Db } from '../db/open-db.ts';
import { ident } from '../db/sql.ts';
import { stripedRelation } from '../db/stripes.ts';
import { setOwn } from '../own-keys.ts';

/**
 * The merged shape of every JSON value in a column, as json_group_structure would give it: the
 * distinct shapes of single values (json_structure, an ordinary hash aggregate that spills) are
 * merged here. json_group_structure itself allocates in 256 MiB blocks outside the spillable
 * memory, and with the case's memory cap it failed on a 100k-record chat export. A relation of
 * fewer rows than a row group per thread is read in stripes (`key`), so every thread parses.
 */
export async function mergedJsonStructure(db: Db, relation: string, column: string, key: string): Promise<unknown> {
  const { sql } = await stripedRelation(db, relation, key);
  return mergeShapes(db, `SELECT DISTINCT json_structure(${ident(column)})::VARCHAR AS s FROM ${sql}`);
}

/** Merges the shapes a query returns (column `s`, json_structure text, one row per distinct shape). */
export async function mergeShapes(db: Db, sql: string): Promise<unknown> {
  const shapes = await db.all<{ s: string | null }>(sql);
  let merged: unknown = undefined;
  for (const p of shapes) if (p.s) merged = mergeStructures(merged, JSON.parse(p.s) as unknown);
  return merged;
}

const NUMERIC = new Set(['UBIGINT', 'BIGINT', 'DOUBLE', 'HUGEINT', 'UHUGEINT']);

/** Merges two json_group_structure shapes the way DuckDB merges rows: disagreement is `JSON`. */
export function mergeStructures(a: unknown, b: unknown): unknown {
  if (a === undefined || a === 'NULL') return b;
  if (b === undefined || b === 'NULL') return a;
  if (Array.isArray(a) && Array.isArray(b)) return [mergeStructures(a[0], b[0])];
  if (isObject(a) && isObject(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) setOwn(out, k, Object.hasOwn(out, k) ? mergeStructures(out[k], v) : v);
    return out;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return a;
    if (NUMERIC.has(a) && NUMERIC.has(b)) return 'DOUBLE';
    return 'JSON';
  }
  return 'JSON';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
