import { describe, expect, it } from 'vitest';
import { withScratchDb, type Db } from '../../../app/core/db/open-db.ts';
import { SCHEMA_SQL } from '../../../app/core/db/schema.ts';
import { validators } from '../../../app/core/classify/rules/index.ts';
import { piiRules } from '../../../app/core/classify/rules/pii-rules.ts';
import { classifyRelation, settledSql } from '../../../app/core/classify/scan.ts';
import { judgePage, type Candidate } from '../../../app/core/classify/judge.ts';
import type { Rule, Validator } from '../../../app/core/classify/rule-types.ts';

const key = Buffer.alloc(32, 3);
const ipv4 = piiRules.find((r) => r.id === 'pii.ipv4')!;
const email = piiRules.find((r) => r.id === 'pii.email')!;

// Every scope, the edges of the dotted-quad shape, and values the validator rejects.
const VALUES = [
  '81.2.69.160', '10.0.0.1', '172.16.5.4', '172.31.255.1', '172.32.0.1', '192.168.1.1', '100.64.0.1', '100.128.0.1', '127.0.0.1',
  '169.254.1.1', '192.0.2.5', '198.51.100.7', '203.0.113.9', '224.0.0.1', '239.255.255.255', '240.0.0.1', '0.0.0.0', '0.1.2.3',
  '255.255.255.255', '01.2.3.4', '256.1.1.1', '1.2.3.4/24', '1.2.3', '8.8.8.8',
];
// Contexts that settle and contexts that must be left to the validator: version words, OID
// labels, glued letters and digits, longer dotted runs, non-ASCII letters and spaces.
const BEFORE = [
  '', ' ', 'from ', 'ip=', '"ip":"', 'addr \'', 'see(', '[', '<', 'version ', 'version: "', 'v', 'V', '(v', 'build ', 'rev. ', 'ver.', 'oid ',
  'object identifier = ', 'upgraded runtime to ', 'bumped   to ', 'releases (', 'IP', 'x', '1', '.', '1.2.', '_', '-', '/', 'é', '\u00a0',
  'version\u00a0', 'x\u2003', '\u{1D400}', 'ſ', 'K', 'firmware:=', 'sdk \t', 'agent\nto ', 'the host ',
];
const AFTER = ['', ' ', '"', ',', ';', '.', '.5', '1', 'x', '_', '/24', '-', ':8080', 'é', '\u00a0', ')', '\n'];

function candidates(values: string[], befores: string[], afters: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const value of values) for (const before of befores) for (const after of afters) out.push({ cand_id: out.length + 1, rule_idx: 0, value, match: value, before, after });
  return out;
}

async function settle(db: Db, validator: string, cands: Candidate[]) {
  await db.exec('CREATE TABLE cands (cand_id BIGINT, value VARCHAR, match VARCHAR, before VARCHAR, after VARCHAR)');
  const appender = await db.connection.createAppender('cands');
  for (const c of cands) {
    appender.appendBigInt(BigInt(c.cand_id));
    appender.appendVarchar(c.value);
    appender.appendVarchar(c.match);
    appender.appendVarchar(c.before ?? '');
    appender.appendVarchar(c.after ?? '');
    appender.endRow();
  }
  appender.closeSync();
  const form = validators[validator]!.sql!;
  return db.all<{ cand_id: number; valid: boolean; preview: string; confidence: number; detail: string; normalized: string }>(`${settledSql(form, 'cands')} ORDER BY cand_id`);
}

/** Every candidate the SQL form settles gets the validator's verdict, preview, confidence, detail and normal form. */
async function expectSameVerdicts(rule: Rule, cands: Candidate[]) {
  const judged = judgePage([rule], validators, key, cands);
  const js = new Map(judged.cand_id.map((id, i) => [id, { preview: judged.preview[i], confidence: judged.confidence[i], detail: judged.detail[i], normalized: judged.normalized[i], fingerprint: judged.fingerprint[i] }]));
  const settled = await withScratchDb((db) => settle(db, rule.validator!, cands));
  for (const s of settled) {
    const c = cands[Number(s.cand_id) - 1]!;
    const verdict = js.get(Number(s.cand_id));
    expect({ value: c.value, before: c.before, after: c.after, valid: s.valid }).toEqual({ value: c.value, before: c.before, after: c.after, valid: verdict !== undefined });
    if (!verdict) continue;
    expect(verdict.fingerprint).toBeNull(); // the value's own fingerprint, which DuckDB computes
    expect({ value: c.value, preview: s.preview, confidence: s.confidence, detail: s.detail, normalized: s.normalized }).toEqual({
      value: c.value,
      preview: verdict.preview,
      confidence: verdict.confidence,
      detail: verdict.detail,
      normalized: verdict.normalized,
    });
  }
  return settled;
}

