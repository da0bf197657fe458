// Bench child: the floor — a bare DuckDB read of each file into a table on disk, nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { reportFromChild } from './lib.ts';

const files = process.argv.slice(2);
const dir = mkdtempSync(path.join(tmpdir(), 'bench-floor-'));
const started = performance.now();
const instance = await DuckDBInstance.create(path.join(dir, 'floor.duckdb'));
const c = await instance.connect();
const perFile: Array<{ file: string; rows: number; seconds: number }> = [];
for (const [i, f] of files.entries()) {
  const t0 = performance.now();
  const lit = `'${f.replaceAll("'", "''")}'`;
  const reader = f.endsWith('.tsv')
    ? `read_csv(${lit}, delim='\t', header=true, quote='', escape='', all_varchar=true)`
    : /\.jsonl?(\.gz)?$/.test(f)
      ? `read_json(${lit}, format='newline_delimited')`
      : `read_csv(${lit}, header=true, all_varchar=true)`;
  await c.run(`CREATE TABLE t${i} AS SELECT * FROM ${reader}`);
  const r = await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM t${i}`);
  perFile.push({ file: path.basename(f), rows: Number(r.getRows()[0]![0]), seconds: (performance.now() - t0) / 1000 });
}
c.closeSync();
instance.closeSync();
rmSync(dir, { recursive: true, force: true });
reportFromChild(perFile, started);
