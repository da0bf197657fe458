import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createCase, isCaseDir, openCase, type CaseHandle } from '../case/case.ts';
import { loadCaseFacts, writeCaseFacts } from '../case/case-facts.ts';
import { expandInputs, ingestFiles, type IngestResult } from '../ingest/ingest.ts';
import { computeSubjects, ipCountryTablePaths, type SubjectsSummary } from '../subjects/index.ts';
import { parseFacts, type BreachFacts } from '../assess/facts.ts';
import { assess } from '../assess/assess.ts';
import type { Assessment } from '../assess/types.ts';
import { buildDraft, listDrafts, missingFields, renderDraft, type DraftFormat } from '../drafts/index.ts';
import { analyzeChatHistory } from '../classify/chat-history.ts';
import type { ProgressEvent } from '../jobs/progress.ts';
import { AppError } from '../../shared/errors.ts';
import { buildReport } from '../report/report.ts';
import type { Report } from '../report/report-schema.ts';
import { classifyCase, type ClassifyStepResult } from './classify-step.ts';
import { measuredFromCase } from './measured.ts';

export interface AnalyzeOptions {
  files: string[];
  caseDir: string;
  awareAt?: string;
  name?: string;
  /** Controller facts (JSON file following docs/schemas/facts.schema.json). */
  factsFile?: string;
  outDir: string;
  formats?: DraftFormat[];
  fingerprintKey?: Buffer;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  onStep?: (message: string) => void;
}

export interface AnalyzeResult {
  ingest: IngestResult[];
  classify: ClassifyStepResult;
  subjects: SubjectsSummary;
  assessment: Assessment;
  report: Report;
  reportPath: string;
  seconds: number;
}

export const ALL_FORMATS: DraftFormat[] = ['md', 'html', 'docx', 'pdf'];

/** The whole pipeline in one call: ingest, classify, subjects, assess, drafts, report.json. */
export async function analyze(options: AnalyzeOptions): Promise<AnalyzeResult> {
  const started = Date.now();
  const step = options.onStep ?? (() => {});
  const files = expandInputs(options.files);
  if (!isCaseDir(options.caseDir)) {
    if (!options.awareAt) throw new AppError('BAD_INPUT', `--aware-at is needed to create the case ${options.caseDir}.`);
    const created = await createCase(options.caseDir, { name: options.name ?? path.basename(path.resolve(options.caseDir)), awareAt: options.awareAt });
    created.close();
    step(`created case ${path.resolve(options.caseDir)}`);
  }
  const facts = options.factsFile ? readFactsFile(options.factsFile) : parseFacts({});
  const handle = await openCase(options.caseDir, {
    readablePaths: [...files, ...ipCountryTablePaths()],
    ...(options.fingerprintKey ? { fingerprintKey: options.fingerprintKey } : {}),
  });
  try {
    const signalOpts = { ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
    step(`ingesting ${files.length} file(s)`);
    const ingest = await ingestFiles(handle, files, signalOpts);
    throwIfAborted(options.signal);
    step('classifying');
    const classify = await classifyCase(handle, signalOpts);
    throwIfAborted(options.signal);
    step('linking identifiers into persons');
    const subjects = await computeSubjects(handle.db, signalOpts);
    handle.record({ action: 'subjects.computed', details: { estimate: subjects.estimate, lower: subjects.lower, upper: subjects.upper } });
    throwIfAborted(options.signal);
    const chat = await analyzeChatHistory(handle.db);
    const now = options.now ?? new Date();
    step('assessing');
    const { assessment, input } = await assessCase(handle, facts, subjects, classify.rulePackVersion, now);
    step('writing drafts');
    const outDir = path.resolve(options.outDir);
    const drafts = await writeDrafts(handle, assessment, input, path.join(outDir, 'drafts'), options.formats ?? ALL_FORMATS);
    const report = await buildReport(handle, {
      subjects,
      measured: input.measured!,
      assessment,
      chatHistory: chat,
      drafts,
      rulePackVersion: classify.rulePackVersion,
      now,
    });
    const reportPath = path.join(outDir, 'report.json');
    await writeExport(handle, reportPath, Buffer.from(JSON.stringify(report, null, 2) + '\n'), 'report');
    return { ingest, classify, subjects, assessment, report, reportPath, seconds: (Date.now() - started) / 1000 };
  } finally {
    handle.close();
  }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'cancelled by the user; the steps already finished are kept in the case');
}

