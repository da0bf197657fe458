/**
 * Subjects benchmark: builds a synthetic chat-service log (default 50k persons ≈ 1M rows) in a
 * case database, then times identifier extraction, linking (union-find in JS) and the model,
 * and compares phase-A linking by iterative SQL label propagation on the same edges.
 *
 *   node --import tsx bench/subjects-bench.ts [--persons 50000] [--threads 2] [--no-sql-propagation]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../app/core/db/open-db.ts';
import { computeSubjects, ipCountryTablePaths } from '../app/core/subjects/index.ts';
import { propagateLabelsInSql } from '../app/core/subjects/link.ts';
import { buildSyntheticCase } from '../test/core/subjects/synthetic-case.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const persons = Number(arg('persons', '50000'));
const threads = Number(arg('threads', '2'));
const dir = mkdtempSync(path.join(os.tmpdir(), 'subjects-bench-'));
try {
  const db = await openDb({
    dbPath: path.join(dir, 'case.duckdb'),
    allowedDirectories: [dir],
    allowedPaths: ipCountryTablePaths(),
    tempDirectory: path.join(dir, 'tmp'),
    threads,
  });
  let t = performance.now();
  const truth = await buildSyntheticCase(db, { persons, seed: 11 });
  console.log(`generated ${truth.rows} rows, ${truth.persons} persons in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const phases: Array<[string, number]> = [];
  t = performance.now();
  const cpu0 = process.cpuUsage();
  let last = t;
  const summary = await computeSubjects(db, {
    onProgress: (e) => {
      const now = performance.now();
      if (e.done > 0) phases.push([`${e.done}`, now - last]);
      last = now;
    },
  });
  const total = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(`CPU time (all threads) ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const names = ['identifiers', 'linking', 'persons', 'estimate'];
  console.log(`computeSubjects: ${total.toFixed(2)} s (${phases.map(([i, ms]) => `${names[Number(i) - 1]} ${(ms / 1000).toFixed(2)} s`).join(', ')})`);
  const pct = (a: number) => `${(((a - truth.persons) / truth.persons) * 100).toFixed(1)}%`;
  console.log(`truth ${truth.persons}; estimate ${summary.estimate} (${pct(summary.estimate)}), bounds [${summary.lower}, ${summary.upper}]`);
  console.log(`pure linking ${summary.linked_persons} (${pct(summary.linked_persons)}); distinct user ids ${truth.naive.userIds} (${pct(truth.naive.userIds)}); distinct emails ${truth.naive.emails} (${pct(truth.naive.emails)}); distinct devices ${truth.naive.devices} (${pct(truth.naive.devices)})`);
  for (const [cc, n] of Object.entries(truth.byCountry).sort((a, b) => b[1] - a[1])) {
    const b = summary.by_country[cc];
    console.log(`  ${cc}: truth ${n}, estimate ${b?.estimate ?? 0} (${(((b?.estimate ?? 0) - n) / n * 100).toFixed(1)}%) [${b?.lower}, ${b?.upper}]`);
  }
  console.log(`  unknown: ${summary.by_country['unknown']?.estimate ?? 0}`);

  if (!process.argv.includes('--no-sql-propagation')) {
    t = performance.now();
    const lp = await propagateLabelsInSql(db);
    console.log(`union-find of phase A (read edges, union, write labels): ${(summary.link.phaseAUnionFindMs / 1000).toFixed(2)} s, ${summary.link.edgesA} edges`);
    console.log(`SQL label propagation of phase A: ${((performance.now() - t) / 1000).toFixed(2)} s, ${lp.iterations} iterations, ${lp.components} components`);
  }
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
