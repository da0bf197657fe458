/**
 * Small hand-written cases: rows of one source with the usual identifier columns, plus
 * findings inside the `message` column.
 */
import type { Db } from '../../../app/core/db/open-db.ts';
import { SCHEMA_SQL } from '../../../app/core/db/schema.ts';
import { storeFindingRows } from '../../../app/core/db/findings-store.ts';

export const CRAFTED_COLUMNS = ['user_id', 'account', 'email', 'phone', 'ip', 'device_id', 'session_id', 'name', 'locale', 'country', 'message'] as const;
export type CraftedRow = Partial<Record<(typeof CRAFTED_COLUMNS)[number], string>>;

export interface CraftedFinding {
  /** 1-based row the finding sits in. */
  row: number;
  kind: string;
  category: string;
  normalized?: string;
  detail?: Record<string, string>;
  review?: 'unreviewed' | 'confirmed' | 'false_positive';
}

export async function craftCase(db: Db, rows: CraftedRow[], findings: CraftedFinding[] = []): Promise<void> {
  await db.exec(SCHEMA_SQL);
  await db.exec(`INSERT INTO sources VALUES (1, '/crafted/log.tsv', 'log.tsv', 'crafted', 0, 'tsv', 'none', NULL, ${rows.length}, 0, now())`);
  await db.exec(`CREATE TABLE src_1 (__row BIGINT, __line BIGINT, ${CRAFTED_COLUMNS.map((c) => `"${c}" VARCHAR`).join(', ')})`);
  for (const [i, c] of CRAFTED_COLUMNS.entries()) {
    await db.exec(`INSERT INTO source_columns (source_id, ordinal, column_name, original, type, role, role_origin, role_reason) VALUES (1, $1, $2, $2, 'VARCHAR', $2, 'auto', 'crafted')`, [i + 1, c]);
  }
  for (const [i, row] of rows.entries()) {
    await db.exec(
      `INSERT INTO src_1 VALUES ($1, $1, ${CRAFTED_COLUMNS.map((_, k) => `$${k + 2}`).join(', ')})`,
      [i + 1, ...CRAFTED_COLUMNS.map((c) => row[c] ?? null)],
    );
  }
  if (findings.length > 0) {
    await db.exec(`CREATE TEMP TABLE crafted_findings AS SELECT * FROM findings LIMIT 0`);
    for (const [i, f] of findings.entries()) {
      await db.exec(
        `INSERT INTO crafted_findings VALUES ($1, 1, $2, 'message', $3, 1, $4, $5, NULL, 'high', 0.9, NULL, NULL, '***', $6, $7, $8, $9)`,
        [i + 1, f.row, `test.${f.kind}`, f.category, f.kind, '0'.repeat(64), f.normalized ?? null, f.detail ? JSON.stringify(f.detail) : null, f.review ?? 'unreviewed'],
      );
    }
    await storeFindingRows(db, 'SELECT * FROM crafted_findings');
    await db.exec('DROP TABLE crafted_findings');
  }
}
