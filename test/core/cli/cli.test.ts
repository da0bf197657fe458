import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, parseMap } from '../../../app/cli/main.ts';
import { withTempDir, writeInputs } from '../../helpers/temp-case.ts';

/** Runs the CLI in-process and captures what it prints. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

const LEAK = [
  'timestamp,user_id,email,message',
  '2026-11-20T10:00:00Z,u1,anna.schmidt@example.de,"deploy with key AKIAQYLPMN5HFIQR7XJZ please"',
  '2026-11-20T10:05:00Z,u2,ben@example.fr,"hello there"',
].join('\n');

describe('breachscope command line', () => {
  it('keeps a --map entry for a column named __proto__ or constructor', () => {
    const map = parseMap(['__proto__=email', 'constructor=phone', 'a=b=user_id']);
    expect(Object.entries(map)).toEqual([
      ['__proto__', 'email'],
      ['constructor', 'phone'],
      ['a=b', 'user_id'],
    ]);
  });

  it('creates a case, ingests, classifies, lists masked findings and reveals one with an audit entry', async () => {
    await withTempDir(async (dir) => {
      const [file] = writeInputs(dir, { 'leak.csv': LEAK });
      const caseDir = path.join(dir, 'case');
      expect((await run(['case', 'create', caseDir, '--name', 'cli', '--aware-at', '2026-11-24T09:00:00Z'])).code).toBe(0);
      expect((await run(['ingest', caseDir, file!])).code).toBe(0);
      expect((await run(['classify', caseDir])).code).toBe(0);
      const listed = await run(['--json', 'findings', caseDir, '--category', 'secret']);
      const findings = JSON.parse(listed.stdout) as Array<{ finding_id: number; kind: string; preview: string }>;
      expect(findings).toEqual([expect.objectContaining({ kind: 'aws_access_key_id' })]);
      expect(listed.stdout).not.toContain('AKIAQYLPMN5HFIQR7XJZ');
      const revealed = await run(['reveal', caseDir, String(findings[0]!.finding_id), '--reason', 'rotate the key']);
      expect(revealed.stdout.trim()).toBe('AKIAQYLPMN5HFIQR7XJZ');
      const audit = readFileSync(path.join(caseDir, 'audit.jsonl'), 'utf8');
      expect(audit).toContain('"finding.revealed"');
      expect(audit).toContain('rotate the key');
      expect(audit).not.toContain('AKIAQYLPMN5HFIQR7XJZ');
      expect((await run(['review', caseDir, String(findings[0]!.finding_id), '--as', 'confirmed'])).code).toBe(0);
      expect((await run(['audit', 'verify', caseDir])).code).toBe(0);
    });
  });

  it('exits 3 when some files fail and the others import, naming the failed file', async () => {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { 'ok.csv': LEAK, 'empty.csv': '' });
      const caseDir = path.join(dir, 'case');
      await run(['case', 'create', caseDir, '--name', 'cli', '--aware-at', '2026-11-24T09:00:00Z']);
      const r = await run(['ingest', caseDir, ...files]);
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/FAILED .*empty\.csv/);
      expect(r.stdout).toMatch(/imported .*ok\.csv/);
    });
  });

  it('exits 4 and names the line when the audit log was edited', async () => {
    await withTempDir(async (dir) => {
      const caseDir = path.join(dir, 'case');
      await run(['case', 'create', caseDir, '--name', 'cli', '--aware-at', '2026-11-24T09:00:00Z']);
      const file = path.join(caseDir, 'audit.jsonl');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"cli"', '"edited"'));
      const r = await run(['audit', 'verify', caseDir]);
      expect(r.code).toBe(4);
      expect(r.stdout).toMatch(/line 1: entry 1 .*edited/);
    });
  });

  it('exits 2 on a usage error and 1 with a one-line message on a bad value', async () => {
    expect((await run(['ingest'])).code).toBe(2);
    const bad = await run(['case', 'create', '/tmp/never', '--name', 'x', '--aware-at', 'yesterday']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error \[BAD_INPUT\]: --aware-at must be an ISO 8601 date-time/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('assesses stated facts without a case (what-if) and prints the assessment JSON', async () => {
    await withTempDir(async (dir) => {
      const facts = path.join(dir, 'facts.json');
      writeFileSync(
        facts,
        JSON.stringify({
          controller: { aware_at: '2026-11-24T09:00:00Z', establishment_countries: ['DE'] },
          measured: { persons: { estimate: 1200, lower: 1000, upper: 1500, method: 'stated' }, by_country: { DE: { estimate: 1200, lower: 1000, upper: 1500 } }, by_category: { health: { estimate: 40, lower: 30, upper: 50 } } },
        }),
      );
      const r = await run(['--json', 'assess', '--facts', facts, '--now', '2026-11-24T12:00:00Z']);
      expect(r.code).toBe(0);
      const a = JSON.parse(r.stdout) as { regimes: Array<{ id: string; applies: boolean; notify_authority: string; deadline: { utc: string } | null }> };
      const gdpr = a.regimes.find((x) => x.id === 'EU-GDPR');
      expect(gdpr).toMatchObject({ applies: true, notify_authority: expect.stringMatching(/yes|likely/), deadline: expect.objectContaining({ utc: '2026-11-27T09:00:00.000Z' }) });
    });
  });
});
