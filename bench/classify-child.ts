// Bench child: classification of an ingested sample case, secrets-only or all categories.
// Ingest runs first and is timed apart; the reported seconds are classification alone.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCase, openCase } from '../app/core/case/case.ts';
import { expandInputs, ingestFiles } from '../app/core/ingest/ingest.ts';
import { classifyRelation } from '../app/core/classify/scan.ts';
import { allRules, validators } from '../app/core/classify/rules/index.ts';
import { fingerprint } from '../app/core/classify/fingerprint.ts';
import { classifyCase } from '../app/core/pipeline/classify-step.ts';
import { at, findingsByLocation, loadList, secretVariants } from './eval-samples.ts';

const [mode, dataDir, truthPath] = process.argv.slice(2) as ['secrets' | 'all', string, string];
const dir = mkdtempSync(path.join(tmpdir(), 'bench-classify-'));
(await createCase(path.join(dir, 'case'), { name: 'bench', awareAt: '2026-11-24T09:00:00Z' })).close();
const files = expandInputs([dataDir]);
const h = await openCase(path.join(dir, 'case'), { readablePaths: files });
const t0 = performance.now();
await ingestFiles(h, files);
const ingestSeconds = (performance.now() - t0) / 1000;
const cells = await h.db.one<{ n: number; bytes: number }>(`SELECT count(*) AS n, sum(strlen(text)) AS bytes FROM cells`);
const rules = allRules().filter((r) => mode === 'all' || r.category === 'secret');
const rssBefore = process.resourceUsage().maxRSS;
const t1 = performance.now();
// Secrets only: the engine on the secret rules. All categories: the product's classify step.
const result = mode === 'all' ? await classifyCase(h) : await classifyRelation(h.db, { relation: 'cells', rules, validators, key: h.fingerprintKey });
const classifySeconds = (performance.now() - t1) / 1000;
// High-water mark right after classification: the recall check below loads findings into JS.
const classifyPeakRssMb = process.resourceUsage().maxRSS / 1024;
const map = await findingsByLocation(h);
const secrets = JSON.parse(readFileSync(truthPath, 'utf8')) as { secrets: Parameters<typeof loadList>[1] };
const planted = loadList(truthPath, secrets.secrets);
let found = 0;
for (const s of planted) {
  const fps = new Set(secretVariants(s.value ?? '').map((v) => fingerprint(h.fingerprintKey, v)));
  if (at(map, s).some((f) => f.category === 'secret' && fps.has(f.fingerprint))) found += 1;
}
h.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    result: { mode, rules: rules.length, findings: result.findings, cells: cells?.n ?? 0, cellBytes: cells?.bytes ?? 0, ingestSeconds, classifySeconds, planted: planted.length, found, rssBeforeClassifyMb: rssBefore / 1024 },
    seconds: classifySeconds,
    peakRssMb: classifyPeakRssMb,
  }) + '\n',
);
