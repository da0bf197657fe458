import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../app/core/pipeline/analyze.ts';
import { verifyAuditLog } from '../../../app/core/case/audit-log.ts';
import { ReportSchema, reportJsonSchema } from '../../../app/core/report/report-schema.ts';
import { generateSamples } from '../../../samples/lib/generate-samples.ts';
import { withTempDir } from '../../helpers/temp-case.ts';

describe('analyze: the whole pipeline in one call', () => {
  it('writes a schema-valid report.json and every applicable draft, all hashed in the manifest and audited', async () => {
    await withTempDir(async (dir) => {
      await generateSamples({ rows: 1500, seed: 5, outDir: path.join(dir, 'data'), truthPath: path.join(dir, 'truth.json') });
      const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as { secrets: Array<{ value: string }> };
      const r = await analyze({
        files: [path.join(dir, 'data')],
        caseDir: path.join(dir, 'case'),
        awareAt: '2026-11-24T09:00:00Z',
        factsFile: path.resolve('samples/facts.json'),
        outDir: path.join(dir, 'out'),
        formats: ['md', 'docx'],
        now: new Date('2026-11-25T09:00:00Z'),
      });
      const report = ReportSchema.parse(JSON.parse(readFileSync(r.reportPath, 'utf8')));
      expect(report.sources).toHaveLength(3);
      for (const s of report.sources) expect(s.sha256).toBe(createHash('sha256').update(readFileSync(s.path)).digest('hex'));
      expect(report.subjects.lower).toBeLessThanOrEqual(report.subjects.estimate);
      expect(report.subjects.estimate).toBeLessThanOrEqual(report.subjects.upper);
      const gdpr = report.assessment.regimes.find((x) => x.id === 'EU-GDPR');
      expect(gdpr).toMatchObject({ applies: true, deadline: expect.objectContaining({ utc: '2026-11-27T09:00:00.000Z' }) });
      expect(report.drafts.length).toBeGreaterThan(4);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'case', 'manifest.json'), 'utf8')) as { exports: Array<{ path: string; sha256: string }> };
      for (const d of report.drafts) {
        expect(existsSync(d.path)).toBe(true);
        expect(manifest.exports.some((e) => e.sha256 === d.sha256)).toBe(true);
      }
      // Every number in the report names a provenance entry with its query.
      expect(report.provenance.map((p) => p.id)).toEqual(expect.arrayContaining(['subjects.estimate', 'findings.secrets', 'report.sources']));
      // No planted secret appears whole in the report or the Markdown drafts.
      const outputs = [readFileSync(r.reportPath, 'utf8'), ...report.drafts.filter((d) => d.format === 'md').map((d) => readFileSync(d.path, 'utf8'))].join('\n');
      for (const s of truth.secrets) expect(outputs.includes(s.value)).toBe(false);
      expect(verifyAuditLog(path.join(dir, 'case', 'audit.jsonl')).ok).toBe(true);
    });
  });

  it('publishes the report schema that the code enforces', () => {
    const published = JSON.parse(readFileSync(path.resolve('docs/schemas/report.schema.json'), 'utf8')) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
  });
});
