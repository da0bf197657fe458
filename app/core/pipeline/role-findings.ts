import type { Db } from '../db/open-db.ts';
import { fingerprint } from '../classify/fingerprint.ts';
import { maskValue } from '../classify/mask.ts';
import { cellParts } from '../db/cells-view.ts';
import { deleteFindingsOfRules, nextFindingBase, nextValueBase } from '../db/findings-store.ts';
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

export async function addRoleFindings(db: Db, key: Buffer): Promise<number> {
  let added = 0;
  const ids = ROLE_RULES.map((r) => `'${r.ruleId}'`).join(', ');
  await db.exec(`DROP TABLE IF EXISTS role_saved_reviews`);
  await db.exec(`CREATE TEMP TABLE role_saved_reviews AS SELECT source_id, row, field, rule_id, fingerprint, review FROM findings WHERE rule_id IN (${ids}) AND review <> 'unreviewed'`);
  await deleteFindingsOfRules(db, ids);
  for (const rule of ROLE_RULES) {
    // The role's columns read directly (through the cells view, every column of every source was unpivoted).
    const parts = await cellParts(db, 'TRUE', rule.role);
    if (parts.length === 0) continue;
    const cells = `(${parts.join('\nUNION ALL\n')})`;
    const values = await db.all<{ text: string }>(`SELECT DISTINCT c.text FROM ${cells} c WHERE length(trim(c.text)) >= 2`);
    if (values.length === 0) continue;
    await db.exec(`DROP TABLE IF EXISTS role_values; CREATE TEMP TABLE role_values (text VARCHAR, fingerprint VARCHAR, preview VARCHAR, normalized VARCHAR)`);
    const appender = await db.connection.createAppender('role_values', 'main', 'temp');
    for (const { text } of values) {
      appender.appendVarchar(text);
      appender.appendVarchar(fingerprint(key, text));
      appender.appendVarchar(maskValue(text, rule.category, rule.kind));
      appender.appendVarchar(text.trim().toLowerCase().replace(/\s+/g, ' '));
      appender.endRow();
    }
    appender.closeSync();
    // One value row per distinct text (its row id numbers it), one cell row per cell holding it.
    const valueBase = await nextValueBase(db);
    const findingBase = await nextFindingBase(db);
    await db.exec(
      `INSERT INTO finding_values
       SELECT ${valueBase} + rowid + 1, ${literal(rule.ruleId)}, ${ROLE_RULE_VERSION}, ${literal(rule.category)}, ${literal(rule.kind)}, NULL, 'medium', ${rule.confidence},
              preview, fingerprint, normalized, json_object('basis', ${literal(`column role ${rule.role}`)})
       FROM role_values`,
    );
    await db.exec(
      `INSERT INTO finding_cells
       SELECT ${findingBase} + row_number() OVER (ORDER BY c.source_id, c.row, c.field), c.source_id, c.row, c.field, ${valueBase} + v.rowid + 1,
              0, length(c.text), s.review
       FROM ${cells} c
       JOIN role_values v ON v.text = c.text
       LEFT JOIN role_saved_reviews s ON s.source_id = c.source_id AND s.row = c.row AND s.field = c.field AND s.rule_id = ${literal(rule.ruleId)} AND s.fingerprint = v.fingerprint`,
    );
    const n = await db.one<{ n: number }>(`SELECT count(*) AS n FROM findings WHERE rule_id = ?`, [rule.ruleId]);
    added += n?.n ?? 0;
  }
  await db.exec(`DROP TABLE IF EXISTS role_values; DROP TABLE IF EXISTS role_saved_reviews`);
  return added;
}
