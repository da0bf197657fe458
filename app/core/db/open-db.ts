import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { listLiteral, literal } from './sql.ts';
import { setOwn } from '../own-keys.ts';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

export interface Db {
  readonly connection: DuckDBConnection;
  /** Runs a statement; returns nothing. */
  exec(sql: string, params?: Params): Promise<void>;
  /** Runs a query and returns its rows as JSON-safe objects (BIGINT becomes a number when safe). */
  all<T = Row>(sql: string, params?: Params): Promise<T[]>;
  /** The first row, or undefined. */
  one<T = Row>(sql: string, params?: Params): Promise<T | undefined>;
  /** Runs `fn` inside a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Stops the running query (cancel). */
  interrupt(): void;
  /**
   * A second connection to the same database, for work that runs beside this connection's (its
   * own temp tables and views; the instance's settings, locked, apply). Closing it leaves this
   * one open.
   */
  fork(): Promise<Db>;
  close(): void;
}

export interface OpenDbOptions {
  /** Database file, or ':memory:'. */
  dbPath: string;
  /** Directories DuckDB may read and write (the case folder). */
  allowedDirectories?: string[];
  /** Single files DuckDB may read (the files being imported). */
  allowedPaths?: string[];
  /** Where DuckDB spills; must lie inside an allowed directory. */
  tempDirectory?: string;
  memoryLimit?: string;
  threads?: number;
  readOnly?: boolean;
}

/**
 * Opens DuckDB hardened: no extension auto-install or auto-load, file access limited to the
 * given directories and files, external access off, and the configuration locked so that no
 * later statement (a SQL console included) can loosen any of it.
 */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
  };
  if (options.readOnly) config['access_mode'] = 'READ_ONLY';
  const instance = await DuckDBInstance.create(options.dbPath, config);
  const connection = await instance.connect();
  const run = async (sql: string) => {
    await connection.run(sql);
  };
  const dirs = (options.allowedDirectories ?? []).map((d) => withTrailingSep(path.resolve(d)));
  const files = (options.allowedPaths ?? []).map((p) => path.resolve(p));
  if (options.tempDirectory) {
    mkdirSync(options.tempDirectory, { recursive: true, mode: 0o700 });
    await run(`SET temp_directory = ${literal(path.resolve(options.tempDirectory))}`);
  } else if (options.dbPath === ':memory:') {
    // An in-memory scratch database must not spill next to the current directory.
    await run(`SET temp_directory = ''`);
  }
  if (options.memoryLimit) await run(`SET memory_limit = ${literal(options.memoryLimit)}`);
  if (options.threads) await run(`SET threads = ${Math.max(1, Math.floor(options.threads))}`);
  await run(`SET preserve_insertion_order = true`);
  // No FSST string compression: its analysis and encoding cost ~1-2 s per million log rows on
  // import and ~0.5 s per million findings written, and every read decodes it again; dictionary
  // compression (repeated hosts, models, kinds) stays. The imported data takes ~55 % more disk
  // for it (1M bench rows: 266 MB instead of 172 MB, for 399 MB of input; docs/benchmarks.md).
  await run(`SET disabled_compression_methods = 'fsst'`);
  // No query progress: nothing reads it (progress comes from the phases), and keeping it costs
  // every task of a query a walk over its pipelines (1M-row classification: ~1 % of the CPU).
  await run(`SET enable_progress_bar = false`);
  await run(`SET enable_progress_bar_print = false`);
  await run(`SET allowed_directories = ${listLiteral(dirs)}`);
  await run(`SET allowed_paths = ${listLiteral(files)}`);
  await run(`SET enable_external_access = false`);
  await run(`SET lock_configuration = true`);
  return wrap(instance, connection, true);
}

function withTrailingSep(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

function wrap(instance: DuckDBInstance, connection: DuckDBConnection, ownsInstance: boolean): Db {
  let closed = false;
  const db: Db = {
    connection,
    async exec(sql, params) {
      if (params) await connection.run(sql, params);
      else await connection.run(sql);
    },
    async all<T>(sql: string, params?: Params) {
      const reader = params ? await connection.runAndReadAll(sql, params) : await connection.runAndReadAll(sql);
      // Rows are built from names and values here: DuckDB's own row objects assign each column
      // by name, and a column a leaked file names `__proto__` would vanish from every view.
      const names = reader.columnNames();
      return reader.getRowsJS().map((values) => {
        const row: Row = {};
        names.forEach((name, i) => setOwn(row, name, normalizeValue(values[i])));
        return row;
      }) as T[];
    },
    async one<T>(sql: string, params?: Params): Promise<T | undefined> {
      const rows: T[] = await db.all<T>(sql, params);
      return rows[0];
    },
    async transaction(fn) {
      await connection.run('BEGIN TRANSACTION');
      try {
        const result = await fn();
        await connection.run('COMMIT');
        return result;
      } catch (error) {
        try {
          await connection.run('ROLLBACK');
        } catch {
          // The transaction may already be aborted; the original error is what matters.
        }
        throw error;
      }
    },
    interrupt() {
      connection.interrupt();
    },
    async fork() {
      return wrap(instance, await instance.connect(), false);
    },
    close() {
      if (closed) return;
      closed = true;
      connection.closeSync();
      if (ownsInstance) instance.closeSync();
    },
  };
  return db;
}

/** BIGINT → number where it fits, so rows serialise to JSON; dates stay Date; lists stay arrays. */
function normalizeValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, normalizeValue(v));
    return out;
  }
  return value;
}

/** A scratch in-memory database with no file access at all (rule evaluation, what-if runs). */
export function openScratchDb(): Promise<Db> {
  return openDb({ dbPath: ':memory:' });
}

/** Runs `fn` with a scratch database and always closes it. */
export async function withScratchDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openScratchDb();
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
