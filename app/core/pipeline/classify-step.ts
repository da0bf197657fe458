import type { CaseHandle } from '../case/case.ts';
import { classifyRelation } from '../classify/scan.ts';
import { allRules, RULE_PACK_VERSION, validators } from '../classify/rules/index.ts';
import type { ProgressEvent } from '../jobs/progress.ts';
import type { Rule } from '../classify/rule-types.ts';
import { addRoleFindings, ROLE_RULES } from './role-findings.ts';
import { cellParts } from '../db/cells-view.ts';

const PROSE_KINDS = new Set(['person_name', 'postal_address', 'date_of_birth']);

/** Rules whose matches live in sentences rather than in identifiers or tokens. */
export function isProseRule(rule: Rule): boolean {
  return rule.category === 'special' || rule.category === 'criminal' || rule.category === 'children' || PROSE_KINDS.has(rule.kind);
}

export interface ClassifyStepResult {
  rulePackVersion: string;
  rules: number;
  findings: number;
  byKind: Record<string, number>;
  seconds: number;
}

/**
 * Classifies every text cell of the case with the whole rule pack. Rerunnable: findings of the
 * rules it runs are replaced (human review marks are kept), and the rule-pack version used is
 * recorded in the case and the audit log.
 */
export async function classifyCase(
  handle: CaseHandle,
  options: { signal?: AbortSignal; onProgress?: (e: ProgressEvent) => void } = {},
): Promise<ClassifyStepResult> {
  const rules = allRules();
  const startedAt = Date.now();
  handle.record({ action: 'classify.started', details: { rule_pack_version: RULE_PACK_VERSION, rules: rules.length } });
  // Rules that read sentences (special categories, names, addresses, dates of birth) only run
  // on cells that hold prose: ids, hashes, IPs and timestamps never do, and they are most cells.
  const PROSE = `length(text) >= 12 AND contains(text, ' ')`;
  await handle.db.exec(`CREATE OR REPLACE TEMP VIEW cells_prose AS SELECT * FROM cells WHERE ${PROSE}`);
  const onProgress = (p: { phase: string; done: number; total: number }) =>
    options.onProgress?.({ job: 'classify', phase: p.phase, done: p.done, total: p.total, startedAt, at: Date.now() });
  const passes = [
    { relation: 'cells', parts: await cellParts(handle.db), rules: rules.filter((r) => !isProseRule(r)) },
    { relation: 'cells_prose', parts: await cellParts(handle.db, PROSE), rules: rules.filter(isProseRule) },
  ];
  const result = { findings: 0, byKind: {} as Record<string, number>, ms: 0 };
  for (const pass of passes) {
    if (pass.rules.length === 0) continue;
    const r = await classifyRelation(handle.db, {
      relation: pass.relation,
      parts: pass.parts,
      rules: pass.rules,
      validators,
      key: handle.fingerprintKey,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress,
    });
    result.findings += r.findings;
    result.ms += r.ms;
    for (const [k, n] of Object.entries(r.byKind)) result.byKind[k] = (result.byKind[k] ?? 0) + n;
  }
  const byRole = await addRoleFindings(handle.db, handle.fingerprintKey);
  if (byRole > 0) {
    const counts = await handle.db.all<{ kind: string; n: number }>(
      `SELECT kind, count(*) AS n FROM findings WHERE rule_id IN (${ROLE_RULES.map((r) => `'${r.ruleId}'`).join(', ')}) GROUP BY kind`,
    );
    for (const c of counts) result.byKind[c.kind] = (result.byKind[c.kind] ?? 0) + c.n;
    result.findings += byRole;
  }
  await handle.db.exec(`INSERT OR REPLACE INTO meta VALUES ('rule_pack_version', ?), ('classified_at', ?)`, [RULE_PACK_VERSION, new Date().toISOString()]);
  await handle.syncManifest();
  handle.record({ action: 'classify.completed', details: { rule_pack_version: RULE_PACK_VERSION, findings: result.findings, by_kind: result.byKind } });
  return { rulePackVersion: RULE_PACK_VERSION, rules: rules.length, findings: result.findings, byKind: result.byKind, seconds: result.ms / 1000 };
}