export function readFactsFile(file: string): BreachFacts {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('BAD_FACTS', `${file}: not readable JSON (${(error as Error).message.split('\n')[0]}).`, { file });
  }
  try {
    return parseFacts(raw);
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    const detail = issues?.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ') ?? (error as Error).message;
    throw new AppError('BAD_FACTS', `${file}: ${detail.slice(0, 1000)}. See docs/schemas/facts.schema.json.`, { file });
  }
}

/** Saves the controller facts in the case (audited). */
export function saveCaseFacts(handle: CaseHandle, facts: BreachFacts): void {
  writeCaseFacts(handle, facts);
  handle.record({ action: 'facts.saved', details: { fields: Object.keys(facts.controller), overrides: facts.overrides.length } });
}

export async function assessCase(
  handle: CaseHandle,
  stated: BreachFacts,
  subjects: SubjectsSummary,
  rulePackVersion: string,
  now: Date,
): Promise<{ assessment: Assessment; input: BreachFacts }> {
  const saved = loadCaseFacts(handle);
  const controller = { ...saved.controller, ...stated.controller };
  controller.aware_at ??= handle.meta.awareAt;
  const measured = await measuredFromCase(handle, subjects, rulePackVersion, now);
  const input = parseFacts({
    controller,
    measured,
    overrides: stated.overrides.length ? stated.overrides : saved.overrides,
    ...(stated.holidays ?? saved.holidays ? { holidays: stated.holidays ?? saved.holidays } : {}),
  });
  saveCaseFacts(handle, input);
  const assessment = assess(input, now);
  handle.record({
    action: 'assessment.computed',
    details: {
      severity: { score: assessment.severity.score, band: assessment.severity.band },
      gdpr_risk: assessment.gdpr_risk.level,
      regimes: assessment.regimes.filter((r) => r.applies).map((r) => r.id),
      overrides: assessment.overrides_applied,
    },
  });
  return { assessment, input };
}

export async function writeDrafts(
  handle: CaseHandle,
  assessment: Assessment,
  input: BreachFacts,
  dir: string,
  formats: DraftFormat[],
  filter: (spec: { regime: string; audience: string; language: string }) => boolean = () => true,
): Promise<Report['drafts']> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const out: Report['drafts'] = [];
  for (const spec of listDrafts(assessment, input).filter(filter)) {
    const doc = buildDraft(spec, assessment, input);
    const missing = missingFields(doc);
    const base = `${spec.regime}-${spec.audience}-${spec.language}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    for (const format of formats) {
      const file = path.join(dir, `${base}.${format}`);
      const bytes = await renderDraft(doc, format);
      const sha256 = await writeExport(handle, file, bytes, `draft:${format}`);
      out.push({ regime: spec.regime, audience: spec.audience, language: spec.language, title: spec.title, format, path: file, sha256, missing_fields: missing });
    }
  }
  return out;
}

/** Writes an export (0600), records its SHA-256 in the manifest and the audit log. */
export async function writeExport(handle: CaseHandle, file: string, bytes: Buffer, kind: string): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written beside the target, flushed, then renamed: a kill never leaves a torn export.
  const partial = `${file}.partial-${process.pid}`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await handle.addExport({ path: file, sha256, kind, bytes: bytes.length });
  handle.record({ action: 'export.written', details: { kind, path: file, sha256, bytes: bytes.length } });
  return sha256;
}
