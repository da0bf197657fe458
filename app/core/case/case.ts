import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync, fsyncSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../db/open-db.ts';
import { SCHEMA_SQL, SCHEMA_VERSION } from '../db/schema.ts';
import { migrateCellsTable, refreshCellsView } from '../db/cells-view.ts';
import { migrateFindingsTable } from '../db/findings-store.ts';
import { discardUnpublished } from '../ingest/unpublished.ts';
import { AuditLog, type AuditInput } from './audit-log.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { CaseError } from './case-error.ts';

/**
 * A case is one folder: `case.duckdb` (the engine), `manifest.json` (what was imported, with
 * hashes, and what was exported), `audit.jsonl` (every action, hash-chained), `case.key` (the
 * key for fingerprints), `exports/`, and `tmp/` (DuckDB spill and decoded copies). Folders and
 * files are private to the user (0700/0600): the case is itself a copy of the breach.
 */

export const CASE_FILES = {
  db: 'case.duckdb',
  manifest: 'manifest.json',
  audit: 'audit.jsonl',
  key: 'case.key',
  lock: 'case.lock',
  exports: 'exports',
  tmp: 'tmp',
} as const;

/**
 * DuckDB's working-memory cap for a case (override with BREACHSCOPE_MEMORY_LIMIT). The process
 * holds more than the cap (allocations outside DuckDB's buffer manager grow with the work done
 * under it), so the cap sets the peak: at 1 GB, classifying the 4M-row bench log peaked at
 * 1.56-1.72 GB and the 1M-row one at 1.22-1.24 GB; at 768 MB, 1.35 and 1.14 GB, in the same
 * time or less (45-47 s and 12.5-13.7 s against 49-50 s and 13.3-13.7 s); ingest 1.07 GB instead of
 * 1.31 GB at 4M rows, 62 s either way. At 512 MB both got slower (56 s, 15.5 s).
 */
export const DEFAULT_MEMORY_LIMIT = '768MB';

export interface CaseMeta {
  name: string;
  awareAt: string;
  createdAt: string;
}

export interface ManifestSource {
  source_id: number;
  path: string;
  name: string;
  sha256: string;
  bytes: number;
  format: string;
  compression: string;
  rows: number;
  rejected_rows: number;
  imported_at: string;
}

export interface ManifestExport {
  path: string;
  sha256: string;
  kind: string;
  bytes: number;
  at: string;
}

export interface Manifest {
  format: 'breachscope-case';
  schema_version: number;
  name: string;
  created_at: string;
  aware_at: string;
  tool: { name: string; version: string };
  rule_pack_version: string | null;
  sources: ManifestSource[];
  exports: ManifestExport[];
}

export interface OpenCaseOptions {
  /** Files DuckDB may read besides the case folder (files being imported, reference tables). */
  readablePaths?: string[];
  readOnly?: boolean;
  /** Passed as the fingerprint key instead of the case key (correlate across cases). */
  fingerprintKey?: Buffer;
}

export interface CaseHandle {
  dir: string;
  db: Db;
  meta: CaseMeta;
  audit: AuditLog;
  fingerprintKey: Buffer;
  readOnly: boolean;
  tmpDir: string;
  exportsDir: string;
  record(entry: AuditInput): void;
  manifest(): Manifest;
  /** Rewrites manifest.json from the database (the database is the source of truth). */
  syncManifest(): Promise<Manifest>;
  addExport(entry: Omit<ManifestExport, 'at'>): Promise<void>;
  close(): void;
}

export function casePaths(dir: string) {
  const root = path.resolve(dir);
  return {
    root,
    db: path.join(root, CASE_FILES.db),
    manifest: path.join(root, CASE_FILES.manifest),
    audit: path.join(root, CASE_FILES.audit),
    key: path.join(root, CASE_FILES.key),
    lock: path.join(root, CASE_FILES.lock),
    exports: path.join(root, CASE_FILES.exports),
    tmp: path.join(root, CASE_FILES.tmp),
  };
}

export function isCaseDir(dir: string): boolean {
  const p = casePaths(dir);
  return existsSync(p.manifest) && existsSync(p.db);
}

