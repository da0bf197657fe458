import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles, type IngestResult } from '../../../app/core/ingest/ingest.ts';
import type { CaseHandle } from '../../../app/core/case/case.ts';
import { withCase, withTempDir, writeInputs } from '../../helpers/temp-case.ts';

async function importOne(name: string, content: string | Buffer, check: (r: IngestResult & { status: 'imported' }, h: CaseHandle) => Promise<void>) {
  await withTempDir(async (dir) => {
    const files = writeInputs(dir, { [name]: content });
    await withCase(dir, files, async (h) => {
      const [r] = await ingestFiles(h, files);
      if (r?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(r)}`);
      await check(r, h);
    });
  });
}

const cells = (h: CaseHandle, sourceId: number) =>
  h.db.all<{ row: number; field: string; text: string }>(`SELECT row, field, text FROM cells WHERE source_id = ? ORDER BY row, field`, [sourceId]);

describe('ingest formats (sniffed by content, not name)', () => {
  it('reads a ClickHouse TabSeparatedWithNames export and undoes its escapes', async () => {
    const tsv = 'ts\tuser_id\tmessage\n2026-11-20 10:00:00\tu1\tline one\\nline two\\ttab \\\\ back\\\'quote\n2026-11-20 10:00:01\t\\N\tplain\n';
    await importOne('export.txt', tsv, async (r, h) => {
      expect(r).toMatchObject({ format: 'clickhouse-tsv', rows: 2, rejectedRows: 0 });
      const rows = await h.db.all(`SELECT __row, __line, user_id, message FROM src_1 ORDER BY __row`);
      expect(rows).toEqual([
        { __row: 1, __line: 2, user_id: 'u1', message: "line one\nline two\ttab \\ back'quote" },
        { __row: 2, __line: 3, user_id: null, message: 'plain' },
      ]);
    });
  });

  it('turns ClickHouse key/value array pairs into named fields', async () => {
    const tsv = "id\tstring.names\tstring.values\n1\t['model','api_key']\t['gpt-4o','sk-a\\'b']\n2\t['locale']\t['de-DE']\n";
    await importOne('kv.tsv', tsv, async (r, h) => {
      expect(r.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['string.model', 'string.api_key', 'string.locale']));
      const rows = await h.db.all(`SELECT "string.model" AS m, "string.api_key" AS k, "string.locale" AS l FROM src_1 ORDER BY __row`);
      expect(rows).toEqual([{ m: 'gpt-4o', k: "sk-a'b", l: null }, { m: null, k: null, l: 'de-DE' }]);
      const c = await cells(h, 1);
      expect(c.map((x) => x.field)).toContain('string.api_key');
      expect(c.map((x) => x.field)).not.toContain('string.values');
    });
  });

  it('fills key/value fields the same whether a log writes a few key sets or a different one on every row', async () => {
    // Key sets in varying order, a repeated key (the first wins), a key with no value, no names.
    const sets: Array<string[] | null> = [['model', 'locale'], ['locale', 'model', 'route'], ['route', 'route', 'model'], ['model', 'locale', 'gpu', 'extra'], null];
    const rowsOf = (count: number, setOf: (i: number) => string[] | null) =>
      Array.from({ length: count }, (_, i) => {
        const names = setOf(i);
        const values = names === null ? null : names.slice(0, 3).map((k, j) => `${k}-${i}-${j}`);
        return { names, values };
      });
    const literal = (list: string[] | null) => (list === null ? '\\N' : `[${list.map((x) => `'${x}'`).join(',')}]`);
    const expected = (row: { names: string[] | null; values: string[] | null }, key: string) => {
      const at = row.names?.indexOf(key) ?? -1;
      return at < 0 ? null : (row.values?.[at] ?? null);
    };
    const few = rowsOf(40, (i) => sets[i % sets.length]!);
    // 80 distinct lists: each row also names a key of its own, at the end.
    const many = rowsOf(80, (i) => [...(sets[i % 4] ?? []), `own${i}`]);
    for (const [name, rows] of [['few.tsv', few], ['many.tsv', many]] as const) {
      const tsv = 'id\tstring.names\tstring.values\n' + rows.map((r, i) => `${i}\t${literal(r.names)}\t${literal(r.values)}`).join('\n') + '\n';
      await importOne(name, tsv, async (_, h) => {
        const got = await h.db.all<{ m: string | null; l: string | null; r: string | null; g: string | null }>(
          `SELECT "string.model" AS m, "string.locale" AS l, "string.route" AS r, "string.gpu" AS g FROM src_1 ORDER BY __row`,
        );
        expect(got, name).toEqual(rows.map((row) => ({ m: expected(row, 'model'), l: expected(row, 'locale'), r: expected(row, 'route'), g: expected(row, 'gpu') })));
      });
    }
  });

  it('reads CSV with quotes, embedded newlines, a UTF-8 BOM and CRLF line ends', async () => {
    const csv = '\uFEFFemail,name,note\r\na@b.de,"Ann ""A""",x\r\nc@d.fr,"multi\r\nline",y\r\n';
    await importOne('people.dat', csv, async (r, h) => {
      expect(r).toMatchObject({ format: 'csv', rows: 2 });
      const rows = await h.db.all(`SELECT __row, email, name FROM src_1 ORDER BY __row`);
      expect(rows).toEqual([
        { __row: 1, email: 'a@b.de', name: 'Ann "A"' },
        { __row: 2, email: 'c@d.fr', name: 'multi\r\nline' },
      ]);
      expect(r.fields.find((f) => f.field === 'email')?.role).toBe('email');
    });
  });

  it('reads semicolon-separated text', async () => {
    await importOne('x.csv', 'a;b;c\n1;2;3\n4;5;6\n', async (r) => {
      expect(r).toMatchObject({ format: 'csv', rows: 2 });
      expect(r.fields.map((f) => f.field)).toEqual(['a', 'b', 'c']);
    });
  });

  it('decodes UTF-16 with a BOM', async () => {
    const text = 'name,city\nJürgen,Köln\n';
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await importOne('u16.csv', buf, async (r, h) => {
      expect(r.warnings.join()).toMatch(/utf-16le/);
      expect(await h.db.all(`SELECT name, city FROM src_1`)).toEqual([{ name: 'Jürgen', city: 'Köln' }]);
    });
  });

  it('reads JSON lines, flattening nested objects and expanding chat turns into cells', async () => {
    const jsonl = [
      JSON.stringify({ user: { id: 7, email: 'a@b.de' }, messages: [{ role: 'user', content: 'my IBAN is DE89\u00e9' }] }),
      JSON.stringify({ user: { id: 8 } }),
    ].join('\n');
    await importOne('chats.log', jsonl, async (r, h) => {
      expect(r).toMatchObject({ format: 'jsonl', rows: 2 });
      expect(await h.db.all(`SELECT __row, "user.id" AS id, "user.email" AS email FROM src_1 ORDER BY __row`)).toEqual([
        { __row: 1, id: '7', email: 'a@b.de' },
        { __row: 2, id: '8', email: null },
      ]);
      const c = await cells(h, 1);
      expect(c).toContainEqual({ row: 1, field: 'messages.0.content', text: 'my IBAN is DE89é' });
    });
  });

  it('reads gzip-compressed JSON lines', async () => {
    await importOne('a.jsonl.gz', gzipSync('{"a":"x"}\n{"a":"y"}\n'), async (r) => {
      expect(r).toMatchObject({ format: 'jsonl', compression: 'gzip', rows: 2 });
    });
  });

  it('reads a JSON array of objects', async () => {
    await importOne('arr.json', '[{"a":"x","b":{"c":"d"}},{"a":"y"}]', async (r, h) => {
      expect(r).toMatchObject({ format: 'json-array', rows: 2 });
      expect(await h.db.all(`SELECT a, "b.c" AS c FROM src_1 ORDER BY __row`)).toEqual([{ a: 'x', c: 'd' }, { a: 'y', c: null }]);
    });
  });

  it('expands JSON held inside a text column of a TSV (chat turns in log messages)', async () => {
    const tsv = 'user_id\tmessage\nu1\t{"role":"user","content":"call me at +49 151 23456789"}\nu2\tjust text\n';
    await importOne('log.tsv', tsv, async (_r, h) => {
      const c = await cells(h, 1);
      expect(c).toContainEqual({ row: 1, field: 'message.content', text: 'call me at +49 151 23456789' });
      expect(c).toContainEqual({ row: 2, field: 'message', text: 'just text' });
    });
  });

  it('expands chat turns to the same cells whether their shape comes from the records (JSON lines) or from the values (a TSV column)', async () => {
    // An array inside an array stays JSON text, numbers of 7+ digits are kept, short numbers,
    // booleans and empty strings are not.
    const turns = [
      [{ role: 'user', content: 'mail me at a@b.example', n: 1234567, ok: true, tags: [['x', 'y']] }, { role: 'assistant', content: '' }],
      [{ role: 'user', content: 'second', n: 42 }],
    ];
    const jsonl = turns.map((m, i) => JSON.stringify({ id: `c${i}`, m })).join('\n') + '\n';
    const tsv = 'id\tm\n' + turns.map((m, i) => `c${i}\t${JSON.stringify(m)}`).join('\n') + '\n';
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.jsonl': jsonl, 'b.tsv': tsv });
      await withCase(dir, files, async (h) => {
        const results = await ingestFiles(h, files);
        expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
        const expected = [
          { row: 1, field: 'm.0.content', text: 'mail me at a@b.example' },
          { row: 1, field: 'm.0.n', text: '1234567' },
          { row: 1, field: 'm.0.role', text: 'user' },
          { row: 1, field: 'm.0.tags', text: '[["x","y"]]' },
          { row: 1, field: 'm.1.role', text: 'assistant' },
          { row: 2, field: 'm.0.content', text: 'second' },
          { row: 2, field: 'm.0.role', text: 'user' },
        ];
        const turnCells = async (id: number) => (await cells(h, id)).filter((c) => c.field.startsWith('m.'));
        expect(await turnCells(1)).toEqual(expected);
        expect(await turnCells(2)).toEqual(expected);
      });
    });
  });

  it('keeps JSON keys that differ only in case apart, in JSON lines and in a TSV column', async () => {
    const m = [{ Role: 'user', role: 'USER', content: 'first' }, { role: 'assistant', content: 'second' }];
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.jsonl': JSON.stringify({ id: 'c0', m }) + '\n', 'b.tsv': `id\tm\nc0\t${JSON.stringify(m)}\n` });
      await withCase(dir, files, async (h) => {
        await ingestFiles(h, files);
        for (const id of [1, 2]) {
          expect((await cells(h, id)).filter((c) => c.field.startsWith('m.'))).toEqual([
            { row: 1, field: 'm.0.Role', text: 'user' },
            { row: 1, field: 'm.0.content', text: 'first' },
            { row: 1, field: 'm.0.role', text: 'USER' },
            { row: 1, field: 'm.1.content', text: 'second' },
            { row: 1, field: 'm.1.role', text: 'assistant' },
          ]);
        }
      });
    });
  });

  it('keeps a JSON lines record over the bracket budget as text and still expands the others', async () => {
    const deep = { id: 'deep', m: [{ role: 'user', content: 'x', extra: [[[[[[1]]]]]] }] };
    const flat = { id: 'flat', m: [{ role: 'user', content: 'hello there' }] };
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.jsonl': [flat, deep].map((r) => JSON.stringify(r)).join('\n') + '\n' });
      await withCase(dir, files, async (h) => {
        const [r] = await ingestFiles(h, files, { limits: { maxJsonBrackets: 5 } });
        expect(r).toMatchObject({ status: 'imported', rows: 2, rejectedRows: 0 });
        const c = (await cells(h, 1)).filter((x) => x.field.startsWith('m'));
        expect(c).toEqual([
          { row: 1, field: 'm.0.content', text: 'hello there' },
          { row: 1, field: 'm.0.role', text: 'user' },
          { row: 2, field: 'm', text: JSON.stringify(deep.m) },
        ]);
      });
    });
  });

  it('keeps columns and JSON keys a file names __proto__, constructor or toString, in rows and in cells', async () => {
    const csv = '__proto__,constructor,toString\nsecret-a,secret-b,secret-c\n';
    const jsonl = '{"__proto__":"p1","m":[{"__proto__":"inner","content":"hello world"}]}\n';
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.csv': csv, 'b.jsonl': jsonl });
      await withCase(dir, files, async (h) => {
        expect((await ingestFiles(h, files)).map((r) => r.status)).toEqual(['imported', 'imported']);
        const [row] = await h.db.all<Record<string, unknown>>(`SELECT * EXCLUDE (__row, __line) FROM src_1`);
        expect(Object.entries(row!)).toEqual([
          ['__proto__', 'secret-a'],
          ['constructor', 'secret-b'],
          ['toString', 'secret-c'],
        ]);
        expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
        expect((await cells(h, 1)).map((c) => c.field)).toEqual(['__proto__', 'constructor', 'toString']);
        expect(await cells(h, 2)).toEqual([
          { row: 1, field: '__proto__', text: 'p1' },
          { row: 1, field: 'm.0.__proto__', text: 'inner' },
          { row: 1, field: 'm.0.content', text: 'hello world' },
        ]);
      });
    });
  });

  it('reads Parquet written by DuckDB itself, keeping record ordinals', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'seed.csv': 'a,b\nx,1\ny,2\n' });
      await withCase(dir, files, async (h) => {
        const out = path.join(h.dir, 'exports', 'data.parquet');
        await h.db.exec(`COPY (SELECT 'x' AS a, {'k': 'v'} AS s UNION ALL SELECT 'y', {'k': 'w'}) TO '${out}' (FORMAT parquet)`);
        h.close();
        const { openCase } = await import('../../../app/core/case/case.ts');
        const h2 = await openCase(h.dir, { readablePaths: [out] });
        try {
          const [r] = await ingestFiles(h2, [out]);
          expect(r).toMatchObject({ status: 'imported', format: 'parquet', rows: 2 });
          expect(await h2.db.all(`SELECT __row, a FROM src_1 ORDER BY __row`)).toEqual([{ __row: 1, a: 'x' }, { __row: 2, a: 'y' }]);
          const c = await cells(h2, 1);
          expect(c).toContainEqual({ row: 1, field: 's.k', text: 'v' });
        } finally {
          h2.close();
        }
      }).catch((e) => {
        // withCase closes the first handle; closing twice is harmless.
        throw e;
      });
    });
  });

  it('numbers the rows of a file DuckDB reads in parallel in file order (TSV, CSV, line-by-line TSV, JSON lines)', async () => {
    // Small read buffers make DuckDB split a few MB across threads, as it does a large file.
    const n = 60_000;
    const body = (sep: string) => Array.from({ length: n }, (_, i) => `${i + 1}${sep}${'x'.repeat(i % 37)}${sep}u${i % 1000}`).join('\n') + '\n';
    const inputs = {
      'ch.tsv': `seq\tpad\tuser\n${body('\t')}`,
      'plain.csv': `seq,pad,user\n${body(',')}`,
      // A blank line sends the TSV down the line-by-line path.
      'blank.tsv': `seq\tpad\tuser\n${body('\t')}\n1\ty\tz\n`,
      'lines.jsonl': Array.from({ length: n }, (_, i) => JSON.stringify({ seq: String(i + 1), pad: 'x'.repeat(i % 37), user: { id: `u${i % 1000}` }, 'string.names': ['seq_copy'], 'string.values': [String(i + 1)] })).join('\n') + '\n',
    };
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, inputs);
      await withCase(dir, files, async (h) => {
        const results = await ingestFiles(h, files, { limits: { maxLineBytes: 1024, readBufferBytes: 64 * 1024 } });
        expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
        for (const sourceId of [1, 2, 3, 4]) {
          // JSON lines have no header: the line is the row.
          const header = sourceId === 4 ? 0 : 1;
          const bad = await h.db.one<{ n: number; rows: number }>(
            `SELECT count(*) FILTER (WHERE __row::VARCHAR <> seq OR __line <> __row + ${header}${sourceId === 4 ? ` OR "string.seq_copy" <> seq` : ''}) AS n, count(*) AS rows FROM src_${sourceId} WHERE __row <= ${n}`,
          );
          expect(bad).toEqual({ n: 0, rows: n });
        }
      });
    });
  });

  it('keeps 20,000 JSON records parsed in stripes (one per thread) in file order, with every leaf in its cells', async () => {
    // Fewer records than a row group per thread: DuckDB would parse them on one thread, so the
    // loader reads them in stripes; the table must still hold them in record order.
    const n = 20_000;
    const jsonl = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `r${i + 1}`, user: { email: `u${i % 50}@example.org` }, messages: [{ role: 'user', content: `turn ${i + 1}` }, { role: 'assistant', content: `reply ${i + 1}` }] })).join('\n') + '\n';
    const csv = 'id,message\n' + Array.from({ length: n }, (_, i) => `${i + 1},"${JSON.stringify({ role: 'user', content: `note ${i + 1}` }).replaceAll('"', '""')}"`).join('\n') + '\n';
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'chat.jsonl': jsonl, 'notes.csv': csv });
      await withCase(dir, files, async (h) => {
        const results = await ingestFiles(h, files);
        expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
        // Stored in record order: the k-th stored row is record k.
        expect(await h.db.one(`SELECT count(*) AS rows, count(*) FILTER (WHERE __row <> k OR __line <> k OR id <> 'r' || k OR "user.email" <> 'u' || ((k - 1) % 50) || '@example.org') AS bad
          FROM (SELECT *, row_number() OVER (ORDER BY rowid) AS k FROM src_1)`)).toEqual({ rows: n, bad: 0 });
        const leaves = await h.db.all<{ source_id: number; field: string; n: number; bad: number }>(
          `SELECT source_id, field, count(*) AS n,
             count(*) FILTER (WHERE text <> CASE field WHEN 'messages.0.content' THEN 'turn ' || row WHEN 'messages.1.content' THEN 'reply ' || row
               WHEN 'messages.0.role' THEN 'user' WHEN 'messages.1.role' THEN 'assistant' WHEN 'message.content' THEN 'note ' || row WHEN 'message.role' THEN 'user' END) AS bad
           FROM json_cells GROUP BY ALL ORDER BY ALL`,
        );
        expect(leaves).toEqual([
          { source_id: 1, field: 'messages.0.content', n, bad: 0 },
          { source_id: 1, field: 'messages.0.role', n, bad: 0 },
          { source_id: 1, field: 'messages.1.content', n, bad: 0 },
          { source_id: 1, field: 'messages.1.role', n, bad: 0 },
          { source_id: 2, field: 'message.content', n, bad: 0 },
          { source_id: 2, field: 'message.role', n, bad: 0 },
        ]);
      });
    });
  });

  it('decides which columns hold JSON from a fixed spread of rows, so every import of a file gives the same cells', async () => {
    // 3 JSON objects in 20,000 values: a random sample of 2,000 would miss all three 73% of the time.
    const rows = Array.from({ length: 20_000 }, (_, i) => ([0, 5000, 10000].includes(i) ? `${i}\t{"role":"user","content":"turn ${i}"}` : `${i}\tplain note ${i}`));
    const content = 'id\tmessage\n' + rows.join('\n') + '\n';
    const leaves: number[] = [];
    for (let run = 0; run < 2; run += 1) {
      await importOne('notes.tsv', content, async (_r, h) => {
        const n = await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM cells WHERE field = 'message.content'`);
        leaves.push(Number(n?.n));
      });
    }
    expect(leaves).toEqual([3, 3]);
  });

  it('detects a column role from its values even when the first 55,000 records leave it empty', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i},${i >= 55_000 ? `person${i}@example.org` : ''}`);
    await importOne('late.csv', 'id,contact\n' + rows.join('\n') + '\n', async (r) => {
      expect(r.fields.find((f) => f.field === 'contact')).toMatchObject({ role: 'email', roleOrigin: 'auto' });
    });
  });
});
