import { describe, expect, it } from 'vitest';
import { withScratchDb, type Db } from '../../../app/core/db/open-db.ts';
import { SCHEMA_SQL } from '../../../app/core/db/schema.ts';
import { analyzeChatHistory } from '../../../app/core/classify/chat-history.ts';

async function addSource(db: Db, id: number, columns: Array<{ name: string; role: string | null }>, rows: Array<Array<string | null>>): Promise<void> {
  await db.exec(`INSERT INTO sources VALUES (?, ?, ?, 'x', 1, 'jsonl', 'none', NULL, ?, 0, now())`, [id, `/tmp/s${id}.jsonl`, `s${id}.jsonl`, rows.length]);
  for (const [i, c] of columns.entries()) {
    await db.exec(`INSERT INTO source_columns (source_id, ordinal, column_name, original, type, role, role_origin, role_reason) VALUES (?, ?, ?, ?, 'VARCHAR', ?, 'auto', NULL)`, [id, i, c.name, c.name, c.role]);
  }
  await db.exec(`CREATE TABLE src_${id} (__row BIGINT, __line BIGINT, ${columns.map((c) => `"${c.name}" VARCHAR`).join(', ')})`);
  for (const [r, values] of rows.entries()) {
    await db.exec(`INSERT INTO src_${id} VALUES (?, NULL, ${values.map(() => '?').join(', ')})`, [r + 1, ...values]);
  }
}

const turn = (role: string, content: string) => ({ role, content });

describe('analyzeChatHistory', () => {
  it('counts role/content turns, conversations by session id and distinct users', async () => {
    await withScratchDb(async (db) => {
      await db.exec(SCHEMA_SQL);
      const chat = (n: number) => JSON.stringify([turn('system', 'You are helpful.'), ...Array.from({ length: n }, (_, i) => turn(i % 2 ? 'assistant' : 'user', `message ${i}`))]);
      await addSource(
        db,
        1,
        [
          { name: 'session_id', role: 'session_id' },
          { name: 'user_id', role: 'user_id' },
          { name: 'string.messages', role: null },
          { name: 'model', role: null },
        ],
        [
          ['s1', 'u1', chat(2), 'deepseek-chat'],
          ['s1', 'u1', chat(4), 'deepseek-chat'],
          ['s2', 'u2', chat(2), 'deepseek-chat'],
          ['s3', 'u1', null, 'deepseek-chat'],
        ],
      );
      const result = await analyzeChatHistory(db);
      expect(result.fields).toEqual([{ source_id: 1, field: 'string.messages', turns: 3 + 5 + 3, reason: expect.stringMatching(/role\/content JSON/) }]);
      expect(result.turns).toBe(11);
      expect(result.conversations).toBe(2);
      expect(result.users).toBe(2);
      expect(result.method).toMatch(/distinct session_id/);
    });
  });

  it('counts free-text prompt fields one turn per value and says when conversations are an upper bound', async () => {
    await withScratchDb(async (db) => {
      await db.exec(SCHEMA_SQL);
      await addSource(
        db,
        2,
        [
          { name: 'prompt', role: null },
          { name: 'status', role: null },
        ],
        [
          ['please summarise this contract for me', 'ok'],
          ['what is the capital of France today', 'ok'],
          ['', 'error'],
        ],
      );
      const result = await analyzeChatHistory(db);
      expect(result.fields.map((f) => [f.field, f.turns])).toEqual([['prompt', 2]]);
      expect(result.conversations).toBe(2);
      expect(result.users).toBe(0);
      expect(result.method).toMatch(/upper bound/);
    });
  });

  it('finds no chat history in operational fields', async () => {
    await withScratchDb(async (db) => {
      await db.exec(SCHEMA_SQL);
      await addSource(db, 3, [{ name: 'path', role: null }, { name: 'latency', role: null }], [['/v1/chat/completions', '312'], ['/v1/models', '20']]);
      const result = await analyzeChatHistory(db);
      expect(result).toMatchObject({ fields: [], conversations: 0, turns: 0, users: 0 });
    });
  });
});
