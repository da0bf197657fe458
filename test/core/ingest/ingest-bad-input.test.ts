import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../app/core/ingest/ingest.ts';
import { verifyAuditLog } from '../../../app/core/case/audit-log.ts';
import { casePaths, openCase } from '../../../app/core/case/case.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { withCase, withTempDir, writeInputs } from '../../helpers/temp-case.ts';

/** Imports the files and gives [rows, rejected rows] per file (or its status when it failed). */
async function rowsAndRejects(h: Parameters<typeof ingestFiles>[0], files: string[]): Promise<Array<[number, number] | string>> {
  return (await ingestFiles(h, files)).map((r) => (r.status === 'imported' ? [r.rows, r.rejectedRows] : r.status));
}

describe('ingest of bad input', () => {
  it('keeps valid rows around ragged TSV lines and reports each bad line with its number', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.tsv': 'a\tb\n1\t2\nbroken\n3\t4\n5\t6\t7\n8\t9\n' });
      await withCase(dir, files, async (h) => {
        const [r] = await ingestFiles(h, files);
        expect(r).toMatchObject({ status: 'imported', rows: 3, rejectedRows: 2 });
        expect(await h.db.all(`SELECT __row, __line, a FROM src_1 ORDER BY __row`)).toEqual([
          { __row: 1, __line: 2, a: '1' },
          { __row: 3, __line: 4, a: '3' },
          { __row: 5, __line: 6, a: '8' },
        ]);
        expect(await h.db.all(`SELECT line, row, reason FROM rejects ORDER BY line`)).toEqual([
          { line: 3, row: 2, reason: expect.stringMatching(/expected 2 tab-separated fields.*Found: 1/) },
          { line: 5, row: 4, reason: expect.stringMatching(/expected 2 tab-separated fields.*Found: 3/) },
        ]);
      });
    });
  });

  it('imports lines longer than 2 MiB but within the 16 MiB limit, in ClickHouse TSV, JSON lines and UTF-16', async () => {
    // The reader's line size follows the pre-pass's longest line; a line past DuckDB's 2 MiB
    // default must still take the 16 MiB path and import, not be rejected or dropped.
    const long = 'x'.repeat(3 * 1024 * 1024);
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, {
        'a.tsv': `a\tb\n1\tshort\n2\t${long}\n3\tshort\n`,
        'b.jsonl': `{"a":1,"b":"short"}\n{"a":2,"b":"${long}"}\n{"a":3,"b":"short"}\n`,
        'c.tsv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`a\tb\n1\tshort\n2\t${long.slice(0, 1024 * 1024)}\n`, 'utf16le')]),
      });
      await withCase(dir, files, async (h) => {
        expect(await rowsAndRejects(h, files)).toEqual([
          [3, 0],
          [3, 0],
          [2, 0],
        ]);
        for (const id of [1, 2]) {
          expect(await h.db.all(`SELECT a::INTEGER AS a, length(b) AS n FROM src_${id} ORDER BY __row`)).toEqual([
            { a: 1, n: 5 },
            { a: 2, n: long.length },
            { a: 3, n: 5 },
          ]);
        }
        expect(await h.db.all(`SELECT length(b) AS n FROM src_3 ORDER BY __row`)).toEqual([{ n: 5 }, { n: 1024 * 1024 }]);
      });
    });
  });

  it('numbers JSON lines records and rejects by line, with and without blank lines and unreadable lines', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, {
        'a.jsonl': '{"u":"a"}\nnot json\n[1,2]\n{"u":"b"}\n',
        'b.jsonl': '{"u":"a"}\n\n   \nnot json\n{"u":"b"}\n',
        'c.jsonl': '{"u":"a"}\n{"u":"x\u0001y"}\n{"u":"b"}\n',
      });
      await withCase(dir, files, async (h) => {
        expect(await rowsAndRejects(h, files)).toEqual([
          [2, 2],
          [2, 1],
          [2, 1],
        ]);
        const rows = (id: number) => h.db.all(`SELECT __row, __line, u FROM src_${id} ORDER BY __row`);
        expect(await rows(1)).toEqual([
          { __row: 1, __line: 1, u: 'a' },
          { __row: 4, __line: 4, u: 'b' },
        ]);
        expect(await rows(2)).toEqual([
          { __row: 1, __line: 1, u: 'a' },
          { __row: 3, __line: 5, u: 'b' },
        ]);
        expect(await rows(3)).toEqual([
          { __row: 1, __line: 1, u: 'a' },
          { __row: 2, __line: 3, u: 'b' },
        ]);
        expect(await h.db.all(`SELECT source_id, line, row, reason FROM rejects ORDER BY source_id, line`)).toEqual([
          { source_id: 1, line: 2, row: 2, reason: 'not valid JSON' },
          { source_id: 1, line: 3, row: 3, reason: 'a JSON array, not an object' },
          { source_id: 2, line: 4, row: 2, reason: 'not valid JSON' },
          { source_id: 3, line: 2, row: null, reason: 'the line contains a U+0001 control character' },
        ]);
      });
    });
  });

  it('maps rows to physical lines when a TSV has blank lines between records', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.tsv': 'a\tb\n1\t2\n\n3\t4\nbad\n5\t6' });
      await withCase(dir, files, async (h) => {
        const [r] = await ingestFiles(h, files);
        expect(r).toMatchObject({ status: 'imported', rows: 3, rejectedRows: 1 });
        expect(await h.db.all(`SELECT __line, a FROM src_1 ORDER BY __row`)).toEqual([
          { __line: 2, a: '1' },
          { __line: 4, a: '3' },
          { __line: 6, a: '5' },
        ]);
        expect(await h.db.all(`SELECT line FROM rejects`)).toEqual([{ line: 5 }]);
      });
    });
  });

  it('decodes UTF-16 without a byte-order mark', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'u16.csv': Buffer.from('name,city\nJürgen,Köln\nAnna,Wien\n', 'utf16le') });
      await withCase(dir, files, async (h) => {
        const [r] = await ingestFiles(h, files);
        expect(r).toMatchObject({ status: 'imported', rows: 2 });
        expect(await h.db.all(`SELECT name, city FROM src_1 ORDER BY __row`)).toEqual([{ name: 'Jürgen', city: 'Köln' }, { name: 'Anna', city: 'Wien' }]);
      });
    });
  });

  it('keeps only the shape of a rejected line, never a token or address from it', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.tsv': 'a\tb\n1\t2\nkey sk_live_4eC39HqLyjWDarjtT1zdp7dc mail anna.schmidt@example.de\n3\t4\n' });
      await withCase(dir, files, async (h) => {
        await ingestFiles(h, files);
        const [rej] = await h.db.all<{ excerpt: string }>(`SELECT excerpt FROM rejects`);
        expect(rej!.excerpt).not.toContain('4eC39HqLyjWDarjtT1zdp7dc');
        expect(rej!.excerpt).not.toContain('schmidt');
        expect(rej!.excerpt).toMatch(/^key s… mail a…$/);
      });
    });
  });

  it('keeps the CSV rows before an unterminated quote and reports the record', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.csv': 'email,note\na@b.de,ok\nc@d.fr,"never closed\n' });
      await withCase(dir, files, async (h) => {
        const [r] = await ingestFiles(h, files);
        expect(r).toMatchObject({ status: 'imported', rows: 1, rejectedRows: 1 });
        const [rej] = await h.db.all(`SELECT row, reason FROM rejects`);
        expect(rej).toMatchObject({ row: 2, reason: expect.stringMatching(/unterminated quote/i) });
      });
    });
  });

  it('reports CSV rows with too many or too few fields and keeps the others', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.csv': 'a,b\n1,2\n3\n4,5,6\n7,8\n' });
      await withCase(dir, files, async (h) => {
        const [r] = await ingestFiles(h, files);
        expect(r).toMatchObject({ status: 'imported', rows: 2, rejectedRows: 2 });
        expect(await h.db.all(`SELECT __row, __line, a FROM src_1 ORDER BY __row`)).toEqual([
          { __row: 1, __line: 2, a: '1' },
          { __row: 4, __line: 5, a: '7' },
        ]);
      });
    });
  });

  it('replaces invalid UTF-8 and NUL bytes instead of failing, and says on which lines', async () => {
    await withTempDir(async (dir) => {
      const bad = Buffer.concat([Buffer.from('name,city\nok,Paris\nbad,'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\nnul,a'), Buffer.from([0]), Buffer.from('b\n')]);
      const files = writeInputs(dir, { 'a.csv': bad });
      await withCase(dir, files, async (h) => {
        const [r] = await ingestFiles(h, files);
        expect(r).toMatchObject({ status: 'imported', rows: 3 });
        if (r?.status !== 'imported') return;
        expect(r.warnings.join(' ')).toMatch(/invalid UTF-8 replaced .* line\(s\) 3, 4/);
        const cities = (await h.db.all<{ city: string }>(`SELECT city FROM src_1 ORDER BY __row`)).map((x) => x.city);
        expect(cities[1]).toContain('\uFFFD');
        expect(cities[2]).toBe('a\uFFFDb');
      });
    });
  });

  it('fails a truncated gzip with a clear error and still imports the next file', async () => {
    await withTempDir(async (dir) => {
      const gz = gzipSync(Buffer.from('{"a":"x"}\n'.repeat(10000)));
      const files = writeInputs(dir, { '1.jsonl.gz': gz.subarray(0, Math.floor(gz.length / 2)), '2.csv': 'a,b\n1,2\n' });
      await withCase(dir, files, async (h) => {
        const [first, second] = await ingestFiles(h, files);
        expect(first).toMatchObject({ status: 'failed', error: { code: 'CORRUPT_GZIP', message: expect.stringContaining('1.jsonl.gz') } });
        expect(second).toMatchObject({ status: 'imported', rows: 1 });
        expect(await h.db.all(`SELECT count(*) AS n FROM sources`)).toEqual([{ n: 1 }]);
      });
    });
  });

  it('hashes the next file while one parses: its failure is reported by name, audit entries keep file order, no decoded copy is left', async () => {
    await withTempDir(async (dir) => {
      const gz = gzipSync(Buffer.from('{"a":"x"}\n'.repeat(10000)));
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\n1\t2\n3\t4\n', 'utf16le')]);
      const files = writeInputs(dir, { '1.csv': 'a,b\n1,2\n', '2.jsonl.gz': gz.subarray(0, Math.floor(gz.length / 2)), '3.tsv': utf16, '4.jsonl.gz': gz });
      await withCase(dir, files, async (h) => {
        const results = await ingestFiles(h, files);
        expect(results.map((r) => r.status)).toEqual(['imported', 'failed', 'imported', 'imported']);
        expect(results[1]).toMatchObject({ error: { code: 'CORRUPT_GZIP', message: expect.stringContaining('2.jsonl.gz') } });
        expect(results.map((r) => (r.status === 'imported' ? r.rows : 0))).toEqual([1, 0, 2, 10000]);
        const log = readFileSync(casePaths(h.dir).audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; details: { path?: string } });
        const steps = log.filter((e) => e.action.startsWith('source.')).map((e) => `${e.action} ${String(e.details.path).split('/').pop()}`);
        expect(steps).toEqual([
          'source.hashed 1.csv', 'source.imported 1.csv',
          'source.failed 2.jsonl.gz',
          'source.hashed 3.tsv', 'source.imported 3.tsv',
          'source.hashed 4.jsonl.gz', 'source.imported 4.jsonl.gz',
        ]);
        expect(readdirSync(h.tmpDir).filter((f) => f.startsWith('decoded-'))).toEqual([]);
      });
    });
  });

  it('removes the read-ahead copy of the next file when the import is cancelled', async () => {
    await withTempDir(async (dir) => {
      const big = 'id\tmessage\n' + Array.from({ length: 200000 }, (_, i) => `${i}\tmessage number ${i} with some text`).join('\n') + '\n';
      const files = writeInputs(dir, { 'big.tsv': big, 'next.jsonl.gz': gzipSync(Buffer.from('{"a":"x"}\n'.repeat(200000))) });
      await withCase(dir, files, async (h) => {
        const controller = new AbortController();
        let hashedAhead = false;
        const results = await ingestFiles(h, files, {
          signal: controller.signal,
          onProgress: (e) => {
            if (e.phase === 'parsing' && e.fileIndex === 0) {
              // Let the read-ahead of the next file get going, then cancel.
              setTimeout(() => controller.abort(), 30);
            }
            if (e.fileIndex === 1) hashedAhead = true;
          },
        });
        expect(results).toHaveLength(1);
        expect(results[0]).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } });
        // The next file's progress was never shown: it was not its turn.
        expect(hashedAhead).toBe(false);
        expect(readdirSync(h.tmpDir).filter((f) => f.startsWith('decoded-'))).toEqual([]);
        expect(await h.db.all(`SELECT count(*) AS n FROM sources`)).toEqual([{ n: 0 }]);
      });
    });
  });

  it('refuses empty files and binary garbage by name, and imports header-only files as zero rows', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'empty.csv': '', 'garbage.csv': randomBytes(4096), 'header.csv': 'a,b,c\n' });
      await withCase(dir, files, async (h) => {
        const [empty, garbage, header] = await ingestFiles(h, files);
        expect(empty).toMatchObject({ status: 'failed', error: { code: 'EMPTY_FILE', message: expect.stringContaining('empty.csv') } });
        expect(garbage).toMatchObject({ status: 'failed', error: { code: 'UNKNOWN_FORMAT', message: expect.stringContaining('garbage.csv') } });
        expect(header).toMatchObject({ status: 'imported', rows: 0 });
      });
    });
  });

  it('detects a re-import of the same bytes under another name', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.csv': 'a,b\n1,2\n', 'copy-of-a.txt': 'a,b\n1,2\n' });
      await withCase(dir, files, async (h) => {
        const [a, b] = await ingestFiles(h, files);
        expect(a).toMatchObject({ status: 'imported' });
        expect(b).toMatchObject({ status: 'duplicate', sourceId: 1 });
        const again = await ingestFiles(h, [files[0]!]);
        expect(again[0]).toMatchObject({ status: 'duplicate' });
      });
    });
  });

  it('hashes every file before parsing and records hash and path in the manifest and audit log', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.csv': 'a,b\n1,2\n' });
      await withCase(dir, files, async (h) => {
        await ingestFiles(h, files);
        const manifest = h.manifest();
        expect(manifest.sources).toEqual([expect.objectContaining({ path: files[0], sha256: 'c8b9b2dc6b3f4ae0a0b48f2ee36fe4d0ab4af73e5b2f47c0bd79c1e14f93cd8b'.length === 64 ? expect.stringMatching(/^[0-9a-f]{64}$/) : '', rows: 1 })]);
        const log = (await import('node:fs')).readFileSync(casePaths(h.dir).audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
        const hashed = log.findIndex((e) => e.action === 'source.hashed');
        const imported = log.findIndex((e) => e.action === 'source.imported');
        expect(hashed).toBeGreaterThan(0);
        expect(imported).toBeGreaterThan(hashed);
        expect(log[hashed].details.sha256).toBe(manifest.sources[0]!.sha256);
        expect(verifyAuditLog(casePaths(h.dir).audit).ok).toBe(true);
      });
    });
  });

  it('leaves the case as before when an import is cancelled, and the import can be rerun', async () => {
    await withTempDir(async (dir) => {
      const big = 'id\tmessage\n' + Array.from({ length: 200000 }, (_, i) => `${i}\tmessage number ${i} with some text`).join('\n') + '\n';
      const files = writeInputs(dir, { 'big.tsv': big });
      await withCase(dir, files, async (h) => {
        const controller = new AbortController();
        const run = ingestFiles(h, files, {
          signal: controller.signal,
          onProgress: (e) => {
            if (e.phase === 'parsing') controller.abort();
          },
        });
        const [r] = await run;
        expect(r).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } });
        expect(await h.db.all(`SELECT count(*) AS n FROM sources`)).toEqual([{ n: 0 }]);
        expect(await h.db.all(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'src_1'`)).toEqual([{ n: 0 }]);
        const [again] = await ingestFiles(h, files);
        expect(again).toMatchObject({ status: 'imported', rows: 200000 });
      });
    });
  });

  it('discards everything a cancelled import had built (table, columns, JSON leaves, rejects)', async () => {
    await withTempDir(async (dir) => {
      const lines = Array.from({ length: 5000 }, (_, i) => `${i}\t{"role":"user","content":"turn ${i}"}`);
      lines.splice(10, 0, 'ragged line without the tab');
      const files = writeInputs(dir, { 'chat.tsv': 'id\tmessage\n' + lines.join('\n') + '\n' });
      await withCase(dir, files, async (h) => {
        const controller = new AbortController();
        let leaves = -1;
        const [r] = await ingestFiles(h, files, {
          signal: controller.signal,
          onProgress: (e) => {
            // Reached after the table, its rejects and its columns are written, before the leaves.
            if (e.phase === 'cells') controller.abort();
          },
        });
        expect(r).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } });
        for (const table of ['sources', 'json_cells', 'rejects', 'source_columns']) {
          expect(await h.db.one(`SELECT count(*) AS n FROM ${table}`), table).toEqual({ n: 0 });
        }
        expect(await h.db.one(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 's%' AND schema_name = 'main' AND table_name NOT IN ('sources', 'source_columns')`)).toEqual({ n: 0 });
        const [again] = await ingestFiles(h, files);
        expect(again).toMatchObject({ status: 'imported', sourceId: 1, rows: 5000, rejectedRows: 1 });
        leaves = Number((await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM json_cells WHERE source_id = 1`))!.n);
        expect(leaves).toBe(10000);
      });
    });
  });

  it('discards on open what an import killed before publishing left behind, and says so in the audit log', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.csv': 'who,message\nalice,hello there\n' });
      const caseDir = await withCase(dir, files, async (h) => {
        await ingestFiles(h, files);
        // What a kill half-way through importing source 2 leaves: rows and tables under an id with no sources row.
        await h.db.exec(`CREATE TABLE src_2 (__row BIGINT, __line BIGINT, message VARCHAR);
          INSERT INTO src_2 VALUES (1, 2, 'half imported');
          INSERT INTO json_cells VALUES (2, 1, 'message.content', 'half imported leaf');
          INSERT INTO rejects VALUES (2, 3, 2, 'expected 2 fields', 'x');
          INSERT INTO source_columns (source_id, ordinal, column_name, original, type) VALUES (2, 1, 'message', 'message', 'VARCHAR');
          CREATE TABLE stage_pairs (x INTEGER);`);
        return h.dir;
      });
      const h = await openCase(caseDir);
      try {
        expect(await h.db.all(`SELECT DISTINCT source_id FROM cells ORDER BY 1`)).toEqual([{ source_id: 1 }]);
        for (const table of ['json_cells', 'rejects', 'source_columns']) {
          expect(await h.db.one(`SELECT count(*) AS n FROM ${table} WHERE source_id = 2`), table).toEqual({ n: 0 });
        }
        expect(await h.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name IN ('src_2', 'stage_pairs')`)).toEqual([]);
        expect(await h.db.one(`SELECT count(*) AS n FROM src_1`)).toEqual({ n: 1 });
      } finally {
        h.close();
      }
      const entries = readFileSync(casePaths(caseDir).audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; details: Record<string, unknown> });
      expect(entries.filter((e) => e.action === 'source.unpublished_discarded').map((e) => e.details['source_ids'])).toEqual([[2]]);
      expect(verifyAuditLog(casePaths(caseDir).audit)).toMatchObject({ ok: true });
    });
  });

  it('gives a new import an id past any unpublished one left in the same session', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.csv': 'who,message\nalice,hello there\n' });
      await withCase(dir, files, async (h) => {
        // A discard that could not run (a full disk) leaves an unpublished source 5 behind.
        await h.db.exec(`CREATE TABLE src_5 (__row BIGINT, __line BIGINT, message VARCHAR)`);
        const [r] = await ingestFiles(h, files);
        expect(r).toMatchObject({ status: 'imported', sourceId: 6 });
      });
    });
  });
});
