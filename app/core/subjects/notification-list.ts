/**
 * The notification list: one CSV row per person with known contact data, for mail merges.
 * Leaked values are hostile: a cell starting with a formula trigger is neutralised so that a
 * spreadsheet shows it as text instead of evaluating it.
 */
import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import type { Db } from '../db/open-db.ts';

/** Characters that make spreadsheet software treat a cell as a formula (incl. full-width forms). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * Prefixes a single quote when the value would start a formula: a trigger as first character,
 * or after leading spaces (some spreadsheets trim them before parsing).
 */
export function neutralizeCell(value: string): string {
  const first = value[0];
  if (first === undefined) return value;
  if (FORMULA_TRIGGERS.has(first)) return `'${value}`;
  const trimmed = value.replace(/^[ \u00A0\n]+/, '');
  const firstAfterSpace = trimmed[0];
  if (firstAfterSpace !== undefined && FORMULA_TRIGGERS.has(firstAfterSpace)) return `'${value}`;
  return value;
}

/** RFC 4180 quoting after neutralisation. */
export function csvCell(value: string | null | undefined): string {
  const v = neutralizeCell(value ?? '');
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export const NOTIFICATION_COLUMNS = ['person_id', 'name', 'email', 'phone', 'country', 'categories'] as const;

type ListRow = {
  person_id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  country: string;
  categories: string[];
};

const PAGE = 10_000;

/**
 * Writes the list (UTF-8 with BOM, CRLF line ends, header row) and returns its row count and
 * SHA-256. Requires `computeSubjects` to have run on this case.
 */
export async function writeNotificationList(db: Db, outPath: string): Promise<{ rows: number; sha256: string }> {
  const exists = await db.one<{ n: number }>(
    `SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'persons'`,
  );
  if (Number(exists?.n ?? 0) === 0) {
    throw new Error('SUBJECTS_NOT_COMPUTED: the case has no persons table; run `breachscope subjects CASE` first');
  }
  const hash = createHash('sha256');
  // Written beside the target and renamed when complete: a kill never leaves a torn list.
  const partial = `${outPath}.partial-${process.pid}`;
  const file = await open(partial, 'w', 0o600);
  let rows = 0;
  let complete = false;
  try {
    const write = async (text: string) => {
      const buf = Buffer.from(text, 'utf8');
      hash.update(buf);
      await file.write(buf);
    };
    await write(`\uFEFF${NOTIFICATION_COLUMNS.join(',')}\r\n`);
    let lastId = -1;
    for (;;) {
      // Keyset paging keeps memory bounded however many persons there are.
      const page = await db.all<ListRow>(
        `SELECT person_id, name, email, phone, country, categories FROM persons
         WHERE (email IS NOT NULL OR phone IS NOT NULL) AND person_id > $1 ORDER BY person_id LIMIT ${PAGE}`,
        [lastId],
      );
      if (page.length === 0) break;
      const lines = page.map((p) =>
        [String(p.person_id), p.name, p.email, p.phone, p.country, (p.categories ?? []).join(';')].map(csvCell).join(','),
      );
      await write(`${lines.join('\r\n')}\r\n`);
      rows += page.length;
      lastId = page[page.length - 1]!.person_id;
    }
    await file.sync();
    complete = true;
  } finally {
    await file.close();
    if (complete) await rename(partial, outPath);
    else await rm(partial, { force: true });
  }
  return { rows, sha256: hash.digest('hex') };
}
