/**
 * Builds the per-person tables after linking: countries from ranked evidence, data
 * categories, the IP evidence the count model uses, and the `persons` table itself.
 */
import type { Db } from '../db/open-db.ts';
import { literal } from '../db/sql.ts';
import {
  COUNTRY_EVIDENCE_RANK,
  GENERIC_CCTLDS,
  PRIVATE_IPV4_SQL,
  TIMEZONE_COUNTRY,
  UNKNOWN_COUNTRY,
  countryFromPhone,
  ipv6ToBigInt,
  loadIpCountryTable,
} from './country.ts';

async function buildPhoneCountries(db: Db): Promise<void> {
  await db.exec(`CREATE OR REPLACE TEMP TABLE subject_phone_country (ident_id INTEGER, cc VARCHAR)`);
  const phones = await db.all<{ ident_id: number; value: string }>(
    `SELECT ident_id, value FROM subject_identifiers WHERE kind = 'phone' AND starts_with(value, '+')`,
  );
  const appender = await db.connection.createAppender('subject_phone_country', 'main', 'temp');
  for (const p of phones) {
    const cc = countryFromPhone(p.value);
    if (!cc) continue;
    appender.appendInteger(p.ident_id);
    appender.appendVarchar(cc);
    appender.endRow();
  }
  appender.closeSync();
}

