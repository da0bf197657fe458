import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../app/core/case/case.ts';
import { withTempDir } from '../helpers/temp-case.ts';

/**
 * The case database runs statements that are built from leaked names and, in the workspace, a
 * SQL console. Whatever a statement says, DuckDB must not read or write outside the case, load
 * code, or loosen its own settings.
 */
describe('DuckDB in a case is locked down', () => {
  it('refuses every escape (reads and writes outside the case, extensions, attach, settings) and allows built-in and in-case work', async () => {
    await withTempDir(async (dir) => {
      const caseDir = path.join(dir, 'case');
      const h = await createCase(caseDir, { name: 'lockdown', awareAt: '2026-11-24T09:00:00Z' });
      writeFileSync(path.join(dir, 'outside.csv'), 'a\n1\n');
      symlinkSync('/etc/passwd', path.join(caseDir, 'exports', 'link-to-passwd'));
      const q = (s: string) => s.replaceAll('DIR', dir).replaceAll('CASE', caseDir);
      const refused: Array<[string, RegExp]> = [
        [`SELECT count(*) FROM read_csv('/etc/passwd')`, /Permission Error/],
        [`SELECT count(*) FROM read_text('/etc/hostname')`, /Permission Error/],
        [`SELECT count(*) FROM read_blob('DIR/outside.csv')`, /Permission Error/],
        [`SELECT count(*) FROM glob('/etc/*')`, /Permission Error/],
        [`SELECT count(*) FROM read_csv('CASE/../outside.csv')`, /Permission Error/],
        [`SELECT count(*) FROM read_csv('CASE/exports/link-to-passwd')`, /Permission Error/],
        [`SELECT * FROM read_csv('https://example.com/x.csv')`, /Permission Error/],
        [`INSTALL httpfs`, /Permission Error/],
        [`LOAD httpfs`, /disabled through configuration/],
        [`LOAD 'DIR/evil.duckdb_extension'`, /disabled through configuration/],
        [`ATTACH 'DIR/other.duckdb' AS other`, /Permission Error/],
        [`COPY (SELECT 1) TO 'DIR/out.csv'`, /Permission Error/],
        [`EXPORT DATABASE 'DIR/dump'`, /Permission Error/],
        [`CREATE SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')`, /Permission Error/],
        [`SET enable_external_access = true`, /configuration has been locked/],
        [`SET GLOBAL enable_external_access = true`, /configuration has been locked/],
        [`SET lock_configuration = false`, /configuration has been locked/],
        [`RESET lock_configuration`, /configuration has been locked/],
        [`SET allowed_directories = ['/']`, /configuration has been locked/],
        [`SET allowed_paths = ['/etc/passwd']`, /configuration has been locked/],
        [`SET autoinstall_known_extensions = true`, /configuration has been locked/],
        [`SET autoload_known_extensions = true`, /configuration has been locked/],
        [`SET allow_unsigned_extensions = true`, /configuration has been locked/],
        [`SET allow_community_extensions = true`, /configuration has been locked/],
        [`SET temp_directory = 'DIR/spill'`, /configuration has been locked/],
        [`SET log_query_path = 'DIR/queries.log'`, /configuration has been locked/],
        [`PRAGMA enable_profiling = 'json'`, /configuration has been locked/],
      ];
      try {
        for (const [sql, why] of refused) {
          await expect(h.db.exec(q(sql)), sql).rejects.toThrow(why);
        }
        for (const name of ['out.csv', 'dump', 'other.duckdb', 'spill', 'queries.log']) expect(existsSync(path.join(dir, name)), name).toBe(false);
        const settings = await h.db.one<Record<string, unknown>>(
          `SELECT current_setting('enable_external_access') AS ext, current_setting('lock_configuration') AS locked, current_setting('autoinstall_known_extensions') AS auto`,
        );
        expect(settings).toEqual({ ext: false, locked: true, auto: false });
        // What stays possible: built-in extensions and files inside the case.
        await h.db.exec(`LOAD json`);
        await h.db.exec(`LOAD parquet`);
        await h.db.exec(q(`COPY (SELECT 42 AS answer) TO 'CASE/exports/inside.csv'`));
        expect(await h.db.all(q(`SELECT answer FROM read_csv('CASE/exports/inside.csv')`))).toEqual([{ answer: 42 }]);
      } finally {
        h.close();
      }
    });
  });
});
