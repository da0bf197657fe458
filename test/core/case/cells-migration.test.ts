import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase, openCase, type CaseHandle } from '../../../app/core/case/case.ts';
import { ingestFiles, setColumnRole } from '../../../app/core/ingest/ingest.ts';
import { withCase, withTempDir, writeInputs } from '../../helpers/temp-case.ts';
import { cellParts } from '../../../app/core/db/cells-view.ts';

describe('cells view', () => {
  it('opens a case whose cells were a table (first format) and keeps its cells once, beside new imports', async () => {
    await withTempDir(async (dir) => {
      const caseDir = path.join(dir, 'case');
      (await createCase(caseDir, { name: 'old', awareAt: '2026-11-24T09:00:00Z' })).close();
      // Rebuild the first format by hand: a `cells` table holding every cell, no json_cells.
      const old = await openCase(caseDir);
      await old.db.exec(`DROP VIEW cells; DROP TABLE json_cells;
        CREATE TABLE cells (source_id INTEGER NOT NULL, row BIGINT NOT NULL, field VARCHAR NOT NULL, text VARCHAR NOT NULL);
        INSERT INTO cells VALUES (7, 1, 'message', 'an old cell');
        CREATE TABLE src_7 (__row BIGINT, __line BIGINT, message VARCHAR);
        INSERT INTO src_7 VALUES (1, 2, 'an old cell');
        INSERT INTO sources VALUES (7, '/old/log.csv', 'log.csv', repeat('0', 64), 20, 'csv', 'none', '{}', 1, 0, now());`);
      old.close();

      const [file] = writeInputs(dir, { 'new.csv': 'who,message\nalice,A new cell\n' });
      const h = await openCase(caseDir, { readablePaths: [file!] });
      try {
        expect((await h.db.all<{ text: string }>(`SELECT text FROM cells ORDER BY text`)).map((r) => r.text)).toEqual(['an old cell']);
        const [r] = await ingestFiles(h, [file!]);
        expect(r).toMatchObject({ status: 'imported', cells: 2 });
        const texts = (await h.db.all<{ source_id: number; text: string }>(`SELECT source_id, text FROM cells ORDER BY source_id, text`)).map((x) => `${x.source_id}:${x.text}`);
        expect(texts).toEqual(['7:an old cell', '8:A new cell', '8:alice']);
      } finally {
        h.close();
      }
    });
  });

  /** Imports one file into a new case and hands over the case and a lister of the view's fields. */
  async function withImported(name: string, content: string, fn: (h: CaseHandle, fields: () => Promise<string[]>) => Promise<void>): Promise<void> {
    await withTempDir(async (dir) => {
      const files = writeInputs(dir, { [name]: content });
      await withCase(dir, files, async (h) => {
        await ingestFiles(h, files);
        await fn(h, async () => (await h.db.all<{ field: string }>(`SELECT DISTINCT field FROM cells ORDER BY field`)).map((r) => r.field));
      });
    });
  }

  it('leaves timestamp columns out of the scanned cells and brings a column back when its role changes', async () => {
    await withImported('log.csv', 'timestamp,message\n2026-11-14 10:00:00,hello there\n', async (h, fields) => {
      expect(await fields()).toEqual(['message']);
      await setColumnRole(h, 1, 'timestamp', null);
      expect(await fields()).toEqual(['message', 'timestamp']);
    });
  });

  it('hides the JSON leaves of a column set to the timestamp role, and shows them again when the role is cleared', async () => {
    await withImported('log.tsv', 'note\tbody\nhello there\t{"at":"2026-11-14 10:00:00","zone":"CET"}\n', async (h, fields) => {
      const partFields = async () => {
        const parts = await cellParts(h.db);
        return (await h.db.all<{ field: string }>(`SELECT DISTINCT field FROM (${parts.join(' UNION ALL ')}) ORDER BY field`)).map((r) => r.field);
      };
      expect(await fields()).toEqual(['body.at', 'body.zone', 'note']);
      await setColumnRole(h, 1, 'body', 'timestamp');
      expect(await fields()).toEqual(['note']);
      expect(await partFields()).toEqual(['note']);
      await setColumnRole(h, 1, 'body', null);
      expect(await fields()).toEqual(['body.at', 'body.zone', 'note']);
      expect(await partFields()).toEqual(['body.at', 'body.zone', 'note']);
    });
  });
});
