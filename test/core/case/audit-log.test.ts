import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditLog } from '../../../app/core/case/audit-log.ts';
import { withTempDir } from '../../helpers/temp-case.ts';

function writeLog(dir: string, n: number): string {
  const file = path.join(dir, 'audit.jsonl');
  const log = new AuditLog(file, () => new Date('2026-11-24T10:00:00Z'));
  for (let i = 1; i <= n; i += 1) log.append({ action: `step.${i}`, details: { i }, actor: 'tester' });
  return file;
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').trimEnd().split('\n');
}

describe('audit log', () => {
  it('verifies an untouched chain and names its length', async () => {
    await withTempDir(async (dir) => {
      const file = writeLog(dir, 5);
      const result = verifyAuditLog(file);
      expect(result).toMatchObject({ ok: true, entries: 5, problems: [] });
    });
  });

  it('names the entry whose details were edited', async () => {
    await withTempDir(async (dir) => {
      const file = writeLog(dir, 5);
      const l = lines(file);
      l[2] = l[2]!.replace('"i":3', '"i":33');
      writeFileSync(file, l.join('\n') + '\n');
      const result = verifyAuditLog(file);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ line: 3, seq: 3, problem: 'entry-hash' })]);
    });
  });

  it('detects a removed entry at the line after the gap', async () => {
    await withTempDir(async (dir) => {
      const file = writeLog(dir, 5);
      const l = lines(file);
      l.splice(1, 1);
      writeFileSync(file, l.join('\n') + '\n');
      const result = verifyAuditLog(file);
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toMatchObject({ line: 2, seq: 3, problem: 'sequence' });
      expect(result.problems.some((p) => p.problem === 'previous-hash' && p.line === 2)).toBe(true);
    });
  });

  it('detects reordered entries', async () => {
    await withTempDir(async (dir) => {
      const file = writeLog(dir, 4);
      const l = lines(file);
      [l[1], l[2]] = [l[2]!, l[1]!];
      writeFileSync(file, l.join('\n') + '\n');
      const result = verifyAuditLog(file);
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => p.line)).toContain(2);
    });
  });

  it('detects a removed last entry only through the recorded head, so the chain itself stays valid', async () => {
    await withTempDir(async (dir) => {
      const file = writeLog(dir, 3);
      const before = verifyAuditLog(file);
      const l = lines(file);
      writeFileSync(file, l.slice(0, 2).join('\n') + '\n');
      const after = verifyAuditLog(file);
      expect(after.entries).toBe(2);
      expect(after.lastHash).not.toBe(before.lastHash);
    });
  });

  it('drops a torn last line left by a killed writer and chains on', async () => {
    await withTempDir(async (dir) => {
      const file = writeLog(dir, 3);
      writeFileSync(file, readFileSync(file, 'utf8') + '{"seq":4,"at":"2026');
      const log = new AuditLog(file);
      log.append({ action: 'after.crash', details: {} });
      const result = verifyAuditLog(file);
      expect(result).toMatchObject({ ok: true, entries: 4 });
    });
  });
});
