import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';
import { createCase, isCaseDir, openCase, casePaths, writeJsonAtomic, type CaseHandle } from './case/case.ts';
import { loadCaseFacts, writeCaseFacts } from './case/case-facts.ts';
import { findingWhere, revealFinding, reviewFindings } from './pipeline/findings.ts';
import { verifyAuditLog } from './case/audit-log.ts';
import { expandInputs, ingestFiles, setColumnRole, type IngestResult } from './ingest/ingest.ts';
import { sniffFormat } from './ingest/sniff.ts';
import { guessRole } from './ingest/column-roles.ts';
import { classifyCase } from './pipeline/classify-step.ts';
import { measuredFromCase } from './pipeline/measured.ts';
import { computeSubjects, ipCountryTablePaths, writeNotificationList, type SubjectsSummary } from './subjects/index.ts';
import { assess } from './assess/assess.ts';
import type { Assessment } from './assess/types.ts';
import { buildDraft, listDrafts, missingFields, renderDraft, type DraftSpec } from './drafts/index.ts';
import { openDb } from './db/open-db.ts';
import { ident, literal, sourceTable } from './db/sql.ts';
import type { ProgressEvent } from './jobs/progress.ts';
import { parseFacts, type BreachFacts } from './assess/facts.ts';
import { TOOL_NAME, TOOL_VERSION } from './version.ts';
import { AppError, toErrorInfo, type Result } from '../shared/errors.ts';
import { isRequestChannel, type EventChannel, type RequestChannel } from '../shared/channels.ts';
import {
  parseInput,
  type AppInfo,
  type AssessmentView,
  type CaseSummary,
  type DeadlineView,
  type DirEntry,
  type DraftListItem,
  type Events,
  type EvidenceView,
  type ExportedFile,
  type FactsView,
  type FindingFilter,
  type FindingRow,
  type Handlers,
  type IngestFileResult,
  type IngestPreview,
  type JobKind,
  type OverrideInput,
  type OverviewView,
  type RecentCase,
  type SourceColumnView,
  type SourceView,
  type SubjectsView,
  type TextSegment,
} from '../shared/contract.ts';

/**
 * The core as a service: one handler per contract channel, over one open case at a time.
 * The CLI, the loopback web server and Electron's utility process all run this same object;
 * only the transport differs. Handlers throw `AppError`s; `call()` validates input and turns
 * every outcome into a `Result`, so nothing crosses a process boundary as an exception.
 *
 * Concurrency: one DuckDB connection per case, so short calls run one after another, and while
 * an import or a classification runs, calls that need the database answer BUSY at once instead
 * of queuing behind minutes of work (the workspace refreshes when the job finishes).
 */

export interface CoreServiceDeps {
  /** Where new cases go and where the directory listing starts. */
  caseRoot: string;
  /** Private state of the app (recent cases). */
  stateDir: string;
  mode: AppInfo['mode'];
  /** Folders the directory listing may show (default: the case root). */
  browseRoots?: string[];
  now?: () => Date;
  /** Progress events per second and job at most; the last of a phase is always sent. */
  progressPerSecond?: number;
}

export interface CoreService {
  handlers: Handlers;
  /** Validates untrusted input for a channel and runs it; never throws. */
  call(channel: string, raw: unknown): Promise<Result<unknown>>;
  subscribe(listener: (channel: EventChannel, payload: Events[EventChannel]) => void): () => void;
  close(): Promise<void>;
}

// ---- Service ---------------------------------------------------------------------------------

interface Job {
  id: string;
  kind: JobKind;
  controller: AbortController;
  done: Promise<void>;
}

