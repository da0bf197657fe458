// Bench child: classification of an already ingested case (a copy the parent made), secrets
// only or all categories. Its own process, so its peak RSS is classification's alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openCase } from '../app/core/case/case.ts';
import { cellFields, cellParts } from '../app/core/db/cells-view.ts';
import { classifyRelation } from '../app/core/classify/scan.ts';
import { allRules, validators } from '../app/core/classify/rules/index.ts';
import { fingerprint } from '../app/core/classify/fingerprint.ts';
import { classifyCase } from '../app/core/pipeline/classify-step.ts';
import { at, findingsByLocation, loadList, secretVariants } from './eval-samples.ts';
import { truthPrecision } from '../samples/lib/truth-precision.ts';

const [mode, caseDir, truthPath] = process.argv.slice(2) as ['secrets' | 'all', string, string];
const h = await openCase(caseDir);
const rules = allRules().filter((r) => mode === 'all' || r.category === 'secret');
const rssBefore = process.resourceUsage().maxRSS;
const t1 = performance.now();
// Secrets only: the engine on the secret rules. All categories: the product's classify step.
const result = mode === 'all' ? await classifyCase(h) : await classifyRelation(h.db, { relation: 'cells', parts: await cellParts(h.db), fields: await cellFields(h.db), rules, validators, key: h.fingerprintKey });
const classifySeconds = (performance.now() - t1) / 1000;
// High-water mark right after classification: the recall check below loads findings into JS.
const classifyPeakRssMb = process.resourceUsage().maxRSS / 1024;
// Secret findings only: at 4M rows all findings (10M) do not fit in a JS heap.
const map = await findingsByLocation(h, `f.category = 'secret'`);
const secrets = JSON.parse(readFileSync(truthPath, 'utf8')) as { secrets: Parameters<typeof loadList>[1] };
const planted = loadList(truthPath, secrets.secrets);
let found = 0;
for (const s of planted) {
  const fps = new Set(secretVariants(s.value ?? '').map((v) => fingerprint(h.fingerprintKey, v)));
  if (at(map, s).some((f) => f.category === 'secret' && fps.has(f.fingerprint))) found += 1;
}
h.close();
// Personal data and special categories against the ground truth's cells (all categories only).
const precision = mode === 'all' ? await truthPrecision(path.join(caseDir, 'case.duckdb'), truthPath) : [];
process.stdout.write(
  JSON.stringify({
    result: { mode, rules: rules.length, findings: result.findings, classifySeconds, planted: planted.length, found, rssBeforeClassifyMb: rssBefore / 1024, precision },
    seconds: classifySeconds,
    peakRssMb: classifyPeakRssMb,
  }) + '\n',
);
