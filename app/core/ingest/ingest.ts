import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CaseHandle } from '../case/case.ts';
import { ident, sourceTable } from '../db/sql.ts';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors.ts';
import type { ProgressEvent } from '../jobs/progress.ts';
import { buildCells } from './build-cells.ts';
import { refreshCellsView } from '../db/cells-view.ts';
import { discardSource, highestSourceId } from './unpublished.ts';
import { guessRole, isColumnRole, type ColumnRole } from './column-roles.ts';
import { IngestError } from './errors.ts';
import { DEFAULT_LOAD_LIMITS, loadSource, type LoadLimits } from './load-source.ts';
import { DEFAULT_LIMITS, prepass, type PrepassLimits, type PrepassResult } from './prepass.ts';
import { sniffFormat } from './sniff.ts';
import { createIngestMacros } from './sql-macros.ts';

export interface IngestOptions {
  /** Role overrides: `column=role`, matched against field names and original names. */
  map?: Record<string, ColumnRole>;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  limits?: Partial<LoadLimits & PrepassLimits>;
}

export interface FieldInfo {
  field: string;
  original: string;
  role: ColumnRole | null;
  roleOrigin: 'auto' | 'user' | null;
  reason: string;
}

export type IngestResult =
  | {
      status: 'imported';
      path: string;
      sourceId: number;
      sha256: string;
      bytes: number;
      format: string;
      compression: string;
      rows: number;
      rejectedRows: number;
      cells: number;
      fields: FieldInfo[];
      warnings: string[];
      ms: number;
    }
  | { status: 'duplicate'; path: string; sha256: string; sourceId: number; message: string }
  | { status: 'failed'; path: string; sha256?: string; error: ErrorInfo };

/** Expands folders (recursively, sorted, hidden files skipped) into the files to import. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(path.join(p, name));
    } else out.push(path.resolve(p));
  };
  for (const input of inputs) {
    if (!existsSync(input)) {
      out.push(path.resolve(input)); // reported as NOT_FOUND by ingestFile
      continue;
    }
    walk(input);
  }
  return out;
}

/**
 * A file's pre-pass (hash, decode, measure), possibly started ahead of its turn. Its progress is
 * held back until the file's turn comes, so a progress bar shows one file at a time.
 */
interface EarlyPrepass {
  file: string;
  copyPath: string;
  result: Promise<PrepassResult>;
  /** Shows the pass's progress from now on (and the bytes done so far). */
  follow(onBytes: (done: number) => void): void;
}

function startPrepass(handle: CaseHandle, file: string, options: IngestOptions): EarlyPrepass {
  const copyPath = path.join(handle.tmpDir, `decoded-${randomBytes(6).toString('hex')}.txt`);
  let done = 0;
  let sink: ((n: number) => void) | undefined;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const result = prepass(file, {
    copyPath,
    limits,
    ...(options.signal ? { signal: options.signal } : {}),
    onBytes: (n) => {
      done = n;
      sink?.(n);
    },
  });
  // Awaited on the file's turn (which reports a failure); never an unhandled rejection before.
  result.catch(() => undefined);
  return {
    file,
    copyPath,
    result,
    follow(onBytes) {
      sink = onBytes;
      if (done > 0) onBytes(done);
    },
  };
}

/**
 * Imports files one after the other. The next file's pre-pass (JavaScript: hashing, decoding)
 * runs while DuckDB parses the current one; each file is still hashed before anything parses it,
 * and its audit entries keep the order of the files.
 */
