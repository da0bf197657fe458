import type { Db } from '../db/open-db.ts';
import { fingerprint } from '../classify/fingerprint.ts';
import { maskValue } from '../classify/mask.ts';
import { cellParts } from '../db/cells-view.ts';
import { addFindingFields, deleteFindingsOfRules, nextFindingBase, nextValueBase } from '../db/findings-store.ts';
import { literal } from '../db/sql.ts';

/**
 * Columns whose role says what they hold (a `full_name` column holds names, a
 * `billing_address` column addresses) are findings by themselves, even where no text rule
 * would fire: a name in a name column is personal data. Values go through the same masking and
 * keyed fingerprint as every other finding; review marks survive reruns.
 */
export const ROLE_RULES = [
  { role: 'name', ruleId: 'column-role.name', kind: 'person_name', category: 'contact' as const, confidence: 0.8 },
  { role: 'address', ruleId: 'column-role.address', kind: 'postal_address', category: 'contact' as const, confidence: 0.8 },
] as const;

const ROLE_RULE_VERSION = 1;

/** The role findings of a case, computed but not yet written (temp tables of one connection). */
export interface PreparedRoleFindings {
  rules: Array<{ rule: (typeof ROLE_RULES)[number]; values: string; cells: string }>;
}

/**
 * Everything of the role findings that needs no finding id: the distinct values of the role's
 * columns with their fingerprints and previews, and the cells holding each, in cell order.
 * Reads only the imported rows, so it may run on its own connection beside the text passes.
 */
export async function prepareRoleFindings(db: Db, key: Buffer): Promise<PreparedRoleFindings> {
  const prepared: PreparedRoleFindings = { rules: [] };
  for (const [i, rule] of ROLE_RULES.entries()) {
    // The role's columns read directly (through the cells view, every column of every source was unpivoted).
    const parts = await cellParts(db, 'TRUE', rule.role);
    if (parts.length === 0) continue;
    const cells = `(${parts.join('\nUNION ALL\n')})`;
    const values = await db.all<{ text: string }>(`SELECT DISTINCT c.text FROM ${cells} c WHERE length(trim(c.text)) >= 2`);
    if (values.length === 0) continue;
    const names = { values: `role_values_${i}`, cells: `role_cells_${i}` };
    await db.exec(`DROP TABLE IF EXISTS ${names.values}; CREATE TEMP TABLE ${names.values} (text VARCHAR, fingerprint VARCHAR, preview VARCHAR, normalized VARCHAR)`);
    const appender = await db.connection.createAppender(names.values, 'main', 'temp');
    for (const { text } of values) {
      appender.appendVarchar(text);
      appender.appendVarchar(fingerprint(key, text));
      appender.appendVarchar(maskValue(text, rule.category, rule.kind));
      appender.appendVarchar(text.trim().toLowerCase().replace(/\s+/g, ' '));
      appender.endRow();
    }
    appender.closeSync();
    // One value row per distinct text (its row id numbers it), one cell row per cell holding it.
    await db.exec(
      `DROP TABLE IF EXISTS ${names.cells}; CREATE TEMP TABLE ${names.cells} AS
       SELECT row_number() OVER (ORDER BY c.source_id, c.row, c.field) AS n, c.source_id, c.row, c.field, v.rowid AS v, length(c.text) AS len, v.fingerprint
       FROM ${cells} c JOIN ${names.values} v ON v.text = c.text`,
    );
    prepared.rules.push({ rule, ...names });
  }
  return prepared;
}

/**
 * Replaces the role findings with the prepared ones (on the connection that prepared them);
 * their ids follow every finding already written. Review marks of an earlier run come back.
 */
export async function writeRoleFindings(db: Db, prepared: PreparedRoleFindings): Promise<number> {
  let added = 0;
  const ids = ROLE_RULES.map((r) => `'${r.ruleId}'`).join(', ');
  await db.exec(`DROP TABLE IF EXISTS role_saved_reviews`);
  await db.exec(`CREATE TEMP TABLE role_saved_reviews AS SELECT source_id, row, field, rule_id, fingerprint, review FROM findings WHERE rule_id IN (${ids}) AND review <> 'unreviewed'`);
  await deleteFindingsOfRules(db, ids);
  for (const { rule, values, cells } of prepared.rules) {
    const valueBase = await nextValueBase(db);
    const findingBase = await nextFindingBase(db);
    await db.exec(
      `INSERT INTO finding_values
       SELECT ${valueBase} + rowid + 1, ${literal(rule.ruleId)}, ${ROLE_RULE_VERSION}, ${literal(rule.category)}, ${literal(rule.kind)}, NULL, 'medium', ${rule.confidence},
              preview, fingerprint, normalized, json_object('basis', ${literal(`column role ${rule.role}`)})
       FROM ${values}`,
    );
    await addFindingFields(db, `SELECT DISTINCT source_id, field FROM ${cells}`);
    await db.exec(
      `INSERT INTO finding_cells
       SELECT ${findingBase} + c.n, c.source_id, c.row, f.field_id, ${valueBase} + c.v + 1, 0, c.len, s.review
       FROM ${cells} c
       JOIN finding_fields f ON f.source_id = c.source_id AND f.field = c.field
       LEFT JOIN role_saved_reviews s ON s.source_id = c.source_id AND s.row = c.row AND s.field = c.field AND s.rule_id = ${literal(rule.ruleId)} AND s.fingerprint = c.fingerprint
       ORDER BY c.n`,
    );
    const n = await db.one<{ n: number }>(`SELECT count(*) AS n FROM findings WHERE rule_id = ?`, [rule.ruleId]);
    added += n?.n ?? 0;
  }
  await dropPrepared(db, prepared);
  await db.exec(`DROP TABLE IF EXISTS role_saved_reviews`);
  return added;
}

/** Drops the prepared tables (after writing them, or when the run stops before). */
export async function dropPrepared(db: Db, prepared: PreparedRoleFindings): Promise<void> {
  for (const { values, cells } of prepared.rules) await db.exec(`DROP TABLE IF EXISTS ${values}; DROP TABLE IF EXISTS ${cells}`);
}
