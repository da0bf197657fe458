import type { Db } from '../db/open-db.ts';
import { ident } from '../db/sql.ts';

/**
 * The merged shape of every JSON value in a column, as json_group_structure gives it, computed
 * over slices of rows and merged here: one aggregate over a whole large column can need more
 * than the case's memory cap (it allocates in 256 MiB blocks), a slice never does.
 */
export async function mergedJsonStructure(db: Db, relation: string, column: string, orderColumn = '__row', slice = 5000): Promise<unknown> {
  const parts = await db.all<{ s: string | null }>(
    `SELECT json_group_structure(${ident(column)})::VARCHAR AS s FROM ${relation} GROUP BY ${ident(orderColumn)} // ${slice}`,
  );
  let merged: unknown = undefined;
  for (const p of parts) if (p.s) merged = mergeStructures(merged, JSON.parse(p.s) as unknown);
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
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? mergeStructures(out[k], v) : v;
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
