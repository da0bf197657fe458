import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../../app/core/case/case.ts';
import { ingestFiles } from '../../../app/core/ingest/ingest.ts';
import { classifyCase } from '../../../app/core/pipeline/classify-step.ts';
import { reviewFindings } from '../../../app/core/pipeline/findings.ts';
import { FINDING_COLUMNS } from '../../../app/core/db/findings-store.ts';
import { withCase, withTempDir, writeInputs } from '../../helpers/temp-case.ts';

const LOG = [
  'host,client_ip,message',
  'api-3.internal,10.2.3.4,contact me at ana.lopez@example.org please',
  'api-3.internal,10.2.3.4,key sk_live_4eC39HqLyjWDarjtT1zdp7dcXYZ used',
  'api-4.internal,10.2.3.5,contact me at ana.lopez@example.org again',
].join('\n') + '\n';

const ALL = `SELECT ${FINDING_COLUMNS.join(', ')} FROM findings ORDER BY finding_id`;

/**
 * A classified case with its Stripe key marked `review`, whose findings storage is then rebuilt by
 * hand in an earlier format (`rebuild`, SQL); gives the findings as they were read before.
 */
async function caseInEarlierFormat(dir: string, review: string, rebuild: string): Promise<{ files: string[]; caseDir: string; before: unknown[] }> {
  const files = writeInputs(dir, { 'log.csv': LOG });
  let before: unknown[] = [];
  await withCase(dir, files, async (h) => {
    await ingestFiles(h, files);
    await classifyCase(h);
    const stripe = await h.db.one<{ id: number }>(`SELECT finding_id AS id FROM findings WHERE kind = 'stripe_secret_key'`);
    await reviewFindings(h, [stripe!.id], review);
    before = await h.db.all(ALL);
    await h.db.exec(rebuild);
    expect(await h.db.all(ALL)).toEqual(before);
  });
  expect(before.length).toBeGreaterThan(5);
  return { files, caseDir: path.join(dir, 'case'), before };
}

describe('findings storage', () => {
  it('stores a value found in many cells once and reads every finding back through the findings view', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'log.csv': LOG });
      await withCase(dir, files, async (h) => {
        await ingestFiles(h, files);
        await classifyCase(h);
        const byValue = await h.db.all<{ kind: string; cells: number; values: number }>(
          `SELECT v.kind, count(*) AS cells, count(DISTINCT v.value_id) AS values
           FROM finding_cells c JOIN finding_values v USING (value_id) WHERE v.kind IN ('email', 'internal_hostname') GROUP BY v.kind ORDER BY v.kind`,
        );
        expect(byValue).toEqual([
          { kind: 'email', cells: 2, values: 1 },
          { kind: 'internal_hostname', cells: 3, values: 2 },
        ]);
        const findings = await h.db.all<{ finding_id: number; review: string }>(ALL);
        expect(findings.map((f) => f.finding_id)).toEqual(findings.map((_, i) => i + 1));
        expect(new Set(findings.map((f) => f.review))).toEqual(new Set(['unreviewed']));
      });
    });
  });

  it('opens a case whose findings were one table (earlier format) with the same findings and review marks, and reclassifies it', async () => {
    await withTempDir(async (dir) => {
      // One findings table with every column.
      const { files, caseDir, before } = await caseInEarlierFormat(
        dir,
        'confirmed',
        `CREATE TABLE findings_old AS ${ALL};
         DROP VIEW findings; DROP TABLE finding_cells; DROP TABLE finding_values; DROP TABLE finding_fields;
         ALTER TABLE findings_old RENAME TO findings;`,
      );

      const h = await openCase(caseDir, { readablePaths: files });
      try {
        const types = await h.db.all<{ name: string; type: string }>(
          `SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_name LIKE 'finding%' ORDER BY 1`,
        );
        expect(types).toEqual([
          { name: 'finding_cells', type: 'BASE TABLE' },
          { name: 'finding_fields', type: 'BASE TABLE' },
          { name: 'finding_values', type: 'BASE TABLE' },
          { name: 'findings', type: 'VIEW' },
        ]);
        expect(await h.db.all(ALL)).toEqual(before);
        // The migration is in the audit log, once.
        const audit = readFileSync(path.join(caseDir, 'audit.jsonl'), 'utf8');
        expect(audit.split('\n').filter((l) => l.includes('"case.migrated"'))).toHaveLength(1);
        await classifyCase(h);
        const after = await h.db.all<{ kind: string; review: string }>(ALL);
        expect(after.map((f) => f.kind)).toEqual((before as Array<{ kind: string }>).map((f) => f.kind));
        expect(after.filter((f) => f.review === 'confirmed').map((f) => f.kind)).toEqual(['stripe_secret_key']);
      } finally {
        h.close();
      }
    });
  });

  it('opens a case whose finding cells named their field (schema 3) with the same findings, ids and review marks, and reclassifies it', async () => {
    await withTempDir(async (dir) => {
      // Each finding cell holds its field's name.
      const { files, caseDir, before } = await caseInEarlierFormat(
        dir,
        'false_positive',
        `CREATE TABLE cells_named AS
           SELECT c.finding_id, c.source_id, c.row, f.field, c.value_id, c.span_start, c.span_end, c.review
           FROM finding_cells c JOIN finding_fields f USING (field_id);
         DROP VIEW findings; DROP TABLE finding_cells; DROP TABLE finding_fields;
         ALTER TABLE cells_named RENAME TO finding_cells;
         CREATE VIEW findings AS
           SELECT c.finding_id, c.source_id, c.row, c.field, v.rule_id, v.rule_version, v.category, v.kind, v.provider, v.severity,
                  v.confidence, c.span_start, c.span_end, v.preview, v.fingerprint, v.normalized, v.detail, coalesce(c.review, 'unreviewed') AS review
           FROM finding_cells c JOIN finding_values v ON v.value_id = c.value_id;`,
      );

      const h = await openCase(caseDir, { readablePaths: files });
      try {
        const columns = await h.db.all<{ name: string; type: string }>(
          `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = 'finding_cells' AND column_name LIKE 'field%'`,
        );
        expect(columns).toEqual([{ name: 'field_id', type: 'INTEGER' }]);
        expect(await h.db.all(ALL)).toEqual(before);
        const audit = readFileSync(path.join(caseDir, 'audit.jsonl'), 'utf8');
        expect(audit.split('\n').filter((l) => l.includes('"case.migrated"') && l.includes('finding_fields'))).toHaveLength(1);
        await classifyCase(h);
        const after = await h.db.all<{ kind: string; field: string; review: string }>(ALL);
        expect(after.map((f) => [f.kind, f.field])).toEqual((before as Array<{ kind: string; field: string }>).map((f) => [f.kind, f.field]));
        expect(after.filter((f) => f.review === 'false_positive').map((f) => f.kind)).toEqual(['stripe_secret_key']);
      } finally {
        h.close();
      }
    });
  });
});
