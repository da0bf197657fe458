import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalSecret, fingerprint, fingerprintSql, hmacPadParams } from '../../../app/core/classify/fingerprint.ts';
import { withScratchDb } from '../../../app/core/db/open-db.ts';
import { MASK, maskSecret, maskValue, secretRevealLimit } from '../../../app/core/classify/mask.ts';
import { ALNUM, run, sampleValue } from '../../../app/core/classify/rules/secret-rule-builder.ts';

const TOKEN_KINDS = ['github_token', 'openai_api_key', 'aws_access_key_id', 'generic_secret', 'jwt', 'slack_token'];
const OPAQUE_KINDS = ['password', 'database_password', 'url_password', 'basic_auth_credentials', 'broker_password'];

/** Characters of the preview that come from the value (everything but the mask marks). */
function revealed(preview: string): string {
  return preview.replace(MASK, '');
}

describe('maskSecret', () => {
  it('never reveals more than the stated limit, and only a prefix and a suffix of the value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 300 }), fc.constantFrom(...TOKEN_KINDS), (value, kind) => {
        const preview = maskSecret(value, kind);
        const chars = [...value];
        if (preview === '********') return;
        const [head, tail] = preview.split(MASK) as [string, string];
        expect([...head].length + [...tail].length).toBeLessThanOrEqual(secretRevealLimit(chars.length));
        expect(value.startsWith(head)).toBe(true);
        expect(value.endsWith(tail)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows nothing of a password-like secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }), fc.constantFrom(...OPAQUE_KINDS), (value, kind) => {
        expect(maskSecret(value, kind)).toBe('********');
      }),
    );
  });

  it('keeps a public vendor prefix and the last four characters of a long token', () => {
    const github = sampleValue(['ghp_', run(ALNUM, 36)], 'mask-test-github');
    expect(maskSecret(github, 'github_token')).toBe(`ghp_…${github.slice(-4)}`);
    expect(maskSecret('sk-proj-abcdefghijklmnopqrstuvwx9f2c', 'openai_api_key')).toBe('sk-proj-…9f2c');
  });

  it('shows only the block type of a private key', () => {
    const block = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    expect(maskSecret(block, 'ssh_private_key')).toBe(`[OPENSSH PRIVATE KEY${MASK}]`);
  });
});

describe('maskValue for identifiers', () => {
  it('masks e-mail local parts, cards and phones to their stated remainder', () => {
    expect(maskValue('john.doe@gmail.com', 'contact', 'email')).toBe('j***@gmail.com');
    expect(maskValue('4111 1111 1111 1111', 'financial', 'payment_card')).toBe('**** **** **** 1111');
    expect(maskValue('+44 20 7946 0958', 'contact', 'phone')).toBe('+** ** **** **58');
  });

  it('shortens operational text to one line of at most 60 characters', () => {
    const sql = `SELECT ${'a, '.repeat(40)}b\nFROM users`;
    const preview = maskValue(sql, 'operational', 'sql_text');
    expect(preview.length).toBeLessThanOrEqual(60);
    expect(preview).not.toContain('\n');
  });
});

describe('fingerprint', () => {
  const key = Buffer.alloc(32, 7);

  it('is the lower-case hex HMAC-SHA256 of the value under the key', () => {
    const expected = createHmac('sha256', key).update('sk_live_abc', 'utf8').digest('hex');
    expect(fingerprint(key, 'sk_live_abc')).toBe(expected);
    expect(fingerprint(key, 'sk_live_abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(Buffer.alloc(32, 8), 'sk_live_abc')).not.toBe(expected);
  });

  it('gives a key block the same fingerprint whatever its line ends', () => {
    const lf = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nq8Wv+Zz9\n-----END RSA PRIVATE KEY-----';
    const crlf = lf.replaceAll('\n', '\r\n');
    const escaped = lf.replaceAll('\n', '\\n');
    expect(canonicalSecret(crlf)).toBe(lf);
    expect(fingerprint(key, crlf)).toBe(fingerprint(key, lf));
    expect(fingerprint(key, escaped)).toBe(fingerprint(key, lf));
  });

  it('refuses a key too short to protect the fingerprints', () => {
    expect(() => fingerprint(Buffer.alloc(4), 'x')).toThrow(/at least 16 bytes/);
    expect(() => hmacPadParams(Buffer.alloc(4))).toThrow(/at least 16 bytes/);
  });

  it('is computed the same in DuckDB SQL, for any text and for keys shorter and longer than a block', async () => {
    await withScratchDb(async (db) => {
      await db.exec('CREATE TABLE v (i INTEGER, s VARCHAR)');
      const values = fc.sample(fc.string({ unit: 'grapheme', maxLength: 80 }), { numRuns: 300, seed: 7 }).map((s) => s.replaceAll('\u0000', ''));
      values.push('', 'sk_live_abc', 'é😀 ß', 'x'.repeat(5000));
      for (const [i, s] of values.entries()) await db.exec('INSERT INTO v VALUES (?, ?)', [i, s]);
      for (const k of [Buffer.alloc(16, 3), Buffer.alloc(32, 1), Buffer.alloc(64, 9), Buffer.from('k'.repeat(100))]) {
        const rows = await db.all<{ i: number; f: string }>(`SELECT i, ${fingerprintSql('s')} AS f FROM v ORDER BY i`, hmacPadParams(k));
        expect(rows.map((r) => r.f)).toEqual(values.map((s) => fingerprint(k, s)));
      }
    });
  });
});
