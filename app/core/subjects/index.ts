/**
 * Affected persons: link identifiers, estimate how many people the leak concerns with honest
 * bounds, and break the count down by country and data category.
 */
import type { Db } from '../db/open-db.ts';
import type { ProgressEvent } from '../jobs/progress.ts';
import { maskValue } from '../classify/mask.ts';
import type { FindingCategory } from '../classify/rule-types.ts';
import { UNKNOWN_COUNTRY, ipTableInfo, type IpTableInfo } from './country.ts';
import { METHOD_TEXT, boundsFor, modelRates, type Bounds, type Calibration, type GroupCounts, type ModelRates } from './estimate.ts';
import { linkObservations, type LinkStats } from './link.ts';
import { extractObservations } from './observations.ts';
import { buildPersons } from './persons.ts';

export { writeNotificationList, neutralizeCell } from './notification-list.ts';
export { ipCountryTablePaths, ipTableInfo } from './country.ts';

export interface MaskedIdentifier {
  kind: string;
  masked: string;
}

export interface LargestPerson {
  person_id: number;
  identifiers: number;
  rows: number;
  country: string;
  kinds: Record<string, number>;
  sample: MaskedIdentifier[];
}

export interface SubjectConflict {
  conflict_id: number;
  kind: string;
  a: MaskedIdentifier;
  b: MaskedIdentifier;
  bridge: MaskedIdentifier;
  person_a: number;
  person_b: number;
  by_text: boolean;
}

export interface SubjectsSummary extends Bounds {
  method: string;
  rows_total: number;
  rows_without_identifier: number;
  /** Rows whose only identifier is an IP address: attributed to nobody, counted in `upper` only. */
  rows_ip_only: number;
  linked_persons: number;
  units: number;
  link: LinkStats;
  model: ModelRates & Calibration & { orphans: number; matched: number; matched_orphans: number; mention_only: number; second_accounts: number };
  by_country: Record<string, Bounds>;
  by_category: Record<string, Bounds>;
  special_categories: Record<string, { subjects: number; rows: number }>;
  largest_persons: LargestPerson[];
  conflicts: SubjectConflict[];
  conflicts_total: number;
  ip_table: IpTableInfo;
  provenance: Array<{ id: string; description: string; query: string }>;
}

export interface ComputeSubjectsOptions {
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** How many merged persons and conflicts to list for review. */
  reviewLimit?: number;
}

const PHASES = ['identifiers', 'linking', 'persons', 'estimate'] as const;

function maskCategory(kindCategory: string): FindingCategory {
  switch (kindCategory) {
    case 'contact':
    case 'financial':
    case 'national_id':
    case 'demographic':
      return kindCategory;
    default:
      return 'online_id';
  }
}

function masked(kind: string, kindCategory: string, value: string): MaskedIdentifier {
  return { kind, masked: maskValue(value.startsWith('nat:') ? value.slice(4) : value, maskCategory(kindCategory), kind) };
}

/**
 * Computes subjects and writes `subject_observations`, `subject_identifiers`, `subject_labels`,
 * `subject_units`, `persons` and `subject_conflicts` into the case database, replacing earlier runs.
 */
