import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { casePaths, openCase } from '../../../app/core/case/case.ts';
import { verifyAuditLog } from '../../../app/core/case/audit-log.ts';
import { decryptCase, encryptCase, safeDestination, type ScryptParams } from '../../../app/core/case/encrypt.ts';
import { ingestFiles } from '../../../app/core/ingest/ingest.ts';
import { withCase, withTempDir, writeInputs } from '../../helpers/temp-case.ts';

// The smallest cost the format accepts keeps these tests fast; one test uses the default cost.
const FAST: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'correct horse battery staple';
const PLANTED = 'sk-proj-PLANTEDsecretVALUE0123456789abcdefXYZ';

/** A closed case holding one imported file with a planted secret; returns its folder. */
async function makeClosedCase(dir: string): Promise<string> {
  const files = writeInputs(dir, { 'leak.csv': `user,message\nalice,my key is ${PLANTED}\nbob,hello\n` });
  await withCase(dir, files, async (h) => {
    const [r] = await ingestFiles(h, files);
    expect(r?.status).toBe('imported');
  });
  return path.join(dir, 'case');
}

/** Relative path → bytes of every file under `root`, skipping what the archive leaves out. */
function snapshot(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const childRel = rel ? `${rel}/${name}` : name;
      if (!rel && (name === 'case.lock' || name === 'tmp')) continue;
      const full = path.join(root, childRel);
      if (statSync(full).isDirectory()) walk(childRel);
      else out.set(childRel, readFileSync(full));
    }
  };
  walk('');
  return out;
}

function leftovers(parent: string): string[] {
  return existsSync(parent) ? readdirSync(parent).filter((n) => n.includes('.partial-')) : [];
}

