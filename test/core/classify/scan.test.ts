import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDb, withScratchDb, type Db } from '../../../app/core/db/open-db.ts';
import { SCHEMA_SQL } from '../../../app/core/db/schema.ts';
import { setReview } from '../../../app/core/db/findings-store.ts';
import { operationalRules, secretRules, validators } from '../../../app/core/classify/rules/index.ts';
import { specialRules } from '../../../app/core/classify/rules/special-rules.ts';
import { piiRules } from '../../../app/core/classify/rules/pii-rules.ts';
import { ClassifyError, classifyRelation, LONG_TEXT_BYTES, patternGroups, planKeywords, planScan, scanTexts, type ScanProgress } from '../../../app/core/classify/scan.ts';
import { listLiteral, literal } from '../../../app/core/db/sql.ts';
import { checkRules } from '../../../app/core/classify/rules/pii-rule-check.ts';
import { withoutCaptures, type Rule, type ValidationContext } from '../../../app/core/classify/rule-types.ts';
import { ALNUM, run, sampleValue } from '../../../app/core/classify/rules/secret-rule-builder.ts';

// Credential-shaped values drawn from a seeded generator: never issued, and never in the source.
const STRIPE = sampleValue(['sk_live_', run(ALNUM, 24)], 'scan-test-stripe');
const GITHUB = sampleValue(['ghp_', run(ALNUM, 36)], 'scan-test-github');
const PASSWORD = 'Tr0ub4dor&3xyz';
const key = Buffer.alloc(32, 1);
const rules = [...secretRules, ...operationalRules];

async function withCells<T>(texts: string[], fn: (db: Db) => Promise<T>): Promise<T> {
  return withScratchDb(async (db) => {
    await db.exec(SCHEMA_SQL);
    await db.exec('CREATE TABLE cells (source_id INTEGER, row BIGINT, field VARCHAR, text VARCHAR)');
    for (const [i, text] of texts.entries()) await db.exec('INSERT INTO cells VALUES (1, ?, ?, ?)', [i + 1, 'message', text]);
    return fn(db);
  });
}