export async function ingestFiles(handle: CaseHandle, files: string[], options: IngestOptions = {}): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  let ahead: EarlyPrepass | undefined;
  try {
    for (const [index, file] of files.entries()) {
      if (options.signal?.aborted) break;
      const early = ahead;
      ahead = undefined;
      const next = files[index + 1];
      const result = await ingestFile(handle, file, options, { index, count: files.length }, {
        ...(early ? { early } : {}),
        onParsing: () => {
          if (next !== undefined && isRegularFile(next)) ahead = startPrepass(handle, next, options);
        },
      });
      results.push(result);
    }
  } finally {
    // Cancelled or failed before the read-ahead file's turn: its copy goes too.
    if (ahead) {
      await ahead.result.catch(() => undefined);
      rmSync(ahead.copyPath, { force: true });
    }
  }
  await handle.syncManifest();
  return results;
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export async function ingestFile(
  handle: CaseHandle,
  file: string,
  options: IngestOptions = {},
  position: { index: number; count: number } = { index: 0, count: 1 },
  readAhead: { early?: EarlyPrepass; onParsing?: () => void } = {},
): Promise<IngestResult> {
  const started = Date.now();
  const db = handle.db;
  const limits = { ...DEFAULT_LIMITS, ...DEFAULT_LOAD_LIMITS, ...options.limits };
  // The pre-pass started ahead for this file, or one started now (after the checks below).
  let pass = readAhead.early?.file === file ? readAhead.early : undefined;
  const progress = (phase: string, done: number, total: number) =>
    options.onProgress?.({ job: 'ingest', phase, file, fileIndex: position.index, fileCount: position.count, done, total, startedAt: started, at: Date.now() });
  let sha256: string | undefined;
  try {
    if (!existsSync(file)) throw new IngestError('NOT_FOUND', `${file}: no such file.`, { file });
    const st = statSync(file);
    if (!st.isFile()) throw new IngestError('NOT_A_FILE', `${file}: not a regular file.`, { file });

    // Evidence first: hash the bytes as they are on disk, before any parser sees them.
    pass ??= startPrepass(handle, file, options);
    pass.follow((done) => progress('hashing', done, st.size));
    const pre = await pass.result;
    sha256 = pre.sha256;
    handle.record({ action: 'source.hashed', details: { path: file, sha256: pre.sha256, bytes: pre.bytes } });

    const existing = await db.one<{ source_id: number }>(`SELECT source_id FROM sources WHERE sha256 = ?`, [pre.sha256]);
    if (existing) {
      const message = `${file}: already imported as source ${existing.source_id} (same SHA-256); skipped.`;
      handle.record({ action: 'source.duplicate', details: { path: file, sha256: pre.sha256, source_id: existing.source_id } });
      return { status: 'duplicate', path: file, sha256: pre.sha256, sourceId: existing.source_id, message };
    }
    if (pre.decodedBytes === 0 || (pre.head.trim() === '' && pre.magic.subarray(0, 4).toString('latin1') !== 'PAR1')) {
      throw new IngestError('EMPTY_FILE', `${file}: the file is empty; nothing to import.`, { file });
    }
    const sniffed = sniffFormat(pre.magic, pre.head);
    if ('error' in sniffed) throw new IngestError('UNKNOWN_FORMAT', `${file}: ${sniffed.error}.`, { file });

    const warnings: string[] = [];
    if (pre.invalidUtf8Lines.length > 0) {
      warnings.push(`invalid UTF-8 replaced with U+FFFD on line(s) ${pre.invalidUtf8Lines.slice(0, 10).join(', ')}${pre.invalidUtf8Lines.length > 10 ? ', …' : ''}`);
    }
    if (pre.nulBytes > 0) warnings.push(`${pre.nulBytes} NUL byte(s) replaced with U+FFFD`);
    if (pre.encoding !== 'utf-8') warnings.push(`decoded from ${pre.encoding}`);

    const sourceId = await nextSourceId(handle);
    const readable = pre.cleanCopy ?? file;
    await createIngestMacros(db);
    const abort = () => db.interrupt();
    options.signal?.addEventListener('abort', abort);
    const checkCancel = () => {
      if (options.signal?.aborted) throw new IngestError('CANCELLED', `${file}: cancelled; nothing from this file was kept.`, { file });
    };
    let summary;
    try {
      progress('parsing', 0, 1);
      checkCancel();
      readAhead.onParsing?.();
      // Built first, then published in one transaction (see unpublished.ts): nothing reads the
      // source before its `sources` row exists, and a failure discards what was built.
      summary = await (async () => {
        const loaded = await loadSource(db, {
          sourceId,
          file: readable,
          displayName: file,
          format: sniffed.format,
          ...(sniffed.dialect ? { dialect: sniffed.dialect } : {}),
          newlines: pre.newlines,
          endsWithNewline: pre.endsWithNewline,
          longestLineBytes: pre.longestLineBytes,
          limits,
        });
        progress('roles', 0, 1);
        const fields = await assignRoles(handle, sourceId, loaded.fields, options.map ?? {});
        progress('cells', 0, 1);
        checkCancel();
        const cells = await buildCells(db, sourceId, loaded.fields.map((f) => ({ ...f, role: fields.find((x) => x.field === f.column)?.role ?? null })), limits);
        checkCancel();
        await db.transaction(async () => {
          await db.exec(
            `INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())`,
            [sourceId, file, path.basename(file), pre.sha256, pre.bytes, sniffed.format, pre.compression, JSON.stringify({ ...sniffed.dialect, encoding: pre.encoding, bom: pre.hadBom, reason: sniffed.reason }), loaded.rows, loaded.rejected],
          );
          await refreshCellsView(db);
        });
        return { ...loaded, fields, cells };
      })();
    } catch (error) {
      try {
        await discardSource(db, sourceId);
      } catch {
        // The next open discards it; the import's own error is what the user needs.
      }
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', abort);
    }
    if (options.signal?.aborted) throw new IngestError('CANCELLED', `${file}: cancelled; nothing from this file was kept.`, { file });
    handle.record({
      action: 'source.imported',
      details: { path: file, sha256: pre.sha256, source_id: sourceId, format: sniffed.format, compression: pre.compression, rows: summary.rows, rejected_rows: summary.rejected, cells: summary.cells, warnings },
    });
    progress('done', 1, 1);
    return {
      status: 'imported',
      path: file,
      sourceId,
      sha256: pre.sha256,
      bytes: pre.bytes,
      format: sniffed.format,
      compression: pre.compression,
      rows: summary.rows,
      rejectedRows: summary.rejected,
      cells: summary.cells,
      fields: summary.fields,
      warnings,
      ms: Date.now() - started,
    };
  } catch (error) {
    const info = options.signal?.aborted
      ? { code: 'CANCELLED', message: `${file}: cancelled; nothing from this file was kept.`, file }
      : toErrorInfo(error);
    if (!info.file) info.file = file;
    if (!info.message.includes(file) && !info.message.includes(path.basename(file))) info.message = `${file}: ${info.message}`;
    handle.record({ action: 'source.failed', details: { path: file, ...(sha256 ? { sha256 } : {}), code: info.code, message: info.message } });
    return { status: 'failed', path: file, ...(sha256 ? { sha256 } : {}), error: info };
  } finally {
    if (pass) {
      // A read-ahead pass this file failed before awaiting may still be writing its copy.
      await pass.result.catch(() => undefined);
      rmSync(pass.copyPath, { force: true });
    }
  }
}