/** Returns whether the IP table could be loaded. */
async function buildIpCountries(db: Db): Promise<boolean> {
  await db.exec(`CREATE OR REPLACE TEMP TABLE subject_ip_country (ident_id INTEGER, cc VARCHAR)`);
  const v6 = await db.all<{ ident_id: number; value: string }>(
    `SELECT ident_id, value FROM subject_identifiers WHERE kind = 'ip' AND contains(value, ':')`,
  );
  const anyIp = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM subject_identifiers WHERE kind = 'ip'`);
  if (Number(anyIp?.n ?? 0) === 0) return false;
  const loaded = await loadIpCountryTable(db, { ipv6: v6.length > 0 });
  if (!loaded) return false;
  await db.exec(
    `INSERT INTO subject_ip_country
     WITH v4 AS (
       SELECT ident_id, split_part(value, '.', 1)::UBIGINT * 16777216 + split_part(value, '.', 2)::UBIGINT * 65536
              + split_part(value, '.', 3)::UBIGINT * 256 + split_part(value, '.', 4)::UBIGINT AS num
       FROM subject_identifiers WHERE kind = 'ip' AND NOT contains(value, ':'))
     SELECT v4.ident_id, r.cc FROM v4 ASOF JOIN subject_ip_ranges_v4 r ON v4.num >= r.range_start
     WHERE v4.num <= r.range_end AND regexp_full_match(r.cc, '[A-Z]{2}') AND r.cc <> 'ZZ' AND NOT ${PRIVATE_IPV4_SQL('v4.num')}`,
  );
  if (v6.length > 0) {
    await db.exec(`CREATE OR REPLACE TEMP TABLE subject_ip6_num (ident_id INTEGER, num UHUGEINT)`);
    const appender = await db.connection.createAppender('subject_ip6_num', 'main', 'temp');
    for (const ip of v6) {
      const num = ipv6ToBigInt(ip.value);
      if (num === null) continue;
      appender.appendInteger(ip.ident_id);
      appender.appendUHugeInt(num);
      appender.endRow();
    }
    appender.closeSync();
    await db.exec(
      `INSERT INTO subject_ip_country
       SELECT v.ident_id, r.cc FROM subject_ip6_num v ASOF JOIN subject_ip_ranges_v6 r ON v.num >= r.range_start
       WHERE v.num <= r.range_end AND regexp_full_match(r.cc, '[A-Z]{2}') AND r.cc <> 'ZZ'`,
    );
  }
  return true;
}

function valuesTable(rows: ReadonlyArray<readonly [string, string | number]>, names: string): string {
  return `(VALUES ${rows.map(([a, b]) => `(${literal(a)}, ${typeof b === 'number' ? b : literal(b)})`).join(', ')}) AS ${names}`;
}

/** Evidence per unit, `subject_unit_evidence(unit_id, basis, cc, weight)`. */
async function buildEvidence(db: Db): Promise<void> {
  const generic = GENERIC_CCTLDS.map(literal).join(', ');
  const timezones = valuesTable(Object.entries(TIMEZONE_COUNTRY), 'tz(zone, cc)');
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_unit_evidence AS
     WITH ident_ev AS (
       SELECT l.unit_id,
              CASE WHEN i.scheme_country IS NOT NULL THEN 'national_id' WHEN i.kind = 'iban' THEN 'iban'
                   WHEN i.kind = 'phone' THEN 'phone' WHEN i.kind = 'email' THEN 'email_tld' END AS basis,
              CASE WHEN i.scheme_country IS NOT NULL THEN i.scheme_country WHEN i.kind = 'iban' THEN upper(left(i.value, 2))
                   WHEN i.kind = 'phone' THEN pc.cc
                   WHEN i.kind = 'email' THEN (SELECT CASE WHEN t = 'uk' THEN 'GB' WHEN t IN ('eu', ${generic}) THEN NULL
                                                          WHEN regexp_full_match(t, '[a-z]{2}') THEN upper(t) END
                                               FROM (SELECT regexp_extract(i.value, '\\.([a-z]+)$', 1) AS t)) END AS cc
       FROM subject_labels l JOIN subject_identifiers i USING (ident_id) LEFT JOIN subject_phone_country pc USING (ident_id)
       WHERE l.unit_id IS NOT NULL),
     attr_ev AS (
       SELECT ru.unit_id,
              CASE a.attr WHEN 'address_country' THEN 'postal_address' WHEN 'country' THEN 'country_field' ELSE 'locale' END AS basis,
              CASE a.attr WHEN 'address_country' THEN a.value
                          WHEN 'country' THEN CASE WHEN upper(trim(a.value)) = 'UK' THEN 'GB' WHEN regexp_full_match(upper(trim(a.value)), '[A-Z]{2}') THEN upper(trim(a.value)) END
                          ELSE coalesce(tz.cc, upper(nullif(regexp_extract(a.value, '^[a-zA-Z]{2,3}[-_]([a-zA-Z]{2})([.@-].*)?$', 1), ''))) END AS cc
       FROM subject_row_attrs a JOIN subject_row_units ru USING (row_key) LEFT JOIN ${timezones} ON tz.zone = lower(a.value)
       WHERE a.attr IN ('address_country', 'country', 'locale')),
     ip_ev AS (
       SELECT ru.unit_id, 'ip' AS basis, ic.cc FROM subject_observations o JOIN subject_ip_country ic USING (ident_id)
       JOIN subject_row_units ru USING (row_key) WHERE o.kind = 'ip')
     SELECT unit_id, basis, cc, count(*)::BIGINT AS weight FROM (
       SELECT * FROM ident_ev UNION ALL SELECT * FROM attr_ev UNION ALL SELECT * FROM ip_ev)
     WHERE basis IS NOT NULL AND cc IS NOT NULL GROUP BY ALL`,
  );
}

function bestCountrySql(entity: string, evidence: string): string {
  const ranks = valuesTable(Object.entries(COUNTRY_EVIDENCE_RANK), 'rk(basis, rank)');
  return `SELECT ${entity}, cc AS country, basis AS country_basis FROM (
            SELECT e.${entity}, e.basis, e.cc, sum(e.weight) AS w, any_value(rk.rank) AS rank FROM ${evidence} e JOIN ${ranks} USING (basis)
            GROUP BY e.${entity}, e.basis, e.cc)
          QUALIFY row_number() OVER (PARTITION BY ${entity} ORDER BY rank, w DESC, cc) = 1`;
}

export interface PersonsBuild {
  ipTableLoaded: boolean;
}

/**
 * Creates `subject_unit_info` (unit country, categories), `persons` and the temp tables the
 * count model reads (`subject_ip_owner`, `subject_unit_ip_target`, `subject_ip_only`).
 */
