/**
 * Links identifier observations into persons.
 *
 * Phase A joins everything that occurs together in a row through a `row`-linking identifier
 * (primary and secondary identifiers, sessions); rows with none of those fall back to their
 * device id. Its groups are the "units": the finest split the evidence supports.
 * Phase B joins units through a device id only when the data never shows that device with two
 * identified units (a family tablet links nobody). IPs never join anything.
 *
 * SQL prepares the edges; union-find runs in JS over dense integer ids because the guard
 * (never merge two different primary identifiers of one kind) needs per-group state that
 * iterative SQL label propagation cannot keep. Both were measured on 1M rows (see
 * docs/subjects-method.md and bench/subjects-bench.ts).
 */
import type { Db } from '../db/open-db.ts';
import { GuardedUnionFind, type RefusedMerge } from './union-find.ts';

export interface LinkStats {
  edgesA: number;
  edgesB: number;
  units: number;
  persons: number;
  conflicts: number;
  /** Devices seen with two or more identified units: they link nobody. */
  sharedDevices: number;
  /** Phase A in milliseconds: reading the edges into JS, union-find, writing the labels back. */
  phaseAUnionFindMs: number;
}

const MIN_CROSS_KIND_ACCOUNT_LENGTH = 6;

async function readIntColumns(db: Db, sql: string, columnCount: number): Promise<Int32Array[]> {
  const reader = await db.connection.runAndReadAll(sql);
  const columns = reader.getColumns();
  const out: Int32Array[] = [];
  for (let c = 0; c < columnCount; c++) {
    const values = columns[c] ?? [];
    const arr = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) arr[i] = Number(values[i]);
    out.push(arr);
  }
  return out;
}

