import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScratchDb, type Db } from '../../../app/core/db/open-db.ts';
import { allRules } from '../../../app/core/classify/rules/index.ts';
import { valueEdgesFit, valueSql } from '../../../app/core/classify/scan.ts';
import { vendorToken, run, ALNUM, URL_SAFE, DIGITS } from '../../../app/core/classify/rules/secret-rule-builder.ts';
import type { Rule } from '../../../app/core/classify/rule-types.ts';

// A rule that declares where its value sits in the match (Rule.valueEdges) has its value cut
// from the match with string functions instead of a second run of its regex. Both must agree.

let db: Db;
beforeAll(async () => {
  db = await openScratchDb();
});
afterAll(() => db.close());

const rules = allRules();
const withEdges = rules.filter((r) => r.valueEdges !== undefined);

/** Every text at hand: examples, near misses, the special-category cases, each line of the samples. */
function corpus(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const data = join(here, '../../../samples/data');
  return [
    ...rules.flatMap((r) => [...r.examples.positive.map((p) => p.text), ...r.examples.negative]),
    ...readFileSync(join(here, 'special-cases.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text),
    ...readFileSync(join(data, 'log_stream.tsv'), 'utf8').split('\n'),
    ...gunzipSync(readFileSync(join(data, 'chat_export.jsonl.gz'))).toString('utf8').split('\n'),
    ...readFileSync(join(data, 'billing_events.csv'), 'utf8').split('\n'),
  ];
}

/** Each rule's example values at the edges of a text and next to characters a left or right edge may take. */
function edgeCases(rule: Rule): string[] {
  const around = ['', '+', '.', '_', '-', '=', '/', ':', '"', 'é', '😀', ' ', '\n', 'x', '7'];
  return rule.examples.positive.flatMap((p) => {
    const value = p.value ?? p.text;
    return around.flatMap((a) => around.map((b) => `${a}${value}${b}`));
  });
}

/** The matches of the rule in a table of texts whose value by its edges differs from its regex's. */
async function disagreements(rule: Rule, table: string): Promise<{ matches: number; differ: Array<{ m: string; regex: string; edges: string }> }> {
  const [row] = await db.all<{ n: number; differ: string }>(
    `SELECT count(*) AS n, to_json(list({'m': m, 'regex': regex, 'edges': edges}) FILTER (WHERE regex IS DISTINCT FROM edges))::VARCHAR AS differ
     FROM (SELECT m, regexp_extract(m, $1, ${rule.valueGroup}) AS regex, ${valueSql(rule, 'm')} AS edges
           FROM (SELECT unnest(regexp_extract_all(t, $1)) AS m FROM ${table} WHERE regexp_matches(t, $1)))`,
    [rule.pattern],
  );
  return { matches: Number(row?.n ?? 0), differ: JSON.parse(row?.differ ?? '[]') as Array<{ m: string; regex: string; edges: string }> };
}

async function textTable(name: string, texts: string[]): Promise<string> {
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT unnest(from_json($1::VARCHAR, '["VARCHAR"]')) AS t`, [JSON.stringify(texts)]);
  return name;
}

describe('value edges', () => {
  it('are declared by most rules (vendor tokens, bounded identifiers, special-category sentences) and fit the shape of every pattern that declares them', () => {
    expect(withEdges.length).toBeGreaterThan(150);
    expect(withEdges.filter((r) => !valueEdgesFit(r)).map((r) => r.id)).toEqual([]);
    expect(withEdges.map((r) => r.id)).toEqual(expect.arrayContaining(['pii.email', 'pii.ipv4', 'pii.payment-card', 'secret.github.pat', 'secret.aws.access-key-id', 'special.health', 'secret.private-key.pem', 'operational.sql']));
  });

  it('give every rule the value its regex gives, on the examples, the special-category cases and each line of the samples', async () => {
    const texts = await textTable('corpus', corpus());
    for (const rule of withEdges) {
      const { matches, differ } = await disagreements(rule, texts);
      expect(matches, `${rule.id} matches its own examples`).toBeGreaterThan(0);
      expect(differ, rule.id).toEqual([]);
    }
  });

  it('give every rule the value its regex gives with each example value at the start or end of a text and next to edge characters', async () => {
    for (const rule of withEdges) {
      const { matches, differ } = await disagreements(rule, await textTable('cases', edgeCases(rule)));
      expect(matches, rule.id).toBeGreaterThan(0);
      expect(differ, rule.id).toEqual([]);
    }
  });

  it('are not used when the pattern was changed after they were declared, or when the value could start with an edge character', () => {
    const bot = vendorToken({ id: 'x.bot', kind: 'x', provider: 'X', severity: 'high', parts: [run(DIGITS, 5, 16), ':A', run(URL_SAFE, 34)], description: 'x' });
    expect(bot.valueEdges).toBeDefined();
    expect(valueEdgesFit(bot)).toBe(true);
    const overridden: Rule = { ...bot, pattern: `(?:^|[^0-9A-Za-z.]|/bot)([0-9]{5,16}:A[A-Za-z0-9_-]{34})(?:[^A-Za-z0-9_-]|$)` };
    expect(valueEdgesFit(overridden)).toBe(false);
    expect(valueSql(overridden, 'm')).toContain('regexp_extract');
    // A run that may start with `-` (not a character the left edge leaves alone): no edges.
    const dashed = vendorToken({ id: 'x.dash', kind: 'x', provider: 'X', severity: 'high', parts: [run('A-Za-z0-9-', 20)], description: 'x' });
    expect(dashed.valueEdges).toBeUndefined();
    const plain = vendorToken({ id: 'x.plain', kind: 'x', provider: 'X', severity: 'high', parts: ['xk_', run(ALNUM, 20)], description: 'x' });
    // Something before the value group other than a word boundary or a declared edge: no edges.
    expect(valueEdgesFit({ ...plain, pattern: '\\n\\s*(at [a-z.]+\\(\\w+\\.java:\\d+\\))', valueEdges: {} })).toBe(false);
    expect(valueEdgesFit({ ...plain, pattern: '(?s)(-----BEGIN KEY-----.{16,}?-----END KEY-----)', valueEdges: {} })).toBe(true);
    expect(valueSql(plain, 'm')).not.toContain('regexp_extract');
  });
});
