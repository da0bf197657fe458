import type { CaseHandle } from '../case/case.ts';
import { DATA_CATEGORIES, type DataCategory, type Measured } from '../assess/facts.ts';
import type { SubjectsSummary } from '../subjects/index.ts';

/**
 * Turns what a case measured into the `measured` part of the assessment input, with a
 * provenance entry for every number (the query that produced it, the rule-pack version and
 * when), so drafts can say how each figure was obtained.
 */

const CATEGORY_ALIASES: Record<string, DataCategory> = {
  secret: 'credentials',
  credentials: 'credentials',
  chat: 'chat_content',
  chat_content: 'chat_content',
};

export function toDataCategory(key: string): DataCategory | undefined {
  const k = key.startsWith('special:') ? key.slice('special:'.length) : key;
  if (CATEGORY_ALIASES[k]) return CATEGORY_ALIASES[k];
  return (DATA_CATEGORIES as readonly string[]).includes(k) ? (k as DataCategory) : undefined;
}

export const FINDINGS_BY_CATEGORY_SQL = `SELECT category, kind, count(*) AS findings, count(DISTINCT (source_id, row)) AS rows, count(DISTINCT fingerprint) AS values
FROM findings WHERE review <> 'false_positive' GROUP BY category, kind ORDER BY category, kind`;

export const SECRETS_SQL = `SELECT kind, any_value(provider) AS provider, any_value(severity) AS severity, count(*) AS count, count(DISTINCT fingerprint) AS values
FROM findings WHERE category = 'secret' AND review <> 'false_positive' GROUP BY kind ORDER BY count DESC`;

export async function measuredFromCase(handle: CaseHandle, subjects: SubjectsSummary, rulePackVersion: string, now: Date): Promise<Measured> {
  const computedAt = now.toISOString();
  const provenance: Measured['provenance'] = subjects.provenance.map((p) => ({
    id: `subjects.${p.id}`,
    description: p.description,
    query: p.query,
    rule_pack_version: rulePackVersion,
    computed_at: computedAt,
  }));
  provenance.push({ id: 'subjects.estimate', description: subjects.method, query: 'computeSubjects(case): see subjects.* provenance entries', rule_pack_version: rulePackVersion, computed_at: computedAt });
  provenance.push({ id: 'findings.secrets', description: 'Secrets found, by kind (false positives excluded)', query: SECRETS_SQL, rule_pack_version: rulePackVersion, computed_at: computedAt });
  provenance.push({ id: 'findings.by_category', description: 'Findings by category and kind (false positives excluded)', query: FINDINGS_BY_CATEGORY_SQL, rule_pack_version: rulePackVersion, computed_at: computedAt });

  const byCategory: Measured['by_category'] = {};
  const rowsByCategory = await categoryRows(handle);
  for (const [key, bounds] of Object.entries(subjects.by_category)) {
    const category = toDataCategory(key);
    if (!category) continue;
    const rows = rowsByCategory.get(category);
    byCategory[category] = { estimate: bounds.estimate, lower: bounds.lower, upper: bounds.upper, ...(rows !== undefined ? { rows } : {}), ref: 'subjects.by_category' };
  }
  const byCountry: Measured['by_country'] = {};
  for (const [cc, b] of Object.entries(subjects.by_country)) byCountry[cc] = { estimate: b.estimate, lower: b.lower, upper: b.upper, ref: 'subjects.by_country' };

  const secrets = await handle.db.all<{ kind: string; provider: string | null; severity: string; count: number }>(SECRETS_SQL);
  const sources = await handle.db.all<{ path: string; sha256: string; rows: number }>(`SELECT path, sha256, rows FROM sources ORDER BY source_id`);
  return {
    persons: { estimate: subjects.estimate, lower: subjects.lower, upper: subjects.upper, method: subjects.method.slice(0, 2000), ref: 'subjects.estimate' },
    by_country: byCountry,
    by_category: byCategory,
    secrets: secrets.map((s) => ({
      kind: s.kind,
      ...(s.provider ? { provider: s.provider } : {}),
      count: s.count,
      severity: (['critical', 'high', 'medium', 'low', 'info'].includes(s.severity) ? s.severity : 'high') as 'critical' | 'high' | 'medium' | 'low' | 'info',
      ref: 'findings.secrets',
    })),
    sources,
    provenance,
  };
}

/** Rows holding each data category (findings in text, false positives excluded). */
async function categoryRows(handle: CaseHandle): Promise<Map<DataCategory, number>> {
  const rows = await handle.db.all<{ category: string; rows: number }>(
    `SELECT CASE WHEN category = 'special' THEN kind ELSE category END AS category, count(DISTINCT (source_id, row)) AS rows
     FROM findings WHERE review <> 'false_positive' GROUP BY 1`,
  );
  const out = new Map<DataCategory, number>();
  for (const r of rows) {
    const category = toDataCategory(r.category);
    if (category) out.set(category, r.rows);
  }
  return out;
}