async function writeLabels(db: Db, table: string, ids: Int32Array, labelOf: (id: number) => number): Promise<void> {
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table} (ident_id INTEGER, label INTEGER)`);
  const appender = await db.connection.createAppender(table, 'main', 'temp');
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    appender.appendInteger(id);
    appender.appendInteger(labelOf(id));
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Runs both phases; writes `subject_labels` (ident_id, unit_id, person_id), `subject_row_units`
 * (row_key, unit_id), `subject_units` and `subject_conflicts`.
 */
export async function linkObservations(db: Db, checkCancelled: () => void): Promise<LinkStats> {
  const count = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM subject_identifiers`);
  const nodeCount = Number(count?.n ?? 0);
  const [primIds, primCodes] = await readIntColumns(db, `SELECT ident_id, kind_code FROM subject_identifiers WHERE tier = 'primary'`, 2);
  const primaryKind = new Int16Array(nodeCount).fill(-1);
  for (let i = 0; i < primIds!.length; i++) primaryKind[primIds![i]!] = primCodes![i]!;
  const uf = new GuardedUnionFind(nodeCount, primaryKind);
  const refused: Array<RefusedMerge & { byText: boolean }> = [];

  // The nodes that form units: row-linking identifiers, or a device where a row has none.
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_row_nodes AS
     WITH strong AS (SELECT row_key, ident_id, from_column FROM subject_observations WHERE linkable)
     SELECT * FROM strong
     UNION ALL
     SELECT o.row_key, o.ident_id, o.from_column FROM subject_observations o ANTI JOIN strong s ON s.row_key = o.row_key
     WHERE o.kind = 'device_id'`,
  );
  // One anchor per row (a column value where there is one), an edge from it to each other node.
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_edges_a AS
     WITH anchors AS (
       SELECT row_key, arg_min(ident_id, (NOT from_column)::BIGINT * 4294967296 + ident_id) AS anchor
       FROM subject_row_nodes GROUP BY row_key)
     SELECT a.anchor, n.ident_id, bool_and(NOT n.from_column) AS by_text
     FROM subject_row_nodes n JOIN anchors a USING (row_key)
     WHERE n.ident_id <> a.anchor GROUP BY a.anchor, n.ident_id`,
  );
  // The same string as a user id in one file and an account id in another (billing exports
  // often call the user id `account_id`) is one account. Short values are left alone: "1042"
  // may be a user id in one system and an unrelated account number in another.
  await db.exec(
    `INSERT INTO subject_edges_a
     SELECT a.ident_id, b.ident_id, false FROM subject_identifiers a JOIN subject_identifiers b
       ON a.kind = 'user_id' AND b.kind = 'account' AND lower(a.value) = b.value
     WHERE length(b.value) >= ${MIN_CROSS_KIND_ACCOUNT_LENGTH}`,
  );
  checkCancelled();
  const phaseAStart = performance.now();
  const edgesA = await db.connection.runAndReadAll(`SELECT anchor, ident_id, by_text FROM subject_edges_a ORDER BY anchor, ident_id`);
  const edgeColumns = edgesA.getColumns();
  const [fromA, toA, textA] = [edgeColumns[0] ?? [], edgeColumns[1] ?? [], edgeColumns[2] ?? []];
  for (let i = 0; i < fromA.length; i++) {
    const r = uf.union(Number(fromA[i]), Number(toA[i]), i);
    if (r) refused.push({ ...r, byText: textA[i] === true });
  }
  // Strong identifiers that never join a row (an address in a pasted list) are persons of their own.
  const [unitNodes] = await readIntColumns(
    db,
    `SELECT ident_id FROM subject_row_nodes UNION SELECT ident_id FROM subject_identifiers WHERE link = 'row' AND tier <> 'weak' ORDER BY 1`,
    1,
  );
  await writeLabels(db, 'subject_labels_a', unitNodes!, (id) => uf.find(id));
  const phaseAUnionFindMs = performance.now() - phaseAStart;
  checkCancelled();

  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_row_units AS
     SELECT DISTINCT n.row_key, l.label AS unit_id FROM subject_row_nodes n JOIN subject_labels_a l USING (ident_id)`,
  );
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_unit_flags AS
     SELECT l.label AS unit_id, bool_or(i.tier = 'primary') AS has_primary, bool_or(i.tier <> 'weak') AS identified
     FROM subject_labels_a l JOIN subject_identifiers i USING (ident_id) GROUP BY l.label`,
  );
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_device_units AS
     SELECT DISTINCT o.ident_id AS device, ru.unit_id FROM subject_observations o JOIN subject_row_units ru USING (row_key)
     WHERE o.kind = 'device_id'`,
  );
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE subject_device_shared AS
     SELECT d.device FROM subject_device_units d JOIN subject_unit_flags f USING (unit_id)
     GROUP BY d.device HAVING count(*) FILTER (WHERE f.identified) > 1`,
  );
  const edgesB = await readIntColumns(
    db,
    `SELECT d.device, d.unit_id FROM subject_device_units d ANTI JOIN subject_device_shared s USING (device) ORDER BY 1, 2`,
    2,
  );
  const [devB, unitB] = edgesB as [Int32Array, Int32Array];
  for (let i = 0; i < devB.length; i++) {
    const r = uf.union(devB[i]!, unitB[i]!, -1);
    if (r) refused.push({ ...r, byText: false });
  }
  checkCancelled();

  const [allLabelled] = await readIntColumns(
    db,
    `SELECT ident_id FROM subject_labels_a UNION SELECT device FROM subject_device_units ANTI JOIN subject_device_shared USING (device) ORDER BY 1`,
    1,
  );
  await writeLabels(db, 'subject_labels_b', allLabelled!, (id) => uf.find(id));
  await db.exec(
    `CREATE OR REPLACE TABLE subject_labels AS
     SELECT b.ident_id, a.label AS unit_id, b.label AS person_id
     FROM subject_labels_b b LEFT JOIN subject_labels_a a USING (ident_id)`,
  );
  // A unit made only of a shared device belongs to one of the persons sharing it: it is no
  // person of its own (it still counts in the upper bound).
  await db.exec(
    `CREATE OR REPLACE TABLE subject_units AS
     SELECT f.unit_id, l.label AS person_id, f.has_primary, f.identified,
            (NOT f.identified AND EXISTS (SELECT 1 FROM subject_device_shared s WHERE s.device = f.unit_id)) AS ambiguous
     FROM subject_unit_flags f JOIN subject_labels_b l ON l.ident_id = f.unit_id`,
  );

  await db.exec(
    `CREATE OR REPLACE TABLE subject_conflicts (conflict_id INTEGER, kind VARCHAR, ident_a INTEGER, ident_b INTEGER,
       bridge_from INTEGER, bridge_to INTEGER, person_a INTEGER, person_b INTEGER, by_text BOOLEAN)`,
  );
  if (refused.length > 0) {
    const appender = await db.connection.createAppender('subject_conflicts');
    refused.forEach((r, i) => {
      appender.appendInteger(i + 1);
      appender.appendVarchar('');
      appender.appendInteger(r.primaryA);
      appender.appendInteger(r.primaryB);
      appender.appendInteger(r.edgeFrom);
      appender.appendInteger(r.edgeTo);
      appender.appendInteger(uf.find(r.primaryA));
      appender.appendInteger(uf.find(r.primaryB));
      appender.appendBoolean(r.byText);
      appender.endRow();
    });
    appender.closeSync();
    await db.exec(
      `UPDATE subject_conflicts c SET kind = i.kind FROM subject_identifiers i WHERE i.ident_id = c.ident_a`,
    );
  }
  const summary = await db.one<{ units: number; persons: number; shared: number }>(
    `SELECT (SELECT count(*) FROM subject_units)::BIGINT AS units,
            (SELECT count(DISTINCT person_id) FROM subject_units WHERE NOT ambiguous)::BIGINT AS persons,
            (SELECT count(*) FROM subject_device_shared)::BIGINT AS shared`,
  );
  return {
    edgesA: fromA.length,
    edgesB: devB.length,
    units: Number(summary?.units ?? 0),
    persons: Number(summary?.persons ?? 0),
    conflicts: refused.length,
    sharedDevices: Number(summary?.shared ?? 0),
    phaseAUnionFindMs,
  };
}

