import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../app/core/ingest/ingest.ts';
import { hasClickHouse, startClickHouse, type ClickHouse } from '../../helpers/clickhouse.ts';
import { withCase, withTempDir } from '../../helpers/temp-case.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

// Values chosen to exercise every escape ClickHouse writes: tabs, newlines, backslashes,
// quotes, a literal backslash-n, non-ASCII, and arrays whose elements hold quotes.
const ROWS = [
  { id: 1, user_id: 'u1', message: 'tab\there\nnew line back\\slash quote\'s', names: ['model', 'api_key'], values: ['gpt-4o', "sk-a'b\\c"] },
  { id: 2, user_id: '', message: 'literal \\n not a newline; Ünïcödé ✓', names: ['locale'], values: ['de-DE'] },
  { id: 3, user_id: 'u"3', message: '{"role":"user","content":"JSON in a log \\"quoted\\""}', names: [], values: [] },
];

function chString(s: string): string {
  return `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

describe.skipIf(!hasClickHouse)('exports made by a real ClickHouse server', () => {
  let ch: ClickHouse;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'breachscope-ch-'));
    ch = await startClickHouse(dir);
    await ch.query('DROP TABLE IF EXISTS log_stream');
    await ch.query('CREATE TABLE log_stream (id UInt32, user_id String, message String, `string.names` Array(String), `string.values` Array(String)) ENGINE = Memory');
    const values = ROWS.map((r) => `(${r.id}, ${chString(r.user_id)}, ${chString(r.message)}, [${r.names.map(chString).join(',')}], [${r.values.map(chString).join(',')}])`);
    await ch.query(`INSERT INTO log_stream VALUES ${values.join(', ')}`);
  }, 60_000);
  afterAll(async () => {
    await ch?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ['TabSeparatedWithNames', 'CSVWithNames', 'JSONEachRow']) {
    it(`reads ${format} back to the exact values ClickHouse holds`, async () => {
      const body = await ch.query(`SELECT * FROM log_stream ORDER BY id FORMAT ${format}`);
      await withTempDir(async (tmp) => {
        const file = path.join(tmp, `log_stream.${format}`);
        writeFileSync(file, body);
        await withCase(tmp, [file], async (h) => {
          const [r] = await ingestFiles(h, [file]);
          expect(r).toMatchObject({ status: 'imported', rows: 3, rejectedRows: 0 });
          const rows = await h.db.all<Record<string, string | null>>(`SELECT * FROM src_1 ORDER BY __row`);
          rows.forEach((row, i) => {
            const expected = ROWS[i]!;
            expect(row['message']).toBe(expected.message);
            expect(row['user_id'] ?? '').toBe(expected.user_id);
            expected.names.forEach((name, k) => expect(row[`string.${name}`]).toBe(expected.values[k]));
          });
        });
      });
    });
  }
});
