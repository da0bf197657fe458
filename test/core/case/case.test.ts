import { readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase, openCase, casePaths } from '../../../app/core/case/case.ts';
import { verifyAuditLog } from '../../../app/core/case/audit-log.ts';
import { withTempDir } from '../../helpers/temp-case.ts';

describe('case folder', () => {
  it('creates a private folder with database, manifest, audit log and key', async () => {
    await withTempDir(async (dir) => {
      const caseDir = path.join(dir, 'c');
      const handle = await createCase(caseDir, { name: 'Leak', awareAt: '2026-11-24T10:00:00+01:00' });
      handle.close();
      const p = casePaths(caseDir);
      for (const f of [p.db, p.manifest, p.audit, p.key]) expect(existsSync(f)).toBe(true);
      expect(statSync(p.root).mode & 0o777).toBe(0o700);
      expect(statSync(p.key).mode & 0o777).toBe(0o600);
      expect(statSync(p.audit).mode & 0o777).toBe(0o600);
      const manifest = JSON.parse(readFileSync(p.manifest, 'utf8'));
      expect(manifest).toMatchObject({ name: 'Leak', aware_at: '2026-11-24T09:00:00.000Z', sources: [], tool: { name: 'BreachScope' } });
      expect(verifyAuditLog(p.audit)).toMatchObject({ ok: true, entries: 1 });
    });
  });

  it('caps DuckDB at 768 MB of working memory unless BREACHSCOPE_MEMORY_LIMIT says otherwise', async () => {
    await withTempDir(async (dir) => {
      const caseDir = path.join(dir, 'c');
      (await createCase(caseDir, { name: 'Leak', awareAt: '2026-11-24T10:00:00Z' })).close();
      const limit = async () => {
        const h = await openCase(caseDir);
        try {
          return (await h.db.one<{ v: string }>(`SELECT current_setting('memory_limit') AS v`))?.v;
        } finally {
          h.close();
        }
      };
      const saved = process.env['BREACHSCOPE_MEMORY_LIMIT'];
      try {
        delete process.env['BREACHSCOPE_MEMORY_LIMIT'];
        // DuckDB shows the cap in binary units: 768 MB = 732.4 MiB.
        expect(await limit()).toBe('732.4 MiB');
        process.env['BREACHSCOPE_MEMORY_LIMIT'] = '2GB';
        expect(await limit()).toBe('1.8 GiB');
      } finally {
        if (saved === undefined) delete process.env['BREACHSCOPE_MEMORY_LIMIT'];
        else process.env['BREACHSCOPE_MEMORY_LIMIT'] = saved;
      }
    });
  });

  it('refuses an awareness time without a time zone', async () => {
    await withTempDir(async (dir) => {
      await expect(createCase(path.join(dir, 'c'), { name: 'x', awareAt: '2026-11-24 10:00' })).rejects.toThrow(/time zone/);
    });
  });

  it('refuses to create a case over an existing one', async () => {
    await withTempDir(async (dir) => {
      const caseDir = path.join(dir, 'c');
      (await createCase(caseDir, { name: 'a', awareAt: '2026-11-24T09:00:00Z' })).close();
      await expect(createCase(caseDir, { name: 'b', awareAt: '2026-11-24T09:00:00Z' })).rejects.toThrow(/already holds a case/);
    });
  });

  it('lets one writer at a time open a case and tells the second who holds it', async () => {
    await withTempDir(async (dir) => {
      const caseDir = path.join(dir, 'c');
      const first = await createCase(caseDir, { name: 'a', awareAt: '2026-11-24T09:00:00Z' });
      try {
        await expect(openCase(caseDir)).rejects.toMatchObject({ code: 'CASE_LOCKED', message: expect.stringMatching(/one writer at a time/) });
      } finally {
        first.close();
      }
      const again = await openCase(caseDir);
      again.close();
    });
  });

  it('refuses to open a folder that is not a case', async () => {
    await withTempDir(async (dir) => {
      await expect(openCase(dir)).rejects.toMatchObject({ code: 'NOT_A_CASE' });
    });
  });

  it('keeps DuckDB inside the case: no reads elsewhere, no extensions, no unlocking', async () => {
    await withTempDir(async (dir) => {
      const caseDir = path.join(dir, 'c');
      const handle = await createCase(caseDir, { name: 'a', awareAt: '2026-11-24T09:00:00Z' });
      try {
        const refused = [
          `SELECT * FROM read_text('/etc/passwd')`,
          `SELECT * FROM read_csv('${path.join(dir, 'other.csv')}')`,
          `INSTALL httpfs`,
          `LOAD httpfs`,
          `ATTACH '${path.join(dir, 'elsewhere.duckdb')}' AS x`,
          `COPY (SELECT 1) TO '${path.join(dir, 'out.csv')}'`,
          `SET enable_external_access = true`,
          `SET allowed_directories = ['/']`,
          `SET lock_configuration = false`,
          `SET autoload_known_extensions = true`,
        ];
        for (const sql of refused) await expect(handle.db.exec(sql), sql).rejects.toThrow();
        await expect(handle.db.exec(`COPY (SELECT 1 AS a) TO '${path.join(caseDir, 'exports', 'ok.csv')}'`)).resolves.toBeUndefined();
      } finally {
        handle.close();
      }
    });
  });

  it('stores text without FSST compression (cheaper to write and read) but keeps dictionary compression', async () => {
    await withTempDir(async (dir) => {
      const handle = await createCase(path.join(dir, 'c'), { name: 'a', awareAt: '2026-11-24T09:00:00Z' });
      try {
        // Long distinct strings that FSST would take, and a few repeated ones for a dictionary.
        await handle.db.exec(`CREATE TABLE t AS SELECT 'user ' || i || ' wrote about the weather in Lisbon and Porto today, again and again' AS s,
          ['api-1.internal', 'api-2.internal', 'db-1.internal'][i % 3 + 1] AS host FROM range(200000) r(i)`);
        await handle.db.exec('CHECKPOINT');
        const used = await handle.db.all<{ column_name: string; compression: string }>(
          `SELECT DISTINCT column_name, compression FROM pragma_storage_info('t') WHERE segment_type = 'VARCHAR'`,
        );
        expect(used.filter((u) => u.compression === 'FSST')).toEqual([]);
        expect(used).toContainEqual({ column_name: 'host', compression: 'Dictionary' });
      } finally {
        handle.close();
      }
    });
  });
});