export async function computeSubjects(db: Db, opts: ComputeSubjectsOptions = {}): Promise<SubjectsSummary> {
  const startedAt = Date.now();
  const onAbort = () => db.interrupt();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const checkCancelled = () => {
    if (opts.signal?.aborted) throw new Error('SUBJECTS_CANCELLED: the subjects step was cancelled; run it again to complete it');
  };
  const progress = (phaseIndex: number) =>
    opts.onProgress?.({ job: 'subjects', phase: PHASES[phaseIndex] ?? 'done', done: phaseIndex, total: PHASES.length, startedAt, at: Date.now() });
  try {
    progress(0);
    const obs = await extractObservations(db);
    checkCancelled();
    progress(1);
    const link = await linkObservations(db, checkCancelled);
    progress(2);
    const built = await buildPersons(db);
    checkCancelled();
    progress(3);
    const summary = await summarize(db, obs.totalRows, link, built.ipTableLoaded, opts.reviewLimit ?? 10);
    progress(4);
    return summary;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

type GroupRow = {
  dim: string;
  g: string;
  persons: number;
  orphans: number;
  matched: number;
  matched_orphan: number;
  mention_only: number;
  second_accounts: number;
  units: number;
};

/** Account kinds whose conflicts, when bridged by a strong identifier, mean one holder. */
const ACCOUNT_KINDS = ['user_id', 'account'];

/**
 * Writes `subject_second_accounts(person_id, representative)`: accounts the guard kept apart
 * although an email, phone or other non-weak identifier joins them. Each group of such
 * accounts keeps its person with the smallest id as representative.
 */
async function markSecondAccounts(db: Db): Promise<void> {
  const pairs = await db.all<{ a: number; b: number }>(
    `SELECT DISTINCT c.person_a AS a, c.person_b AS b FROM subject_conflicts c
     JOIN subject_identifiers x ON x.ident_id = CASE WHEN c.bridge_to IN (c.ident_a, c.ident_b) THEN c.bridge_from ELSE c.bridge_to END
     WHERE c.kind IN (${ACCOUNT_KINDS.map((k) => `'${k}'`).join(', ')}) AND x.tier <> 'weak' AND c.person_a <> c.person_b`,
  );
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const { a, b } of pairs) {
    for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  await db.exec(`CREATE OR REPLACE TEMP TABLE subject_second_accounts (person_id INTEGER, representative INTEGER)`);
  const appender = await db.connection.createAppender('subject_second_accounts', 'main', 'temp');
  for (const person of parent.keys()) {
    const rep = find(person);
    if (rep === person) continue;
    appender.appendInteger(person);
    appender.appendInteger(rep);
    appender.endRow();
  }
  appender.closeSync();
  await db.exec(`ALTER TABLE persons ADD COLUMN IF NOT EXISTS second_account_of INTEGER`);
  await db.exec(`UPDATE persons p SET second_account_of = s.representative FROM subject_second_accounts s WHERE s.person_id = p.person_id`);
}

async function groupCounts(db: Db): Promise<GroupRow[]> {
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_person_groups AS
     SELECT person_id, 'all' AS dim, 'all' AS g FROM persons
     UNION ALL SELECT person_id, 'country', country FROM persons
     UNION ALL SELECT person_id, 'category', unnest(categories) FROM persons`,
  );
  // Units (and IP-only identities, keyed negative) with their own country and categories.
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_unit_groups AS
     WITH ip_only AS (SELECT DISTINCT ip FROM subject_ip_only)
     SELECT unit_id::BIGINT AS unit_key, 'all' AS dim, 'all' AS g FROM subject_units
     UNION ALL SELECT -1 - ip, 'all', 'all' FROM ip_only
     UNION ALL SELECT u.unit_id, 'country', coalesce(c.country, 'unknown') FROM subject_units u LEFT JOIN subject_unit_country c USING (unit_id)
     UNION ALL SELECT -1 - o.ip, 'country', coalesce(ic.cc, 'unknown') FROM ip_only o LEFT JOIN subject_ip_country ic ON ic.ident_id = o.ip
     UNION ALL SELECT DISTINCT unit_id, 'category', category FROM subject_unit_categories
     UNION ALL SELECT DISTINCT -1 - o.ip, 'category', rc.category FROM subject_ip_only o JOIN subject_row_categories rc USING (row_key)`,
  );
  // A fragment joined to its owner takes the owner's country (the owner's evidence is the
  // stronger), so it leaves its own country's count whatever the owner's country; a category
  // only loses it when the owner shares that category.
  return db.all<GroupRow>(
    `WITH p AS (
       SELECT pg.dim, pg.g, count(*)::BIGINT AS persons, count(*) FILTER (WHERE NOT p.has_primary AND p.rows > 0)::BIGINT AS orphans,
              count(*) FILTER (WHERE NOT p.has_primary AND p.rows > 0 AND NOT p.ip_match_is_orphan
                AND (tg.person_id IS NOT NULL OR (pg.dim = 'country' AND p.ip_match_person IS NOT NULL)))::BIGINT AS matched,
              count(*) FILTER (WHERE NOT p.has_primary AND p.rows > 0 AND p.ip_match_is_orphan
                AND (tg.person_id IS NOT NULL OR (pg.dim = 'country' AND p.ip_match_person IS NOT NULL)))::BIGINT AS matched_orphan,
              count(*) FILTER (WHERE p.mention_writer IS NOT NULL
                AND (wg.person_id IS NOT NULL OR pg.dim = 'country'))::BIGINT AS mention_only
       FROM subject_person_groups pg JOIN persons p USING (person_id)
       LEFT JOIN subject_person_groups tg ON tg.person_id = p.ip_match_person AND tg.dim = pg.dim AND tg.g = pg.g
       LEFT JOIN subject_person_groups wg ON wg.person_id = p.mention_writer AND wg.dim = pg.dim AND wg.g = pg.g
       GROUP BY pg.dim, pg.g),
     c AS (SELECT pg.dim, pg.g, count(*)::BIGINT AS second_accounts
           FROM subject_second_accounts s JOIN subject_person_groups pg ON pg.person_id = s.person_id
           JOIN subject_person_groups rg ON rg.person_id = s.representative AND rg.dim = pg.dim AND rg.g = pg.g
           GROUP BY pg.dim, pg.g),
     u AS (SELECT dim, g, count(DISTINCT unit_key)::BIGINT AS units FROM subject_unit_groups GROUP BY dim, g)
     SELECT coalesce(p.dim, u.dim) AS dim, coalesce(p.g, u.g) AS g, coalesce(p.persons, 0) AS persons, coalesce(p.orphans, 0) AS orphans,
            coalesce(p.matched, 0) AS matched, coalesce(p.matched_orphan, 0) AS matched_orphan, coalesce(p.mention_only, 0) AS mention_only, coalesce(c.second_accounts, 0) AS second_accounts, coalesce(u.units, 0) AS units
     FROM p FULL JOIN u ON u.dim = p.dim AND u.g = p.g LEFT JOIN c ON c.dim = coalesce(p.dim, u.dim) AND c.g = coalesce(p.g, u.g)
     ORDER BY 1, 2`,
  );
}

async function summarize(db: Db, totalRows: number, link: LinkStats, ipTableLoaded: boolean, reviewLimit: number): Promise<SubjectsSummary> {
  const cal = await db.one<{ attached: number; hits: number; false_matches: number }>(
    `SELECT count(*)::BIGINT AS attached,
            count(*) FILTER (WHERE t.target = u.person_id)::BIGINT AS hits,
            count(*) FILTER (WHERE t.target IS NOT NULL AND t.target <> u.person_id)::BIGINT AS false_matches
     FROM subject_units u JOIN persons p USING (person_id) LEFT JOIN subject_unit_ip_target t USING (unit_id)
     WHERE NOT u.has_primary AND NOT u.ambiguous AND p.has_primary`,
  );
  const mentionCal = await db.one<{ mentions: number; own: number }>(
    `SELECT count(*)::BIGINT AS mentions, count(*) FILTER (WHERE owner = writer)::BIGINT AS own FROM (
       SELECT DISTINCT o.ident_id, l.person_id AS owner, w.person_id AS writer
       FROM subject_observations o JOIN subject_labels l USING (ident_id) JOIN persons p ON p.person_id = l.person_id
       JOIN subject_row_units ru ON ru.row_key = o.row_key JOIN subject_units w ON w.unit_id = ru.unit_id
       JOIN persons wp ON wp.person_id = w.person_id
       -- Only writers known by an account: a guest fragment writing its owner's address would
       -- look like a stranger's mention.
       WHERE NOT o.from_column AND NOT o.listed AND NOT w.ambiguous AND p.rows > 0 AND wp.has_primary)`,
  );
  const calibration: Calibration = {
    attached: Number(cal?.attached ?? 0),
    hits: Number(cal?.hits ?? 0),
    falseMatches: Number(cal?.false_matches ?? 0),
    mentions: Number(mentionCal?.mentions ?? 0),
    ownMentions: Number(mentionCal?.own ?? 0),
  };
  const rates = modelRates(calibration);
  await markSecondAccounts(db);
  const groups = await groupCounts(db);
  const toCounts = (r: GroupRow): GroupCounts => ({
    persons: Number(r.persons),
    orphans: Number(r.orphans),
    matched: Number(r.matched),
    matchedOrphans: Number(r.matched_orphan),
    mentionOnly: Number(r.mention_only),
    secondAccounts: Number(r.second_accounts),
    units: Number(r.units),
  });
  const all = groups.find((r) => r.dim === 'all');
  const allCounts = all ? toCounts(all) : { persons: 0, orphans: 0, matched: 0, matchedOrphans: 0, mentionOnly: 0, secondAccounts: 0, units: 0 };
  const total = boundsFor(allCounts, rates);
  const byCountry: Record<string, Bounds> = {};
  const byCategory: Record<string, Bounds> = {};
  for (const r of groups) {
    if (r.dim === 'country') byCountry[r.g] = boundsFor(toCounts(r), rates);
    if (r.dim === 'category') byCategory[r.g] = boundsFor(toCounts(r), rates);
  }
  // Anyone of unknown country may live in any country: each country's upper bound includes them.
  const unknownUpper = byCountry[UNKNOWN_COUNTRY]?.upper ?? 0;
  for (const [cc, b] of Object.entries(byCountry)) if (cc !== UNKNOWN_COUNTRY) b.upper += unknownUpper;

  const rowStats = await db.one<{ with_ident: number; ip_only: number }>(
    `SELECT (SELECT count(DISTINCT row_key) FROM subject_observations)::BIGINT AS with_ident,
            (SELECT count(DISTINCT row_key) FROM subject_ip_only)::BIGINT AS ip_only`,
  );
  const specialRows = await db.all<{ category: string; rows: number }>(
    `SELECT substr(category, 9) AS category, count(DISTINCT row_key)::BIGINT AS rows FROM subject_row_categories
     WHERE starts_with(category, 'special:') GROUP BY 1 ORDER BY 1`,
  );
  const special: Record<string, { subjects: number; rows: number }> = {};
  for (const s of specialRows) special[s.category] = { subjects: byCategory[`special:${s.category}`]?.estimate ?? 0, rows: Number(s.rows) };

  const largest = await largestPersons(db, reviewLimit);
  const conflicts = await conflictList(db, reviewLimit);
  const conflictsTotal = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM subject_conflicts`);

  return {
    ...total,
    method: METHOD_TEXT,
    rows_total: totalRows,
    rows_without_identifier: Math.max(0, totalRows - Number(rowStats?.with_ident ?? 0)),
    rows_ip_only: Number(rowStats?.ip_only ?? 0),
    linked_persons: allCounts.persons,
    units: link.units,
    link,
    model: { ...rates, ...calibration, orphans: allCounts.orphans, matched: allCounts.matched, matched_orphans: allCounts.matchedOrphans, mention_only: allCounts.mentionOnly, second_accounts: allCounts.secondAccounts },
    by_country: byCountry,
    by_category: byCategory,
    special_categories: special,
    largest_persons: largest,
    conflicts,
    conflicts_total: Number(conflictsTotal?.n ?? 0),
    ip_table: ipTableInfo(ipTableLoaded),
    provenance: PROVENANCE,
  };
}

async function largestPersons(db: Db, limit: number): Promise<LargestPerson[]> {
  const top = await db.all<{ person_id: number; identifiers: number; rows: number; country: string }>(
    `SELECT person_id, identifiers, rows, country FROM persons ORDER BY identifiers DESC, rows DESC, person_id LIMIT ${Math.max(0, Math.floor(limit))}`,
  );
  const out: LargestPerson[] = [];
  for (const p of top) {
    const members = await db.all<{ kind: string; kind_category: string; value: string; n: number }>(
      `SELECT i.kind, any_value(i.kind_category) AS kind_category, min(i.value) AS value, count(*)::BIGINT AS n
       FROM subject_labels l JOIN subject_identifiers i USING (ident_id) WHERE l.person_id = $1 GROUP BY i.kind ORDER BY i.kind`,
      [p.person_id],
    );
    out.push({
      person_id: p.person_id,
      identifiers: Number(p.identifiers),
      rows: Number(p.rows),
      country: p.country,
      kinds: Object.fromEntries(members.map((m) => [m.kind, Number(m.n)])),
      sample: members.map((m) => masked(m.kind, m.kind_category, m.value)),
    });
  }
  return out;
}

async function conflictList(db: Db, limit: number): Promise<SubjectConflict[]> {
  const rows = await db.all<Record<string, unknown>>(
    `SELECT c.conflict_id, c.kind, c.person_a, c.person_b, c.by_text,
            a.kind AS a_kind, a.kind_category AS a_cat, a.value AS a_value,
            b.kind AS b_kind, b.kind_category AS b_cat, b.value AS b_value,
            x.kind AS x_kind, x.kind_category AS x_cat, x.value AS x_value
     FROM subject_conflicts c JOIN subject_identifiers a ON a.ident_id = c.ident_a JOIN subject_identifiers b ON b.ident_id = c.ident_b
     JOIN subject_identifiers x ON x.ident_id = CASE WHEN c.bridge_to IN (c.ident_a, c.ident_b) THEN c.bridge_from ELSE c.bridge_to END
     ORDER BY c.conflict_id LIMIT ${Math.max(0, Math.floor(limit))}`,
  );
  return rows.map((r) => ({
    conflict_id: Number(r['conflict_id']),
    kind: String(r['kind']),
    a: masked(String(r['a_kind']), String(r['a_cat']), String(r['a_value'])),
    b: masked(String(r['b_kind']), String(r['b_cat']), String(r['b_value'])),
    bridge: masked(String(r['x_kind']), String(r['x_cat']), String(r['x_value'])),
    person_a: Number(r['person_a']),
    person_b: Number(r['person_b']),
    by_text: r['by_text'] === true,
  }));
}

const PROVENANCE: SubjectsSummary['provenance'] = [
  { id: 'linked_persons', description: 'Persons after linking (the persons table)', query: 'SELECT count(*) FROM persons' },
  {
    id: 'orphans',
    description: 'Persons without a primary identifier, and those tied by an exclusive IP to one known person',
    query: 'SELECT count(*) FILTER (WHERE NOT has_primary), count(*) FILTER (WHERE NOT has_primary AND ip_match_person IS NOT NULL) FROM persons',
  },
  { id: 'units', description: 'Groups joined by strong identifiers or sessions only (upper bound basis)', query: 'SELECT count(*) FROM subject_units' },
  { id: 'conflicts', description: 'Refused merges of two different primary identifiers of one kind', query: 'SELECT * FROM subject_conflicts' },
  { id: 'by_country', description: 'Persons per country and the evidence used', query: 'SELECT country, country_basis, count(*) FROM persons GROUP BY ALL ORDER BY 3 DESC' },
  { id: 'by_category', description: 'Persons per data category', query: 'SELECT unnest(categories) AS category, count(*) FROM persons GROUP BY 1 ORDER BY 2 DESC' },
];
