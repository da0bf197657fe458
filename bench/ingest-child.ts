// Bench child: `breachscope ingest` of the given files into a fresh case (hashing, sniffing,
// flattening, roles and the cells view included).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCase, openCase } from '../app/core/case/case.ts';
import { ingestFiles } from '../app/core/ingest/ingest.ts';
import { measure, reportFromChild } from './lib.ts';

const files = process.argv.slice(2);
const dir = mkdtempSync(path.join(tmpdir(), 'bench-ingest-'));
const started = performance.now();
(await createCase(path.join(dir, 'case'), { name: 'bench', awareAt: '2026-11-24T09:00:00Z' })).close();
const handle = await openCase(path.join(dir, 'case'), { readablePaths: files });
const results = await ingestFiles(handle, files);
const measured = measure(started);
// Counted after the clock stops: reading 16M cells back is not part of an import.
const cells = await handle.db.one<{ n: number }>(`SELECT count(*) AS n FROM cells`);
handle.close();
rmSync(dir, { recursive: true, force: true });
reportFromChild(
  {
    files: results.map((r) => (r.status === 'imported' ? { file: path.basename(r.path), rows: r.rows, rejected: r.rejectedRows, seconds: r.ms / 1000 } : { file: path.basename(r.path), error: r.status })),
    cells: cells?.n ?? 0,
  },
  started,
  measured,
);
