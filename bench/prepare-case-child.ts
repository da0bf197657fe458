// Bench child: ingests a sample folder into a new case at the given path (for the classify
// bench, which then classifies copies of it, each in its own process).
import { createCase, openCase } from '../app/core/case/case.ts';
import { expandInputs, ingestFiles } from '../app/core/ingest/ingest.ts';
import { measure, reportFromChild } from './lib.ts';

const [caseDir, dataDir] = process.argv.slice(2) as [string, string];
const started = performance.now();
(await createCase(caseDir, { name: 'bench', awareAt: '2026-11-24T09:00:00Z' })).close();
const files = expandInputs([dataDir]);
const h = await openCase(caseDir, { readablePaths: files });
const results = await ingestFiles(h, files);
const measured = measure(started);
const cells = await h.db.one<{ n: number; bytes: number }>(`SELECT count(*) AS n, sum(strlen(text)) AS bytes FROM cells`);
h.close();
const failed = results.filter((r) => r.status !== 'imported');
if (failed.length > 0) throw new Error(`ingest failed: ${JSON.stringify(failed)}`);
reportFromChild({ cells: cells?.n ?? 0, cellBytes: cells?.bytes ?? 0 }, started, measured);
