import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { casePaths } from '../../app/core/case/case.ts';
import { verifyAuditLog } from '../../app/core/case/audit-log.ts';
import { ingestFiles, type IngestResult } from '../../app/core/ingest/ingest.ts';
import { smallHostileSamples } from '../../scripts/make-hostile-samples.ts';
import { withCase, withTempDir } from '../helpers/temp-case.ts';
import { ROOT } from './fixtures/child.ts';

const HOSTILE = path.join(ROOT, 'samples', 'hostile');

interface Expected {
  file: string;
  status: 'imported' | 'failed';
  format: string;
  rows: number | null;
  rejected: number | null;
  code: string;
}

/** The first table of EXPECTED.md: the documented outcome is the one the test checks. */
function readExpected(): Expected[] {
  const text = readFileSync(path.join(HOSTILE, 'EXPECTED.md'), 'utf8');
  const rows = text.split('## Generated at test time')[0]!.split('\n').filter((l) => /^\| [\w.-]+ \| (imported|failed) \|/.test(l));
  return rows.map((line) => {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const num = (s: string) => (s === '' ? null : Number(s));
    return { file: cells[0]!, status: cells[1] as Expected['status'], format: cells[2]!, rows: num(cells[3]!), rejected: num(cells[4]!), code: cells[5]! };
  });
}

describe('hostile files (samples/hostile, outcomes in EXPECTED.md)', () => {
  const expected = readExpected();

  it('documents every committed hostile file, and the committed bytes are the generator’s', () => {
    const onDisk = readdirSync(HOSTILE).filter((n) => n !== 'EXPECTED.md').sort();
    expect(expected.map((e) => e.file).sort()).toEqual(onDisk);
    const generated = smallHostileSamples();
    expect(Object.keys(generated).sort()).toEqual(onDisk);
    for (const name of onDisk) expect(readFileSync(path.join(HOSTILE, name)).equals(generated[name]!), name).toBe(true);
  });

  it('imports every hostile file in one run with the documented outcome; the process stays up and the audit log verifies', async () => {
    await withTempDir(async (dir) => {
      const files = expected.map((e) => path.join(HOSTILE, e.file));
      await withCase(dir, files, async (h) => {
        const results = await ingestFiles(h, files);
        const byName = new Map<string, IngestResult>(results.map((r) => [path.basename(r.path), r]));
        for (const e of expected) {
          const r = byName.get(e.file);
          expect(r, e.file).toBeDefined();
          if (e.status === 'failed') {
            expect(r, e.file).toMatchObject({ status: 'failed', error: { code: e.code } });
            if (r?.status === 'failed') {
              // A clear error names the file and carries no stack trace.
              expect(r.error.message, e.file).toContain(e.file);
              expect(r.error.message, e.file).not.toMatch(/\n\s+at /);
            }
          } else {
            expect(r, e.file).toMatchObject({ status: 'imported', format: e.format, rows: e.rows, rejectedRows: e.rejected });
          }
        }
        // Every rejected line is in the report with a reason, and the rows add up.
        const perSource = await h.db.all<{ name: string; rows: number; rejected_rows: number; listed: number; without_reason: number }>(
          `SELECT s.name, s.rows, s.rejected_rows, count(r.source_id) AS listed, count(r.source_id) FILTER (WHERE r.reason IS NULL OR r.reason = '') AS without_reason
           FROM sources s LEFT JOIN rejects r USING (source_id) GROUP BY ALL ORDER BY s.name`,
        );
        for (const s of perSource) {
          expect(s.listed, s.name).toBe(s.rejected_rows);
          expect(s.without_reason, s.name).toBe(0);
          const n = await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM ${'src_' + (await h.db.one<{ id: number }>(`SELECT source_id AS id FROM sources WHERE name = ?`, [s.name]))!.id}`);
          expect(n!.n, s.name).toBe(s.rows);
        }
        expect(perSource.length).toBe(expected.filter((e) => e.status === 'imported').length);
      });
      expect(verifyAuditLog(casePaths(path.join(dir, 'case')).audit).ok).toBe(true);
    });
  });

  it('keeps SQL-looking, quoted, empty and repeated names as data: every case table survives and the names are stored verbatim', async () => {
    await withTempDir(async (dir) => {
      const files = ['sql-keys.jsonl', 'sql-column-names.csv', 'markup-everywhere.jsonl'].map((n) => path.join(HOSTILE, n));
      await withCase(dir, files, async (h) => {
        const results = await ingestFiles(h, files);
        expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
        const tables = (await h.db.all<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1`)).map((r) => r.t);
        for (const t of ['sources', 'json_cells', 'rejects', 'finding_values', 'finding_cells', 'source_columns', 'meta']) expect(tables).toContain(t);
        const views = (await h.db.all<{ v: string }>(`SELECT view_name AS v FROM duckdb_views() WHERE schema_name = 'main'`)).map((r) => r.v);
        expect(views).toEqual(expect.arrayContaining(['cells', 'findings']));
        const originals = (await h.db.all<{ o: string }>(`SELECT original AS o FROM source_columns WHERE source_id = 1 ORDER BY ordinal`)).map((r) => r.o);
        expect(originals).toEqual(expect.arrayContaining(['a"b', "c'd", '', '; DROP TABLE sources;', 'h/i~j']));
        const names = (await h.db.all<{ c: string }>(`SELECT column_name AS c FROM source_columns WHERE source_id = 1`)).map((r) => r.c);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        // The SQL-looking header line is data in cells, verbatim.
        const texts = (await h.db.all<{ text: string }>(`SELECT text FROM cells WHERE source_id = 2 AND row = 1`)).map((r) => r.text);
        expect(texts).toEqual(expect.arrayContaining(['x"; DROP TABLE sources; --', "Robert'); DROP TABLE cells;--", 'select * from findings']));
        // Markup arrives in cells as the exact text, never interpreted.
        const markup = await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM cells WHERE source_id = 3 AND contains(text, '<script>alert("bs-xss-1")</script>')`);
        expect(markup!.n).toBeGreaterThan(0);
      });
    });
  });
});
