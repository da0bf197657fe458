/**
 * Extracts identifier observations per (source, row) from mapped columns and from findings in
 * text, plus the row attributes (name, locale, country) and data categories that later steps
 * attach to persons. Everything runs in DuckDB; JS sees only distinct values.
 */
import type { Db } from '../db/open-db.ts';
import { ident, literal, sourceTable } from '../db/sql.ts';
import { IDENTIFIER_KINDS, TEXT_KINDS, kindForRole, normalizeQuery } from './identifiers.ts';

/** source_id * 2^40 + row: one BIGINT per row across sources (rows stay below 10^12). */
export const ROW_KEY_FACTOR = 1099511627776;

/** Roles whose non-empty values put a row's data into a category. */
export const ROLE_CATEGORIES: Readonly<Record<string, string>> = {
  message: 'chat_content',
  name: 'contact',
  address: 'contact',
  ip: 'online_id',
  // Email, phone, device and session columns give their category through the identifier kinds.
};

/** Finding category → reporting category; `operational` findings concern no person. */
export const FINDING_CATEGORY_SQL = `CASE category WHEN 'secret' THEN 'credentials' WHEN 'special' THEN 'special:' || kind
  WHEN 'operational' THEN NULL ELSE category END`;

const ATTRIBUTE_ROLES = ['name', 'locale', 'country'];

/** Roles whose fields hold free text, where findings are the only way to see identifiers. */
const FREE_TEXT_ROLES = ['message', 'name', 'address'];

/**
 * Findings below this confidence (bare digit runs without context, which the classifier marks
 * 0.4–0.5) neither identify nor categorise anyone.
 */
export const MIN_FINDING_CONFIDENCE = 0.6;

type MappedColumn = {
  source_id: number;
  column_name: string;
  role: string;
};

export interface ObservationStats {
  totalRows: number;
  observations: number;
  identifiers: number;
}

function kindsValuesSql(): string {
  const rows = IDENTIFIER_KINDS.map(
    (k, code) =>
      `(${literal(k.kind)}, ${code}, ${literal(k.tier)}, ${literal(k.link)}, ${literal(k.category)}, ${k.country ? literal(k.country) : 'NULL'})`,
  );
  return `(VALUES ${rows.join(', ')}) AS k(kind, kind_code, tier, link, kind_category, scheme_country)`;
}

