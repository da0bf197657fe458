import type { Db } from '../db/open-db.ts';
import { PAIRS_STAGE } from './unpublished.ts';
import { ident, literal, sourceTable } from '../db/sql.ts';
import type { Dialect, SourceFormat } from './sniff.ts';
import { IngestError } from './errors.ts';
import { mergedJsonStructure } from './json-structure.ts';
import { stripedRelation } from '../db/stripes.ts';

/**
 * Loads one file into `src_<id>` (rows with `__row` and `__line`), records rejected lines in
 * `rejects`, and returns the field list. Runs inside the caller's transaction, so a failure or
 * a kill leaves nothing behind. DuckDB does the parsing; JS only builds the statements.
 */

export interface LoadLimits {
  /** Longest line or record DuckDB will buffer; longer ones are rejected with their line. */
  maxLineBytes: number;
  /** Widest file accepted. */
  maxColumns: number;
  /** Distinct key names taken from ClickHouse `x.names`/`x.values` pairs. */
  maxPairKeys: number;
  /** Lines with more brackets than this are kept as text, not expanded as JSON (deep nesting). */
  maxJsonBrackets: number;
  /**
   * JSON records nested deeper than this are rejected with their line: DuckDB 1.5.6's
   * json_group_structure overflows the native stack at 20,000 levels (10,000 pass), which
   * would kill the process.
   */
  maxJsonDepth: number;
  /**
   * Size of each buffer DuckDB's text reader splits a file into (a thread per buffer); unset,
   * DuckDB's default. For tests that need a file read by several threads: with it set, DuckDB
   * 1.5.6 drops a line longer than `maxLineBytes` without a reject (see lineOptions).
   */
  readBufferBytes?: number;
}

/** DuckDB's own default `max_line_size`. */
const DUCKDB_DEFAULT_MAX_LINE = 2 * 1024 * 1024;

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxLineBytes: 16 * 1024 * 1024,
  maxColumns: 4096,
  maxPairKeys: 256,
  maxJsonBrackets: 2000,
  maxJsonDepth: 1000,
};

export interface LoadInput {
  sourceId: number;
  file: string; // path DuckDB reads (the original or the clean copy)
  displayName: string; // for messages
  format: SourceFormat;
  dialect?: Dialect;
  newlines: number;
  endsWithNewline: boolean;
  /** Longest line of the content in bytes (newline excluded), from the pre-pass; unknown if unset. */
  longestLineBytes?: number;
  limits: LoadLimits;
}

export interface LoadedField {
  column: string; // column name in src_<id>
  original: string; // as the file spells it
  type: string;
  /** Whether its text goes into `cells` (pair-array originals do not: their keys do). */
  scanned: boolean;
  /** JSON-typed text: cells come from its leaves. */
  json: boolean;
  /**
   * The merged shape of the column's JSON values when the loader already knows it (JSON lines:
   * an array field of the records, every record within the bracket budget); build-cells then
   * need not parse each value for it.
   */
  shape?: unknown;
}

export interface LoadResult {
  rows: number;
  rejected: number;
  fields: LoadedField[];
}

const REJ = 'tmp_rejects';
const SCAN = 'tmp_reject_scans';

export async function loadSource(db: Db, input: LoadInput): Promise<LoadResult> {
  switch (input.format) {
    case 'clickhouse-tsv':
      return loadTsv(db, input);
    case 'jsonl':
      return loadLines(db, input, 'jsonl');
    case 'csv':
      return loadCsv(db, input);
    case 'json-array':
      return loadJsonDocument(db, input);
    case 'parquet':
      return loadParquet(db, input);
  }
}

/**
 * Line-size options of DuckDB's text reader. DuckDB 1.5.6 has two traps here:
 * - with `max_line_size` raised above its 2 MiB default (and no `buffer_size`), it reads in
 *   buffers so large that the copy out of the stage is left unwritten until the next checkpoint
 *   (1M-row TSV: +3.7 s, paid by whatever statement comes next);
 * - with `buffer_size` given, a line longer than `max_line_size` is dropped without a reject.
 * So where a record is one line (TSV, line-by-line reads) and the pre-pass saw no line over the
 * default, the default applies; otherwise the limit, without `buffer_size`. Tests that need a
 * small buffer (`readBufferBytes`) get one with the limit.
 */
function lineOptions(input: LoadInput, recordsAreLines: boolean): string {
  const max = input.limits.maxLineBytes;
  const bytes = input.limits.readBufferBytes;
  if (bytes) return `max_line_size=${max}, buffer_size=${Math.max(Math.floor(bytes), max)}`;
  const longest = input.longestLineBytes;
  if (max > DUCKDB_DEFAULT_MAX_LINE && recordsAreLines && longest !== undefined && longest < DUCKDB_DEFAULT_MAX_LINE) {
    return `max_line_size=${DUCKDB_DEFAULT_MAX_LINE}`;
  }
  return `max_line_size=${max}`;
}

/**
 * The 1-based place of each row in a stage table made by one CREATE TABLE AS over a reader: the
 * reader's rows arrive in file order (insertion order is preserved) under consecutive row ids,
 * which start at 0 outside a transaction and at a large offset inside one. A row_number()
 * window over the read instead serialises DuckDB's parallel reader and makes the next
 * statement buffer every row (TSV, 1M rows: 8.7 s instead of 6.0 s for the copy-out).
 */
function stageOrdinal(stage: string): string {
  return `(rowid - (SELECT min(rowid) FROM ${stage}) + 1)`;
}