export async function buildPersons(db: Db): Promise<PersonsBuild> {
  await buildPhoneCountries(db);
  const ipTableLoaded = await buildIpCountries(db);
  await buildEvidence(db);

  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_unit_categories AS
     SELECT DISTINCT ru.unit_id, rc.category FROM subject_row_units ru JOIN subject_row_categories rc USING (row_key)
     UNION
     SELECT l.unit_id, i.kind_category FROM subject_labels l JOIN subject_identifiers i USING (ident_id)
     WHERE l.unit_id IS NOT NULL AND i.kind_category <> 'account'
     UNION
     SELECT l.unit_id, 'chat_content' FROM (SELECT DISTINCT ident_id FROM subject_observations WHERE NOT from_column) t
     JOIN subject_labels l USING (ident_id) WHERE l.unit_id IS NOT NULL`,
  );
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_unit_country AS ${bestCountrySql('unit_id', 'subject_unit_evidence')}`,
  );
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_person_evidence AS
     SELECT u.person_id, e.basis, e.cc, e.weight FROM subject_unit_evidence e JOIN subject_units u USING (unit_id) WHERE NOT u.ambiguous`,
  );
  await db.exec(`CREATE OR REPLACE TEMP TABLE subject_person_country AS ${bestCountrySql('person_id', 'subject_person_evidence')}`);

  // IP evidence: an IP used by exactly one person holding a primary identifier (counting only
  // that person's own primary units, so a fragment never vouches for itself).
  await db.exec(`CREATE OR REPLACE TEMP TABLE subject_row_ips AS SELECT row_key, ident_id AS ip FROM subject_observations WHERE kind = 'ip'`);
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_ip_owner AS
     SELECT ri.ip, min(u.person_id) AS person_id
     FROM subject_row_ips ri JOIN subject_row_units ru USING (row_key) JOIN subject_units u USING (unit_id)
     WHERE u.has_primary GROUP BY ri.ip HAVING count(DISTINCT u.person_id) = 1`,
  );
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_unit_ip_target AS
     SELECT ru.unit_id, CASE WHEN count(DISTINCT o.person_id) = 1 THEN min(o.person_id) END AS target
     FROM subject_row_units ru JOIN subject_units u USING (unit_id) JOIN subject_row_ips ri USING (row_key)
     JOIN subject_ip_owner o USING (ip) WHERE NOT u.has_primary GROUP BY ru.unit_id`,
  );

  await db.exec(
    `CREATE OR REPLACE TABLE persons AS
     WITH pu AS (SELECT person_id, bool_or(has_primary) AS has_primary, count(*)::INTEGER AS units FROM subject_units WHERE NOT ambiguous GROUP BY person_id),
     obs_n AS (SELECT ident_id, count(*) AS n FROM subject_observations GROUP BY ident_id),
     members AS (SELECT l.person_id, i.kind, i.value, coalesce(o.n, 0) AS n FROM subject_labels l JOIN subject_identifiers i USING (ident_id) LEFT JOIN obs_n o USING (ident_id)),
     contact AS (SELECT person_id, count(*)::INTEGER AS identifiers,
                   arg_max(value, n) FILTER (WHERE kind = 'email') AS email,
                   arg_max(value, n) FILTER (WHERE kind = 'phone') AS phone
                 FROM members GROUP BY person_id),
     person_rows AS (SELECT u.person_id, ru.row_key FROM subject_row_units ru JOIN subject_units u USING (unit_id) WHERE NOT u.ambiguous),
     rows_n AS (SELECT person_id, count(DISTINCT row_key)::BIGINT AS rows FROM person_rows GROUP BY person_id),
     names AS (SELECT person_id, arg_max(value, n) AS name FROM (
                 SELECT pr.person_id, a.value, count(*) AS n FROM person_rows pr JOIN subject_row_attrs a USING (row_key)
                 WHERE a.attr = 'name' GROUP BY ALL) GROUP BY person_id),
     cats AS (SELECT u.person_id, list_sort(list_distinct(list(c.category))) AS categories
              FROM subject_unit_categories c JOIN subject_units u USING (unit_id) WHERE NOT u.ambiguous GROUP BY u.person_id),
     target AS (SELECT u.person_id, CASE WHEN count(DISTINCT o.person_id) = 1 THEN min(o.person_id) END AS ip_match_person
                FROM subject_units u JOIN pu USING (person_id) JOIN subject_row_units ru USING (unit_id)
                JOIN subject_row_ips ri USING (row_key) JOIN subject_ip_owner o USING (ip)
                WHERE NOT pu.has_primary GROUP BY u.person_id),
     -- Who wrote the text in which a person's identifiers were mentioned (one writer only).
     mention AS (SELECT l.person_id, CASE WHEN count(DISTINCT w.person_id) = 1 THEN min(w.person_id) END AS mention_writer
                 FROM subject_observations o JOIN subject_labels l USING (ident_id)
                 JOIN subject_row_units ru ON ru.row_key = o.row_key JOIN subject_units w ON w.unit_id = ru.unit_id
                 WHERE NOT o.from_column AND NOT o.listed AND NOT w.ambiguous AND w.person_id <> l.person_id
                 GROUP BY l.person_id),
     -- Two orphans alone on an IP are likely one person (a guest on two devices); the one with
     -- fewer rows points to the other, so a pair counts as one fragment, not two.
     ip_users AS (SELECT DISTINCT ri.ip, u.person_id FROM subject_row_ips ri JOIN subject_row_units ru USING (row_key)
                  JOIN subject_units u USING (unit_id) WHERE NOT u.ambiguous),
     ip_pairs AS (SELECT ip, min(person_id) AS a, max(person_id) AS b FROM ip_users GROUP BY ip HAVING count(*) = 2),
     orphan_rank AS (SELECT pu.person_id, row_number() OVER (ORDER BY rows_n.rows DESC, pu.person_id) AS rnk
                     FROM pu JOIN rows_n USING (person_id) WHERE NOT pu.has_primary),
     orphan_target AS (
       SELECT x.person_id, CASE WHEN count(DISTINCT x.other) = 1 THEN min(x.other) END AS ip_match_orphan FROM (
         SELECT a AS person_id, b AS other FROM ip_pairs UNION ALL SELECT b, a FROM ip_pairs) x
       JOIN orphan_rank me ON me.person_id = x.person_id JOIN orphan_rank them ON them.person_id = x.other
       WHERE them.rnk < me.rnk GROUP BY x.person_id)
     SELECT pu.person_id, pu.has_primary, pu.units,
            coalesce(pc.country, ${literal(UNKNOWN_COUNTRY)}) AS country, coalesce(pc.country_basis, 'none') AS country_basis,
            coalesce(cats.categories, []::VARCHAR[]) AS categories, coalesce(contact.identifiers, 0) AS identifiers,
            coalesce(rows_n.rows, 0) AS rows, contact.email,
            CASE WHEN starts_with(contact.phone, 'nat:') THEN substr(contact.phone, 5) ELSE contact.phone END AS phone,
            names.name, coalesce(target.ip_match_person, orphan_target.ip_match_orphan) AS ip_match_person,
            target.ip_match_person IS NULL AND orphan_target.ip_match_orphan IS NOT NULL AS ip_match_is_orphan,
            CASE WHEN coalesce(rows_n.rows, 0) = 0 THEN mention.mention_writer END AS mention_writer
     FROM pu LEFT JOIN subject_person_country pc USING (person_id) LEFT JOIN cats USING (person_id)
     LEFT JOIN contact USING (person_id) LEFT JOIN rows_n USING (person_id) LEFT JOIN names USING (person_id)
     LEFT JOIN target USING (person_id) LEFT JOIN orphan_target USING (person_id) LEFT JOIN mention USING (person_id)
     ORDER BY pu.person_id`,
  );

  // Rows whose only identifier is an IP: each such IP may be one more person (upper bound only).
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_ip_only AS
     SELECT ri.row_key, ri.ip FROM subject_row_ips ri ANTI JOIN subject_row_units ru USING (row_key)`,
  );
  return { ipTableLoaded };
}
