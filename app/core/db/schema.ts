/**
 * The case database's own tables. Each imported source also gets a table `src_<id>` holding its
 * rows: `__row` (1-based record ordinal, header excluded), `__line` (first physical line of the
 * record where the format has lines, else NULL) and one VARCHAR/typed column per field, named by
 * its field path (`user.email`, `string.api_key`).
 *
 * `cells` is the long view that feeds classification: one row per non-empty text value, with
 * provenance (source, row, field). Values are already unescaped (ClickHouse `\n`, `\'`, JSON).
 * It is a view (see cells-view.ts): plain text columns are read from `src_<id>` where they are,
 * and only the leaves of JSON held in text (`message.content`) are materialised, in `json_cells`.
 * Copying every cell into a table doubled the work of an import.
 */
export const SCHEMA_VERSION = 4;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS sources (
  source_id     INTEGER PRIMARY KEY,
  path          VARCHAR NOT NULL,   -- original path as given (absolute)
  name          VARCHAR NOT NULL,   -- file name
  sha256        VARCHAR NOT NULL,
  bytes         BIGINT NOT NULL,
  format        VARCHAR NOT NULL,   -- csv | tsv | clickhouse-tsv | jsonl | json-array | parquet
  compression   VARCHAR NOT NULL,   -- none | gzip
  dialect       VARCHAR,            -- JSON: delimiter, quote, header, encoding
  rows          BIGINT NOT NULL,
  rejected_rows BIGINT NOT NULL,
  imported_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS source_columns (
  source_id   INTEGER NOT NULL,
  ordinal     INTEGER NOT NULL,
  column_name VARCHAR NOT NULL,     -- name of the column in src_<id>: the field path
  original    VARCHAR NOT NULL,     -- the name as the file spells it (data, never trusted)
  type        VARCHAR NOT NULL,
  role        VARCHAR,              -- timestamp | user_id | email | phone | ip | device_id | session_id | service | message | ...
  role_origin VARCHAR,              -- auto | user
  role_reason VARCHAR,
  PRIMARY KEY (source_id, ordinal)
);
-- Where the column's cells come from: 'column' (the view reads src_<id>), 'table' (json_cells
-- holds them: JSON leaves), NULL (not scanned: typed columns, key/value arrays).
ALTER TABLE source_columns ADD COLUMN IF NOT EXISTS cells_from VARCHAR;

CREATE TABLE IF NOT EXISTS rejects (
  source_id INTEGER NOT NULL,
  line      BIGINT,                 -- physical line in the file (1-based) where known
  row       BIGINT,                 -- record ordinal where known
  reason    VARCHAR NOT NULL,
  excerpt   VARCHAR                 -- first 200 characters of the offending line, control characters escaped
);

CREATE TABLE IF NOT EXISTS json_cells (
  source_id INTEGER NOT NULL,
  row       BIGINT NOT NULL,
  field     VARCHAR NOT NULL,
  text      VARCHAR NOT NULL
);

-- Findings are stored in two tables and read through the \`findings\` view. Everything about a
-- found value (its rule, masked preview, fingerprint, confidence) is the same in every cell that
-- holds it, so it is stored once per value in finding_values; finding_cells holds one narrow row
-- per cell. On a log that repeats its hosts and addresses in every row (1M rows: 2.6M findings,
-- 220k values), writing 18 columns per finding cost ~3 s, the two tables ~1 s.
CREATE TABLE IF NOT EXISTS finding_values (
  value_id     BIGINT NOT NULL,     -- unique
  rule_id      VARCHAR NOT NULL,
  rule_version INTEGER NOT NULL,
  category     VARCHAR NOT NULL,
  kind         VARCHAR NOT NULL,
  provider     VARCHAR,
  severity     VARCHAR NOT NULL,
  confidence   DOUBLE NOT NULL,
  preview      VARCHAR NOT NULL,    -- masked
  fingerprint  VARCHAR NOT NULL,    -- hex HMAC-SHA256 of the value under the case key
  normalized   VARCHAR,             -- identifiers only (email, phone, ids); never set for secrets
  detail       VARCHAR              -- JSON
);

-- The fields (column names, JSON paths) findings name, numbered: a cell names its field by
-- number, so writing millions of finding cells writes no strings (1M rows: ~0.35 CPU-s less).
CREATE TABLE IF NOT EXISTS finding_fields (
  field_id     INTEGER NOT NULL,    -- unique
  source_id    INTEGER NOT NULL,
  field        VARCHAR NOT NULL     -- unique within its source
);

CREATE TABLE IF NOT EXISTS finding_cells (
  finding_id   BIGINT NOT NULL,     -- unique; no index: writing millions of findings into an ART index cost more than all matching
  source_id    INTEGER NOT NULL,
  row          BIGINT NOT NULL,
  field_id     INTEGER NOT NULL,    -- finding_fields
  value_id     BIGINT NOT NULL,     -- finding_values
  span_start   INTEGER,             -- character offsets of the value in the cell text (0-based, half-open)
  span_end     INTEGER,
  review       VARCHAR              -- NULL (unreviewed) | confirmed | false_positive
);

-- One row per finding: the cell, its value and the review mark (unreviewed | confirmed | false_positive).
CREATE OR REPLACE VIEW findings AS
SELECT c.finding_id, c.source_id, c.row, f.field, v.rule_id, v.rule_version, v.category, v.kind, v.provider, v.severity,
       v.confidence, c.span_start, c.span_end, v.preview, v.fingerprint, v.normalized, v.detail,
       coalesce(c.review, 'unreviewed') AS review
FROM finding_cells c JOIN finding_values v ON v.value_id = c.value_id JOIN finding_fields f ON f.field_id = c.field_id;
`;
