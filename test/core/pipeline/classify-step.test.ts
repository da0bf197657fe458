import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCase, isProseRule } from '../../../app/core/pipeline/classify-step.ts';
import { ingestFiles, expandInputs } from '../../../app/core/ingest/ingest.ts';
import { allRules } from '../../../app/core/classify/rules/index.ts';
import { generateSamples } from '../../../samples/lib/generate-samples.ts';
import { withCase, withTempDir } from '../../helpers/temp-case.ts';
import { listLiteral } from '../../../app/core/db/sql.ts';
import type { CaseHandle } from '../../../app/core/case/case.ts';

async function withSampleCase(fn: (handle: CaseHandle) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const data = path.join(dir, 'data');
    await generateSamples({ rows: 1200, seed: 9, outDir: data, truthPath: path.join(dir, 'truth.json') });
    const files = expandInputs([data]);
    await withCase(dir, files, async (handle) => {
      await ingestFiles(handle, files);
      await fn(handle);
    });
  });
}

const proseIds = new Set(allRules().filter(isProseRule).map((r) => r.id));

interface Counts {
  total: number;
  byRule: Record<string, number>;
}

async function counts(handle: CaseHandle): Promise<Counts> {
  const rows = await handle.db.all<{ rule_id: string; n: number }>('SELECT rule_id, count(*) AS n FROM findings GROUP BY rule_id ORDER BY rule_id');
  return { total: rows.reduce((a, r) => a + r.n, 0), byRule: Object.fromEntries(rows.map((r) => [r.rule_id, r.n])) };
}

describe('classifyCase: the token and the prose passes side by side', () => {
  it('runs every rule that yields to a category in the same pass as rules of that category (overlaps are settled within a pass)', () => {
    const rules = allRules();
    const yielding = rules.filter((r) => r.yieldsTo?.length);
    expect(yielding.length).toBeGreaterThan(0);
    for (const rule of yielding) {
      for (const category of rule.yieldsTo!) {
        const samePass = rules.filter((r) => r.category === category && isProseRule(r) === isProseRule(rule));
        expect(samePass.length, `${rule.id} yields to ${category}`).toBeGreaterThan(0);
      }
    }
  });

  it('numbers the token pass findings before the prose pass findings, as run one after the other', async () => {
    await withSampleCase(async (handle) => {
      const r = await classifyCase(handle);
      expect(r.findings).toBeGreaterThan(1000);
      const ranges = await handle.db.all<{ prose: boolean; lo: number; hi: number; n: number }>(
        `SELECT list_contains(${listLiteral([...proseIds])}, rule_id) AS prose, min(finding_id) AS lo, max(finding_id) AS hi, count(*) AS n
         FROM findings WHERE rule_id NOT LIKE 'column-role.%' GROUP BY 1 ORDER BY 1`,
      );
      expect(ranges.map((x) => x.prose)).toEqual([false, true]);
      const [tokens, prose] = ranges;
      // Each pass's ids are one contiguous block, the prose block right after the token block.
      expect(tokens!.lo).toBe(1);
      expect(tokens!.hi).toBe(tokens!.n);
      expect(prose!.lo).toBe(tokens!.hi + 1);
      expect(prose!.hi - prose!.lo + 1).toBe(prose!.n);
      // A rerun gives the same findings in the same order (under new ids: ids are never reused).
      const listed = () => handle.db.all('SELECT rule_id, source_id, row, field, span_start, fingerprint FROM findings ORDER BY finding_id');
      const before = await listed();
      await classifyCase(handle);
      expect(await listed()).toEqual(before);
    });
  });

  it('stops both passes on cancel, keeps the earlier findings and leaves the case usable', async () => {
    await withSampleCase(async (handle) => {
      await classifyCase(handle);
      const before = await counts(handle);
      for (const cancelAt of ['before', 'validate', 'write']) {
        const controller = new AbortController();
        if (cancelAt === 'before') controller.abort();
        const run = classifyCase(handle, { signal: controller.signal, onProgress: (e) => e.phase === cancelAt && controller.abort() });
        await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
        expect(await counts(handle)).toEqual(before);
      }
      // Nothing is left running or half-built: a full run still works and finds the same.
      await classifyCase(handle);
      expect(await counts(handle)).toEqual(before);
    });
  });
});