async function nextSourceId(handle: CaseHandle): Promise<number> {
  // Past any unpublished id too (normally none: failures are discarded at once, kills on open).
  return (await highestSourceId(handle.db)) + 1;
}

async function assignRoles(
  handle: CaseHandle,
  sourceId: number,
  fields: Array<{ column: string; original: string; type: string }>,
  map: Record<string, ColumnRole>,
): Promise<FieldInfo[]> {
  const db = handle.db;
  const table = ident(sourceTable(sourceId));
  // Samples for many columns per statement: one query and one insert per column took 15 s for a
  // 2,000-column file.
  const samples = new Map<string, string[]>();
  const sampled = fields.filter((f) => f.type === 'VARCHAR' && !isUserRole(map[f.column] ?? map[f.original]));
  for (let i = 0; i < sampled.length; i += ROLE_SAMPLE_BATCH) {
    const batch = sampled.slice(i, i + ROLE_SAMPLE_BATCH);
    // The first non-null values of each column in file order, at most ROLE_SAMPLE_ROWS (a bounded
    // heap per column), from the first ROLE_SAMPLE_SCAN records.
    // (min_by skips NULL values, so no FILTER clause: those cost about 10x more per aggregate.)
    const lists = batch.map((f, k) => `min_by(left(${ident(f.column)}, 500), __row, ${ROLE_SAMPLE_ROWS}) AS "${k}"`);
    const row = await db.one<Record<string, string[] | null>>(`SELECT ${lists.join(', ')} FROM ${table} WHERE __row <= ${ROLE_SAMPLE_SCAN}`);
    batch.forEach((f, k) => samples.set(f.column, (row?.[String(k)] ?? []).map((v) => String(v))));
  }
  // A column empty that far may hold values further down: those few are sampled on their own.
  for (const f of sampled) {
    if ((samples.get(f.column) ?? []).length > 0) continue;
    const rows = await db.all<{ v: string }>(`SELECT left(${ident(f.column)}, 500) AS v FROM ${table} WHERE __row > ${ROLE_SAMPLE_SCAN} AND ${ident(f.column)} IS NOT NULL ORDER BY __row LIMIT ${ROLE_SAMPLE_ROWS}`);
    samples.set(f.column, rows.map((r) => String(r.v)));
  }
  const out: FieldInfo[] = [];
  const records: Array<Record<string, string | number | null>> = [];
  for (const [ordinal, f] of fields.entries()) {
    const override = map[f.column] ?? map[f.original];
    let role: ColumnRole | null;
    let origin: 'auto' | 'user' | null;
    let reason: string;
    if (isUserRole(override)) {
      role = override;
      origin = 'user';
      reason = 'set by the user';
    } else {
      const guess = guessRole(f.original.includes('[') ? f.column : f.original, samples.get(f.column) ?? []);
      role = guess.role;
      origin = role ? 'auto' : null;
      reason = guess.reason;
    }
    records.push({ source_id: sourceId, ordinal: ordinal + 1, column_name: f.column, original: f.original, type: f.type, role, role_origin: origin, role_reason: reason });
    out.push({ field: f.column, original: f.original, role, roleOrigin: origin, reason });
  }
  // All columns in one statement, passed as one JSON parameter (bound parameters cost ~0.1 ms each).
  await db.exec(
    `INSERT INTO source_columns (source_id, ordinal, column_name, original, type, role, role_origin, role_reason)
     SELECT r.source_id, r.ordinal, r.column_name, r.original, r.type, r.role, r.role_origin, r.role_reason
     FROM (SELECT unnest(from_json(?::VARCHAR, '[{"source_id":"INTEGER","ordinal":"INTEGER","column_name":"VARCHAR","original":"VARCHAR","type":"VARCHAR","role":"VARCHAR","role_origin":"VARCHAR","role_reason":"VARCHAR"}]')) AS r)`,
    [JSON.stringify(records)],
  );
  return out;
}

function isUserRole(role: ColumnRole | undefined): role is ColumnRole {
  return role !== undefined && isColumnRole(role);
}

/** Columns sampled per statement, and values sampled per column, for role detection. */
const ROLE_SAMPLE_BATCH = 8;
const ROLE_SAMPLE_ROWS = 200;
const ROLE_SAMPLE_SCAN = 50_000;

/** Changes a column's role after import (audited); later steps read roles from the case. */
export async function setColumnRole(handle: CaseHandle, sourceId: number, field: string, role: ColumnRole | null): Promise<void> {
  const row = await handle.db.one<{ role: string | null }>(`SELECT role FROM source_columns WHERE source_id = ? AND column_name = ?`, [sourceId, field]);
  if (!row) throw new IngestError('NOT_FOUND', `source ${sourceId} has no field "${field}".`);
  await handle.db.exec(`UPDATE source_columns SET role = ?, role_origin = 'user', role_reason = 'set by the user' WHERE source_id = ? AND column_name = ?`, [role, sourceId, field]);
  // A timestamp column leaves the scanned cells; any other role brings it back.
  await refreshCellsView(handle.db);
  handle.record({ action: 'column.role-set', details: { source_id: sourceId, field, from: row.role, to: role } });
}