/**
 * Reads the file as physical lines into `stage_lines`: line numbers are exact and every line is
 * its own record. Returns the SQL for a line's number in `stage_lines` (its place in the read when
 * the reader kept every line: no copy of the text; else a column of a renumbered copy), and
 * whether every line was kept.
 */
async function readLines(db: Db, input: LoadInput): Promise<{ ln: string; complete: boolean }> {
  await db.exec(`DROP TABLE IF EXISTS ${REJ}; DROP TABLE IF EXISTS ${SCAN}; DROP TABLE IF EXISTS stage_raw; DROP TABLE IF EXISTS stage_lines;`);
  // chr(1) as delimiter: a line containing it is rejected (with its number) rather than split.
  await db.exec(`CREATE TEMP TABLE stage_raw AS
    SELECT line
    FROM read_csv(${literal(input.file)}, columns={'line': 'VARCHAR'}, delim=chr(1), quote='', escape='',
      header=false, auto_detect=false, ${lineOptions(input, true)},
      store_rejects=true, rejects_table='${REJ}', rejects_scan='${SCAN}')`);
  const rejected = Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${REJ}`))?.n ?? 0);
  if (rejected === 0) {
    // Every line was read, in file order: a line's number is its place in the stage.
    await db.exec(`ALTER TABLE stage_raw RENAME TO stage_lines`);
    return { ln: stageOrdinal('stage_lines'), complete: true };
  }
  // Physical line of each kept line = k-th line number not taken by a rejected line.
  await db.exec(`CREATE TEMP TABLE stage_lines AS
    WITH rej AS (SELECT DISTINCT line::BIGINT AS ln FROM ${REJ}),
    total AS (SELECT (SELECT count(*) FROM stage_raw) + (SELECT count(*) FROM rej) AS n),
    kept AS (SELECT g.generate_series AS ln, row_number() OVER (ORDER BY g.generate_series) AS k
             FROM total, generate_series(1, total.n) g WHERE g.generate_series NOT IN (SELECT ln FROM rej))
    SELECT kept.ln, s.line FROM (SELECT ${stageOrdinal('stage_raw')} AS k, line FROM stage_raw) s JOIN kept USING (k) ORDER BY kept.ln`);
  // Each stage is dropped as soon as the next holds its rows: temp tables count against the memory cap.
  await db.exec(`DROP TABLE stage_raw`);
  await db.exec(`INSERT INTO rejects SELECT ${input.sourceId}, line, NULL,
      CASE error_type WHEN 'TOO MANY COLUMNS' THEN 'the line contains a U+0001 control character'
                      WHEN 'LINE SIZE OVER MAXIMUM' THEN 'the line is longer than ${input.limits.maxLineBytes} bytes'
                      ELSE error_type || ': ' || error_message END,
      reject_excerpt(csv_line)
    FROM ${REJ}`);
  return { ln: 'ln', complete: false };
}

async function loadLines(db: Db, input: LoadInput, kind: 'tsv' | 'jsonl'): Promise<LoadResult> {
  const lines = await readLines(db, input);
  const table = ident(sourceTable(input.sourceId));
  if (kind === 'tsv') return loadTsvLines(db, input, table, lines.ln);
  return loadJsonLines(db, input, table, lines);
}

/** Physical lines in the decoded file. */
function lineCount(input: LoadInput): number {
  return input.newlines + (input.endsWithNewline ? 0 : 1);
}

/**
 * ClickHouse TSV, fast path: DuckDB's own parallel reader splits the fields (no quoting, so a
 * record is a line and rejected lines carry their physical line number). When the file has no
 * blank lines, valid rows map to lines exactly; otherwise the line-by-line path is used.
 */
async function loadTsv(db: Db, input: LoadInput): Promise<LoadResult> {
  const dialect = input.dialect!;
  const originals = dialect.columns;
  if (originals.length > input.limits.maxColumns) {
    throw new IngestError('TOO_MANY_COLUMNS', `${input.displayName}: ${originals.length} columns exceeds the limit of ${input.limits.maxColumns}.`, { file: input.displayName });
  }
  const names = uniqueFieldNames(originals);
  const n = names.length;
  const headerLines = dialect.header ? 1 : 0;
  const columnsSpec = `{${names.map((_, i) => `'c${i + 1}': 'VARCHAR'`).join(', ')}}`;
  await db.exec(`DROP TABLE IF EXISTS ${REJ}; DROP TABLE IF EXISTS ${SCAN}; DROP TABLE IF EXISTS stage_tsv;`);
  // No row_number() here: a window over the read serialises DuckDB's parallel reader (2.3 s of a
  // 4 s read at 1M rows). Rows are numbered when the stage (in file order) is copied out.
  await db.exec(`CREATE TEMP TABLE stage_tsv AS
    SELECT *
    FROM read_csv(${literal(input.file)}, columns=${columnsSpec}, delim=chr(9), quote='', escape='', header=false, skip=${headerLines},
      auto_detect=false, ${lineOptions(input, true)}, store_rejects=true, rejects_table='${REJ}', rejects_scan='${SCAN}')`);
  const counts = await db.one<{ kept: number; rejected: number }>(`SELECT (SELECT count(*) FROM stage_tsv) AS kept, (SELECT count(DISTINCT line) FROM ${REJ}) AS rejected`);
  const kept = counts?.kept ?? 0;
  const rejected = counts?.rejected ?? 0;
  if (kept + rejected + headerLines !== lineCount(input)) {
    // Blank lines (which the reader skips silently) would shift the mapping: go line by line.
    await db.exec(`DROP TABLE IF EXISTS stage_tsv`);
    const lines = await readLines(db, input);
    return loadTsvLines(db, input, ident(sourceTable(input.sourceId)), lines.ln);
  }
  await db.exec(`INSERT INTO rejects SELECT ${input.sourceId}, line, line - ${headerLines},
      CASE error_type WHEN 'LINE SIZE OVER MAXIMUM' THEN 'the line is longer than ${input.limits.maxLineBytes} bytes'
        ELSE 'expected ${n} tab-separated fields: ' || error_message END,
      reject_excerpt(csv_line)
    FROM (SELECT line::BIGINT AS line, first(error_type) AS error_type, first(error_message) AS error_message, first(csv_line) AS csv_line FROM ${REJ} GROUP BY line)`);
  const arrays = await sampleArrayColumns(db, 'stage_tsv', names.map((_, i) => `c${i + 1}`));
  const escapes = await escapesPresent(db, 'stage_tsv', names.map((_, i) => `c${i + 1}`).filter((c) => !arrays.has(c)));
  const cols = names
    .map((name, i) => {
      const c = `c${i + 1}`;
      const raw = ident(c);
      const value = arrays.has(c) ? raw : unescapeExpr(raw, escapes.get(c));
      return `CASE WHEN ${raw} = '\\N' THEN NULL ELSE ${value} END AS ${ident(name)}`;
    })
    .join(',\n      ');
  const table = ident(sourceTable(input.sourceId));
  const fields: LoadedField[] = names.map((column, i) => ({ column, original: originals[i]!, type: 'VARCHAR', scanned: true, json: false }));
  // Key/value pairs are planned on the raw stage and built in the same statement as the table.
  const rawOf = new Map(names.map((name, i) => [name, ident(`c${i + 1}`)]));
  const pairs = await planPairs(db, input, 'stage_tsv', 'rowid', fields, (f) => rawOf.get(f.column)!);
  const parsed = pairs.parsed.length ? ', ' + pairs.parsed.join(', ') : '';
  const added = pairs.added.length ? ', ' + pairs.added.join(', ') : '';
  // The ordinal is the row's place in the stage (see stageOrdinal).
  const ordinalExpr = stageOrdinal('stage_tsv');
  if (rejected === 0) {
    // Every line was a record: no join, no sort.
    await db.exec(`CREATE TABLE ${table} AS
      SELECT __k AS __row, __k + ${headerLines} AS __line, ${cols}${added}
      FROM (SELECT ${ordinalExpr} AS __k, *${parsed} FROM stage_tsv)`);
  } else {
    const ordinal = `SELECT row_number() OVER (ORDER BY g.generate_series) AS k, g.generate_series AS ord
         FROM generate_series(1, ${kept + rejected}) g
         WHERE g.generate_series NOT IN (SELECT DISTINCT line::BIGINT - ${headerLines} FROM ${REJ})`;
    await db.exec(`CREATE TABLE ${table} AS
      SELECT o.ord AS __row, o.ord + ${headerLines} AS __line, ${cols}${added}
      FROM (SELECT ${ordinalExpr} AS k, *${parsed} FROM stage_tsv) s JOIN (${ordinal}) o USING (k) ORDER BY o.ord`);
  }
  await db.exec(`DROP TABLE IF EXISTS stage_tsv`);
  await markJsonFields(db, table, fields);
  return finish(db, input, table, fields);
}

const CH_ESCAPES: Array<[string, string]> = [
  ['\\t', 'chr(9)'],
  ['\\n', 'chr(10)'],
  ['\\r', 'chr(13)'],
  ['\\0', 'chr(65533)'],
  ["\\''", "''''"],
  ['\\b', 'chr(8)'],
  ['\\f', 'chr(12)'],
  ['\\a', 'chr(7)'],
  ['\\v', 'chr(11)'],
];

/**
 * Which ClickHouse escapes occur in each column: first which columns hold a backslash at all,
 * then, for those only, which escapes (`contains` is a cheap scan; replace is not).
 */
async function escapesPresent(db: Db, relation: string, columns: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (columns.length === 0) return out;
  const any = await db.one<Record<string, boolean | null>>(`SELECT ${columns.map((c, ci) => `bool_or(contains(${ident(c)}, '\\')) AS "${ci}"`).join(', ')} FROM ${relation}`);
  const withBackslash = columns.filter((_, ci) => any?.[String(ci)]);
  if (withBackslash.length === 0) return out;
  const probes = withBackslash.flatMap((c, ci) => [
    `bool_or(contains(${ident(c)}, '\\\\')) AS "${ci}_bs"`,
    ...CH_ESCAPES.map(([esc], ei) => `bool_or(contains(${ident(c)}, '${esc}')) AS "${ci}_${ei}"`),
  ]);
  const row = await db.one<Record<string, boolean | null>>(`SELECT ${probes.join(', ')} FROM ${relation} WHERE ${withBackslash.map((c) => `contains(${ident(c)}, '\\')`).join(' OR ')}`);
  withBackslash.forEach((c, ci) => {
    const present = new Set<string>();
    if (row?.[`${ci}_bs`]) present.add('\\\\');
    CH_ESCAPES.forEach(([esc], ei) => {
      if (row?.[`${ci}_${ei}`]) present.add(esc);
    });
    out.set(c, present);
  });
  return out;
}

/**
 * A replace chain for just the escapes present. An escaped backslash is parked on NUL first
 * (the cleaned input never holds NUL: the pre-pass replaces it), so `\\n` stays a backslash
 * and an `n`.
 */
function unescapeExpr(col: string, present: Set<string> | undefined): string {
  if (!present || present.size === 0) return col;
  let expr = col;
  const parked = present.has('\\\\');
  if (parked) expr = `replace(${expr}, '\\\\', chr(0))`;
  for (const [esc, to] of CH_ESCAPES) if (present.has(esc)) expr = `replace(${expr}, '${esc}', ${to})`;
  if (parked) expr = `replace(${expr}, chr(0), '\\')`;
  return `CASE WHEN contains(${col}, '\\') THEN ${expr} ELSE ${col} END`;
}

/**
 * `count(*) FILTER (WHERE cond)` as a sum: with an aggregate per column, FILTER clauses cost
 * DuckDB about 10x more per aggregate (500 of them: 0.78 s against 0.07 s).
 */
export function countWhere(cond: string): string {
  return `coalesce(sum(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`;
}

/** Columns whose sampled values are all ClickHouse array literals (`['a']`, `[1,2]`, not JSON `[{`). */
async function sampleArrayColumns(db: Db, relation: string, columns: string[]): Promise<Set<string>> {
  const hits = await arrayLiteralColumns(db, columns.map(ident), `(SELECT * FROM ${relation} LIMIT 1000)`);
  return new Set(columns.filter((_, i) => hits.has(i)));
}

/**
 * Indexes of the expressions whose non-empty values over `from` are all array literals. A few
 * columns per statement: 4,000 aggregates in one statement took 90–100 s for a 2-line file.
 */
async function arrayLiteralColumns(db: Db, exprs: string[], from: string): Promise<Set<number>> {
  const out = new Set<number>();
  for (let start = 0; start < exprs.length; start += JSON_PROBE_BATCH) {
    const batch = exprs.slice(start, start + JSON_PROBE_BATCH);
    const probes = batch.map((v, i) => `${countWhere(`${v} <> '\\N' AND ${v} <> ''`)} AS n${i}, ${countWhere(`regexp_matches(${v}, '^\\[(\\]|\\[|''|-?[0-9])') AND ends_with(${v}, ']')`)} AS a${i}`);
    const row = await db.one<Record<string, number | bigint>>(`SELECT ${probes.join(', ')} FROM ${from}`);
    batch.forEach((_, i) => {
      const total = Number(row?.[`n${i}`] ?? 0);
      if (total > 0 && Number(row?.[`a${i}`] ?? 0) === total) out.add(start + i);
    });
  }
  return out;
}

async function loadTsvLines(db: Db, input: LoadInput, table: string, ln: string): Promise<LoadResult> {
  const dialect = input.dialect!;
  const header = dialect.header;
  const originals = dialect.columns;
  if (originals.length > input.limits.maxColumns) {
    throw new IngestError('TOO_MANY_COLUMNS', `${input.displayName}: ${originals.length} columns exceeds the limit of ${input.limits.maxColumns}.`, { file: input.displayName });
  }
  const names = uniqueFieldNames(originals);
  const n = names.length;
  await db.exec(`DROP TABLE IF EXISTS stage_split;
    CREATE TEMP TABLE stage_split AS
    SELECT ln, string_split(line, chr(9)) AS parts,
      row_number() OVER (ORDER BY ln) AS k
    FROM (SELECT ${ln} AS ln, line FROM stage_lines) WHERE line IS NOT NULL AND line <> '' ${header ? 'AND ln > 1' : ''}`);
  await db.exec(`DROP TABLE stage_lines`);
  await db.exec(`INSERT INTO rejects SELECT ${input.sourceId}, ln, k,
      'expected ${n} tab-separated fields, found ' || len(parts), NULL
    FROM stage_split WHERE len(parts) <> ${n}`);
  // ClickHouse writes an Array column's text form as is: its quoting is the only escaping, so
  // array columns are kept raw here and unescaped element by element by kv_array().
  const arrayColumns = await detectArrayColumns(db, n);
  const cols = names
    .map((name, i) =>
      arrayColumns.has(i + 1)
        ? `CASE WHEN parts[${i + 1}] = '\\N' THEN NULL ELSE parts[${i + 1}] END AS ${ident(name)}`
        : `CASE WHEN parts[${i + 1}] = '\\N' THEN NULL ELSE ch_unescape(parts[${i + 1}]) END AS ${ident(name)}`,
    )
    .join(',\n      ');
  await db.exec(`CREATE TABLE ${table} AS
    SELECT k AS __row, ln AS __line,
      ${cols}
    FROM stage_split WHERE len(parts) = ${n} ORDER BY ln`);
  await db.exec(`DROP TABLE stage_split`);
  const fields: LoadedField[] = names.map((column, i) => ({ column, original: originals[i]!, type: 'VARCHAR', scanned: true, json: false }));
  await expandPairArrays(db, input, table, fields);
  await markJsonFields(db, table, fields);
  return finish(db, input, table, fields);
}

/** Columns (1-based) whose sampled values are all ClickHouse array literals (`['a']`, `[1,2]`, not JSON `[{`). */
async function detectArrayColumns(db: Db, n: number): Promise<Set<number>> {
  const exprs = Array.from({ length: n }, (_, i) => `parts[${i + 1}]`);
  const hits = await arrayLiteralColumns(db, exprs, `(SELECT parts FROM stage_split WHERE len(parts) = ${n} LIMIT 1000)`);
  return new Set([...hits].map((i) => i + 1));
}

interface PairPlan {
  /**
   * `kv_array(<values>) AS __kvI` and the names: `kv_array(<names>) AS __knI`, or, when a log
   * writes a few key sets, which set a row has (`CASE <names> WHEN '[…]' THEN 1 … END AS __knI`).
   */
  parsed: string[];
  /** `__kvI[<position of 'key' in the row's names>] AS "prefix.key"` for each key. */
  added: string[];
  /** The helper columns to drop again. */
  hidden: string[];
}

/** ClickHouse `x.names` + `x.values` column pairs among the fields. */
function pairFields(fields: LoadedField[]): Array<{ prefix: string; names: LoadedField; values: LoadedField }> {
  const byName = new Map(fields.map((f) => [f.column, f]));
  const out: Array<{ prefix: string; names: LoadedField; values: LoadedField }> = [];
  for (const f of fields) {
    if (!f.column.endsWith('.names')) continue;
    const prefix = f.column.slice(0, -'.names'.length);
    const values = byName.get(`${prefix}.values`);
    if (values) out.push({ prefix, names: f, values });
  }
  return out;
}

/**
 * ClickHouse `x.names` + `x.values` array pairs become fields `x.<name>`: finds the keys (in
 * first-seen order, at most maxPairKeys per pair) and returns the expressions that build them.
 * `ref` gives the SQL for a field's raw text in `relation`, ordered by `orderColumn`.
 */
async function planPairs(
  db: Db,
  input: LoadInput,
  relation: string,
  orderColumn: string,
  fields: LoadedField[],
  ref: (f: LoadedField) => string,
): Promise<PairPlan> {
  const plan: PairPlan = { parsed: [], added: [], hidden: [] };
  const taken = new Set(fields.map((x) => x.column.toLowerCase()));
  for (const [pair, { prefix, names, values }] of pairFields(fields).entries()) {
    const n = `__kn${pair}`;
    const v = `__kv${pair}`;
    // Name lists repeat (a log writes a few key sets): each distinct list is parsed once.
    const keys = await db.all<{ key: string }>(
      `SELECT key FROM (SELECT o, unnest(kv_array(raw)) AS key FROM (SELECT ${ref(names)} AS raw, min(${orderColumn}) AS o FROM ${relation} GROUP BY raw))
       WHERE key IS NOT NULL AND key <> '' GROUP BY key ORDER BY min(o), key LIMIT ${input.limits.maxPairKeys}`,
    );
    if (keys.length === 0) continue;
    const sets = await keySets(db, relation, ref(names));
    plan.parsed.push(sets ? `${sets.index} AS ${n}` : `kv_array(${ref(names)}) AS ${n}`, `kv_array(${ref(values)}) AS ${v}`);
    plan.hidden.push(n, v);
    for (const { key } of keys) {
      let name = `${prefix}.${sanitizeName(key)}`;
      for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${prefix}.${sanitizeName(key)}_${i}`;
      taken.add(name.toLowerCase());
      // The key is leaked data too, but a label: it names the field, its value is the content.
      const position = sets ? `list_extract(${sets.positions(key)}, ${n})` : `list_position(${n}, ${literal(key)})`;
      plan.added.push(`${v}[${position}] AS ${ident(name)}`);
      fields.push({ column: name, original: `${prefix}[${key}]`, type: 'VARCHAR', scanned: true, json: false });
    }
    names.scanned = false;
    values.scanned = false;
  }
  return plan;
}

/** Distinct name lists per pair up to which each row's list is found by comparison, not parsed. */
const MAX_KEY_SETS = 64;
const MAX_KEY_SET_CHARS = 64 * 1024;

/**
 * When a pair's names column holds a few distinct lists (1M log rows: 8), a row's list is found
 * by comparing its text with those (`index`, 1-based) and each key's position comes from a
 * constant list per key, instead of parsing every row's names and searching them for every key
 * (1M log rows: import 8.6-9.3 s -> 7.9 s). Undefined when the lists are many or long (counted
 * before any is read into JS): each row is parsed then.
 */
async function keySets(db: Db, relation: string, names: string): Promise<{ index: string; positions: (key: string) => string } | undefined> {
  const distinct = `(SELECT DISTINCT ${names} AS raw FROM ${relation} WHERE ${names} IS NOT NULL)`;
  const size = await db.one<{ n: number; chars: number }>(`SELECT count(*) AS n, coalesce(sum(strlen(raw)), 0) AS chars FROM (SELECT raw FROM ${distinct} LIMIT ${MAX_KEY_SETS + 1})`);
  const n = Number(size?.n ?? 0);
  if (n === 0 || n > MAX_KEY_SETS || Number(size?.chars ?? 0) > MAX_KEY_SET_CHARS) return undefined;
  const sets = await db.all<{ raw: string; keys: string | null }>(`SELECT raw, to_json(kv_array(raw))::VARCHAR AS keys FROM ${distinct} ORDER BY raw`);
  const lists = sets.map((r) => (r.keys === null ? [] : (JSON.parse(r.keys) as Array<string | null>)));
  return {
    index: `CASE ${names} ${sets.map((r, i) => `WHEN ${literal(r.raw)} THEN ${i + 1}`).join(' ')} END`,
    positions: (key) => `[${lists.map((l) => (l.includes(key) ? String(l.indexOf(key) + 1) : 'NULL')).join(', ')}]::INTEGER[]`,
  };
}

/** Pair expansion for a table already built: one rebuild, far cheaper than an UPDATE per key. */
async function expandPairArrays(db: Db, input: LoadInput, table: string, fields: LoadedField[]): Promise<void> {
  const plan = await planPairs(db, input, table, '__row', fields, (f) => ident(f.column));
  if (plan.added.length === 0) return;
  // The table is in record order and a copy keeps it (insertion order is preserved): no sort.
  await db.exec(`CREATE TABLE ${PAIRS_STAGE} AS SELECT * EXCLUDE (${plan.hidden.join(', ')}), ${plan.added.join(', ')} FROM (SELECT *, ${plan.parsed.join(', ')} FROM ${table})`);
  await db.exec(`DROP TABLE ${table}`);
  await db.exec(`ALTER TABLE ${PAIRS_STAGE} RENAME TO ${table}`);
}

/** A text field whose values are mostly JSON objects or arrays: its cells come from the leaves. */
async function markJsonFields(db: Db, table: string, fields: LoadedField[]): Promise<void> {
  const candidates = fields.filter((f) => f.scanned && f.type === 'VARCHAR');
  if (candidates.length === 0) return;
  // Batches of columns: one statement over thousands of columns took 29 s for a 2-row file.
  for (let i = 0; i < candidates.length; i += JSON_PROBE_BATCH) {
    const batch = candidates.slice(i, i + JSON_PROBE_BATCH);
    const probes = batch
      .map((f) => `avg(CASE WHEN ${ident(f.column)} IS NULL THEN NULL WHEN (starts_with(${ident(f.column)}, '{') OR starts_with(${ident(f.column)}, '[{')) AND json_valid(${ident(f.column)}) THEN 1 ELSE 0 END) AS ${ident(f.column)}`)
      .join(', ');
    const columns = batch.map((f) => ident(f.column)).join(', ');
    // Every n-th record, about 2,000 spread over the file: the same file always gives the same
    // fields (a random sample could mark a rarely-JSON column differently on each import).
    const row = await db.one<Record<string, number | null>>(
      `SELECT ${probes} FROM (SELECT ${columns} FROM ${table} WHERE (__row - 1) % greatest(1, (SELECT count(*) FROM ${table}) // ${JSON_PROBE_ROWS}) = 0)`,
    );
    for (const f of batch) {
      const share = row?.[f.column];
      if (typeof share === 'number' && share > 0) f.json = true;
    }
  }
}

// Columns probed per statement: a statement's cost grew faster than its number of aggregates
// (2,000-column files took minutes with every column in one statement).
const JSON_PROBE_BATCH = 16;
const JSON_PROBE_ROWS = 2000;

async function loadJsonLines(db: Db, input: LoadInput, table: string, lines: { ln: string; complete: boolean }): Promise<LoadResult> {
  const nonBlank = `line IS NOT NULL AND trim(line) <> ''`;
  // A filter on the first character first: trim() copies the line, so it runs only on lines
  // that start with a space.
  const blankLine = `line IS NULL OR line = '' OR (starts_with(line, ' ') AND trim(line) = '')`;
  const numbered = `(SELECT ${lines.ln} AS ln, line FROM stage_lines)`;
  // A record's ordinal counts the non-blank lines. When the reader kept every line and none is
  // blank, that is the line number itself and the text is copied once, into the objects' stage;
  // the JSON type of each line (NULL when invalid) is taken again for the few rejects (a
  // json_type costs a tenth of a copy of the line). Otherwise one numbered copy is made first.
  const blank = lines.complete ? Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM stage_lines WHERE ${blankLine}`))?.n ?? 0) : 1;
  if (blank !== 0) {
    await db.exec(`DROP TABLE IF EXISTS stage_json;
      CREATE TEMP TABLE stage_json AS
      SELECT ln, line, row_number() OVER (ORDER BY ln) AS k, try(json_type(line)) AS t
      FROM ${numbered} WHERE ${nonBlank}`);
    await db.exec(`DROP TABLE stage_lines`);
  }
  const typed = blank === 0 ? `SELECT ln, line, ln AS k, try(json_type(line)) AS t FROM ${numbered}` : 'SELECT ln, line, k, t FROM stage_json';
  await db.exec(`INSERT INTO rejects SELECT ${input.sourceId}, ln, k,
      CASE WHEN t IS NULL THEN 'not valid JSON' ELSE 'a JSON ' || lower(t) || ', not an object' END,
      reject_excerpt(line)
    FROM (${typed}) WHERE t IS DISTINCT FROM 'OBJECT'`);
  return loadJsonObjects(db, input, table, `SELECT k AS __row, ln AS __line, line AS j FROM (${typed}) WHERE t = 'OBJECT'`);
}

async function loadJsonDocument(db: Db, input: LoadInput): Promise<LoadResult> {
  const table = ident(sourceTable(input.sourceId));
  await db.exec(`DROP TABLE IF EXISTS stage_doc`);
  try {
    await db.exec(`CREATE TEMP TABLE stage_doc AS
      SELECT row_number() OVER () AS k, json AS j
      FROM read_json_objects(${literal(input.file)}, format='auto', maximum_object_size=${input.limits.maxLineBytes})`);
  } catch (error) {
    throw new IngestError('PARSE_FAILED', `${input.displayName}: not valid JSON (${firstLine((error as Error).message)}). Nothing was imported from this file.`, { file: input.displayName });
  }
  // A top-level array of objects gives one record per element; a single object is one record.
  const arrays = await db.one<{ n: number }>(`SELECT count(*) AS n FROM stage_doc WHERE json_type(j) = 'ARRAY'`);
  const source = (arrays?.n ?? 0) > 0
    ? `SELECT row_number() OVER () AS __row, NULL::BIGINT AS __line, e AS j FROM (SELECT unnest(json_extract(j, '$[*]')) AS e FROM stage_doc) WHERE json_type(e) = 'OBJECT'`
    : `SELECT k AS __row, NULL::BIGINT AS __line, j FROM stage_doc WHERE json_type(j) = 'OBJECT'`;
  return loadJsonObjects(db, input, table, source);
}

/** Objects → a wide table with one column per leaf path of the objects' merged structure. */
async function loadJsonObjects(db: Db, input: LoadInput, table: string, objectsSql: string): Promise<LoadResult> {
  await db.exec(`DROP TABLE IF EXISTS stage_obj; CREATE TEMP TABLE stage_obj AS ${objectsSql}`);
  await db.exec(`DROP TABLE IF EXISTS stage_json; DROP TABLE IF EXISTS stage_doc; DROP TABLE IF EXISTS stage_lines`);
  const overBudget = await rejectDeepObjects(db, input);
  const structure = await mergedJsonStructure(db, 'stage_obj', 'j', '__row');
  const paths: string[][] = [];
  if (structure !== undefined) collectLeafPaths(structure, [], paths, input.limits.maxColumns);
  if (paths.length >= input.limits.maxColumns) {
    throw new IngestError('TOO_MANY_COLUMNS', `${input.displayName}: the JSON objects have more than ${input.limits.maxColumns} distinct fields.`, { file: input.displayName });
  }
  const names = uniqueFieldNames(paths.map((p) => p.join('.')));
  if (paths.length === 0) {
    await db.exec(`CREATE TABLE ${table} AS SELECT __row, __line FROM stage_obj ORDER BY __row`);
  } else {
    // One parse per record for all fields: json_extract_string with a list of paths, stored
    // first (an inline list would be re-extracted for every column that indexes it).
    const objects = await stripedRelation(db, 'stage_obj', '__row');
    await db.exec(`DROP TABLE IF EXISTS stage_vals; CREATE TEMP TABLE stage_vals AS
      SELECT __row, __line, json_extract_string(j, [${paths.map((p) => literal(jsonPointer(p))).join(', ')}]) AS v FROM ${objects.sql}${objects.orderBy}`);
    const cols = paths.map((_, i) => `v[${i + 1}] AS ${ident(names[i]!)}`);
    // stage_obj and stage_vals keep the records' order (insertion order is preserved, stripes
    // are sorted back): no sort.
    await db.exec(`CREATE TABLE ${table} AS SELECT __row, __line, ${cols.join(', ')} FROM stage_vals`);
    await db.exec(`DROP TABLE stage_vals`);
  }
  await db.exec(`DROP TABLE IF EXISTS stage_obj`);
  const fields: LoadedField[] = names.map((column, i) => {
    const field: LoadedField = { column, original: paths[i]!.join('.'), type: 'VARCHAR', scanned: true, json: false };
    // An array field's values are the JSON text of valid arrays; their shape is part of the records'.
    const shape = overBudget === 0 ? shapeAt(structure, paths[i]!) : undefined;
    if (Array.isArray(shape)) field.shape = shape;
    return field;
  });
  await expandPairArrays(db, input, table, fields);
  await markJsonFields(db, table, fields);
  return finish(db, input, table, fields);
}

/** The node of a merged structure at a path of object keys. */
function shapeAt(structure: unknown, path: string[]): unknown {
  let node = structure;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Rejects records nested deeper than `maxJsonDepth`. The bracket count bounds the depth from
 * above, so only the rare records over the bracket budget are read into JS (one at a time, each
 * at most `maxLineBytes`) to measure their real depth. Returns how many records over the bracket
 * budget were kept (not too deep).
 */
async function rejectDeepObjects(db: Db, input: LoadInput): Promise<number> {
  const brackets = `length(j::VARCHAR) - length(replace(replace(j::VARCHAR, '{', ''), '[', ''))`;
  // A record with more brackets than the budget is at least that long: only long ones are counted.
  const suspects = await db.all<{ r: number }>(
    `SELECT __row AS r FROM stage_obj WHERE strlen(j::VARCHAR) > ${input.limits.maxJsonBrackets} AND ${brackets} > ${input.limits.maxJsonBrackets} ORDER BY __row`,
  );
  let kept = 0;
  for (const { r } of suspects) {
    const row = await db.one<{ text: string }>(`SELECT j::VARCHAR AS text FROM stage_obj WHERE __row = ?`, [r]);
    const depth = jsonDepth(row?.text ?? '');
    if (depth <= input.limits.maxJsonDepth) {
      kept += 1;
      continue;
    }
    await db.exec(
      `INSERT INTO rejects SELECT ${input.sourceId}, __line, __row, ?, reject_excerpt(j::VARCHAR) FROM stage_obj WHERE __row = ?`,
      [`JSON nested ${depth} levels deep; the limit is ${input.limits.maxJsonDepth}`, r],
    );
    await db.exec(`DELETE FROM stage_obj WHERE __row = ?`, [r]);
  }
  return kept;
}

/** Deepest bracket nesting of a JSON text, ignoring brackets inside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return max;
}

/** Leaf paths of a json_group_structure value; arrays and scalars are leaves. */
function collectLeafPaths(node: unknown, prefix: string[], out: string[][], max: number): void {
  if (out.length >= max) return;
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const entries = Object.entries(node as Record<string, unknown>);
    if (entries.length === 0 && prefix.length > 0) out.push(prefix);
    for (const [key, child] of entries) collectLeafPaths(child, [...prefix, key], out, max);
    return;
  }
  if (prefix.length > 0) out.push(prefix);
}

function jsonPointer(path: string[]): string {
  return '/' + path.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

async function loadCsv(db: Db, input: LoadInput): Promise<LoadResult> {
  const dialect = input.dialect!;
  const table = ident(sourceTable(input.sourceId));
  if (dialect.columns.length > input.limits.maxColumns) {
    throw new IngestError('TOO_MANY_COLUMNS', `${input.displayName}: ${dialect.columns.length} columns exceeds the limit of ${input.limits.maxColumns}.`, { file: input.displayName });
  }
  const names = uniqueFieldNames(dialect.columns);
  const columnsSpec = `{${names.map((n, i) => `${literal(`c${i + 1}`)}: 'VARCHAR'`).join(', ')}}`;
  await db.exec(`DROP TABLE IF EXISTS ${REJ}; DROP TABLE IF EXISTS ${SCAN}; DROP TABLE IF EXISTS stage_csv;`);
  try {
    await db.exec(`CREATE TEMP TABLE stage_csv AS
      SELECT *
      FROM read_csv(${literal(input.file)}, columns=${columnsSpec}, delim=${literal(dialect.delimiter)},
        quote=${literal(dialect.quote || '"')}, escape=${literal(dialect.quote || '"')}, header=false, skip=${dialect.header ? 1 : 0},
        auto_detect=false, ${lineOptions(input, false)}, strict_mode=true,
        store_rejects=true, rejects_table='${REJ}', rejects_scan='${SCAN}')`);
  } catch (error) {
    throw new IngestError('PARSE_FAILED', `${input.displayName}: cannot be parsed as delimited text (${firstLine((error as Error).message)}).`, { file: input.displayName });
  }
  // DuckDB numbers rejected records by their record number, header included.
  const headerLines = dialect.header ? 1 : 0;
  await db.exec(`DROP TABLE IF EXISTS stage_rej;
    CREATE TEMP TABLE stage_rej AS SELECT DISTINCT (line::BIGINT - ${headerLines}) AS ord, first(error_type) AS error_type,
      first(error_message) AS error_message, first(csv_line) AS csv_line
    FROM ${REJ} GROUP BY line`);
  const counts = await db.one<{ kept: number; rejected: number }>(`SELECT (SELECT count(*) FROM stage_csv) AS kept, (SELECT count(*) FROM stage_rej) AS rejected`);
  const total = (counts?.kept ?? 0) + (counts?.rejected ?? 0);
  // When no record spans lines, the physical line is the ordinal plus the header.
  const oneLinePerRecord = input.newlines === total + headerLines || input.newlines === total + headerLines - 1;
  await db.exec(`INSERT INTO rejects SELECT ${input.sourceId}, ${oneLinePerRecord ? `ord + ${headerLines}` : 'NULL'}, ord,
      lower(error_type) || ': ' || error_message, reject_excerpt(csv_line) FROM stage_rej`);
  const cols = names.map((n, i) => `${ident(`c${i + 1}`)} AS ${ident(n)}`).join(', ');
  await db.exec(`CREATE TABLE ${table} AS
    WITH kept AS (
      SELECT g.generate_series AS ord, row_number() OVER (ORDER BY g.generate_series) AS k
      FROM generate_series(1, ${total}) g WHERE g.generate_series NOT IN (SELECT ord FROM stage_rej))
    SELECT kept.ord AS __row, ${oneLinePerRecord ? `kept.ord + ${headerLines}` : 'NULL::BIGINT'} AS __line, ${cols}
    FROM (SELECT ${stageOrdinal('stage_csv')} AS k, * FROM stage_csv) s JOIN kept USING (k) ORDER BY kept.ord`);
  const fields: LoadedField[] = names.map((column, i) => ({ column, original: dialect.columns[i]!, type: 'VARCHAR', scanned: true, json: false }));
  await expandPairArrays(db, input, table, fields);
  await markJsonFields(db, table, fields);
  return finish(db, input, table, fields);
}

async function loadParquet(db: Db, input: LoadInput): Promise<LoadResult> {
  const table = ident(sourceTable(input.sourceId));
  try {
    await db.exec(`CREATE TABLE ${table} AS
      SELECT file_row_number + 1 AS __row, NULL::BIGINT AS __line, * EXCLUDE (file_row_number)
      FROM read_parquet(${literal(input.file)}, file_row_number=true) ORDER BY __row`);
  } catch (error) {
    throw new IngestError('PARSE_FAILED', `${input.displayName}: not a readable Parquet file (${firstLine((error as Error).message)}).`, { file: input.displayName });
  }
  const columns = await db.all<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND column_name NOT IN ('__row', '__line') ORDER BY column_index`,
    [sourceTable(input.sourceId)],
  );
  // Nested Parquet columns become JSON text so their leaves are scanned like JSON fields.
  const fields: LoadedField[] = [];
  for (const c of columns) {
    const nested = /STRUCT|MAP|\[\]|LIST/.test(c.data_type);
    if (nested) {
      await db.exec(`ALTER TABLE ${table} ALTER ${ident(c.column_name)} TYPE VARCHAR USING to_json(${ident(c.column_name)})::VARCHAR`);
    }
    const isText = nested || c.data_type === 'VARCHAR';
    fields.push({ column: c.column_name, original: c.column_name, type: isText ? 'VARCHAR' : c.data_type, scanned: isText, json: nested });
  }
  return finish(db, input, table, fields);
}

async function finish(db: Db, input: LoadInput, table: string, fields: LoadedField[]): Promise<LoadResult> {
  const counts = await db.one<{ rows: number }>(`SELECT count(*) AS rows FROM ${table}`);
  const rejected = await db.one<{ n: number }>(`SELECT count(*) AS n FROM rejects WHERE source_id = ?`, [input.sourceId]);
  return { rows: counts?.rows ?? 0, rejected: rejected?.n ?? 0, fields };
}

/** Field names from a file are data: trimmed, control characters replaced, empty and repeated ones made unique. */
export function uniqueFieldNames(originals: string[]): string[] {
  const taken = new Set<string>(['__row', '__line']);
  return originals.map((original, i) => {
    let base = sanitizeName(original);
    if (base === '' || base === '__row' || base === '__line') base = `column${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function sanitizeName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '?').trim().slice(0, 200);
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.slice(0, 300);
}
