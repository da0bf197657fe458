import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casePaths, createCase, openCase } from '../../app/core/case/case.ts';
import { ingestFiles } from '../../app/core/ingest/ingest.ts';
import { verifyAuditLog } from '../../app/core/case/audit-log.ts';
import { canRun, FIXTURES, ROOT, runCli } from './fixtures/child.ts';

/**
 * Disk full and a read-only case folder are simulated with a small tmpfs (root can mount one
 * here and in CI; chmod alone does not stop root from writing). Where mounting is not allowed
 * the tests say so and skip; the lock tests need nothing special.
 */

let dir: string;
const mountable = process.platform === 'linux' && canMount();

function canMount(): boolean {
  const probe = mkdtempSync(path.join(tmpdir(), 'breachscope-mnt-'));
  try {
    if (!canRun('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe])) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

function mountTmpfs(at: string, size: string): void {
  mkdirSync(at, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', at]);
  if (r.status !== 0) throw new Error(`mount failed: ${r.stderr}`);
}

function unmount(at: string): void {
  spawnSync('umount', ['-l', at]);
}

/** A CSV of `rows` rows, about 100 bytes each. */
function csv(rows: number): string {
  const lines = ['user_id,email,message'];
  for (let i = 0; i < rows; i += 1) lines.push(`u${i},person${i}@example.org,message number ${i} with some padding text to take up room`);
  return lines.join('\n') + '\n';
}

/** Setup runs in-process (the CLI's start-up is what the checked steps pay for). */
async function setUpCase(caseDir: string, file: string): Promise<void> {
  (await createCase(caseDir, { name: 'fault', awareAt: '2026-11-24T09:00:00Z' })).close();
  const h = await openCase(caseDir, { readablePaths: [file] });
  try {
    const [r] = await ingestFiles(h, [file]);
    expect(r?.status).toBe('imported');
  } finally {
    h.close();
  }
}

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('disk full, read-only folder, and two writers', () => {
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'breachscope-disk-'));
    writeFileSync(path.join(dir, 'small.csv'), csv(50));
    writeFileSync(path.join(dir, 'big.csv'), csv(120_000));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!mountable)('reports a full disk clearly, corrupts nothing, and imports once space is back', async () => {
    const mnt = path.join(dir, 'full');
    mountTmpfs(mnt, '24m');
    try {
      const caseDir = path.join(mnt, 'case');
      await setUpCase(caseDir, path.join(dir, 'small.csv'));
      // Leave too little room for the 12 MB file's table and decoded data.
      const df = spawnSync('df', ['--output=avail', '-B1', mnt], { encoding: 'utf8' });
      const avail = Number(df.stdout.trim().split('\n').at(-1));
      writeFileSync(path.join(mnt, 'filler'), Buffer.alloc(Math.max(0, avail - 1024 * 1024)));

      const full = await runCli(['ingest', caseDir, path.join(dir, 'big.csv')], { timeoutMs: 120_000 });
      expect(full.signal).toBeNull();
      expect([1, 3]).toContain(full.code);
      const said = full.stdout + full.stderr;
      expect(said).toMatch(/big\.csv|disk is full|No space left|ENOSPC|not enough space/i);
      noStackTrace(said);

      rmSync(path.join(mnt, 'filler'));
      expect(verifyAuditLog(casePaths(caseDir).audit).ok).toBe(true);
      const h = await openCase(caseDir, { readOnly: true });
      try {
        expect(await h.db.all(`SELECT name, rows FROM sources ORDER BY source_id`)).toEqual([{ name: 'small.csv', rows: 50 }]);
        expect(await h.db.one(`SELECT count(*) AS n FROM src_1`)).toEqual({ n: 50 });
      } finally {
        h.close();
      }
      const again = await runCli(['ingest', caseDir, path.join(dir, 'big.csv')], { timeoutMs: 120_000 });
      expect(again.code, again.stderr).toBe(0);
      expect(verifyAuditLog(casePaths(caseDir).audit).ok).toBe(true);
    } finally {
      unmount(mnt);
    }
  });

  it.skipIf(!mountable)('refuses to write to a read-only case folder with a clear error, and still opens it for reading', async () => {
    const mnt = path.join(dir, 'ro');
    mountTmpfs(mnt, '16m');
    try {
      const caseDir = path.join(mnt, 'case');
      await setUpCase(caseDir, path.join(dir, 'small.csv'));
      const remount = spawnSync('mount', ['-o', 'remount,ro', mnt]);
      expect(remount.status, String(remount.stderr)).toBe(0);

      const write = await runCli(['ingest', caseDir, path.join(dir, 'big.csv')]);
      expect(write.code).toBe(1);
      expect(write.stderr).toMatch(/READ_ONLY.*not writable/);
      noStackTrace(write.stderr);
      const read = await runCli(['case', 'open', caseDir]);
      expect(read.code, read.stderr).toBe(0);
      expect(read.stdout).toMatch(/small\.csv\s+csv\s+50 rows/);
      expect(read.stdout).toMatch(/Audit log: intact/);
    } finally {
      unmount(mnt);
    }
  });

  it('lets one process write at a time: the second is told who holds the case, and takes over once the holder is killed', async () => {
    const caseDir = path.join(dir, 'locked');
    (await createCase(caseDir, { name: 'lock', awareAt: '2026-11-24T09:00:00Z' })).close();
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join(FIXTURES, 'hold-case.ts'), caseDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => (d.toString().includes('held') ? resolve() : undefined));
        holder.on('close', () => reject(new Error('holder exited early')));
      });
      const second = await runCli(['ingest', caseDir, path.join(dir, 'small.csv')]);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`CASE_LOCKED.*process ${holder.pid}.*one writer at a time`));
      noStackTrace(second.stderr);
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('close', resolve));
      // A dead holder's lock is stale: the next writer takes over.
      const third = await runCli(['ingest', caseDir, path.join(dir, 'small.csv')]);
      expect(third.code, third.stderr).toBe(0);
      expect(verifyAuditLog(casePaths(caseDir).audit).ok).toBe(true);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('finishes a case creation that was killed after the manifest was written, but never overwrites a real case', async () => {
    const caseDir = path.join(dir, 'half-created');
    (await createCase(caseDir, { name: 'first try', awareAt: '2026-11-24T09:00:00Z' })).close();
    // What a kill between the manifest and the database leaves behind.
    rmSync(casePaths(caseDir).db);
    const again = await createCase(caseDir, { name: 'second try', awareAt: '2026-11-24T09:00:00Z' });
    again.close();
    expect(verifyAuditLog(casePaths(caseDir).audit)).toMatchObject({ ok: true, entries: 2 });
    await expect(createCase(caseDir, { name: 'third', awareAt: '2026-11-24T09:00:00Z' })).rejects.toMatchObject({ code: 'CASE_EXISTS' });
    const manifest = JSON.parse(readFileSync(casePaths(caseDir).manifest, 'utf8'));
    writeFileSync(casePaths(caseDir).manifest, JSON.stringify({ ...manifest, sources: [{ source_id: 1 }] }));
    rmSync(casePaths(caseDir).db);
    await expect(createCase(caseDir, { name: 'fourth', awareAt: '2026-11-24T09:00:00Z' })).rejects.toMatchObject({ code: 'CASE_EXISTS' });
  });

  it('tells a second in-process writer (another window) that the case is taken', async () => {
    const caseDir = path.join(dir, 'two-windows');
    const first = await createCase(caseDir, { name: 'windows', awareAt: '2026-11-24T09:00:00Z' });
    try {
      await expect(openCase(caseDir)).rejects.toMatchObject({ code: 'CASE_LOCKED' });
    } finally {
      first.close();
    }
  });
});