const SEVERITY_RANK_SQL = `CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;
const MAX_CELL_CHARS = 4000;
const RECENT_LIMIT = 20;
const LIST_LIMIT = 2000;
const PREVIEW_BYTES = 64 * 1024;

export function createCoreService(deps: CoreServiceDeps): CoreService {
  const now = deps.now ?? (() => new Date());
  const caseRoot = path.resolve(deps.caseRoot);
  const browseRoots = (deps.browseRoots ?? [caseRoot]).map((r) => path.resolve(r));
  const listeners = new Set<(channel: EventChannel, payload: Events[EventChannel]) => void>();
  let handle: CaseHandle | null = null;
  let job: Job | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  // Derived data is cached per case and dropped whenever imports, classification or roles change it.
  let cache: { subjects?: SubjectsSummary; assessment?: Assessment; totals: Map<string, number>; summary?: CaseSummary } = { totals: new Map() };

  const emit = <E extends EventChannel>(channel: E, payload: Events[E]) => {
    for (const listener of listeners) {
      try {
        listener(channel, payload);
      } catch {
        // A transport that failed to deliver must not stop the others.
      }
    }
  };

  const invalidate = () => {
    cache = { totals: new Map() };
  };

  /** Runs `fn` after every earlier database call; refuses while a job holds the case. */
  function serial<T>(fn: (h: CaseHandle) => Promise<T>): Promise<T> {
    if (job) return Promise.reject(new AppError('BUSY', `a ${job.kind} job is running; this view refreshes when it finishes (or cancel it).`));
    const h = requireCase();
    const run = queue.then(() => fn(h));
    queue = run.catch(() => undefined);
    return run;
  }

  function requireCase(): CaseHandle {
    if (!handle) throw new AppError('NO_CASE', 'no case is open; create or open one first.');
    return handle;
  }

  async function closeCurrent(): Promise<void> {
    if (job) {
      job.controller.abort();
      await job.done.catch(() => undefined);
    }
    await queue.catch(() => undefined);
    handle?.close();
    handle = null;
    invalidate();
  }

  // ---- recent cases ----
  const recentFile = path.join(deps.stateDir, 'recent-cases.json');
  function readRecent(): RecentCase[] {
    try {
      const list = JSON.parse(readFileSync(recentFile, 'utf8')) as unknown;
      if (!Array.isArray(list)) return [];
      return list
        .filter((e): e is RecentCase => !!e && typeof e === 'object' && typeof (e as RecentCase).dir === 'string')
        .map((e) => ({ dir: e.dir, name: String(e.name), awareAt: String(e.awareAt), openedAt: String(e.openedAt), exists: isCaseDir(e.dir) }));
    } catch {
      return [];
    }
  }
  function rememberRecent(h: CaseHandle) {
    const entry: RecentCase = { dir: h.dir, name: h.meta.name, awareAt: h.meta.awareAt, openedAt: now().toISOString(), exists: true };
    const list = [entry, ...readRecent().filter((e) => e.dir !== h.dir)].slice(0, RECENT_LIMIT);
    mkdirSync(deps.stateDir, { recursive: true, mode: 0o700 });
    writeJsonAtomic(recentFile, list);
  }

  // ---- facts: `<case>/facts.json`, shared with the CLI and the pipeline ----
  const loadFacts = loadCaseFacts;
  function factsView(h: CaseHandle): FactsView {
    const facts = loadFacts(h);
    return { controller: facts.controller, overrides: facts.overrides as OverrideInput[], awareAt: h.meta.awareAt };
  }
  function saveFacts(h: CaseHandle, facts: BreachFacts, audit: { action: string; details: Record<string, unknown> }) {
    writeCaseFacts(h, facts);
    h.record(audit);
    cache.assessment = undefined;
    cache.summary = undefined;
  }

  // ---- derived data ----
  async function subjectsOf(h: CaseHandle, options: { signal?: AbortSignal; onProgress?: (p: ProgressEvent) => void } = {}): Promise<SubjectsSummary> {
    if (cache.subjects) return cache.subjects;
    const subjects = await computeSubjects(h.db, options);
    h.record({ action: 'subjects.computed', details: { estimate: subjects.estimate, lower: subjects.lower, upper: subjects.upper } });
    cache.subjects = subjects;
    return subjects;
  }

  async function assessmentInput(h: CaseHandle): Promise<BreachFacts> {
    const saved = loadFacts(h);
    const subjects = await subjectsOf(h);
    const rulePack = await h.db.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'rule_pack_version'`);
    const measured = await measuredFromCase(h, subjects, rulePack?.value ?? 'none', now());
    const controller = { ...saved.controller, aware_at: saved.controller.aware_at ?? h.meta.awareAt };
    return parseFacts({ controller, measured, overrides: saved.overrides, ...(saved.holidays ? { holidays: saved.holidays } : {}) });
  }

  async function assessmentOf(h: CaseHandle): Promise<Assessment> {
    if (cache.assessment) return cache.assessment;
    const assessment = assess(await assessmentInput(h), now());
    h.record({
      action: 'assessment.computed',
      details: {
        severity: { score: assessment.severity.score, band: assessment.severity.band },
        regimes: assessment.regimes.filter((r) => r.applies).map((r) => r.id),
        overrides: assessment.overrides_applied,
      },
    });
    cache.assessment = assessment;
    return assessment;
  }

  async function isClassified(h: CaseHandle): Promise<boolean> {
    const row = await h.db.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'rule_pack_version'`);
    return !!row;
  }

  async function summaryOf(h: CaseHandle): Promise<CaseSummary> {
    const counts = await h.db.one<{ sources: number; rows: number | null }>(`SELECT count(*) AS sources, sum(rows) AS rows FROM sources`);
    const findings = await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM findings`);
    const rulePack = await h.db.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'rule_pack_version'`);
    let nearestDeadline: DeadlineView | null = null;
    let deadlineNote: string | null = null;
    if (!rulePack) {
      deadlineNote = 'deadlines appear once the imported data is classified';
    } else {
      try {
        nearestDeadline = nearestDeadlineOf(await assessmentOf(h), now());
        if (!nearestDeadline) deadlineNote = 'no regime with a deadline applies on the current facts';
      } catch (error) {
        deadlineNote = toErrorInfo(error).message;
      }
    }
    return {
      dir: h.dir,
      name: h.meta.name,
      awareAt: h.meta.awareAt,
      createdAt: h.meta.createdAt,
      sources: Number(counts?.sources ?? 0),
      rows: Number(counts?.rows ?? 0),
      findings: Number(findings?.n ?? 0),
      classified: !!rulePack,
      rulePackVersion: rulePack?.value ?? null,
      nearestDeadline,
      deadlineNote,
      busyJob: null,
    };
  }

  // ---- jobs ----
  function startJob(kind: JobKind, work: (h: CaseHandle, signal: AbortSignal, progress: (p: ProgressEvent) => void) => Promise<unknown>): { jobId: string; kind: JobKind } {
    if (job) throw new AppError('BUSY', `a ${job.kind} job is already running; wait for it or cancel it.`);
    const h = requireCase();
    const id = randomUUID();
    const controller = new AbortController();
    const minGap = 1000 / (deps.progressPerSecond ?? 10);
    let lastSent = 0;
    let lastPhase = '';
    const progress = (p: ProgressEvent) => {
      const t = Date.now();
      const phaseChanged = `${p.fileIndex ?? ''}:${p.phase}` !== lastPhase;
      if (!phaseChanged && t - lastSent < minGap && p.done < p.total) return;
      lastSent = t;
      lastPhase = `${p.fileIndex ?? ''}:${p.phase}`;
      emit('job.progress', { jobId: id, kind, progress: p });
    };
    const done = (async () => {
      await queue.catch(() => undefined);
      let result: Result<unknown>;
      try {
        result = { ok: true, value: await work(h, controller.signal, progress) };
      } catch (error) {
        result = { ok: false, error: toErrorInfo(error) };
      }
      invalidate();
      job = null;
      emit('job.finished', { jobId: id, kind, result } as Events['job.finished']);
    })();
    job = { id, kind, controller, done };
    return { jobId: id, kind };
  }

  function cancelJob(jobId: string): { cancelled: boolean } {
    if (!job || job.id !== jobId) return { cancelled: false };
    job.controller.abort();
    handle?.record({ action: 'job.cancelled', details: { kind: job.kind, job_id: jobId } });
    return { cancelled: true };
  }

  async function runIngest(h: CaseHandle, files: string[], map: Record<string, string> | undefined, signal: AbortSignal, progress: (p: ProgressEvent) => void): Promise<IngestFileResult[]> {
    // DuckDB's readable paths are locked when the case opens: reopen with these files allowed.
    const dir = h.dir;
    h.close();
    handle = null;
    let reopened: CaseHandle;
    try {
      reopened = await openCase(dir, { readablePaths: [...files, ...ipCountryTablePaths()] });
    } catch (error) {
      handle = await openCase(dir, { readablePaths: ipCountryTablePaths() });
      throw error;
    }
    handle = reopened;
    try {
      const results = await ingestFiles(reopened, files, { ...(map ? { map: map as never } : {}), signal, onProgress: progress });
      if (signal.aborted) {
        for (const file of files.slice(results.length)) {
          results.push({ status: 'failed', path: file, error: { code: 'CANCELLED', message: `${file}: cancelled before it started; not imported.`, file } });
        }
      }
      return results.map(toFileResult);
    } finally {
      // Drop read access to the imported files again.
      reopened.close();
      handle = await openCase(dir, { readablePaths: ipCountryTablePaths() });
    }
  }

  async function runClassify(h: CaseHandle, signal: AbortSignal, progress: (p: ProgressEvent) => void) {
    const started = Date.now();
    const result = await classifyCase(h, { signal, onProgress: progress });
    // People are estimated in the same job: every later view reads them.
    cache.subjects = undefined;
    await subjectsOf(h, { signal, onProgress: progress });
    return { findings: result.findings, rulePackVersion: result.rulePackVersion, ms: Date.now() - started };
  }

  // ---- handlers ----
  const handlers: Handlers = {
    async 'app.info'() {
      return { name: TOOL_NAME, version: TOOL_VERSION, mode: deps.mode, caseRoot, pathSeparator: path.sep, openCase: handle?.dir ?? null };
    },

    async 'fs.list'({ dir }) {
      const target = path.resolve(dir ?? caseRoot);
      const root = browseRoots.find((r) => isInside(r, target));
      if (!root) throw new AppError('FORBIDDEN', `${target} is outside the folders this workspace may list (${browseRoots.join(', ')}); type the path instead.`);
      if (!existsSync(target) || !statSync(target).isDirectory()) throw new AppError('NOT_FOUND', `${target} is not a folder.`);
      const names = readdirSync(target).filter((n) => !n.startsWith('.')).sort();
      const entries: DirEntry[] = [];
      for (const name of names.slice(0, LIST_LIMIT)) {
        const full = path.join(target, name);
        try {
          const st = statSync(full);
          entries.push({ name, path: full, isDir: st.isDirectory(), bytes: st.isFile() ? st.size : 0, isCase: st.isDirectory() && isCaseDir(full) });
        } catch {
          // Vanished or unreadable entries are left out of the listing.
        }
      }
      return { dir: target, parent: target === root ? null : path.dirname(target), entries, truncated: names.length > LIST_LIMIT };
    },

    async 'case.create'({ name, awareAt, dir }) {
      const target = dir ? path.resolve(caseRoot, dir) : path.join(caseRoot, `${slug(name)}-${now().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`);
      await closeCurrent();
      const created = await createCase(target, { name, awareAt });
      created.close();
      handle = await openCase(target, { readablePaths: ipCountryTablePaths() });
      rememberRecent(handle);
      return serial(summaryOf);
    },

    async 'case.open'({ dir }) {
      const target = path.resolve(caseRoot, dir);
      if (handle?.dir === target) return serial(summaryOf);
      await closeCurrent();
      handle = await openCase(target, { readablePaths: ipCountryTablePaths() });
      handle.record({ action: 'case.opened', details: { by: `${TOOL_NAME} ${TOOL_VERSION} (${deps.mode})` } });
      rememberRecent(handle);
      return serial(summaryOf);
    },

    async 'case.close'() {
      const wasOpen = !!handle;
      await closeCurrent();
      return { closed: wasOpen };
    },

    async 'case.recent'() {
      return readRecent();
    },

    async 'case.summary'() {
      if (!handle) return null;
      if (job) {
        const base = cache.summary ?? {
          dir: handle.dir, name: handle.meta.name, awareAt: handle.meta.awareAt, createdAt: handle.meta.createdAt,
          sources: 0, rows: 0, findings: 0, classified: false, rulePackVersion: null, nearestDeadline: null, deadlineNote: null, busyJob: null,
        };
        const cached = base.nearestDeadline ? { ...base.nearestDeadline, hoursLeft: hoursUntil(base.nearestDeadline.deadline, now()) } : null;
        return { ...base, nearestDeadline: cached, busyJob: { jobId: job.id, kind: job.kind } };
      }
      const summary = await serial(summaryOf);
      cache.summary = summary;
      return summary;
    },

    async 'ingest.preview'({ path: file }) {
      return previewFile(path.resolve(file));
    },

    async 'ingest.start'({ paths, map }) {
      requireCase();
      if (job) throw new AppError('BUSY', `a ${job.kind} job is already running; wait for it or cancel it.`);
      const files = expandInputs(paths.map((p) => path.resolve(p)));
      if (files.length === 0) throw new AppError('NOTHING_TO_IMPORT', 'the given folders hold no files to import.');
      if (files.length > 10_000) throw new AppError('TOO_MANY_FILES', `${files.length} files found; import at most 10000 at a time.`);
      return startJob('ingest', (h, signal, progress) => runIngest(h, files, map, signal, progress));
    },

    async 'ingest.cancel'({ jobId }) {
      return cancelJob(jobId);
    },

    async 'ingest.rejects'({ sourceId, offset, limit }) {
      return serial(async (h) => {
        const where = sourceId ? `WHERE r.source_id = ?` : '';
        const params = sourceId ? [sourceId] : [];
        const total = await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM rejects r ${where}`, params);
        const rows = await h.db.all<{ source_id: number; name: string; line: number | null; row: number | null; reason: string; excerpt: string | null }>(
          `SELECT r.source_id, s.name, r.line, r.row, r.reason, r.excerpt FROM rejects r LEFT JOIN sources s USING (source_id) ${where}
           ORDER BY r.source_id, r.line NULLS LAST, r.row LIMIT ${limit} OFFSET ${offset}`,
          params,
        );
        return {
          rows: rows.map((r) => ({ sourceId: r.source_id, file: r.name ?? `source ${r.source_id}`, line: r.line, row: r.row, reason: r.reason, excerpt: r.excerpt })),
          total: Number(total?.n ?? 0),
          offset,
        };
      });
    },

    async 'sources.list'() {
      return serial(listSources);
    },

    async 'sources.setRole'({ sourceId: id, field, role }) {
      return serial(async (h) => {
        await setColumnRole(h, id, field, role);
        invalidate();
        const col = await h.db.one<Record<string, unknown>>(`SELECT * FROM source_columns WHERE source_id = ? AND column_name = ?`, [id, field]);
        return toColumnView(col ?? {});
      });
    },

    async 'classify.start'() {
      return startJob('classify', runClassify);
    },

    async 'job.cancel'({ jobId }) {
      return cancelJob(jobId);
    },

    async 'findings.facets'() {
      return serial(async (h) => {
        const facet = async (sql: string) =>
          (await h.db.all<{ value: string | number; label: string; n: number }>(sql)).map((r) => ({ value: String(r.value), label: String(r.label), count: Number(r.n) }));
        return {
          category: await facet(`SELECT category AS value, category AS label, count(*) AS n FROM findings GROUP BY 1 ORDER BY n DESC`),
          kind: await facet(`SELECT kind AS value, category || ' / ' || kind AS label, count(*) AS n FROM findings GROUP BY kind, category ORDER BY n DESC LIMIT 500`),
          source: await facet(`SELECT f.source_id AS value, any_value(s.name) AS label, count(*) AS n FROM findings f LEFT JOIN sources s USING (source_id) GROUP BY 1 ORDER BY 1`),
          field: await facet(`SELECT field AS value, field AS label, count(*) AS n FROM findings GROUP BY 1 ORDER BY n DESC LIMIT 500`),
        };
      });
    },

    async 'findings.query'({ filter, sort, offset, limit }) {
      return serial(async (h) => {
        const { where, params } = findingWhere(filter);
        const key = JSON.stringify(filter);
        let total = cache.totals.get(key);
        if (total === undefined) {
          const row = await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM findings f ${where}`, params);
          total = Number(row?.n ?? 0);
          cache.totals.set(key, total);
        }
        const order =
          sort === 'source' ? `f.source_id, f.row, f.field, f.span_start` : sort === 'confidence' ? `f.confidence DESC, f.finding_id` : `${SEVERITY_RANK_SQL}, f.confidence DESC, f.finding_id`;
        const rows = await h.db.all<Record<string, unknown>>(
          `SELECT f.*, s.name AS source_name FROM findings f LEFT JOIN sources s USING (source_id) ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
          params,
        );
        return { rows: rows.map(toFindingRow), total, offset };
      });
    },

    async 'findings.sourceRow'({ findingId }) {
      return serial(async (h) => {
        const focus = await findingById(h, findingId);
        const cells = await h.db.all<{ field: string; text: string }>(`SELECT field, text FROM cells WHERE source_id = ? AND row = ? ORDER BY field`, [focus.source_id, focus.row]);
        const spans = await h.db.all<{ finding_id: number; field: string; span_start: number | null; span_end: number | null; preview: string }>(
          `SELECT finding_id, field, span_start, span_end, preview FROM findings WHERE source_id = ? AND row = ? ORDER BY span_start`,
          [focus.source_id, focus.row],
        );
        const source = await h.db.one<{ name: string }>(`SELECT name FROM sources WHERE source_id = ?`, [focus.source_id]);
        let line: number | null = null;
        try {
          const r = await h.db.one<{ line: number | null }>(`SELECT __line AS line FROM ${ident(sourceTable(focus.source_id))} WHERE __row = ?`, [focus.row]);
          line = r?.line ?? null;
        } catch {
          line = null;
        }
        return {
          findingId,
          sourceId: focus.source_id,
          sourceName: source?.name ?? `source ${focus.source_id}`,
          row: focus.row,
          line,
          fields: cells.map((c) => {
            const { segments, isTruncated } = segmentCell(c.text, spans.filter((s) => s.field === c.field), findingId);
            return { field: c.field, segments, isTruncated };
          }),
        };
      });
    },

    async 'findings.reveal'({ findingId }) {
      return serial(async (h) => {
        const { value, fingerprint } = await revealFinding(h, findingId);
        return { findingId, value, fingerprint };
      });
    },

    async 'findings.review'({ findingIds, review }) {
      return serial(async (h) => {
        const result = await reviewFindings(h, findingIds, review);
        invalidate();
        return result;
      });
    },

    async 'overview.get'(input) {
      return serial((h) => overviewOf(h, input?.bucket ?? 'auto'));
    },

    async 'subjects.get'() {
      return serial(async (h) => toSubjectsView(await subjectsOf(h)));
    },

    async 'subjects.exportNotificationList'() {
      return serial(async (h) => {
        await subjectsOf(h);
        const out = path.join(h.exportsDir, `notification-list-${stamp(now())}.csv`);
        await writeNotificationList(h.db, out);
        return recordExport(h, out, 'notification-list');
      });
    },

    async 'facts.get'() {
      return serial(async (h) => factsView(h));
    },

    async 'facts.set'({ controller }) {
      return serial(async (h) => {
        const current = loadFacts(h);
        const before = current.controller as Record<string, unknown>;
        const after = controller as Record<string, unknown>;
        const changed = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        saveFacts(h, parseFacts({ ...current, controller }), { action: 'facts.saved', details: { fields: changed } });
        return factsView(h);
      });
    },

    async 'assess.get'() {
      return serial(async (h): Promise<AssessmentView> => assessmentOf(h));
    },

    async 'assess.override'({ override }) {
      return serial(async (h) => {
        const current = loadFacts(h);
        const overrides = [...current.overrides.filter((o) => o.target !== override.target), override];
        saveFacts(h, parseFacts({ ...current, overrides }), { action: 'assessment.overridden', details: { target: override.target, value: override.value, reason: override.reason } });
        return factsView(h);
      });
    },

    async 'assess.clearOverride'({ target }) {
      return serial(async (h) => {
        const current = loadFacts(h);
        saveFacts(h, parseFacts({ ...current, overrides: current.overrides.filter((o) => o.target !== target) }), { action: 'assessment.override-cleared', details: { target } });
        return factsView(h);
      });
    },

    async 'drafts.list'() {
      return serial(async (h) => {
        const { mod, specs, assessment, input } = await draftSpecs(h);
        return specs.map((spec) => {
          const doc = mod.buildDraft(spec, assessment, input);
          return toDraftItem(spec, mod.missingFields(doc));
        });
      });
    },

    async 'drafts.render'({ draftId, format }) {
      return serial(async (h) => {
        const { mod, doc } = await draftById(h, draftId);
        const text = (await renderDraft(doc, format)).toString('utf8');
        return { id: draftId, format, text, missingFields: mod.missingFields(doc) };
      });
    },

    async 'drafts.export'({ draftId, format }) {
      return serial(async (h) => {
        const { mod, doc } = await draftById(h, draftId);
        const bytes = await renderDraft(doc, format);
        const out = path.join(h.exportsDir, `${slug(draftId)}-${stamp(now())}.${format}`);
        writeFileSync(out, bytes, { mode: 0o600 });
        return recordExport(h, out, `draft:${draftId}:${format}`);
      });
    },

    async 'evidence.get'() {
      return serial(evidenceOf);
    },

    async 'evidence.exportBundle'() {
      return serial(async (h) => {
        const manifest = await h.syncManifest();
        const dir = path.join(h.exportsDir, `evidence-${stamp(now())}`);
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const p = casePaths(h.dir);
        copyFileSync(p.manifest, path.join(dir, 'manifest.json'));
        copyFileSync(p.audit, path.join(dir, 'audit.jsonl'));
        const verification = verifyAuditLog(p.audit);
        writeFileSync(path.join(dir, 'audit-verification.json'), JSON.stringify(verification, null, 2) + '\n', { mode: 0o600 });
        const sourcesCsv = ['source_id,name,sha256,bytes,format,rows,rejected_rows']
          .concat(manifest.sources.map((s) => [s.source_id, csvCell(s.name), s.sha256, s.bytes, s.format, s.rows, s.rejected_rows].join(',')))
          .join('\n');
        writeFileSync(path.join(dir, 'sources.csv'), sourcesCsv + '\n', { mode: 0o600 });
        const report = [...manifest.exports].reverse().find((e) => e.kind === 'report');
        const reportPath = report ? path.resolve(h.dir, report.path) : null;
        if (reportPath && existsSync(reportPath)) copyFileSync(reportPath, path.join(dir, 'report.json'));
        const sums: string[] = [];
        for (const name of readdirSync(dir).sort()) sums.push(`${await sha256File(path.join(dir, name))}  ${name}`);
        const sumsFile = path.join(dir, 'SHA256SUMS');
        writeFileSync(sumsFile, sums.join('\n') + '\n', { mode: 0o600 });
        return recordExport(h, sumsFile, 'evidence-bundle');
      });
    },
  };

  // ---- helpers that need the case ----
  async function listSources(h: CaseHandle): Promise<SourceView[]> {
    const sources = await h.db.all<Record<string, unknown>>(`SELECT * FROM sources ORDER BY source_id`);
    const columns = await h.db.all<Record<string, unknown>>(`SELECT * FROM source_columns ORDER BY source_id, ordinal`);
    return sources.map((s) => ({
      sourceId: Number(s['source_id']),
      name: String(s['name']),
      path: String(s['path']),
      sha256: String(s['sha256']),
      bytes: Number(s['bytes']),
      format: String(s['format']),
      compression: String(s['compression']),
      rows: Number(s['rows']),
      rejectedRows: Number(s['rejected_rows']),
      importedAt: toIso(s['imported_at']),
      columns: columns.filter((c) => c['source_id'] === s['source_id']).map(toColumnView),
    }));
  }

  async function overviewOf(h: CaseHandle, bucketChoice: 'auto' | 'hour' | 'day'): Promise<OverviewView> {
    const totals = await h.db.one<{ sources: number; rows: number | null; rejected: number | null }>(`SELECT count(*) AS sources, sum(rows) AS rows, sum(rejected_rows) AS rejected FROM sources`);
    const cells = await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM cells`);
    const byCategory = await h.db.all<{ category: string; findings: number; values: number; rows: number }>(
      `SELECT category, count(*) AS findings, count(DISTINCT fingerprint) AS values, count(DISTINCT (source_id, row)) AS rows
       FROM findings WHERE review <> 'false_positive' GROUP BY category ORDER BY findings DESC`,
    );
    const byKind = await h.db.all<{ category: string; kind: string; severity: string; findings: number; values: number }>(
      `SELECT category, kind, min_by(severity, ${SEVERITY_RANK_SQL.replaceAll('f.', '')}) AS severity, count(*) AS findings, count(DISTINCT fingerprint) AS values
       FROM findings WHERE review <> 'false_positive' GROUP BY category, kind ORDER BY min(${SEVERITY_RANK_SQL.replaceAll('f.', '')}), findings DESC`,
    );
    const findingTotal = byCategory.reduce((a, r) => a + Number(r.findings), 0);
    let persons: OverviewView['persons'] = null;
    let personsNote: string | null = null;
    let byCountry: OverviewView['byCountry'] = [];
    if (!(await isClassified(h))) {
      personsNote = 'affected people are estimated after classification';
    } else {
      try {
        const s = toSubjectsView(await subjectsOf(h));
        persons = { estimate: s.estimate, lower: s.lower, upper: s.upper, method: s.method };
        byCountry = countryCounts(s['by_country']);
      } catch (error) {
        personsNote = toErrorInfo(error).message;
      }
    }
    const top = await h.db.all<Record<string, unknown>>(
      `SELECT f.*, s.name AS source_name FROM findings f LEFT JOIN sources s USING (source_id) WHERE f.review <> 'false_positive'
       ORDER BY ${SEVERITY_RANK_SQL}, f.confidence DESC, f.finding_id LIMIT 10`,
    );
    return {
      sources: Number(totals?.sources ?? 0),
      rows: Number(totals?.rows ?? 0),
      cells: Number(cells?.n ?? 0),
      rejectedRows: Number(totals?.rejected ?? 0),
      findings: findingTotal,
      byCategory: byCategory.map((r) => ({ category: r.category, findings: Number(r.findings), values: Number(r.values), rows: Number(r.rows) })),
      byKind: byKind.map((r) => ({ ...r, findings: Number(r.findings), values: Number(r.values) })),
      persons,
      personsNote,
      byCountry,
      timeline: await timelineOf(h, bucketChoice),
      topFindings: top.map(toFindingRow),
    };
  }

  /** Rows and findings per hour or day, from each source's timestamp column, counted in SQL. */
  async function timelineOf(h: CaseHandle, bucketChoice: 'auto' | 'hour' | 'day'): Promise<OverviewView['timeline']> {
    const tsColumns = await h.db.all<{ source_id: number; column_name: string }>(
      `SELECT source_id, min(column_name) AS column_name FROM source_columns WHERE role = 'timestamp' GROUP BY source_id ORDER BY source_id`,
    );
    if (tsColumns.length === 0) return { bucket: 'day', points: [], note: 'no column has the timestamp role; set one on the Import screen to see a timeline' };
    const parts = tsColumns.map(({ source_id, column_name }) => {
      const v = `CAST(t.${ident(column_name)} AS VARCHAR)`;
      const ts = `coalesce(TRY_CAST(${v} AS TIMESTAMPTZ),
          CASE WHEN regexp_full_match(${v}, '1[0-9]{9}') THEN to_timestamp(TRY_CAST(${v} AS BIGINT))
               WHEN regexp_full_match(${v}, '1[0-9]{12}') THEN to_timestamp(TRY_CAST(${v} AS BIGINT) / 1000.0) END)`;
      return `SELECT ${ts} AS ts, t.__row AS row, ${source_id} AS source_id FROM ${ident(sourceTable(source_id))} t`;
    });
    await h.db.exec(`SET TimeZone = 'UTC'`).catch(() => undefined);
    const stamped = `(${parts.join(' UNION ALL ')})`;
    const range = await h.db.one<{ lo: Date | null; hi: Date | null }>(`SELECT min(ts) AS lo, max(ts) AS hi FROM ${stamped} WHERE ts IS NOT NULL`);
    if (!range?.lo || !range.hi) return { bucket: 'day', points: [], note: 'the timestamp columns hold no readable dates' };
    const spanHours = (new Date(range.hi).getTime() - new Date(range.lo).getTime()) / 3_600_000;
    const bucket = bucketChoice === 'auto' ? (spanHours <= 72 ? 'hour' : 'day') : bucketChoice;
    const points = await h.db.all<{ at: string; rows: number; findings: number }>(
      `WITH stamped AS ${stamped},
            per_row AS (SELECT source_id, row, count(*) AS n FROM findings WHERE review <> 'false_positive' GROUP BY ALL)
       SELECT strftime(date_trunc(${literal(bucket)}, s.ts), '%Y-%m-%dT%H:%M:%SZ') AS at, count(*) AS rows, coalesce(sum(p.n), 0) AS findings
       FROM stamped s LEFT JOIN per_row p ON p.source_id = s.source_id AND p.row = s.row
       WHERE s.ts IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT 5000`,
    );
    const unstamped = await h.db.one<{ n: number }>(`SELECT count(*) AS n FROM ${stamped} WHERE ts IS NULL`);
    const missing = Number(unstamped?.n ?? 0);
    return {
      bucket,
      points: points.map((p) => ({ at: p.at, rows: Number(p.rows), findings: Number(p.findings) })),
      note: missing > 0 ? `${missing} row(s) have no readable time and are not in the timeline` : null,
    };
  }

  async function evidenceOf(h: CaseHandle): Promise<EvidenceView> {
    const p = casePaths(h.dir);
    const verification = verifyAuditLog(p.audit);
    const sources = await listSources(h);
    return {
      caseDir: h.dir,
      sources: sources.map(({ columns: _columns, compression: _c, ...s }) => s),
      audit: { ok: verification.ok, entries: verification.entries, problems: verification.problems.map((x) => ({ line: x.line, message: x.message })), lastHash: verification.lastHash },
      auditTail: readAuditTail(p.audit, 200),
      exports: h.manifest().exports.map((e) => ({ ...e })),
    };
  }

  async function draftSpecs(h: CaseHandle) {
    const mod = { listDrafts, buildDraft, missingFields, renderDraft };
    const assessment = await assessmentOf(h);
    const input = await assessmentInput(h);
    return { mod, specs: mod.listDrafts(assessment, input), assessment, input };
  }

  async function draftById(h: CaseHandle, draftId: string) {
    const { mod, specs, assessment, input } = await draftSpecs(h);
    const spec = specs.find((s) => draftIdOf(s) === draftId);
    if (!spec) throw new AppError('NOT_FOUND', `no draft "${draftId}" applies to this case; reload the draft list.`);
    return { mod, doc: mod.buildDraft(spec, assessment, input) };
  }

  async function recordExport(h: CaseHandle, file: string, kind: string): Promise<ExportedFile> {
    const sha256 = await sha256File(file);
    const bytes = statSync(file).size;
    await h.addExport({ path: file, sha256, kind, bytes });
    h.record({ action: 'export.written', details: { kind, path: path.relative(h.dir, file), sha256, bytes } });
    return { path: file, sha256, bytes };
  }

  async function findingById(h: CaseHandle, findingId: number) {
    const f = await h.db.one<{ source_id: number; row: number; field: string; span_start: number | null; span_end: number | null; fingerprint: string; kind: string }>(
      `SELECT source_id, row, field, span_start, span_end, fingerprint, kind FROM findings WHERE finding_id = ?`,
      [findingId],
    );
    if (!f) throw new AppError('NOT_FOUND', `finding ${findingId} does not exist in this case.`);
    return f;
  }

  const service: CoreService = {
    handlers,
    async call(channel, raw) {
      if (!isRequestChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `unknown call "${String(channel).slice(0, 60)}"` } };
      const parsed = parseInput(channel, raw);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.value) };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await closeCurrent();
      listeners.clear();
    },
  };
  return service;
}

// ---- pure helpers ----------------------------------------------------------------------------

/** True when `target` is `root` or lies inside it, compared after resolving both. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(target));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'case';
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function toIso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function hoursUntil(iso: string, nowDate: Date): number {
  return Math.round(((new Date(iso).getTime() - nowDate.getTime()) / 3_600_000) * 10) / 10;
}

function csvCell(value: string): string {
  // Formula prefixes are neutralised: the CSV may be opened in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function toColumnView(c: Record<string, unknown>): SourceColumnView {
  return {
    field: String(c['column_name'] ?? ''),
    original: String(c['original'] ?? ''),
    type: String(c['type'] ?? ''),
    role: (c['role'] as string | null) ?? null,
    roleOrigin: (c['role_origin'] as string | null) ?? null,
    reason: (c['role_reason'] as string | null) ?? null,
  };
}

function toFindingRow(r: Record<string, unknown>): FindingRow {
  return {
    findingId: Number(r['finding_id']),
    sourceId: Number(r['source_id']),
    sourceName: String(r['source_name'] ?? `source ${String(r['source_id'])}`),
    row: Number(r['row']),
    field: String(r['field']),
    ruleId: String(r['rule_id']),
    category: String(r['category']),
    kind: String(r['kind']),
    provider: (r['provider'] as string | null) ?? null,
    severity: String(r['severity']),
    confidence: Number(r['confidence']),
    preview: String(r['preview']),
    fingerprint: String(r['fingerprint']),
    review: String(r['review']) as FindingRow['review'],
  };
}

function toFileResult(r: IngestResult): IngestFileResult {
  if (r.status === 'imported') {
    return { path: r.path, status: 'imported', sourceId: r.sourceId, sha256: r.sha256, format: r.format, rows: r.rows, rejectedRows: r.rejectedRows, cells: r.cells, warnings: r.warnings, message: null, ms: r.ms };
  }
  if (r.status === 'duplicate') {
    return { path: r.path, status: 'duplicate', sourceId: r.sourceId, sha256: r.sha256, format: null, rows: 0, rejectedRows: 0, cells: 0, warnings: [], message: r.message, ms: 0 };
  }
  return { path: r.path, status: 'failed', sourceId: null, sha256: r.sha256 ?? null, format: null, rows: 0, rejectedRows: 0, cells: 0, warnings: [], message: r.error.message, ms: 0 };
}

export { findingWhere } from './pipeline/findings.ts';

/**
 * Splits a cell's text into plain pieces and findings; each finding shows its masked preview,
 * never its value. Offsets are code points (as DuckDB counts them). Long cells keep a window
 * around the focused finding so a megabyte of chat never reaches the screen whole.
 */
export function segmentCell(
  text: string,
  spans: Array<{ finding_id: number; span_start: number | null; span_end: number | null; preview: string }>,
  focusId: number,
  maxChars = MAX_CELL_CHARS,
): { segments: TextSegment[]; isTruncated: boolean } {
  const chars = Array.from(text);
  const usable = spans
    .filter((s): s is { finding_id: number; span_start: number; span_end: number; preview: string } => s.span_start !== null && s.span_end !== null && s.span_start < s.span_end && s.span_end <= chars.length)
    .sort((a, b) => a.span_start - b.span_start || a.finding_id - b.finding_id);
  let windowStart = 0;
  let windowEnd = chars.length;
  let isTruncated = false;
  if (chars.length > maxChars) {
    const focus = usable.find((s) => s.finding_id === focusId);
    const centre = focus ? focus.span_start : 0;
    windowStart = Math.max(0, centre - Math.floor(maxChars / 2));
    windowEnd = Math.min(chars.length, windowStart + maxChars);
    isTruncated = true;
  }
  const segments: TextSegment[] = [];
  let cursor = windowStart;
  if (windowStart > 0) segments.push({ text: '…', findingId: null, isMasked: false, isFocus: false });
  for (const s of usable) {
    if (s.span_start < cursor) continue; // overlaps the previous finding: keep the first
    if (s.span_end > windowEnd || s.span_start < windowStart) continue;
    if (s.span_start > cursor) segments.push({ text: chars.slice(cursor, s.span_start).join(''), findingId: null, isMasked: false, isFocus: false });
    segments.push({ text: s.preview, findingId: s.finding_id, isMasked: true, isFocus: s.finding_id === focusId });
    cursor = s.span_end;
  }
  if (cursor < windowEnd) segments.push({ text: chars.slice(cursor, windowEnd).join(''), findingId: null, isMasked: false, isFocus: false });
  if (windowEnd < chars.length) segments.push({ text: '…', findingId: null, isMasked: false, isFocus: false });
  return { segments, isTruncated };
}

/** The earliest deadline among regimes that apply and require that notification. */
export function nearestDeadlineOf(assessment: Assessment, nowDate: Date): DeadlineView | null {
  const candidates: DeadlineView[] = [];
  for (const regime of assessment.regimes) {
    if (!regime.applies) continue;
    for (const d of regime.deadlines) {
      if (!d.utc) continue;
      const decision = d.audience === 'subjects' ? regime.notify_subjects : d.audience === 'authority' ? regime.notify_authority : 'yes';
      if (decision === 'no') continue;
      candidates.push({ regime: regime.id, regimeName: regime.name, audience: d.audience, deadline: d.utc, hoursLeft: hoursUntil(d.utc, nowDate), basis: d.basis });
    }
  }
  candidates.sort((a, b) => a.deadline.localeCompare(b.deadline));
  return candidates[0] ?? null;
}

function toSubjectsView(s: SubjectsSummary): SubjectsView {
  return {
    estimate: s.estimate,
    lower: s.lower,
    upper: s.upper,
    method: s.method,
    rows_total: s.rows_total,
    rows_without_identifier: s.rows_without_identifier,
    rows_ip_only: s.rows_ip_only,
    linked_persons: s.linked_persons,
    by_country: s.by_country,
    by_category: s.by_category,
    special_categories: s.special_categories,
    largest_persons: s.largest_persons,
    conflicts: s.conflicts,
    conflicts_total: s.conflicts_total,
  };
}

/** `by_country` as `{CC: n}` or `{CC: {estimate}}`, largest first, `unknown` last. */
function countryCounts(value: unknown): Array<{ country: string; persons: number }> {
  if (!value || typeof value !== 'object') return [];
  const rows = Object.entries(value as Record<string, unknown>).map(([country, v]) => ({
    country,
    persons: typeof v === 'number' ? v : v && typeof v === 'object' && typeof (v as { estimate?: unknown }).estimate === 'number' ? (v as { estimate: number }).estimate : 0,
  }));
  return rows.sort((a, b) => (a.country === 'unknown' ? 1 : b.country === 'unknown' ? -1 : b.persons - a.persons || a.country.localeCompare(b.country)));
}

function draftIdOf(spec: DraftSpec): string {
  return `${spec.regime}:${spec.audience}:${spec.language}`;
}

function toDraftItem(spec: DraftSpec, missing: string[]): DraftListItem {
  return { id: draftIdOf(spec), regime: spec.regime, audience: spec.audience, title: spec.title, missingFields: missing };
}

function readAuditTail(file: string, count: number): Array<{ seq: number; at: string; actor: string; action: string; details: string }> {
  if (!existsSync(file)) return [];
  // Only the end of the file is read: the log grows with every action.
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 512 * 1024);
    const buf = Buffer.alloc(length);
    readSync(fd, buf, 0, length, size - length);
    const lines = buf.toString('utf8').split('\n').filter((l) => l.trim() !== '');
    if (length < size) lines.shift();
    return lines.slice(-count).reverse().flatMap((line) => {
      try {
        const e = JSON.parse(line) as { seq: number; at: string; actor: string; action: string; details: unknown };
        return [{ seq: e.seq, at: e.at, actor: String(e.actor), action: String(e.action), details: JSON.stringify(e.details).slice(0, 500) }];
      } catch {
        return [];
      }
    });
  } finally {
    closeSync(fd);
  }
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Reads up to `max` decoded bytes from the start of a file, gunzipping when needed. */
async function readHead(file: string, max: number): Promise<{ magic: Buffer; head: Buffer; compression: 'none' | 'gzip' }> {
  const fd = openSync(file, 'r');
  const magic = Buffer.alloc(4);
  try {
    readSync(fd, magic, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const isGzip = magic[0] === 0x1f && magic[1] === 0x8b;
  const chunks: Buffer[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const raw = createReadStream(file, isGzip ? {} : { end: max - 1 });
    const stream = isGzip ? raw.pipe(createGunzip()) : raw;
    const stop = () => {
      raw.destroy();
      resolve();
    };
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= max) stop();
    });
    stream.on('end', () => resolve());
    stream.on('error', (error: Error) => (total > 0 ? resolve() : reject(error)));
  });
  const head = Buffer.concat(chunks).subarray(0, max);
  return { magic: isGzip ? head.subarray(0, 4) : magic, head, compression: isGzip ? 'gzip' : 'none' };
}

async function previewFile(file: string): Promise<IngestPreview> {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `${file}: no such file.`, { file });
  const st = statSync(file);
  if (!st.isFile()) throw new AppError('NOT_A_FILE', `${file} is a folder; pick a file to preview (folders are imported file by file).`, { file });
  const base: IngestPreview = { path: file, bytes: st.size, compression: 'none', format: null, reason: '', error: null, delimiter: '', header: false, text: '', rows: null, columns: [] };
  const { magic, head, compression } = await readHead(file, PREVIEW_BYTES);
  base.compression = compression;
  let text = head.toString('utf8');
  // Cut the possibly partial last line so the preview parses cleanly.
  if (head.length >= PREVIEW_BYTES && text.lastIndexOf('\n') > 0) text = text.slice(0, text.lastIndexOf('\n'));
  const sniffed = sniffFormat(magic, text);
  if ('error' in sniffed) return { ...base, error: sniffed.error };
  const preview: IngestPreview = { ...base, format: sniffed.format, reason: sniffed.reason };
  if (sniffed.format === 'parquet') return previewParquet(file, preview);
  const lines = text.split(/\r?\n/).slice(0, 51);
  preview.text = lines.join('\n');
  if (sniffed.dialect) {
    preview.delimiter = sniffed.dialect.delimiter;
    preview.header = sniffed.dialect.header;
    const parsed = Papa.parse<string[]>(preview.text, { delimiter: sniffed.dialect.delimiter, quoteChar: sniffed.dialect.quote || '\u0000', skipEmptyLines: true });
    const body = sniffed.dialect.header ? parsed.data.slice(1) : parsed.data;
    preview.columns = sniffed.dialect.columns.map((name, i) => {
      const guess = guessRole(name, body.map((r) => r[i] ?? '').slice(0, 50));
      return { field: name, role: guess.role, reason: guess.reason };
    });
  } else if (sniffed.format === 'jsonl') {
    const samples = new Map<string, string[]>();
    for (const line of lines.slice(0, 50)) {
      try {
        const value = JSON.parse(line) as unknown;
        if (value && typeof value === 'object' && !Array.isArray(value)) flattenInto(value as Record<string, unknown>, '', samples, 0);
      } catch {
        // A bad line is reported by the import itself, with its number.
      }
    }
    preview.columns = [...samples.entries()].slice(0, 500).map(([field, values]) => {
      const guess = guessRole(field, values);
      return { field, role: guess.role, reason: guess.reason };
    });
  }
  return preview;
}

function flattenInto(obj: Record<string, unknown>, prefix: string, out: Map<string, string[]>, depth: number) {
  for (const [key, value] of Object.entries(obj)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
      flattenInto(value as Record<string, unknown>, field, out, depth + 1);
      continue;
    }
    const list = out.get(field) ?? [];
    if (value !== null && value !== undefined) list.push(typeof value === 'string' ? value : JSON.stringify(value));
    out.set(field, list);
  }
}

async function previewParquet(file: string, preview: IngestPreview): Promise<IngestPreview> {
  const db = await openDb({ dbPath: ':memory:', allowedPaths: [file] });
  try {
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM read_parquet(${literal(file)}) LIMIT 20`);
    const names = rows[0] ? Object.keys(rows[0]) : [];
    const asText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) : String(v));
    preview.rows = [names, ...rows.map((r) => names.map((n) => asText(r[n]).slice(0, 2000)))];
    preview.columns = names.map((name) => {
      const guess = guessRole(name, rows.map((r) => asText(r[name])));
      return { field: name, role: guess.role, reason: guess.reason };
    });
    return preview;
  } finally {
    db.close();
  }
}
