import type { Db } from '../db/open-db.ts';

/**
 * SQL macros the loaders share. Created as temporary macros per connection, so they never
 * land in the case file.
 *
 * `ch_unescape`: ClickHouse TabSeparated escapes (`\\`, `\t`, `\n`, `\r`, `\0`, `\'`, `\b`,
 * `\f`, `\a`, `\v`). Splitting on the escaped backslash first makes `\\t` come out as a
 * backslash and a `t`, without any sentinel character that hostile data could contain.
 *
 * `ch_array`: the elements of a ClickHouse array literal (`['a','b\'c']` or `[1,2]`).
 *
 * `json_field_path`: `$.messages[0].content` → `messages.0.content`.
 */
export async function createIngestMacros(db: Db): Promise<void> {
  await db.exec(String.raw`
CREATE OR REPLACE TEMP MACRO ch_unescape_part(p) AS
  replace(replace(replace(replace(replace(replace(replace(replace(replace(p,
    '\t', chr(9)), '\n', chr(10)), '\r', chr(13)), '\0', chr(65533)), '\''', ''''),
    '\b', chr(8)), '\f', chr(12)), '\a', chr(7)), '\v', chr(11));
`);
  await db.exec(String.raw`
CREATE OR REPLACE TEMP MACRO ch_unescape(s) AS
  CASE WHEN s IS NULL OR NOT contains(s, '\') THEN s
       ELSE array_to_string(list_transform(string_split(s, '\\'), p -> ch_unescape_part(p)), '\') END;
`);
  await db.exec(String.raw`
CREATE OR REPLACE TEMP MACRO ch_array(s) AS
  CASE WHEN s IS NULL OR NOT starts_with(s, '[') THEN NULL
       -- Fast path: quoted strings with no backslash split on the ',' between them.
       WHEN starts_with(s, '[''') AND ends_with(s, ''']') AND NOT contains(s, '\') THEN string_split(s[3:-3], ''',''')
       WHEN contains(s, '''') THEN list_transform(regexp_extract_all(s, '''((?:[^''\\]|\\.)*)''', 1), e -> ch_unescape(e))
       WHEN s = '[]' THEN []::VARCHAR[]
       ELSE list_transform(string_split(trim(s, '[] '), ','), e -> trim(e)) END;
`);
  // A rejected line is shown by its shape only: any run of six or more token characters keeps
  // its first character (a broken line may hold a key or an address; the file and line say
  // where to look), control characters become '?'.
  await db.exec(String.raw`
CREATE OR REPLACE TEMP MACRO reject_excerpt(s) AS
  left(regexp_replace(regexp_replace(left(s, 400), '([A-Za-z0-9])[A-Za-z0-9+/=_.@%~-]{5,}', '\1…', 'g'), '[\x00-\x1f\x7f]', '?', 'g'), 200);
`);
  // Key/value arrays arrive as ClickHouse literals (TSV/CSV) or as JSON arrays (JSONEachRow).
  await db.exec(String.raw`
CREATE OR REPLACE TEMP MACRO kv_array(s) AS
  CASE WHEN s IS NULL THEN NULL
       -- Numbers only, no spaces (ClickHouse's form, compact JSON): split, keeping each number's text.
       WHEN regexp_full_match(s, '\[-?[0-9][0-9.eE+-]*(?:,-?[0-9][0-9.eE+-]*)*\]') THEN string_split(s[2:-2], ',')
       WHEN (starts_with(s, '["') OR starts_with(s, '[]') OR regexp_matches(s, '^\[-?[0-9]')) AND json_valid(s)
         THEN list_transform(from_json(s, '["JSON"]'), e -> CASE WHEN json_type(e) = 'VARCHAR' THEN e ->> '$' ELSE e::VARCHAR END)
       ELSE ch_array(s) END;
`);
  await db.exec(String.raw`
CREATE OR REPLACE TEMP MACRO json_field_path(k) AS
  regexp_replace(regexp_replace(regexp_replace(k, '\[(\d+)\]', '.\1', 'g'), '^\$\.?', ''), '"', '', 'g');
`);
}
