/**
 * Serialisation exactly as ClickHouse writes its export formats, so the samples exercise the same
 * escaping a real leaked export has.
 */

const TSV_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\\0',
  "'": "\\'",
  '\b': '\\b',
  '\f': '\\f',
};

const TSV_SPECIAL = /[\\\t\n\r\0'\b\f]/g;

/** A String value in TabSeparated: backslash escapes, nothing quoted. */
export function tsvString(value: string): string {
  return value.replace(TSV_SPECIAL, (ch) => TSV_ESCAPES[ch]!);
}

/** NULL in TabSeparated. */
export const TSV_NULL = '\\N';

/** A quoted string as ClickHouse writes it inside Array(String): single quotes, backslash escapes. */
export function quotedString(value: string): string {
  return `'${value.replace(TSV_SPECIAL, (ch) => TSV_ESCAPES[ch]!)}'`;
}

/** Array(String) text form: ['a','b\'c']. Inside TSV the array text is written as is. */
export function stringArray(values: readonly string[]): string {
  return `[${values.map(quotedString).join(',')}]`;
}

/** Array of numbers text form: [12,345]. */
export function numberArray(values: readonly number[]): string {
  return `[${values.join(',')}]`;
}

/** Inverse of tsvString (used by the checks that the truth points at real values). */
export function tsvUnescape(field: string): string {
  return field.replace(/\\(.)/gs, (_m, ch: string) => {
    switch (ch) {
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case '0':
        return '\0';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      default:
        return ch;
    }
  });
}

/** Parses ClickHouse Array(String) text back into values. */
export function parseStringArray(text: string): string[] {
  if (!text.startsWith('[') || !text.endsWith(']')) throw new Error(`not an array: ${text.slice(0, 40)}`);
  const out: string[] = [];
  let i = 1;
  while (i < text.length - 1) {
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] !== "'") throw new Error(`unquoted array element at ${i}`);
    let j = i + 1;
    let raw = '';
    while (text[j] !== "'") {
      if (text[j] === '\\') {
        raw += text.slice(j, j + 2);
        j += 2;
      } else {
        raw += text[j];
        j++;
      }
      if (j >= text.length) throw new Error('unterminated array string');
    }
    out.push(tsvUnescape(raw));
    i = j + 1;
  }
  return out;
}

/**
 * A CSV field as ClickHouse CSVWithNames writes it: strings always double-quoted, embedded quotes
 * doubled, newlines kept literally inside the quotes; NULL as `\N` (format_csv_null_representation).
 */
export function csvField(value: string | null): string {
  if (value === null) return '\\N';
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * JSON the way ClickHouse's JSONEachRow writes it: UTF-8 as is, forward slashes escaped
 * (output_format_json_escape_forward_slashes defaults to 1).
 */
export function clickhouseJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('/', '\\/');
}
