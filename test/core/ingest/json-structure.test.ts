import { describe, expect, it } from 'vitest';
import { mergedJsonStructure, mergeStructures } from '../../../app/core/ingest/json-structure.ts';
import { withScratchDb } from '../../../app/core/db/open-db.ts';

describe('merged JSON structure', () => {
  it('unions keys, merges array elements, widens numbers and marks disagreement as JSON', () => {
    expect(mergeStructures({ a: 'VARCHAR', n: 'UBIGINT' }, { b: ['VARCHAR'], n: 'DOUBLE' })).toEqual({ a: 'VARCHAR', n: 'DOUBLE', b: ['VARCHAR'] });
    expect(mergeStructures(['VARCHAR'], [{ x: 'VARCHAR' }])).toEqual(['JSON']);
    expect(mergeStructures('NULL', { a: 'VARCHAR' })).toEqual({ a: 'VARCHAR' });
    expect(mergeStructures({ a: 'VARCHAR' }, ['VARCHAR'])).toBe('JSON');
  });

  it('keeps a key named __proto__ as a key', () => {
    const merged = mergeStructures({ a: 'VARCHAR' }, JSON.parse('{"__proto__":{"x":"VARCHAR"},"constructor":"UBIGINT"}'));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged as object)).toEqual(['a', '__proto__', 'constructor']);
    expect(JSON.stringify(merged)).toBe('{"a":"VARCHAR","__proto__":{"x":"VARCHAR"},"constructor":"UBIGINT"}');
  });

  it('gives the same shape from the distinct shapes of single values as one aggregate over the whole column', async () => {
    await withScratchDb(async (db) => {
      await db.exec(`CREATE TABLE t AS SELECT i AS __row, CASE WHEN i % 3 = 0 THEN '{"a":"x","m":[{"role":"u","content":"c"}]}' WHEN i % 3 = 1 THEN '{"b":2}' ELSE '{"a":null,"m":[{"extra":"y"}]}' END::JSON AS j FROM range(1, 12001) r(i)`);
      const whole = await db.one<{ s: string }>(`SELECT json_group_structure(j)::VARCHAR AS s FROM t`);
      expect(await mergedJsonStructure(db, 't', 'j', '__row')).toEqual(JSON.parse(whole!.s));
    });
  });
});