describe('case encryption at rest', () => {
  it('round-trips a closed case byte for byte, private, and the decrypted case opens with an intact audit log', async () => {
    await withTempDir(async (dir) => {
      const caseDir = await makeClosedCase(dir);
      const before = snapshot(caseDir);
      const archive = path.join(dir, 'case.bsc');
      const enc = await encryptCase(caseDir, archive, PASS, { scrypt: FAST });
      expect(enc.files).toBe(before.size);
      expect(statSync(archive).mode & 0o777).toBe(0o600);

      const restored = path.join(dir, 'restored');
      const dec = await decryptCase(archive, restored, PASS);
      expect(dec.files).toBe(before.size);
      const after = snapshot(restored);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [rel, bytes] of before) expect(after.get(rel)!.equals(bytes), rel).toBe(true);
      expect(statSync(restored).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(restored, 'case.key')).mode & 0o777).toBe(0o600);
      expect(existsSync(path.join(restored, 'tmp'))).toBe(true);

      expect(verifyAuditLog(casePaths(restored).audit).ok).toBe(true);
      const h = await openCase(restored, { readOnly: true });
      try {
        expect(await h.db.all(`SELECT user FROM src_1 ORDER BY __row`)).toEqual([{ user: 'alice' }, { user: 'bob' }]);
      } finally {
        h.close();
      }
    });
  });

  it('uses the default scrypt cost when none is given and states it in the header', async () => {
    await withTempDir(async (dir) => {
      const caseDir = await makeClosedCase(dir);
      const archive = path.join(dir, 'case.bsc');
      await encryptCase(caseDir, archive, PASS);
      const bytes = readFileSync(archive);
      const headerLength = bytes.readUInt32BE(8);
      const header = JSON.parse(bytes.subarray(12, 12 + headerLength).toString('utf8'));
      expect(header).toMatchObject({ version: 1, cipher: 'aes-256-gcm', kdf: { name: 'scrypt', N: 131072, r: 8, p: 1, keyBytes: 32 } });
      expect(Buffer.from(header.kdf.salt, 'base64')).toHaveLength(16);
      expect((await decryptCase(archive, path.join(dir, 'out'), PASS)).files).toBeGreaterThan(0);
    });
  });

  it('hides the leaked content and the file names: neither appears in the archive bytes', async () => {
    await withTempDir(async (dir) => {
      const caseDir = await makeClosedCase(dir);
      const archive = path.join(dir, 'case.bsc');
      await encryptCase(caseDir, archive, PASS, { scrypt: FAST });
      const bytes = readFileSync(archive);
      for (const needle of [PLANTED, 'alice', 'manifest.json', 'audit.jsonl', 'case.duckdb', 'leak.csv']) {
        expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
      }
      // The raw case database does hold the secret: the encryption is what hides it.
      expect(readFileSync(path.join(caseDir, 'case.duckdb')).includes(Buffer.from('alice'))).toBe(true);
    });
  });

  it('refuses a wrong passphrase with a clear error and leaves nothing behind', async () => {
    await withTempDir(async (dir) => {
      const caseDir = await makeClosedCase(dir);
      const archive = path.join(dir, 'case.bsc');
      await encryptCase(caseDir, archive, PASS, { scrypt: FAST });
      const out = path.join(dir, 'out');
      await expect(decryptCase(archive, out, 'correct horse battery stapler')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/wrong passphrase/) });
      expect(existsSync(out)).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    });
  });

  it('detects any flipped byte (header, lengths, ciphertext, tags) and leaves no partial output', async () => {
    await withTempDir(async (dir) => {
      const caseDir = await makeClosedCase(dir);
      const archive = path.join(dir, 'case.bsc');
      // Small chunks so the archive has many chunk boundaries to tamper with.
      await encryptCase(caseDir, archive, PASS, { scrypt: FAST, chunkBytes: 4096 });
      const original = readFileSync(archive);
      const headerEnd = 12 + original.readUInt32BE(8) + 32;
      const positions = new Set<number>([0, 9, 20, headerEnd - 1, headerEnd, headerEnd + 3, headerEnd + 4, headerEnd + 4 + 4096 + 15, original.length - 1, original.length - 17]);
      for (let i = 0; i < 14; i += 1) positions.add(headerEnd + Math.floor(((i + 0.5) / 14) * (original.length - headerEnd)));
      const out = path.join(dir, 'out');
      const codes = new Set<string>();
      for (const at of positions) {
        const tampered = Buffer.from(original);
        tampered[at] = tampered[at]! ^ 0x01;
        const file = path.join(dir, 'tampered.bsc');
        writeFileSync(file, tampered);
        const error = await decryptCase(file, out, PASS).then(
          () => undefined,
          (e: { code: string }) => e,
        );
        expect(error, `byte ${at} flipped`).toBeDefined();
        codes.add(error!.code);
        expect(existsSync(out), `byte ${at}`).toBe(false);
        expect(leftovers(dir), `byte ${at}`).toEqual([]);
      }
      expect([...codes].every((c) => ['ARCHIVE_DAMAGED', 'WRONG_PASSPHRASE', 'NOT_AN_ARCHIVE'].includes(c))).toBe(true);
    });
  });

  it('detects a truncated archive, appended bytes and swapped chunks', async () => {
    await withTempDir(async (dir) => {
      const caseDir = await makeClosedCase(dir);
      const archive = path.join(dir, 'case.bsc');
      await encryptCase(caseDir, archive, PASS, { scrypt: FAST, chunkBytes: 4096 });
      const original = readFileSync(archive);
      const headerEnd = 12 + original.readUInt32BE(8) + 32;
      const chunk = 4 + 4096 + 16;
      const variants: Record<string, Buffer> = {
        'cut after the header': original.subarray(0, headerEnd),
        'cut before the last chunk': original.subarray(0, headerEnd + chunk * Math.floor((original.length - headerEnd) / chunk)),
        'cut inside a chunk': original.subarray(0, headerEnd + chunk + 100),
        'one byte short': original.subarray(0, original.length - 1),
        'appended byte': Buffer.concat([original, Buffer.from([0])]),
        'first two chunks swapped': Buffer.concat([
          original.subarray(0, headerEnd),
          original.subarray(headerEnd + chunk, headerEnd + 2 * chunk),
          original.subarray(headerEnd, headerEnd + chunk),
          original.subarray(headerEnd + 2 * chunk),
        ]),
        'a chunk dropped': Buffer.concat([original.subarray(0, headerEnd), original.subarray(headerEnd + chunk)]),
      };
      for (const [what, bytes] of Object.entries(variants)) {
        const file = path.join(dir, 'variant.bsc');
        writeFileSync(file, bytes);
        await expect(decryptCase(file, path.join(dir, 'out'), PASS), what).rejects.toMatchObject({ code: 'ARCHIVE_DAMAGED' });
        expect(existsSync(path.join(dir, 'out')), what).toBe(false);
        expect(leftovers(dir), what).toEqual([]);
      }
    });
  });

  it('refuses a file that is not an archive and a header demanding an absurd scrypt cost', async () => {
    await withTempDir(async (dir) => {
      const junk = path.join(dir, 'junk.bsc');
      writeFileSync(junk, 'PK\u0003\u0004 not ours at all');
      await expect(decryptCase(junk, path.join(dir, 'out'), PASS)).rejects.toMatchObject({ code: 'NOT_AN_ARCHIVE' });
      const header = Buffer.from(JSON.stringify({ format: 'breachscope-case-archive', version: 1, kdf: { name: 'scrypt', N: 2 ** 30, r: 8, p: 1, salt: Buffer.alloc(16).toString('base64'), keyBytes: 32 }, cipher: 'aes-256-gcm', chunkBytes: 1024 }));
      const len = Buffer.alloc(4);
      len.writeUInt32BE(header.length);
      const crafted = path.join(dir, 'crafted.bsc');
      writeFileSync(crafted, Buffer.concat([Buffer.from('BSCASEv1'), len, header, Buffer.alloc(32)]));
      const started = Date.now();
      await expect(decryptCase(crafted, path.join(dir, 'out'), PASS)).rejects.toMatchObject({ code: 'ARCHIVE_DAMAGED', message: expect.stringMatching(/scrypt parameters/) });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(existsSync(path.join(dir, 'out'))).toBe(false);
    });
  });

  it('refuses to encrypt a case that is open for writing, and releases its hold afterwards', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'a.csv': 'a,b\n1,2\n' });
      await withCase(dir, files, async () => {
        await expect(encryptCase(path.join(dir, 'case'), path.join(dir, 'x.bsc'), PASS, { scrypt: FAST })).rejects.toMatchObject({ code: 'CASE_LOCKED', message: expect.stringMatching(/close it before encrypting/) });
        expect(existsSync(path.join(dir, 'x.bsc'))).toBe(false);
      });
      await encryptCase(path.join(dir, 'case'), path.join(dir, 'x.bsc'), PASS, { scrypt: FAST });
      // The lock taken while encrypting is gone: the case opens for writing again.
      const h = await openCase(path.join(dir, 'case'));
      h.close();
    });
  });

  it('refuses bad targets: inside the case, an existing file, a non-empty folder, a non-case, a short passphrase', async () => {
    await withTempDir(async (dir) => {
      const caseDir = await makeClosedCase(dir);
      await expect(encryptCase(caseDir, path.join(caseDir, 'exports', 'a.bsc'), PASS, { scrypt: FAST })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      writeFileSync(path.join(dir, 'exists.bsc'), 'keep me');
      await expect(encryptCase(caseDir, path.join(dir, 'exists.bsc'), PASS, { scrypt: FAST })).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
      expect(readFileSync(path.join(dir, 'exists.bsc'), 'utf8')).toBe('keep me');
      await expect(encryptCase(path.join(dir, 'in'), path.join(dir, 'b.bsc'), PASS, { scrypt: FAST })).rejects.toMatchObject({ code: 'NOT_A_CASE' });
      await expect(encryptCase(caseDir, path.join(dir, 'c.bsc'), 'short', { scrypt: FAST })).rejects.toMatchObject({ code: 'BAD_PASSPHRASE' });
      const archive = path.join(dir, 'ok.bsc');
      await encryptCase(caseDir, archive, PASS, { scrypt: FAST });
      mkdirSync(path.join(dir, 'full'));
      writeFileSync(path.join(dir, 'full', 'x'), 'x');
      await expect(decryptCase(archive, path.join(dir, 'full'), PASS)).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
      mkdirSync(path.join(dir, 'empty'));
      expect((await decryptCase(archive, path.join(dir, 'empty'), PASS)).files).toBeGreaterThan(0);
    });
  });

  it('streams a large file through small chunks intact', async () => {
    await withTempDir(async (dir) => {
      const caseDir = await makeClosedCase(dir);
      const big = Buffer.alloc(6 * 1024 * 1024 + 123);
      for (let i = 0; i < big.length; i += 1) big[i] = (i * 2654435761) >>> 24;
      writeFileSync(path.join(caseDir, 'exports', 'big.bin'), big, { mode: 0o600 });
      const archive = path.join(dir, 'case.bsc');
      await encryptCase(caseDir, archive, PASS, { scrypt: FAST, chunkBytes: 64 * 1024 });
      await decryptCase(archive, path.join(dir, 'out'), PASS);
      expect(readFileSync(path.join(dir, 'out', 'exports', 'big.bin')).equals(big)).toBe(true);
    });
  });

  it.each([
    ['../escape', 'parent folder'],
    ['exports/../../escape', 'parent inside'],
    ['/etc/passwd', 'absolute'],
    ['a\\..\\b', 'backslash'],
    ['a/./b', 'dot segment'],
    ['a//b', 'empty segment'],
    ['', 'empty'],
    ['a\u0000b', 'NUL'],
  ])('refuses the archive path %j (%s)', (rel) => {
    expect(() => safeDestination('/tmp/staging', rel, 'x.bsc')).toThrow(/unsafe path/);
  });

  it('accepts ordinary nested case paths inside the staging folder', () => {
    expect(safeDestination('/tmp/staging', 'exports/drafts/eu-gdpr.md', 'x.bsc')).toBe('/tmp/staging/exports/drafts/eu-gdpr.md');
  });
});
