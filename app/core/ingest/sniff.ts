import Papa from 'papaparse';

/**
 * Decides a file's format from its content, never from its name: Parquet by magic number,
 * JSON by its first value, delimited text by which delimiter splits the first lines into a
 * consistent number of fields, and ClickHouse TabSeparated by its backslash escapes.
 */

export type SourceFormat = 'parquet' | 'json-array' | 'jsonl' | 'clickhouse-tsv' | 'csv';

export interface Dialect {
  delimiter: string;
  quote: string; // '' when fields are never quoted (ClickHouse TSV)
  header: boolean;
  columns: string[];
}

export interface Sniffed {
  format: SourceFormat;
  dialect?: Dialect;
  reason: string;
}

const DELIMITERS = ['\t', ',', ';', '|'] as const;

export function sniffFormat(magic: Buffer, head: string): Sniffed | { error: string } {
  if (magic.subarray(0, 4).toString('latin1') === 'PAR1') return { format: 'parquet', reason: 'Parquet magic number' };
  const text = head.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.length === 0) return { error: 'the file is empty (no content after decoding)' };
  if (looksBinary(text)) return { error: 'the content is binary, not text, JSON or Parquet (the file name may say otherwise)' };
  if (trimmed.startsWith('[') && !looksLikeClickHouseArrayLine(trimmed)) return { format: 'json-array', reason: 'content starts with a JSON array' };
  if (trimmed.startsWith('{')) {
    const firstLine = trimmed.split('\n', 1)[0]!.trim();
    if (isJsonObject(firstLine)) return { format: 'jsonl', reason: 'each line is a JSON object (JSON lines)' };
    // One pretty-printed object or an object split over lines: treat as a JSON document.
    return { format: 'json-array', reason: 'content is one JSON document' };
  }
  return sniffDelimited(text);
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad += 1;
  }
  return bad / sample.length > 0.1;
}

function looksLikeClickHouseArrayLine(text: string): boolean {
  // A TSV whose first column is an array literal starts with '[' too: `['a','b']\t...`.
  const line = text.split('\n', 1)[0]!;
  return line.includes('\t') && /^\[('|\d|\])/.test(line);
}

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function sniffDelimited(text: string): Sniffed | { error: string } {
  // Drop a possibly cut last line: the head is a prefix of the file.
  const lastNewline = text.lastIndexOf('\n');
  const sample = lastNewline > 0 && text.length >= 4096 ? text.slice(0, lastNewline) : text;
  const lines = sample.split(/\r?\n/).filter((l) => l.length > 0).slice(0, 200);
  if (lines.length === 0) return { error: 'no lines found' };

  // ClickHouse TSV: tabs split every line evenly and values use backslash escapes, not quotes.
  const tabCounts = lines.map((l) => countChar(l, '\t'));
  if (tabCounts[0]! > 0 && consistency(tabCounts) >= 0.6) {
    const escaped = /\\[ntr0'\\N]/.test(sample) || /\t\\N(\t|$)/m.test(sample);
    const quoted = lines.some((l) => /(^|\t)"/.test(l));
    if (!quoted || escaped) {
      const header = lines[0]!.split('\t');
      const hasHeader = looksLikeHeader(header, lines.slice(1, 20).map((l) => l.split('\t')));
      return {
        format: 'clickhouse-tsv',
        dialect: { delimiter: '\t', quote: '', header: hasHeader, columns: hasHeader ? header.map(unescapeHeader) : header.map((_, i) => `column${i + 1}`) },
        reason: escaped ? 'tab-separated with ClickHouse backslash escapes' : 'tab-separated without quoting',
      };
    }
  }

  let best: { delimiter: string; score: number; rows: string[][] } | undefined;
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, quoteChar: '"', escapeChar: '"', skipEmptyLines: true, preview: 200 });
    const rows = parsed.data;
    if (rows.length === 0) continue;
    const widths = rows.map((r) => r.length);
    const width = widths[0]!;
    if (width < 2) continue;
    const score = consistency(widths) * Math.min(width, 50);
    if (!best || score > best.score) best = { delimiter, score, rows };
  }
  if (!best) {
    // A single column of text: still importable line by line.
    return { format: 'csv', dialect: { delimiter: ',', quote: '"', header: false, columns: ['column1'] }, reason: 'single column of text' };
  }
  const header = best.rows[0]!;
  const hasHeader = looksLikeHeader(header, best.rows.slice(1, 20));
  return {
    format: best.delimiter === '\t' ? 'csv' : 'csv',
    dialect: {
      delimiter: best.delimiter,
      quote: '"',
      header: hasHeader,
      columns: hasHeader ? header : header.map((_, i) => `column${i + 1}`),
    },
    reason: `delimited by ${JSON.stringify(best.delimiter)} with consistent field counts`,
  };
}

function countChar(line: string, ch: string): number {
  let n = 0;
  for (let i = line.indexOf(ch); i >= 0; i = line.indexOf(ch, i + 1)) n += 1;
  return n;
}

/** Share of lines whose count equals the most common count. */
function consistency(counts: number[]): number {
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  const top = Math.max(...freq.values());
  return top / counts.length;
}

/** A header row is all non-empty-ish labels, unlike the value rows (no numbers, no emails). */
function looksLikeHeader(first: string[], rest: string[][]): boolean {
  if (first.length === 0) return false;
  const labelLike = first.filter((v) => /^[\p{L}_][\p{L}\p{N}_ .\-/]{0,100}$/u.test(v.trim())).length;
  if (labelLike / first.length < 0.8) return false;
  if (new Set(first).size !== first.length) return rest.length === 0 ? true : labelLike === first.length;
  if (rest.length === 0) return true;
  // Values that look like data in the first row (digits, @, ://) argue against a header.
  const dataLike = first.filter((v) => /^[\d\s.,:+\-/]{3,}$/.test(v.trim()) || /@|:\/\//.test(v)).length;
  return dataLike === 0;
}

function unescapeHeader(name: string): string {
  return name.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
}