describe('validator verdicts in SQL', () => {
  it('settles IPv4 candidates in DuckDB with exactly the verdict, preview, confidence, detail and normal form the validator gives', async () => {
    const cands = candidates(VALUES, BEFORE, AFTER);
    const settled = await expectSameVerdicts(ipv4, cands);
    // 20 dotted quads x 12 plain contexts before x 10 after settle (2,400 of 16,728); the rest
    // (version words, labels, glued characters, longer dotted runs, non-ASCII) go to the validator.
    expect(settled.length).toBe(2400);
    // Each scope and both verdicts occur among the settled candidates.
    expect(new Set(settled.filter((s) => s.valid).map((s) => JSON.parse(s.detail).scope))).toEqual(
      new Set(['public', 'private', 'shared', 'link_local', 'documentation', 'multicast', 'reserved']),
    );
    expect(settled.some((s) => !s.valid)).toBe(true);
    // Contexts the validator rejects for a version word or an OID label are never settled.
    const settledIds = new Set(settled.map((s) => Number(s.cand_id)));
    for (const c of cands.filter((x) => ['version ', 'v', 'oid ', 'upgraded runtime to ', 'agent\nto '].includes(x.before!))) expect(settledIds.has(c.cand_id)).toBe(false);
  });

  it('settles e-mail candidates in DuckDB with exactly the verdict, preview, confidence, detail and normal form the validator gives', async () => {
    const values = [
      'Jane.Doe+news@gmail.com', 'jane.doe@GoogleMail.com', 'a.b+c@Example.ORG', 'ops@test', 'user@mail.co.uk', 'user@firma.de', 'x@service.io',
      'dev@startup.ai', 'logo@2x.png', 'bad@host.123', '.lead@mail.com', 'trail.@mail.com', 'a..b@mail.com', 'user@-bad.com', 'user@bad-.com',
      'svc@proj.iam.gserviceaccount.com', 'u%1@mx.example.net', `${'l'.repeat(65)}@mail.com`, `${'l'.repeat(64)}@mail.com`,
      `user@${'d'.repeat(64)}.com`, 'user@xn--80ak6aa92e.com', 'user@xn--abc-.com', 'MiXeD@Case.Fr', 'ſam@mail.com',
    ];
    const befores = ['', ' ', 'mail ', '"email":"', 'postgres://admin:', 'redis://default:Pass', 'HTTP://user:', 'see http://x.y/ ', 'mailto:', 'ſ://u:', '\u00a0'];
    const afters = ['', ' ', '.', '"', '/path'];
    const cands = candidates(values, befores, afters);
    const settled = await expectSameVerdicts(email, cands);
    expect(settled.length).toBeGreaterThan(800);
    expect(settled.some((s) => s.valid) && settled.some((s) => !s.valid)).toBe(true);
    // An address right after a URL's scheme and user is never settled: the validator rejects it.
    const settledIds = new Set(settled.map((s) => Number(s.cand_id)));
    for (const c of cands.filter((x) => ['postgres://admin:', 'redis://default:Pass', 'HTTP://user:'].includes(x.before!))) expect(settledIds.has(c.cand_id)).toBe(false);
    // Non-ASCII values are left to the validator.
    for (const c of cands.filter((x) => x.value.startsWith('ſ'))) expect(settledIds.has(c.cand_id)).toBe(false);
  });

  it('gives the same findings with the SQL form as with the validator alone', async () => {
    const texts = [
      'login from 81.2.69.160 failed',
      '{"client_ip":"10.0.0.7","upstream":"192.168.1.20:8080"}',
      'version 1.2.3.4 deployed to 203.0.113.9',
      'loopback 127.0.0.1 and 0.0.0.0 ignored; peer=100.64.3.2',
      'oid 1.3.6.1.4.1.311 then IP192.168.1.1text and 8.8.8.8.',
      'Subnet: 192.168.1.0/24, gateway (172.20.0.1)',
      'mail Jane.Doe+news@gmail.com or ops@example.org; logo@2x.png',
      'DATABASE_URL=postgres://admin:Kafka1415!g58@pg-primary.prod.parley.internal/db and user@firma.de',
    ];
    const plain = (name: string): Validator => (value, ctx) => validators[name]!(value, ctx);
    const withoutSql: Record<string, Validator> = { ...validators, 'pii.ip': plain('pii.ip'), 'pii.email': plain('pii.email') };
    const run = (vs: Record<string, Validator>) =>
      withScratchDb(async (db) => {
        await db.exec(SCHEMA_SQL);
        await db.exec('CREATE TABLE cells (source_id INTEGER, row BIGINT, field VARCHAR, text VARCHAR)');
        for (const [i, text] of texts.entries()) await db.exec('INSERT INTO cells VALUES (1, ?, ?, ?)', [i + 1, 'message', text]);
        await classifyRelation(db, { relation: 'cells', rules: [ipv4, email], validators: vs, key });
        return db.all(`SELECT finding_id, row, field, rule_id, span_start, span_end, preview, confidence, detail, normalized, fingerprint FROM findings ORDER BY finding_id`);
      });
    const [withForm, alone] = [await run(validators), await run(withoutSql)];
    expect(alone.length).toBeGreaterThanOrEqual(10);
    expect(withForm).toEqual(alone);
  });
});