describe('classifyRelation', () => {
  it('stores a masked preview and a keyed fingerprint, never the raw secret', async () => {
    await withCells([`charge with api_key=${STRIPE}`, `export GITHUB_TOKEN=${GITHUB}`, `postgres://app:${PASSWORD}@db.internal:5432/app`], async (db) => {
      const result = await classifyRelation(db, { relation: 'cells', rules, validators, key });
      expect(result.findings).toBeGreaterThanOrEqual(3);
      const dump = JSON.stringify(await db.all('SELECT * FROM findings'));
      for (const raw of [STRIPE, GITHUB, PASSWORD]) expect(dump).not.toContain(raw);
      const secrets = await db.all<{ kind: string; preview: string; normalized: string | null; fingerprint: string }>(
        `SELECT kind, preview, normalized, fingerprint FROM findings WHERE category = 'secret' ORDER BY row`,
      );
      expect(secrets.map((s) => s.kind)).toEqual(['stripe_secret_key', 'github_token', 'database_password']);
      expect(secrets.every((s) => s.normalized === null && /^[0-9a-f]{64}$/.test(s.fingerprint))).toBe(true);
      expect(secrets[1]!.preview).toBe(`ghp_…${GITHUB.slice(-4)}`);
    });
  });

  it('keeps only the most specific rule when a vendor key sits inside a generic assignment', async () => {
    const findings = await scanTexts([`{"api_key": "${STRIPE}"}`, `password=${PASSWORD}`], { rules, validators, key });
    expect(findings.filter((f) => f.index === 0).map((f) => f.ruleId)).toEqual(['secret.stripe.secret-key']);
    expect(findings.filter((f) => f.index === 1).map((f) => f.kind)).toEqual(['password']);
  });

  it('keeps only the vendor rule when a sentence rule caught the first 64 characters of a longer key', async () => {
    // The sentence rule's value is a strict prefix of the vendor key: they overlap, unequal.
    const openai = sampleValue(['sk-proj-', run(ALNUM, 60), 'T3BlbkFJ', run(ALNUM, 60)], 'scan-test-prose-prefix');
    const findings = await scanTexts([`Why does my key ${openai} return 401 Unauthorized?`], { rules: secretRules, validators, key });
    expect(findings.map((f) => f.ruleId)).toEqual(['secret.openai.api-key']);
  });

  it('keeps only the vendor rule for each of 3,000 keys in generic assignments within one long cell', async () => {
    const keys = Array.from({ length: 3000 }, (_, i) => sampleValue(['sk_live_', run(ALNUM, 24)], `scan-test-many-${i}`));
    const text = keys.map((k, i) => `{"api_key": "${k}", "n": ${i}}`).join('\n');
    const findings = await scanTexts([text], { rules, validators, key });
    expect(findings.filter((f) => f.category === 'secret').map((f) => f.ruleId)).toEqual(keys.map(() => 'secret.stripe.secret-key'));
    expect(findings.filter((f) => f.category === 'secret').map((f) => text.slice(f.start, f.end))).toEqual(keys);
  });

  it('reports a checksummed identifier that is also phone-shaped as the identifier, an international number as a phone only, and nothing inside a trace id', async () => {
    const findings = await scanTexts(
      [
        'mon numéro de sécurité sociale : 268046772719674. Où le mettre ?',
        'Tel. +4915112345678',
        'call me on +12345678903',
        // Trace ids whose first group passes the DNI check and whose last passes the Aadhaar check.
        '0267154d-f2a8-4823-a7d3-7b6259204d3f',
        '096FC4CE-243C-43DF-810D-340505776290',
      ],
      { rules: piiRules, validators, key },
    );
    const kinds = (i: number) => findings.filter((f) => f.index === i).map((f) => f.kind).sort();
    // 268046772719674 is a valid NIR and also a valid German fixed-line number in national form.
    expect(kinds(0)).toEqual(['nir_fr']);
    expect(kinds(1)).toEqual(['phone']);
    // 12345678903 passes the German tax id check, but here it follows a `+`.
    expect(kinds(2)).toEqual(['phone']);
    expect(kinds(3)).toEqual([]);
    expect(kinds(4)).toEqual([]);
  });

  it('reports a private address in a connection string once, as network layout, and a public one as an online identifier', async () => {
    const findings = await scanTexts(['amqp://readonly@10.12.4.21:5672/parley', 'login from 81.2.69.160 failed', 'Subnet: 192.168.1.0/24'], {
      rules: [...piiRules, ...operationalRules],
      validators,
      key,
    });
    const kinds = (i: number) => findings.filter((f) => f.index === i).map((f) => f.kind).sort();
    expect(kinds(0)).toEqual(['private_ip']);
    expect(kinds(1)).toEqual(['ip']);
    // A subnet is not the operational rule's address: it stays an ip finding (with its scope).
    expect(kinds(2)).toContain('ip');
  });

  it('reports spans in code points, so text before the value may hold emoji', async () => {
    const text = `😀😀 token ${GITHUB}`;
    const [finding] = await scanTexts([text], { rules: secretRules, validators, key });
    expect([...text].slice(finding!.start, finding!.end).join('')).toBe(GITHUB);
  });

  it('keeps review marks across a rerun and drops findings whose text no longer matches', async () => {
    await withCells([`a ${GITHUB}`, `b api_key=${STRIPE}`], async (db) => {
      await classifyRelation(db, { relation: 'cells', rules: secretRules, validators, key });
      await setReview(db, (await db.all<{ id: number }>(`SELECT finding_id AS id FROM findings WHERE kind = 'github_token'`)).map((r) => r.id), 'false_positive');
      await setReview(db, (await db.all<{ id: number }>(`SELECT finding_id AS id FROM findings WHERE kind = 'stripe_secret_key'`)).map((r) => r.id), 'confirmed');
      await db.exec(`UPDATE cells SET text = 'b nothing here' WHERE row = 2`);
      await classifyRelation(db, { relation: 'cells', rules: secretRules, validators, key });
      const rows = await db.all<{ kind: string; review: string }>('SELECT kind, review FROM findings ORDER BY row');
      expect(rows).toEqual([{ kind: 'github_token', review: 'false_positive' }]);
    });
  });

  it('replaces only the findings of the rules it runs', async () => {
    await withCells([`${GITHUB} at 10.1.2.3`], async (db) => {
      await classifyRelation(db, { relation: 'cells', rules, validators, key });
      await classifyRelation(db, { relation: 'cells', rules: operationalRules, validators, key });
      const kinds = (await db.all<{ kind: string }>('SELECT kind FROM findings ORDER BY kind')).map((r) => r.kind);
      expect(kinds).toEqual(['github_token', 'private_ip']);
    });
  });

  it('sets normalized for identifiers but never for secrets, even when a validator offers it', async () => {
    const contact: Rule = {
      id: 'test.contact.handle',
      version: 1,
      category: 'contact',
      kind: 'handle',
      severity: 'low',
      keywords: ['@'],
      pattern: '@([a-z]{3,})',
      valueGroup: 1,
      validator: 'test.normalize',
      confidence: 0.9,
      description: 'test',
      examples: { positive: [], negative: [] },
    };
    const secret: Rule = { ...contact, id: 'test.secret.handle', category: 'secret', kind: 'handle_secret' };
    const testValidators = { ...validators, 'test.normalize': (v: string) => ({ valid: true, normalized: v.toUpperCase() }) };
    await withCells(['hi @alice'], async (db) => {
      await classifyRelation(db, { relation: 'cells', rules: [contact, secret], validators: testValidators, key, resolveOverlaps: false });
      const rows = await db.all<{ category: string; normalized: string | null }>('SELECT category, normalized FROM findings ORDER BY category');
      expect(rows).toEqual([
        { category: 'contact', normalized: 'ALICE' },
        { category: 'secret', normalized: null },
      ]);
    });
  });

  it('reports progress through scan, validate and write', async () => {
    const phases: ScanProgress['phase'][] = [];
    await withCells([`a ${GITHUB}`], async (db) => {
      await classifyRelation(db, { relation: 'cells', rules: secretRules, validators, key, onProgress: (p) => phases.push(p.phase) });
    });
    expect(phases).toContain('scan');
    expect(phases).toContain('validate');
    expect(phases.at(-1)).toBe('write');
  });

  it('stops with a CANCELLED error when its signal is aborted and leaves earlier findings in place', async () => {
    await withCells([`a ${GITHUB}`], async (db) => {
      await classifyRelation(db, { relation: 'cells', rules: secretRules, validators, key });
      const controller = new AbortController();
      const run = classifyRelation(db, {
        relation: 'cells',
        rules: secretRules,
        validators,
        key: randomBytes(32),
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
      await expect(run).rejects.toBeInstanceOf(ClassifyError);
      expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM findings'))?.n).toBe(1);
    });
  });

  it('validates candidates page by page and stops cleanly when cancelled between pages', async () => {
    // 45,000 distinct e-mail addresses: three pages of candidates, the next page read while one is judged.
    await withScratchDb(async (db) => {
      await db.exec(SCHEMA_SQL);
      await db.exec(`CREATE TABLE cells AS SELECT 1 AS source_id, i AS row, 'message' AS field, 'mail user' || i || '@example.org now' AS text FROM range(1, 45001) r(i)`);
      const email = piiRules.filter((r) => r.id === 'pii.email');
      // Judged in JavaScript: with the validator's SQL form DuckDB would settle them all at once.
      const inJs = { ...validators, 'pii.email': (value: string, ctx: ValidationContext) => validators['pii.email']!(value, ctx) };
      const pages: number[] = [];
      const done = await classifyRelation(db, { relation: 'cells', rules: email, validators: inJs, key, onProgress: (p) => p.phase === 'validate' && p.done > 0 && pages.push(p.done) });
      expect(done.findings).toBe(45000);
      expect(pages).toEqual([20000, 40000, 45000]);
      // Pages too large for one JSON document are read row by row: the same findings.
      const listed = () => db.all('SELECT row, span_start, span_end, preview, fingerprint, normalized, detail FROM findings ORDER BY finding_id');
      const asJson = await listed();
      expect((await classifyRelation(db, { relation: 'cells', rules: email, validators: inJs, key, pageJsonBytes: 1000 })).findings).toBe(45000);
      expect(await listed()).toEqual(asJson);
      // Settled in DuckDB by the validator's SQL form: no page at all, the same findings.
      const settledPages: number[] = [];
      expect((await classifyRelation(db, { relation: 'cells', rules: email, validators, key, onProgress: (p) => p.phase === 'validate' && settledPages.push(p.done) })).findings).toBe(45000);
      expect(await listed()).toEqual(asJson);
      expect(settledPages).toEqual([45000]);
      const controller = new AbortController();
      const run = classifyRelation(db, {
        relation: 'cells',
        rules: email,
        validators: inJs,
        key,
        signal: controller.signal,
        onProgress: (p) => p.phase === 'validate' && p.done > 0 && controller.abort(),
      });
      await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
      // The connection is free again (no page read left running) and the earlier findings stand.
      expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM findings'))?.n).toBe(45000);
    });
  });

  it('finds the same values with the combined plan and the per-rule plan', async () => {
    const texts = [
      `Authorization: Bearer ${GITHUB}`,
      `{"usage": {"total_tokens": 12}, "max_tokens": 4096}`,
      `x-api-key: sk-ant-api03-${'a1B2c3D4e5'.repeat(9)}xyz`,
      `GET /v1/chat/completions from 10.0.0.8 to /home/deploy/app`,
      `mysql://root:${PASSWORD}@10.2.3.4/db and api_key=${STRIPE}`,
    ];
    const shape = (fs: Awaited<ReturnType<typeof scanTexts>>) => fs.map((f) => `${f.index}:${f.ruleId}:${f.start}-${f.end}`).sort();
    const combined = await scanTexts(texts, { rules, validators, key });
    const perRule = await scanTexts(texts, { rules, validators, key, plan: 'per-rule' });
    expect(shape(combined)).toEqual(shape(perRule));
    expect(combined.length).toBeGreaterThanOrEqual(7);
  });

  it('finds every positive example of the rules gated by their own regex (short ones in groups) as the per-rule plan does', async () => {
    // Identifier rules are gated by their regex and run in groups of up to six (one kind each)
    // behind one alternation each; sentence rules (names, addresses, special categories) are gated
    // by their regex alone.
    // Each text holds one or two examples, so some hold matches of two groups.
    const gated = [...secretRules, ...piiRules, ...specialRules].filter((r) => r.gate === 'pattern' || r.keywords.length === 0 || r.keywords.some((k) => k.trim().length < 2));
    expect(gated.length).toBeGreaterThan(12);
    const examples = gated.flatMap((r) => r.examples.positive.map((p) => p.text));
    const texts = [...examples, ...examples.map((t, i) => `${t} | ${examples[(i * 7 + 3) % examples.length]}`)];
    const shape = (fs: Awaited<ReturnType<typeof scanTexts>>) => fs.map((f) => `${f.index}:${f.ruleId}:${f.start}-${f.end}`).sort();
    const combined = await scanTexts(texts, { rules: gated, validators, key });
    const perRule = await scanTexts(texts, { rules: gated, validators, key, plan: 'per-rule' });
    expect(shape(combined)).toEqual(shape(perRule));
    // Every rule finds something, so a group that hid one of its rules would show.
    expect(new Set(combined.map((f) => f.ruleId)).size).toBe(new Set(perRule.map((f) => f.ruleId)).size);
    expect(new Set(combined.map((f) => f.ruleId)).size).toBeGreaterThan(gated.length * 0.8);
  });

  it('finds a key whose marker follows another rule\'s keyword inside the random part (…paT3BlbkFJ…)', async () => {
    const openai = sampleValue(['sk-proj-', run(ALNUM, 30), 'pa', 'T3BlbkFJ', run(ALNUM, 30)], 'scan-test-hidden-keyword');
    // Every rule gated by its keywords, Airtable's `pat` among them.
    const keywordGated = secretRules.map((r) => ({ ...r, gate: 'keywords' as const }));
    const found = await scanTexts([`OPENAI_API_KEY=${openai}`], { rules: keywordGated, validators, key });
    expect(found.map((f) => f.ruleId)).toContain('secret.openai.api-key');
  });

  it('runs beside another pass on a second connection and writes only when told to', async () => {
    await withCells([`charge with api_key=${STRIPE}`, 'mail anna.kowalska@example.org', `export GITHUB_TOKEN=${GITHUB}`], async (db) => {
      const other = await db.fork();
      try {
        let firstWritten = () => {};
        const gate = new Promise<void>((resolve) => (firstWritten = resolve));
        // The second pass starts first and is done scanning long before the first pass writes.
        const second = classifyRelation(other, { relation: 'cells', rules: piiRules.filter((r) => r.id === 'pii.email'), validators, key, beforeWrite: () => gate });
        await new Promise((resolve) => setTimeout(resolve, 50));
        await classifyRelation(db, { relation: 'cells', rules, validators, key });
        firstWritten();
        await second;
        const order = await db.all<{ rule_id: string }>('SELECT rule_id FROM findings ORDER BY finding_id');
        expect(order.map((f) => f.rule_id).at(-1)).toBe('pii.email');
        expect(order.length).toBeGreaterThanOrEqual(3);
      } finally {
        other.close();
      }
      // Closing the second connection leaves the first one working.
      expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM findings'))?.n).toBeGreaterThanOrEqual(3);
    });
  });

  it('takes its distinct texts from a table another pass shared and finds what it finds reading the cells itself', async () => {
    const texts = [`charge with api_key=${STRIPE}`, 'mail anna.kowalska@example.org', 'short', 'mail anna.kowalska@example.org', `export GITHUB_TOKEN=${GITHUB}`];
    const listed = (db: Db) => db.all(`SELECT rule_id, source_id, row, field, span_start, fingerprint FROM findings ORDER BY finding_id`);
    const emailRule = piiRules.filter((r) => r.id === 'pii.email');
    const own = await withCells(texts, async (db) => {
      await classifyRelation(db, { relation: 'cells', rules: emailRule, validators, key });
      return listed(db);
    });
    const shared = await withCells(texts, async (db) => {
      await db.exec(`ATTACH ':memory:' AS shared_texts`);
      const parts = ['SELECT source_id, row, field, text FROM cells'];
      await classifyRelation(db, { relation: 'cells', parts, rules, validators, key, shareTexts: { table: 'shared_texts.t', where: `contains(text, ' ')` } });
      expect((await db.all<{ text: string }>(`SELECT text FROM shared_texts.t ORDER BY text`)).map((r) => r.text)).toEqual([texts[0], texts[4], texts[1]].sort());
      const other = await db.fork();
      try {
        await classifyRelation(other, { relation: 'cells', parts, rules: emailRule, validators, key, texts: 'shared_texts.t' });
      } finally {
        other.close();
      }
      return (await listed(db)).filter((f) => (f as { rule_id: string }).rule_id === 'pii.email');
    });
    expect(own).toHaveLength(2);
    expect(shared).toEqual(own);
  });

  it('finds a value in a column of UUIDs whose first cells are all UUIDs (the column is filtered cell by cell, not skipped)', async () => {
    const uuid = (i: number) => `${i.toString(16).padStart(8, '0')}-4123-8567-9012-81798fb61f1a`;
    const texts = [...Array.from({ length: 300 }, (_, i) => uuid(i)), 'mail anna.kowalska@example.org', uuid(301)];
    await withCells(texts, async (db) => {
      const parts = ['SELECT source_id, row, field, text FROM cells'];
      await classifyRelation(db, { relation: 'cells', parts, rules: piiRules.filter((r) => r.id === 'pii.email'), validators, key });
      expect(await db.all(`SELECT row, kind FROM findings`)).toEqual([{ row: 301, kind: 'email' }]);
    });
  });

  it('names each finding\'s field from a given list of fields, and refuses a list that lacks a field a matching cell names', async () => {
    await withCells(['mail anna.kowalska@example.org', 'also anna.kowalska@example.org'], async (db) => {
      await db.exec(`UPDATE cells SET field = 'note' WHERE row = 2`);
      const parts = [`SELECT source_id, row, field, text FROM cells WHERE field = 'message'`, `SELECT source_id, row, field, text FROM cells WHERE field = 'note'`];
      const email = piiRules.filter((r) => r.id === 'pii.email');
      const fields = `SELECT * FROM (VALUES (1, 'note'), (1, 'message'), (1, 'unused')) v(source_id, field)`;
      await classifyRelation(db, { relation: 'cells', parts, fields, rules: email, validators, key });
      expect(await db.all(`SELECT row, field FROM findings ORDER BY finding_id`)).toEqual([{ row: 1, field: 'message' }, { row: 2, field: 'note' }]);
      const missing = `SELECT * FROM (VALUES (1, 'message')) v(source_id, field)`;
      await expect(classifyRelation(db, { relation: 'cells', parts, fields: missing, rules: email, validators, key })).rejects.toMatchObject({ code: 'BAD_RELATION' });
      expect(await db.all(`SELECT row, field FROM findings ORDER BY finding_id`)).toEqual([{ row: 1, field: 'message' }, { row: 2, field: 'note' }]);
    });
  });

  it('classifies a 1 MB cell holding 4,000 e-mail addresses within a 256 MB memory limit, every span on its value', async () => {
    // Non-ASCII filler: DuckDB cuts such text by walking code points, so a cost per value that
    // grew with the text would show here. Each address also appears once more, later.
    const address = (i: number) => `kontakt.${i}@beispiel-post.de`;
    const parts = Array.from({ length: 4000 }, (_, i) => `Grüße ✓ ${'ü'.repeat(100)} schreiben Sie an ${address(i)} oder ${address(Math.floor(i / 2))}; `);
    const text = parts.join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(1_000_000);
    const db = await openDb({ dbPath: ':memory:', memoryLimit: '256MB' });
    try {
      await db.exec(SCHEMA_SQL);
      await db.exec('CREATE TABLE cells (source_id INTEGER, row BIGINT, field VARCHAR, text VARCHAR)');
      await db.exec(`INSERT INTO cells VALUES (1, 1, 'message', ?)`, [text]);
      await classifyRelation(db, { relation: 'cells', rules: piiRules.filter((r) => r.id === 'pii.email'), validators, key });
      const spans = await db.all<{ span_start: number; span_end: number }>(`SELECT span_start, span_end FROM findings ORDER BY span_start`);
      const chars = [...text];
      const found = spans.map((f) => chars.slice(f.span_start, f.span_end).join(''));
      expect(found).toEqual(Array.from({ length: 4000 }, (_, i) => address(i)));
    } finally {
      db.close();
    }
  });

  it('finds in one long cell what it finds in the same text cut into short cells, with the same verdicts and shifted spans', async () => {
    // Validators read the text around a candidate (labels, "born"): in a long cell that context
    // comes from the regex's split of the text, in a short one from the text itself.
    const segments = Array.from({ length: 120 }, (_, i) => {
      const day = String(1 + (i % 28)).padStart(2, '0');
      return `Patientin geboren am ${day}.03.19${50 + (i % 40)} — Tel. +33 6 84 63 ${String(10 + (i % 90)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')}, mail jeanne.${i}@exemple.fr. Née à Köln ✓ `;
    });
    const long = segments.join('');
    expect(Buffer.byteLength(long)).toBeGreaterThan(LONG_TEXT_BYTES);
    const offsets = segments.map((_, i) => [...segments.slice(0, i).join('')].length);
    const cut = await scanTexts(segments, { rules: piiRules, validators, key });
    const whole = await scanTexts([long], { rules: piiRules, validators, key });
    const view = (f: (typeof cut)[number], shift: number) => `${f.ruleId} ${f.start + shift}-${f.end + shift} ${f.preview} ${f.fingerprint} ${f.confidence} ${JSON.stringify(f.detail)}`;
    expect(new Set(cut.map((f) => f.kind))).toEqual(new Set(['email', 'phone', 'date_of_birth']));
    expect(whole.map((f) => view(f, 0)).sort()).toEqual(cut.map((f) => view(f, offsets[f.index]!)).sort());
  });

  it('places values by their own text in a long cell even for a rule whose regex can match the empty string', async () => {
    const rule: Rule = { ...piiRules.find((r) => r.id === 'pii.email')!, id: 'test.digits', kind: 'digits', validator: undefined, keywords: [], pattern: '([0-9]{6,}|)', valueGroup: 1, examples: { positive: [], negative: [] } };
    const text = `${'x'.repeat(LONG_TEXT_BYTES)} 1234567 and 7654321`;
    const found = await scanTexts([text], { rules: [rule], validators, key });
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['1234567', '7654321']);
  });

  it('refuses two rules with the same id', async () => {
    await withCells(['x'], async (db) => {
      await expect(classifyRelation(db, { relation: 'cells', rules: [secretRules[0]!, secretRules[0]!], validators, key })).rejects.toMatchObject({ code: 'BAD_RULE' });
    });
  });
});

describe('withoutCaptures', () => {
  it('makes capturing and named groups non-capturing and leaves escapes, classes, quoted runs and flag groups alone', () => {
    expect(withoutCaptures('(a)(?:b)(?i)(?i:c)(?P<key>d)(?<val>e)')).toBe('(?:a)(?:b)(?i)(?i:c)(?:d)(?:e)');
    expect(withoutCaptures('\\((x)\\)')).toBe('\\((?:x)\\)');
    expect(withoutCaptures('[(][^(][]()][[:alpha:](]([a-z]+)')).toBe('[(][^(][]()][[:alpha:](](?:[a-z]+)');
    expect(withoutCaptures('\\Q(literal)\\E(g)')).toBe('\\Q(literal)\\E(?:g)');
    expect(withoutCaptures('(?:^|[^\\w])(sk-[a-z]{4})(?:[^\\w]|$)')).toBe('(?:^|[^\\w])(?:sk-[a-z]{4})(?:[^\\w]|$)');
  });

  it('gives every rule of the pack a scan regex that RE2 reads as group-free and that matches its examples exactly as the rule does', async () => {
    const pack = [...secretRules, ...operationalRules, ...piiRules, ...specialRules];
    await withScratchDb(async (db) => {
      for (const rule of pack) {
        const plain = withoutCaptures(rule.pattern);
        const texts = [...rule.examples.positive.map((e) => e.text), ...rule.examples.negative];
        const differing = await db.all<{ t: string }>(
          `SELECT t FROM (SELECT unnest(${listLiteral(texts)}) AS t) WHERE regexp_extract_all(t, ${literal(rule.pattern)}) IS DISTINCT FROM regexp_extract_all(t, ${literal(plain)})`,
        );
        expect(differing, rule.id).toEqual([]);
        // A positive example matches, so asking for group 1 fails only when the regex has none.
        await expect(db.all(`SELECT regexp_extract_all(${literal(rule.examples.positive[0]!.text)}, ${literal(plain)}, 1)`), rule.id).rejects.toThrow(/0 groups/);
      }
    });
  });
});

describe('planScan', () => {
  it('gates the rare formats apart from the rules whose matches are common (e-mail, phone, IPv4), in groups of at most six', () => {
    const rules = [...secretRules, ...piiRules, ...operationalRules];
    const plan = planScan(rules);
    const groups = patternGroups(rules, plan.byPattern);
    expect(groups.flat().sort((a, b) => a - b)).toEqual([...plan.byPattern].sort((a, b) => a - b));
    const kind = (i: number) => (rules[i]!.common ? 'common' : rules[i]!.category === 'secret' ? 'secret' : 'other');
    const shared = groups.filter((g) => g.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(3);
    for (const g of shared) {
      expect(g.length).toBeLessThanOrEqual(6);
      expect(new Set(g.map(kind)).size).toBe(1);
    }
    const common = shared.filter((g) => kind(g[0]!) === 'common').flat().map((i) => rules[i]!.id);
    expect(common.sort()).toEqual(['pii.email', 'pii.ipv4', 'pii.phone']);
  });

  it('leaves out of stage 1 a text wholly of a shape that the rules it matches do not search (a UUID for the digit-run rules)', async () => {
    const pick = (id: string) => piiRules.find((r) => r.id === id)!;
    const plan = planScan([pick('pii.phone'), pick('pii.ipv4'), pick('pii.dni-es')]);
    const texts = ['0267154d-4123-8567-9012-81798fb61f1a', '10.20.30.40', 'trace 0267154d-4123-8567-9012-81798fb61f1a call +49 30 1234567', 'Ruf mich an: +49 30 1234567', 'no digits here'];
    await withScratchDb(async (db) => {
      const rows = await db.all<{ text: string; ok: boolean }>(
        `SELECT text, (${plan.stage1}) AS ok FROM (SELECT unnest(${listLiteral(texts)}) AS text)`,
      );
      expect(Object.fromEntries(rows.map((r) => [r.text, r.ok]))).toEqual({
        [texts[0]!]: false,
        [texts[1]!]: true,
        [texts[2]!]: true,
        [texts[3]!]: true,
        [texts[4]!]: false,
      });
    });
  });

  it('searches no cell that is wholly a UUID, with either plan, and still searches a UUID inside a sentence', async () => {
    const base = piiRules.find((r) => r.id === 'pii.email')!;
    // Two keywords: the whole-UUID condition holds for a text that has either.
    const hexRun: Rule = { ...base, id: 'test.hex-run', kind: 'hex_run', keywords: ['8567', 'trace'], pattern: '([0-9]{4}-8567)', valueGroup: 1, validator: undefined, yieldsTo: undefined, notWithin: undefined };
    const texts = ['0267154d-4123-8567-9012-81798fb61f1a', ' 0267154D-4123-8567-9012-81798FB61F1A ', 'trace 0267154d-4123-8567-9012-81798fb61f1a failed'];
    for (const plan of ['combined', 'per-rule'] as const) {
      const found = await scanTexts(texts, { rules: [hexRun], validators, key, plan });
      expect(found.map((f) => f.index)).toEqual([2]);
    }
    await withScratchDb(async (db) => {
      expect((await checkRules(db, [hexRun], validators, texts)).map((h) => h.textIndex)).toEqual([2]);
    });
    const stage1 = planScan([hexRun]).stage1;
    await withScratchDb(async (db) => {
      const rows = await db.all<{ ok: boolean }>(`SELECT (${stage1}) AS ok FROM (SELECT unnest(${listLiteral(texts)}) AS text)`);
      expect(rows.map((r) => r.ok)).toEqual([false, false, true]);
    });
  });

  it('finds a three-letter lexicon word at the very start of a cell (the prefilter reads the start of the text as a word start)', async () => {
    const found = await scanTexts(['HIV positive since 2019, I take my meds daily'], { rules: specialRules, validators, key });
    expect(found.map((f) => f.ruleId)).toContain('special.health');
  });

  it('admits to the sentence rules only texts that hold one of their prefilters, and every text one of them matches', async () => {
    const sentenceRules = [...piiRules.filter((r) => r.prefilter !== undefined), ...specialRules];
    const plan = planScan(sentenceRules);
    const matching = sentenceRules.flatMap((r) => r.examples.positive.map((p) => p.text));
    const plain = ['the weather is nice today', 'please summarise this article about sorting algorithms', 'the build failed again with exit code 2'];
    await withScratchDb(async (db) => {
      const rows = await db.all<{ text: string; ok: boolean }>(`SELECT text, (${plan.stage1}) AS ok FROM (SELECT unnest(${listLiteral([...matching, ...plain])}) AS text)`);
      const admitted = Object.fromEntries(rows.map((r) => [r.text, r.ok]));
      for (const text of matching) expect(admitted[text], text).toBe(true);
      for (const text of plain) expect(admitted[text], text).toBe(false);
    });
  });
});

describe('planKeywords', () => {
  it('searches a keyword that contains another in a later level, so both are seen', () => {
    const base = secretRules[0]!;
    const plan = planKeywords([
      { ...base, id: 'a', keywords: ['key'] },
      { ...base, id: 'b', keywords: ['x-api-key'] },
    ]);
    expect(plan.groups).toHaveLength(2);
    expect(plan.rulesByKeyword.get('key')).toEqual([0]);
    expect(plan.rulesByKeyword.get('x-api-key')).toEqual([1]);
  });

  it('notes the keywords a keyword\'s match can hide (its last delimiter their first), to test the text for them', () => {
    const base = secretRules[0]!;
    const plan = planKeywords([
      { ...base, id: 'a', keywords: ['/v1/'] },
      { ...base, id: 'b', keywords: ['/home/'] },
      { ...base, id: 'c', keywords: ['secret'] },
    ]);
    expect(plan.rulesByKeyword.get('/v1/')).toEqual([0]);
    expect(plan.hides.get('/v1/')).toEqual(['/home/']);
    expect(plan.hides.get('/home/')).toEqual(['/v1/']);
    expect(plan.hides.get('secret')).toBeUndefined();
  });

  it('finds the rule of a keyword hidden inside another keyword\'s match', async () => {
    const base = piiRules.find((r) => r.id === 'pii.email')!;
    const rules: Rule[] = [
      { ...base, id: 'test.v1', kind: 'v1', keywords: ['/v1/'], pattern: '(/v1/[a-z]+)', valueGroup: 1, validator: undefined, yieldsTo: undefined, notWithin: undefined },
      { ...base, id: 'test.home', kind: 'home', keywords: ['/home/'], pattern: '(/home/[a-z]+)', valueGroup: 1, validator: undefined, yieldsTo: undefined, notWithin: undefined },
    ];
    const found = await scanTexts(['GET /v1/home/alice', 'GET /v1/x and /home/bob', 'GET /v1/only'], { rules, validators, key });
    expect(found.map((f) => `${f.index}:${f.ruleId}`).sort()).toEqual(['0:test.home', '0:test.v1', '1:test.home', '1:test.v1', '2:test.v1']);
  });
});