/**
 * Phase A by iterative label propagation in SQL (min label over neighbours until stable),
 * without the primary-identifier guard. Kept to measure against union-find; see the bench.
 */
export async function propagateLabelsInSql(db: Db, maxIterations = 100): Promise<{ components: number; iterations: number }> {
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE lp_edges AS
     SELECT anchor AS a, ident_id AS b FROM subject_edges_a UNION ALL SELECT ident_id, anchor FROM subject_edges_a`,
  );
  await db.exec(`CREATE OR REPLACE TEMP TABLE lp_labels AS SELECT DISTINCT ident_id AS node, ident_id AS label FROM subject_row_nodes`);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    await db.exec(
      `CREATE OR REPLACE TEMP TABLE lp_next AS
       SELECT l.node, least(l.label, coalesce(min(n.label), l.label)) AS label
       FROM lp_labels l LEFT JOIN lp_edges e ON e.a = l.node LEFT JOIN lp_labels n ON n.node = e.b
       GROUP BY l.node, l.label`,
    );
    const changed = await db.one<{ n: number }>(
      `SELECT count(*)::BIGINT AS n FROM lp_next x JOIN lp_labels l USING (node) WHERE x.label <> l.label`,
    );
    await db.exec(`DROP TABLE lp_labels; ALTER TABLE lp_next RENAME TO lp_labels`);
    if (Number(changed?.n ?? 0) === 0) break;
  }
  const comps = await db.one<{ n: number }>(`SELECT count(DISTINCT label)::BIGINT AS n FROM lp_labels`);
  return { components: Number(comps?.n ?? 0), iterations: iterations + 1 };
}
