import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCase, isProseRule } from '../../../app/core/pipeline/classify-step.ts';
import { ingestFiles, expandInputs } from '../../../app/core/ingest/ingest.ts';
import { allRules } from '../../../app/core/classify/rules/index.ts';
import { generateSamples } from '../../../samples/lib/generate-samples.ts';
import { withCase, withTempDir, writeInputs } from '../../helpers/temp-case.ts';
import { reviewFindings } from '../../../app/core/pipeline/findings.ts';
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

  it('reports every cell of a name or address column as a finding, one masked value per distinct text, and keeps review marks on a rerun', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, {
        'customers.csv': 'full_name,billing_address,plan\nAnna Kowalska,"ul. Długa 5, Kraków",pro\nJan Nowak,"Rynek 1, Gdańsk",free\nAnna Kowalska,"ul. Długa 5, Kraków",pro\n',
      });
      await withCase(dir, files, async (handle) => {
        await ingestFiles(handle, files);
        await classifyCase(handle);
        const roleRows = () =>
          handle.db.all<{ finding_id: number; rule_id: string; row: number; field: string; preview: string; fingerprint: string; review: string; span_end: number }>(
            `SELECT finding_id, rule_id, row, field, preview, fingerprint, review, span_end FROM findings WHERE rule_id LIKE 'column-role.%' ORDER BY finding_id`,
          );
        const rows = await roleRows();
        expect(rows.map((r) => `${r.rule_id}:${r.row}:${r.field}`)).toEqual([
          'column-role.name:1:full_name', 'column-role.name:2:full_name', 'column-role.name:3:full_name',
          'column-role.address:1:billing_address', 'column-role.address:2:billing_address', 'column-role.address:3:billing_address',
        ]);
        expect(rows.some((r) => r.preview.includes('Kowalska') || r.preview.includes('Długa'))).toBe(false);
        expect(rows[0]!.fingerprint).toBe(rows[2]!.fingerprint);
        expect(rows[0]!.span_end).toBe('Anna Kowalska'.length);
        const values = await handle.db.one<{ n: number }>(`SELECT count(*) AS n FROM finding_values WHERE rule_id LIKE 'column-role.%'`);
        expect(values?.n).toBe(4);
        // Every finding id is unique across the passes and the role findings.
        const ids = await handle.db.one<{ n: number; d: number }>(`SELECT count(*) AS n, count(DISTINCT finding_id) AS d FROM findings`);
        expect(ids?.d).toBe(ids?.n);

        await reviewFindings(handle, [rows[1]!.finding_id], 'false_positive');
        await classifyCase(handle);
        const again = await roleRows();
        expect(again.map((r) => `${r.row}:${r.field}:${r.review}`)).toEqual([
          '1:full_name:unreviewed', '2:full_name:false_positive', '3:full_name:unreviewed',
          '1:billing_address:unreviewed', '2:billing_address:unreviewed', '3:billing_address:unreviewed',
        ]);
      });
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
      // Nothing is left running or half-built: a full run still works and finds the same, and
      // no scratch database the passes shared stays attached.
      await classifyCase(handle);
      expect(await counts(handle)).toEqual(before);
      expect(await handle.db.all(`SELECT database_name FROM duckdb_databases() WHERE database_name LIKE '__classify%'`)).toEqual([]);
    });
  });
});
