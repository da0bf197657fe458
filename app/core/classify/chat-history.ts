/**
 * Chat-history exposure: which fields of the imported sources hold conversation turns, and how
 * many conversations, turns and distinct users they cover. In an AI-service leak the prompts and
 * answers are usually the most sensitive content, so the assessment needs these counts.
 *
 * Decisions are made on a sample per column (bounded work), the counts over the whole table.
 */
import type { Db } from '../db/open-db.ts';
import { ident, literal, sourceTable } from '../db/sql.ts';

export interface ChatField {
  source_id: number;
  field: string;
  turns: number;
  reason: string;
}

export interface ChatHistory {
  fields: ChatField[];
  conversations: number;
  turns: number;
  users: number;
  method: string;
}

interface ColumnInfo {
  source_id: number;
  column_name: string;
  type: string;
  role: string | null;
}

/** Rows read per column to decide whether it holds conversation text. */
const SAMPLE_ROWS = 2000;
/** A role/content JSON turn: {"role": "user", ...}. RE2, so no look-around. */
const ROLE_TURN = '"role"\\s*:\\s*"(?:user|assistant|system|tool|model|human|ai|bot|function|developer)"';
const CHAT_NAME = /(?:^|[._])(?:prompts?|completions?|responses?|messages?|contents?|questions?|answers?|repl(?:y|ies)|query|queries|inputs?|outputs?|chat|conversations?|history|dialog(?:ue)?)$/i;
const SESSION_NAME = /(?:^|[._])(?:conversation|session|thread|chat|dialog)[._]?id$/i;
const USER_NAME = /(?:^|[._])(?:user|customer|account|client|member|end_user)[._]?(?:id|uuid|name|email)?$/i;

const num = (v: unknown) => Number(v ?? 0);

export async function analyzeChatHistory(db: Db): Promise<ChatHistory> {
  const columns = await db.all<ColumnInfo>(
    `SELECT c.source_id, c.column_name, c.type, c.role FROM source_columns c JOIN sources s USING (source_id) ORDER BY c.source_id, c.ordinal`,
  );
  const bySource = new Map<number, ColumnInfo[]>();
  for (const c of columns) bySource.set(c.source_id, [...(bySource.get(c.source_id) ?? []), c]);

  const fields: ChatField[] = [];
  let conversations = 0;
  let turns = 0;
  let users = 0;
  const methods: string[] = [];

  for (const [sourceId, cols] of bySource) {
    const table = ident(sourceTable(sourceId));
    const textCols = cols.filter((c) => /CHAR|TEXT|STRING|JSON/i.test(c.type));
    const chatCols: Array<{ col: ColumnInfo; json: boolean; reason: string }> = [];
    for (const col of textCols) {
      const decision = await classifyColumn(db, table, col);
      if (decision) chatCols.push({ col, ...decision });
    }
    if (chatCols.length === 0) continue;

    // Turns: role/content arrays count their turns; plain text fields count one turn per value.
    let sourceTurns = 0;
    for (const { col, json, reason } of chatCols) {
      const c = ident(col.column_name);
      const row = await db.one<{ n: unknown }>(
        json
          ? `SELECT sum(len(regexp_extract_all(CAST(${c} AS VARCHAR), ${literal(ROLE_TURN)}))) AS n FROM ${table}`
          : `SELECT count(*) AS n FROM ${table} WHERE ${c} IS NOT NULL AND length(trim(CAST(${c} AS VARCHAR))) > 0`,
      );
      const n = num(row?.n);
      fields.push({ source_id: sourceId, field: col.column_name, turns: n, reason });
      sourceTurns += n;
    }
    turns += sourceTurns;

    const hasChat = chatCols.map(({ col }) => `(${ident(col.column_name)} IS NOT NULL AND length(trim(CAST(${ident(col.column_name)} AS VARCHAR))) > 0)`).join(' OR ');
    const session = cols.find((c) => c.role === 'session_id') ?? cols.find((c) => SESSION_NAME.test(c.column_name));
    const user = cols.find((c) => c.role === 'user_id') ?? cols.find((c) => c.role === 'email') ?? cols.find((c) => USER_NAME.test(c.column_name) && c.role !== 'message');
    const chatRows = num((await db.one<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE ${hasChat}`))?.n);
    if (session) {
      conversations += num((await db.one<{ n: unknown }>(`SELECT count(DISTINCT ${ident(session.column_name)}) AS n FROM ${table} WHERE ${hasChat}`))?.n);
      methods.push(`source ${sourceId}: conversations = distinct ${session.column_name}`);
    } else {
      // Without a conversation id every row that carries chat content is counted as one
      // conversation: an upper bound, said so in the method.
      conversations += chatRows;
      methods.push(`source ${sourceId}: no conversation id column, each row with chat content counted as a conversation (upper bound)`);
    }
    if (user) {
      users += num((await db.one<{ n: unknown }>(`SELECT count(DISTINCT ${ident(user.column_name)}) AS n FROM ${table} WHERE ${hasChat}`))?.n);
      methods.push(`source ${sourceId}: users = distinct ${user.column_name}`);
    } else {
      methods.push(`source ${sourceId}: no user column, users not counted`);
    }
  }
  const method =
    fields.length === 0
      ? 'no field holds conversation turns (role/content JSON, or prompt/message text columns)'
      : `fields chosen on a sample of ${SAMPLE_ROWS} rows per column; turns = role/content entries in JSON arrays, else one per non-empty text value; ${methods.join('; ')}. Users are summed across sources (the same person in two sources counts twice).`;
  return { fields, conversations, turns, users, method };
}

/** Decides from a sample whether a column holds conversation text, and how to count its turns. */
async function classifyColumn(db: Db, table: string, col: ColumnInfo): Promise<{ json: boolean; reason: string } | undefined> {
  const c = ident(col.column_name);
  const stats = await db.one<{ n: unknown; role_json: unknown; prose: unknown; avg_len: unknown }>(
    `WITH s AS (SELECT CAST(${c} AS VARCHAR) AS v FROM ${table} WHERE ${c} IS NOT NULL LIMIT ${SAMPLE_ROWS})
     SELECT count(*) AS n,
            count(*) FILTER (WHERE regexp_matches(v, ${literal(ROLE_TURN)})) AS role_json,
            count(*) FILTER (WHERE length(v) >= 20 AND regexp_matches(v, '\\S+\\s+\\S+\\s+\\S+')) AS prose,
            avg(length(v)) AS avg_len
     FROM s`,
  );
  const n = num(stats?.n);
  if (n === 0) return undefined;
  const roleShare = num(stats?.role_json) / n;
  const proseShare = num(stats?.prose) / n;
  if (roleShare >= 0.3) return { json: true, reason: `role/content JSON turns in ${Math.round(roleShare * 100)}% of sampled values` };
  const named = col.role === 'message' || CHAT_NAME.test(col.column_name);
  if (named && proseShare >= 0.5) {
    const why = col.role === 'message' ? 'column role is message' : 'column name suggests prompts or messages';
    return { json: false, reason: `${why}; free text in ${Math.round(proseShare * 100)}% of sampled values` };
  }
  return undefined;
}
