/**
 * The one place where SQL text is built from names and values. Column names from leaked files
 * are data: they pass through `ident()`; values are bound as parameters or, where DuckDB takes
 * no parameter (file paths in table functions, regexes inside generated statements), quoted by
 * `literal()`.
 */

/** Quotes an identifier for DuckDB: wraps in double quotes and doubles embedded quotes. */
export function ident(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB: single quotes doubled; NUL refused. */
export function literal(value: string): string {
  if (value.includes('\u0000')) throw new Error('literal contains a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A list literal of strings: ['a','b']. */
export function listLiteral(values: readonly string[]): string {
  return `[${values.map(literal).join(', ')}]`;
}

/** The table that holds the rows of one imported source. */
export function sourceTable(sourceId: number): string {
  if (!Number.isInteger(sourceId) || sourceId < 0) throw new Error(`bad source id ${sourceId}`);
  return `src_${sourceId}`;
}