export async function createCase(dir: string, options: { name: string; awareAt: string; now?: Date }): Promise<CaseHandle> {
  const p = casePaths(dir);
  if (existsSync(p.db) || (existsSync(p.manifest) && !isUnfinishedCreation(p.manifest))) {
    throw new CaseError('CASE_EXISTS', `${p.root} already holds a case; open it instead, or choose an empty folder.`);
  }
  const awareAt = parseIsoInstant(options.awareAt, 'aware-at');
  mkdirSync(p.root, { recursive: true, mode: 0o700 });
  chmodSync(p.root, 0o700);
  mkdirSync(p.exports, { recursive: true, mode: 0o700 });
  mkdirSync(p.tmp, { recursive: true, mode: 0o700 });
  writeFileSync(p.key, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  const createdAt = (options.now ?? new Date()).toISOString();
  const manifest: Manifest = {
    format: 'breachscope-case',
    schema_version: SCHEMA_VERSION,
    name: options.name,
    created_at: createdAt,
    aware_at: awareAt,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    rule_pack_version: null,
    sources: [],
    exports: [],
  };
  // The audit entry comes before the manifest: a process killed while creating never leaves a
  // case (manifest) without its audit log; rerunning the creation finishes the job.
  new AuditLog(p.audit).append({ action: 'case.created', details: { name: options.name, aware_at: awareAt, tool: `${TOOL_NAME} ${TOOL_VERSION}` } });
  writeJsonAtomic(p.manifest, manifest);
  const handle = await openCase(dir);
  await handle.db.exec(`INSERT OR REPLACE INTO meta VALUES ('name', ?), ('aware_at', ?), ('created_at', ?)`, [options.name, awareAt, createdAt]);
  return handle;
}

/** A manifest with no database, sources or exports: a creation that was interrupted. */
function isUnfinishedCreation(manifestFile: string): boolean {
  try {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as Partial<Manifest>;
    return (m.sources?.length ?? 0) === 0 && (m.exports?.length ?? 0) === 0;
  } catch {
    return false;
  }
}

export async function openCase(dir: string, options: OpenCaseOptions = {}): Promise<CaseHandle> {
  const p = casePaths(dir);
  if (!existsSync(p.manifest)) throw new CaseError('NOT_A_CASE', `${p.root} is not a case folder (no ${CASE_FILES.manifest}). Create one with: breachscope case create ${dir} --name ... --aware-at ...`);
  const manifest = JSON.parse(readFileSync(p.manifest, 'utf8')) as Manifest;
  const readOnly = options.readOnly ?? false;
  if (!readOnly) assertWritable(p.root);
  const release = readOnly ? () => {} : acquireLock(p.lock);
  let db: Db;
  try {
    db = await openDb({
      dbPath: p.db,
      allowedDirectories: [p.root],
      allowedPaths: options.readablePaths ?? [],
      tempDirectory: p.tmp,
      // DuckDB spills to tmp/ beyond this, which keeps the process's memory flat as leaks grow.
      memoryLimit: process.env['BREACHSCOPE_MEMORY_LIMIT'] ?? DEFAULT_MEMORY_LIMIT,
      readOnly,
    });
  } catch (error) {
    release();
    const message = (error as Error).message;
    if (/lock/i.test(message)) {
      throw new CaseError('CASE_LOCKED', `${p.root} is open for writing in another BreachScope process; close it there first (one writer at a time).`);
    }
    throw new CaseError('DB_OPEN_FAILED', `${p.root}: the case database cannot be opened (${message.split('\n')[0]}).`);
  }
  let discarded: number[] = [];
  let findingsMigrated: string | undefined;
  if (!readOnly) {
    await migrateCellsTable(db);
    findingsMigrated = await migrateFindingsTable(db);
    await db.exec(SCHEMA_SQL);
    // An import killed before it published leaves rows no reader sees; they go before anything runs.
    discarded = await discardUnpublished(db);
    await refreshCellsView(db);
  }
  const key = options.fingerprintKey ?? Buffer.from(readFileSync(p.key, 'utf8').trim(), 'hex');
  const audit = new AuditLog(p.audit);
  const meta: CaseMeta = { name: manifest.name, awareAt: manifest.aware_at, createdAt: manifest.created_at };
  let current = manifest;

  const handle: CaseHandle = {
    dir: p.root,
    db,
    meta,
    audit,
    fingerprintKey: key,
    readOnly,
    tmpDir: p.tmp,
    exportsDir: p.exports,
    record(entry) {
      if (readOnly) return;
      audit.append(entry);
    },
    manifest: () => current,
    async syncManifest() {
      const sources = await db.all<Record<string, unknown>>(`SELECT * FROM sources ORDER BY source_id`);
      const rulePack = await db.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'rule_pack_version'`);
      current = {
        ...current,
        // Opening for writing migrated the database (if it was older) to this schema.
        schema_version: SCHEMA_VERSION,
        rule_pack_version: rulePack?.value ?? null,
        sources: sources.map((s) => ({
          source_id: s['source_id'] as number,
          path: s['path'] as string,
          name: s['name'] as string,
          sha256: s['sha256'] as string,
          bytes: s['bytes'] as number,
          format: s['format'] as string,
          compression: s['compression'] as string,
          rows: s['rows'] as number,
          rejected_rows: s['rejected_rows'] as number,
          imported_at: toIso(s['imported_at']),
        })),
      };
      if (!readOnly) writeJsonAtomic(p.manifest, current);
      return current;
    },
    async addExport(entry) {
      const at = new Date().toISOString();
      const rel = path.relative(p.root, path.resolve(entry.path));
      const exportsList = current.exports.filter((e) => e.path !== rel);
      exportsList.push({ ...entry, path: rel.startsWith('..') ? path.resolve(entry.path) : rel, at });
      current = { ...current, exports: exportsList };
      writeJsonAtomic(p.manifest, current);
    },
    close() {
      db.close();
      release();
    },
  };
  if (findingsMigrated) handle.record({ action: 'case.migrated', details: { schema_version: SCHEMA_VERSION, change: findingsMigrated } });
  if (discarded.length > 0) handle.record({ action: 'source.unpublished_discarded', details: { source_ids: discarded, reason: 'an import stopped before it published (killed or crashed)' } });
  if (!readOnly) await handle.syncManifest();
  return handle;
}

function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Validates an ISO 8601 instant with a time zone and returns it normalised to UTC. */
export function parseIsoInstant(value: string, what: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new CaseError('BAD_INPUT', `--${what} must be an ISO 8601 date-time with a time zone, e.g. 2026-11-24T09:00:00Z (got "${value.slice(0, 60)}").`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new CaseError('BAD_INPUT', `--${what}: "${value.slice(0, 60)}" is not a real date-time.`);
  return date.toISOString();
}

export function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(value, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function assertWritable(dir: string): void {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new CaseError('DISK_FULL', `${dir}: the disk is full; free space and retry. Nothing was changed.`);
    throw new CaseError('READ_ONLY', `${dir} is not writable (${code ?? 'error'}); open the case read-only or fix its permissions. Nothing was changed.`);
  }
}

/**
 * One writer per case. The lock file names the holder; a lock whose process is gone is stale
 * and taken over. DuckDB's own file lock backs this up across machines sharing a folder.
 */
export function acquireLock(lockFile: string): () => void {
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8') === mine) rmSync(lockFile);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLockHolder(lockFile);
      if (holder && holder.host === hostname() && !isAlive(holder.pid)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      throw new CaseError(
        'CASE_LOCKED',
        `${path.dirname(lockFile)} is open for writing by process ${holder?.pid ?? '?'} on ${holder?.host ?? '?'} since ${holder?.at ?? '?'}; one writer at a time. Close it there, or open the case read-only.`,
      );
    }
  }
  throw new CaseError('CASE_LOCKED', `${path.dirname(lockFile)}: could not take the case lock.`);
}

function readLockHolder(lockFile: string): { pid: number; host: string; at: string } | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; host: string; at: string };
  } catch {
    // A torn lock file (killed while writing) is older than a second: treat it as stale.
    try {
      if (Date.now() - statSync(lockFile).mtimeMs > 1000) return { pid: -1, host: hostname(), at: 'unknown' };
    } catch {
      return undefined;
    }
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