async function mappedColumns(db: Db): Promise<MappedColumn[]> {
  const tables = new Set(
    (await db.all<{ table_name: string }>(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'`)).map((t) => t.table_name),
  );
  const cols = await db.all<MappedColumn>(
    `SELECT source_id, column_name, role FROM source_columns WHERE role IS NOT NULL ORDER BY source_id, ordinal`,
  );
  return cols.filter((c) => tables.has(sourceTable(c.source_id)));
}

async function sourceRowCounts(db: Db): Promise<number> {
  const tables = (await db.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND regexp_full_match(table_name, 'src_[0-9]+')`,
  )).map((t) => t.table_name);
  let total = 0;
  for (const t of tables) {
    const r = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${ident(t)}`);
    total += Number(r?.n ?? 0);
  }
  return total;
}

/**
 * Builds `subject_identifiers` (one row per distinct normalised identifier, dense ids) and
 * `subject_observations` (row_key, source_id, row, ident_id, kind, from_column, linkable, field),
 * plus the temp tables `subject_row_attrs` and `subject_row_categories`.
 *
 * Values are normalised once per distinct value and mapped to identifier ids at that level;
 * only the final mapping joins the source rows (measured: this halves the CPU time on 1M rows
 * against normalising per row and joining the observations to the identifiers afterwards).
 */
export async function extractObservations(db: Db): Promise<ObservationStats> {
  const columns = await mappedColumns(db);
  await db.exec(`CREATE OR REPLACE TEMP TABLE subject_row_attrs (row_key BIGINT, attr VARCHAR, value VARCHAR)`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE subject_row_categories (row_key BIGINT, category VARCHAR)`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE subject_identifier_fields (source_id INTEGER, field VARCHAR, kind VARCHAR)`);
  // Fields whose role says what they hold: a finding inside them is the classifier reading a
  // phone number as an Aadhaar number or a trace id as a DNI, unless it names the same kind.
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_typed_fields AS
     SELECT source_id, column_name AS field, role FROM source_columns
     WHERE role IS NOT NULL AND role NOT IN (${FREE_TEXT_ROLES.map(literal).join(', ')})`,
  );

  const identifierColumns: Array<{ c: MappedColumn; kind: string; norm: string }> = [];
  for (const c of columns) {
    const table = ident(sourceTable(c.source_id));
    const col = `${ident(c.column_name)}::VARCHAR`;
    const rowKey = `${c.source_id}::BIGINT * ${ROW_KEY_FACTOR} + __row`;
    const kind = kindForRole(c.role);
    if (kind) {
      const norm = `subject_norm_${identifierColumns.length}`;
      identifierColumns.push({ c, kind: kind.kind, norm });
      await db.exec(`INSERT INTO subject_identifier_fields VALUES (${c.source_id}, ${literal(c.column_name)}, ${literal(kind.kind)})`);
      await db.exec(
        `CREATE OR REPLACE TEMP TABLE ${norm} AS
         SELECT raw, v FROM (${normalizeQuery(kind.kind, `SELECT DISTINCT ${col} AS raw FROM ${table} WHERE ${col} IS NOT NULL`)})
         WHERE v IS NOT NULL`,
      );
    }
    if (ATTRIBUTE_ROLES.includes(c.role)) {
      await db.exec(
        `INSERT INTO subject_row_attrs SELECT ${rowKey}, ${literal(c.role)}, left(trim(${col}), 200) FROM ${table}
         WHERE ${col} IS NOT NULL AND trim(${col}) <> ''`,
      );
    }
    const category = ROLE_CATEGORIES[c.role];
    if (category) {
      await db.exec(
        `INSERT INTO subject_row_categories SELECT ${rowKey}, ${literal(category)} FROM ${table}
         WHERE ${col} IS NOT NULL AND trim(${col}) <> ''`,
      );
    }
  }

  await db.exec(
    `INSERT INTO subject_row_categories
     SELECT DISTINCT f.source_id::BIGINT * ${ROW_KEY_FACTOR} + f.row, ${FINDING_CATEGORY_SQL}
     FROM findings f ANTI JOIN subject_typed_fields t ON t.source_id = f.source_id AND t.field = f.field AND t.role <> f.kind
     WHERE f.review <> 'false_positive' AND f.confidence >= ${MIN_FINDING_CONFIDENCE} AND ${FINDING_CATEGORY_SQL} IS NOT NULL`,
  );
  await db.exec(
    `INSERT INTO subject_row_attrs
     SELECT source_id::BIGINT * ${ROW_KEY_FACTOR} + row, 'address_country', upper(json_extract_string(detail, '$.country'))
     FROM findings WHERE review <> 'false_positive' AND kind = 'postal_address' AND json_valid(detail)
       AND json_extract_string(detail, '$.country') IS NOT NULL`,
  );

  // Identifiers in free text (message, name, address and unmapped fields).
  const textKinds = TEXT_KINDS.map(literal).join(', ');
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_text_findings AS
     SELECT DISTINCT f.source_id, f.row, f.kind, f.normalized, f.field, false AS in_identifier_column, false AS repeats_column
     FROM findings f ANTI JOIN subject_typed_fields t ON t.source_id = f.source_id AND t.field = f.field
     WHERE f.review <> 'false_positive' AND f.confidence >= ${MIN_FINDING_CONFIDENCE}
       AND f.kind IN (${textKinds}) AND f.normalized IS NOT NULL`,
  );
  await db.exec(`CREATE OR REPLACE TEMP TABLE subject_text_obs (row_key BIGINT, source_id INTEGER, row BIGINT, kind VARCHAR, v VARCHAR, from_column BOOLEAN, field VARCHAR)`);
  const presentKinds = (await db.all<{ kind: string }>(`SELECT DISTINCT kind FROM subject_text_findings ORDER BY 1`)).map((r) => r.kind);
  for (const k of presentKinds) {
    await db.exec(
      `INSERT INTO subject_text_obs
       WITH n AS (${normalizeQuery(k, `SELECT DISTINCT normalized AS raw FROM subject_text_findings WHERE kind = ${literal(k)}`)})
       SELECT f.source_id::BIGINT * ${ROW_KEY_FACTOR} + f.row, f.source_id, f.row, f.kind, n.v, f.in_identifier_column, f.field
       FROM subject_text_findings f JOIN n ON n.raw = f.normalized
       WHERE f.kind = ${literal(k)} AND NOT f.repeats_column AND n.v IS NOT NULL`,
    );
  }
  await db.exec(`DROP TABLE subject_text_findings`);

  const distinctValues = [
    ...identifierColumns.map(({ kind, norm }) => `SELECT ${literal(kind)} AS kind, v FROM ${norm}`),
    `SELECT kind, v FROM subject_text_obs`,
  ].join(' UNION ALL ');
  await db.exec(
    `CREATE OR REPLACE TABLE subject_identifiers AS
     SELECT (row_number() OVER (ORDER BY d.kind, d.v) - 1)::INTEGER AS ident_id, d.kind, d.v AS value,
            k.kind_code, k.tier, k.link, k.kind_category, k.scheme_country
     FROM (SELECT DISTINCT kind, v FROM (${distinctValues})) d JOIN ${kindsValuesSql()} ON k.kind = d.kind`,
  );

  await db.exec(
    `CREATE OR REPLACE TABLE subject_observations (row_key BIGINT, source_id INTEGER, row BIGINT, ident_id INTEGER, kind VARCHAR,
       from_column BOOLEAN, linkable BOOLEAN, listed BOOLEAN, field VARCHAR)`,
  );
  for (const { c, kind, norm } of identifierColumns) {
    const link = IDENTIFIER_KINDS.find((k) => k.kind === kind)?.link;
    const col = `t.${ident(c.column_name)}::VARCHAR`;
    await db.exec(
      `INSERT INTO subject_observations
       WITH m AS (SELECT n.raw, i.ident_id FROM ${norm} n JOIN subject_identifiers i ON i.kind = ${literal(kind)} AND i.value = n.v)
       SELECT ${c.source_id}::BIGINT * ${ROW_KEY_FACTOR} + t.__row, ${c.source_id}, t.__row, m.ident_id, ${literal(kind)}, true,
              ${link === 'row' ? 'true' : 'false'}, false, ${literal(c.column_name)}
       FROM ${ident(sourceTable(c.source_id))} t JOIN m ON m.raw = ${col}`,
    );
    await db.exec(`DROP TABLE ${norm}`);
  }
  // An identifier written in text never joins the writer: in chats people paste their own
  // address as often as a colleague's, and a wrong join hides a person. The count model weighs
  // such mentions instead (see estimate.ts). A text holding several values of one kind is a
  // list of other people (a pasted customer table): `listed`, never the writer's own.
  await db.exec(
    `INSERT INTO subject_observations
     WITH o AS (SELECT t.*, i.ident_id FROM subject_text_obs t JOIN subject_identifiers i ON i.kind = t.kind AND i.value = t.v),
     text_counts AS (SELECT row_key, kind, count(DISTINCT ident_id) AS n FROM o GROUP BY row_key, kind)
     SELECT o.row_key, any_value(o.source_id), any_value(o.row), o.ident_id, any_value(o.kind), false, false,
            bool_or(coalesce(tc.n, 0) > 1), min(o.field)
     FROM o LEFT JOIN text_counts tc ON tc.row_key = o.row_key AND tc.kind = o.kind
     GROUP BY o.row_key, o.ident_id`,
  );
  await db.exec(`DROP TABLE subject_text_obs`);
  const stats = await db.one<{ obs: number; idents: number }>(
    `SELECT (SELECT count(*) FROM subject_observations)::BIGINT AS obs, (SELECT count(*) FROM subject_identifiers)::BIGINT AS idents`,
  );
  return { totalRows: await sourceRowCounts(db), observations: Number(stats?.obs ?? 0), identifiers: Number(stats?.idents ?? 0) };
}
