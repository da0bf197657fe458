import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../app/core/db/open-db.ts';
import { stripedRelation } from '../../../app/core/db/stripes.ts';

async function withThreads<T>(threads: number, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ dbPath: ':memory:', threads });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

describe('striped reads of small tables', () => {
  it('splits a table under a row group per thread into one stripe per thread, holding each row once, sorted back by the key', async () => {
    await withThreads(4, async (db) => {
      await db.exec(`CREATE TABLE t AS SELECT i AS __row, 'v' || i AS j FROM range(1, 50001) r(i)`);
      const { sql, orderBy } = await stripedRelation(db, 't', '__row');
      expect(orderBy).toBe(' ORDER BY __row');
      expect(sql.split('UNION ALL')).toHaveLength(4);
      expect(await db.one(`SELECT count(*) AS n, count(DISTINCT __row) AS d, sum(__row) AS s, count(DISTINCT j) AS v FROM ${sql}`)).toEqual({ n: 50000, d: 50000, s: (50000 * 50001) / 2, v: 50000 });
      await db.exec(`CREATE TABLE copy AS SELECT * FROM ${sql}${orderBy}`);
      expect(await db.one(`SELECT count(*) FILTER (WHERE __row <> k) AS bad FROM (SELECT __row, row_number() OVER (ORDER BY rowid) AS k FROM copy)`)).toEqual({ bad: 0 });
    });
  });

  it('reads a subquery in stripes too', async () => {
    await withThreads(2, async (db) => {
      await db.exec(`CREATE TABLE t AS SELECT i AS __row, CASE WHEN i % 10 = 0 THEN '' ELSE 'x' END AS j FROM range(1, 30001) r(i)`);
      const { sql, orderBy } = await stripedRelation(db, `(SELECT __row, j FROM t WHERE j <> '')`, '__row');
      expect(orderBy).toBe(' ORDER BY __row');
      expect(await db.one(`SELECT count(*) AS n, count(DISTINCT __row) AS d FROM ${sql}`)).toEqual({ n: 27000, d: 27000 });
    });
  });

  it('leaves whole a relation that spans a row group per thread, one too small to split, and any on one thread', async () => {
    await withThreads(2, async (db) => {
      await db.exec(`CREATE TABLE big AS SELECT i AS __row FROM range(1, 250001) r(i)`);
      await db.exec(`CREATE TABLE small AS SELECT i AS __row FROM range(1, 1001) r(i)`);
      expect(await stripedRelation(db, 'big', '__row')).toEqual({ sql: 'big', orderBy: '' });
      expect(await stripedRelation(db, 'small', '__row')).toEqual({ sql: 'small', orderBy: '' });
    });
    await withThreads(1, async (db) => {
      await db.exec(`CREATE TABLE t AS SELECT i AS __row FROM range(1, 50001) r(i)`);
      expect(await stripedRelation(db, 't', '__row')).toEqual({ sql: 't', orderBy: '' });
    });
  });
});
