import { randomBytes } from 'node:crypto';
import type { CaseHandle } from '../case/case.ts';
import { ClassifyError, classifyRelation } from '../classify/scan.ts';
import { allRules, RULE_PACK_VERSION, validators } from '../classify/rules/index.ts';
import type { ProgressEvent } from '../jobs/progress.ts';
import type { Rule } from '../classify/rule-types.ts';
import { dropPrepared, prepareRoleFindings, ROLE_RULES, writeRoleFindings, type PreparedRoleFindings } from './role-findings.ts';
import { cellFields, cellParts } from '../db/cells-view.ts';

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
  const onProgress = (p: { phase: string; done: number; total: number }) =>
    options.onProgress?.({ job: 'classify', phase: p.phase, done: p.done, total: p.total, startedAt, at: Date.now() });
  const rulesOf = (prose: boolean) => rules.filter((r) => isProseRule(r) === prose);
  // The prose pass runs on a second connection, started when the first pass begins validating:
  // validation is JavaScript on one core while DuckDB waits, and the prose pass's SQL fills the
  // other core. It writes its findings after the first pass has written (ids stay in pass order).
  const result = { findings: 0, byKind: {} as Record<string, number>, ms: 0 };
  const passesStarted = performance.now();
  let byRole = 0;
  const proseDb = await handle.db.fork();
  // Role findings (name and address columns) are prepared on a third connection beside the
  // passes, from when the first pass starts validating, and written after them.
  const roleDb = await handle.db.fork();
  let rolePrepared: Promise<PreparedRoleFindings> | undefined;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  // The first pass hands the prose pass its distinct prose texts (with the columns holding them)
  // through an in-memory database both connections see: the cells are read and grouped once.
  const shared = `__classify_shared_${randomBytes(6).toString('hex')}`;
  try {
    // Everything that can fail before the passes start is done first, so no pass is left running.
    await proseDb.exec(`CREATE OR REPLACE TEMP VIEW cells_prose AS SELECT * FROM cells WHERE ${PROSE}`);
    const parts = await cellParts(handle.db);
    const fields = await cellFields(handle.db);
    await handle.db.exec(`ATTACH ':memory:' AS ${shared}`);
    let release = () => {};
    const validating = new Promise<void>((resolve) => (release = resolve));
    let firstDone = false;
    const first = classifyRelation(handle.db, {
      relation: 'cells',
      parts,
      fields,
      shareTexts: { table: `${shared}.prose_texts`, where: PROSE },
      rules: rulesOf(false),
      validators,
      key: handle.fingerprintKey,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.phase !== 'scan') release();
        onProgress(p);
      },
    });
    const firstWritten = first.then(() => {
      firstDone = true;
    });
    rolePrepared = (async () => {
      await Promise.race([validating, firstWritten.catch(() => undefined)]);
      if (stop.signal.aborted) return { rules: [] };
      // A cancel or a failed pass interrupts the preparation (never the write after the passes).
      const interrupt = () => roleDb.interrupt();
      stop.signal.addEventListener('abort', interrupt, { once: true });
      try {
        return await prepareRoleFindings(roleDb, handle.fingerprintKey);
      } finally {
        stop.signal.removeEventListener('abort', interrupt);
      }
    })();
    // Handled here too: a failure while the passes run must not go unhandled until they end.
    rolePrepared.catch(() => undefined);
    const second = (async () => {
      await Promise.race([validating, firstWritten]);
      return classifyRelation(proseDb, {
        relation: 'cells_prose',
        parts,
        fields,
        texts: `${shared}.prose_texts`,
        rules: rulesOf(true),
        validators,
        key: handle.fingerprintKey,
        signal: stop.signal,
        // Shown once the first pass is done: one progress bar, not two interleaved.
        onProgress: (p) => firstDone && onProgress(p),
        beforeWrite: () => firstWritten,
      });
    })();
    // Either pass failing stops the other; the first real error (not the cancel it caused) is thrown.
    const settled = await Promise.allSettled([first, second].map((run) => run.catch((error: unknown) => {
      stop.abort();
      throw error;
    })));
    const failures = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (failures.length > 0) {
      throw options.signal?.aborted ? failures[0] : (failures.find((e) => !(e instanceof ClassifyError && e.code === 'CANCELLED')) ?? failures[0]);
    }
    for (const r of settled) {
      if (r.status !== 'fulfilled') continue;
      result.findings += r.value.findings;
      for (const [k, n] of Object.entries(r.value.byKind)) result.byKind[k] = (result.byKind[k] ?? 0) + n;
    }
    result.ms = performance.now() - passesStarted;
    // Written after the passes, so their ids follow the passes' as before.
    byRole = await writeRoleFindings(roleDb, await rolePrepared);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    proseDb.close();
    if (rolePrepared) await rolePrepared.then((p) => dropPrepared(roleDb, p)).catch(() => undefined);
    roleDb.close();
    await handle.db.exec(`DETACH DATABASE IF EXISTS ${shared}`);
  }
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
