// Cell-level precision of the personal-data, national-id and special-category findings of a
// classified case against the sample generator's ground truth (its `pii` and `special` lists):
// a finding is right when the truth lists a value of its
// class in the same file, row and top-level field (the JSON leaves of a log's message column,
// `message.content`, belong to the truth's `message`). Operational values and IP addresses are
// not in the truth and are not scored.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { literal } from '../../app/core/db/sql.ts';

export interface KindPrecision {
  kind: string;
  findings: number;
  inTruthCell: number;
}

/** Our finding kind for each ground-truth kind or special category. */
const TRUTH_KIND: Record<string, string> = {
  email: 'email',
  phone: 'phone',
  iban: 'iban',
  card_number: 'payment_card',
  address: 'postal_address',
  person_name: 'person_name',
  date_of_birth: 'date_of_birth',
  national_id: 'national_id',
  health: 'health',
  religion: 'religion',
  sexual_orientation: 'sex_life',
  political_opinion: 'political',
  ethnic_origin: 'ethnic_origin',
  trade_union: 'trade_union',
  genetic: 'genetic',
  biometric: 'biometric',
  criminal: 'criminal_offence',
  children: 'child',
};

/** Runs on a closed case's database file, read-only, in a scratch DuckDB. */
export async function truthPrecision(dbFile: string, truthJson: string): Promise<KindPrecision[]> {
  // A large truth keeps its lists in JSON-lines files beside truth.json; a small one inline.
  const truth = JSON.parse(readFileSync(truthJson, 'utf8')) as Record<string, unknown>;
  const scratch = mkdtempSync(path.join(tmpdir(), 'truth-precision-'));
  const listFile = (name: 'pii' | 'special'): string => {
    const v = truth[name];
    if (Array.isArray(v)) {
      const file = path.join(scratch, `${name}.jsonl`);
      writeFileSync(file, v.map((x) => JSON.stringify(x)).join('\n') + '\n');
      return file;
    }
    return path.join(path.dirname(truthJson), (v as { file: string }).file);
  };
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`ATTACH ${literal(dbFile)} AS k (READ_ONLY)`);
    const map = Object.entries(TRUTH_KIND).map(([t, k]) => `(${literal(t)}, ${literal(k)})`).join(', ');
    await c.run(`CREATE TEMP TABLE truth_cells AS
      SELECT DISTINCT t.file, t.row, split_part(t.field, '.', 1) AS top, m.kind
      FROM (SELECT file, row, field, kind FROM read_json(${literal(listFile('pii'))}, columns = {file: 'VARCHAR', row: 'BIGINT', field: 'VARCHAR', kind: 'VARCHAR'})
            UNION ALL
            SELECT file, row, field, category FROM read_json(${literal(listFile('special'))}, columns = {file: 'VARCHAR', row: 'BIGINT', field: 'VARCHAR', category: 'VARCHAR'})) t
      JOIN (VALUES ${map}) m(truth, kind) ON m.truth = t.kind`);
    const reader = await c.runAndReadAll(`
      SELECT f.kind AS kind, count(*)::BIGINT AS findings, count(t.kind)::BIGINT AS hits
      FROM (SELECT f.kind AS kind, CASE WHEN f.category = 'national_id' THEN 'national_id' ELSE f.kind END AS class, s.name AS file, f.row, split_part(f.field, '.', 1) AS top
            FROM k.findings f JOIN k.sources s USING (source_id)) f
      LEFT JOIN truth_cells t ON t.file = f.file AND t.row = f.row AND t.top = f.top AND t.kind = f.class
      WHERE f.class IN (SELECT kind FROM truth_cells)
      GROUP BY f.kind ORDER BY findings DESC, kind`);
    return reader.getRowObjects().map((r) => ({ kind: String(r['kind']), findings: Number(r['findings']), inTruthCell: Number(r['hits']) }));
  } finally {
    c.closeSync();
    instance.closeSync();
    rmSync(scratch, { recursive: true, force: true });
  }
}
