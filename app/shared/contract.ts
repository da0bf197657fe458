/**
 * The one contract between the workspace (desktop or browser) and the core: for every channel in
 * `channels.ts`, the schema its input must pass and the type of its result. The Electron IPC,
 * the loopback web transport, the preload and both renderer bridges are derived from it; the
 * core service implements it. Replies are `Result` values, never exceptions.
 *
 * Inputs come from a renderer that displays hostile text, so every schema is strict and bounded.
 */
import { z } from 'zod';
import { COLUMN_ROLES } from '../core/ingest/column-roles.ts';
import { ControllerSchema, type ControllerFacts } from '../core/assess/facts.ts';
import type { ProgressEvent } from '../core/jobs/progress.ts';
import type { Assessment } from '../core/assess/types.ts';
import type { ErrorInfo, Result } from './errors.ts';
import type { EventChannel, RequestChannel } from './channels.ts';

export type { ProgressEvent, ControllerFacts, Result, ErrorInfo, Assessment };

const path = z.string().min(1).max(4096).refine((p) => !p.includes('\u0000'), { message: 'path contains a NUL character' });
const jobId = z.string().regex(/^[a-z0-9-]{1,64}$/);
const isoInstant = z.iso.datetime({ offset: true });
const shortText = z.string().max(500);
const role = z.enum(COLUMN_ROLES);
const reviewState = z.enum(['unreviewed', 'confirmed', 'false_positive']);
const findingId = z.number().int().nonnegative();
const sourceId = z.number().int().positive();
const empty = z.strictObject({}).optional();

export const FindingFilterSchema = z.strictObject({
  category: z.array(shortText).max(50).optional(),
  kind: z.array(shortText).max(200).optional(),
  sourceId: z.array(sourceId).max(1000).optional(),
  field: z.array(z.string().max(1000)).max(200).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  review: z.array(reviewState).max(3).optional(),
  severity: z.array(z.enum(['critical', 'high', 'medium', 'low', 'info'])).max(5).optional(),
  /** Case-insensitive substring over the text of the cell that holds the finding. */
  text: z.string().max(200).optional(),
});
export type FindingFilter = z.infer<typeof FindingFilterSchema>;

const OverrideInputSchema = z.discriminatedUnion('target', [
  z.strictObject({ target: z.literal('dpc'), value: z.number().int().min(1).max(4), reason: z.string().min(3).max(2000) }),
  z.strictObject({ target: z.literal('ei'), value: z.union([z.literal(0.25), z.literal(0.5), z.literal(0.75), z.literal(1)]), reason: z.string().min(3).max(2000) }),
  z.strictObject({ target: z.enum(['cb_confidentiality', 'cb_integrity', 'cb_availability']), value: z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]), reason: z.string().min(3).max(2000) }),
  z.strictObject({ target: z.literal('cb_malicious'), value: z.union([z.literal(0), z.literal(0.5)]), reason: z.string().min(3).max(2000) }),
  z.strictObject({ target: z.literal('gdpr_risk'), value: z.enum(['no_risk', 'risk', 'high_risk']), reason: z.string().min(3).max(2000) }),
]);
export type OverrideInput = z.infer<typeof OverrideInputSchema>;

/** Input schema of every request channel. */
export const inputSchemas = {
  'app.info': empty,
  'fs.list': z.strictObject({ dir: path.optional() }),
  'case.create': z.strictObject({ name: z.string().trim().min(1).max(200), awareAt: isoInstant, dir: path.optional() }),
  'case.open': z.strictObject({ dir: path }),
  'case.close': empty,
  'case.recent': empty,
  'case.summary': empty,
  'ingest.preview': z.strictObject({ path }),
  'ingest.start': z.strictObject({
    paths: z.array(path).min(1).max(10_000),
    map: z.record(z.string().max(1000), role).optional(),
  }),
  'ingest.cancel': z.strictObject({ jobId }),
  'ingest.rejects': z.strictObject({ sourceId: sourceId.optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
  'sources.list': empty,
  'sources.setRole': z.strictObject({ sourceId, field: z.string().min(1).max(1000), role: role.nullable() }),
  'classify.start': empty,
  'job.cancel': z.strictObject({ jobId }),
  'findings.facets': empty,
  'findings.query': z.strictObject({
    filter: FindingFilterSchema.default({}),
    sort: z.enum(['severity', 'source', 'confidence']).default('severity'),
    offset: z.number().int().min(0).max(1_000_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'findings.sourceRow': z.strictObject({ findingId }),
  'findings.reveal': z.strictObject({ findingId }),
  'findings.review': z.strictObject({ findingIds: z.array(findingId).min(1).max(10_000), review: reviewState }),
  'overview.get': z.strictObject({ bucket: z.enum(['auto', 'hour', 'day']).default('auto') }).optional(),
  'subjects.get': empty,
  'subjects.exportNotificationList': empty,
  'facts.get': empty,
  'facts.set': z.strictObject({ controller: ControllerSchema }),
  'assess.get': empty,
  'assess.override': z.strictObject({ override: OverrideInputSchema }),
  'assess.clearOverride': z.strictObject({ target: z.enum(['dpc', 'ei', 'cb_confidentiality', 'cb_integrity', 'cb_availability', 'cb_malicious', 'gdpr_risk']) }),
  'drafts.list': empty,
  'drafts.render': z.strictObject({ draftId: z.string().min(1).max(200), format: z.enum(['md', 'html']) }),
  'drafts.export': z.strictObject({ draftId: z.string().min(1).max(200), format: z.enum(['md', 'html', 'docx', 'pdf']) }),
  'evidence.get': empty,
  'evidence.exportBundle': empty,
} satisfies Record<RequestChannel, z.ZodType>;

export type InputOf<K extends RequestChannel> = z.input<(typeof inputSchemas)[K]>;
export type ParsedInputOf<K extends RequestChannel> = z.output<(typeof inputSchemas)[K]>;

// ---- Result types ----------------------------------------------------------------------------

export interface AppInfo {
  name: string;
  version: string;
  mode: 'web' | 'desktop' | 'cli';
  caseRoot: string;
  pathSeparator: string;
  /** Set while a case is open. */
  openCase: string | null;
}

export interface DirEntry {
  name: string;
  path: string;
  isDir: boolean;
  bytes: number;
  isCase: boolean;
}

export interface DirListing {
  dir: string;
  parent: string | null;
  entries: DirEntry[];
  truncated: boolean;
}

export interface RecentCase {
  dir: string;
  name: string;
  awareAt: string;
  openedAt: string;
  exists: boolean;
}

export interface DeadlineView {
  regime: string;
  regimeName: string;
  audience: string;
  deadline: string;
  hoursLeft: number;
  basis: string;
}

export interface CaseSummary {
  dir: string;
  name: string;
  awareAt: string;
  createdAt: string;
  sources: number;
  rows: number;
  findings: number;
  classified: boolean;
  rulePackVersion: string | null;
  nearestDeadline: DeadlineView | null;
  /** Why there is no deadline yet (nothing classified, no facts, core module missing). */
  deadlineNote: string | null;
  busyJob: { jobId: string; kind: JobKind } | null;
}

export interface PreviewColumn {
  field: string;
  role: string | null;
  reason: string;
}

export interface IngestPreview {
  path: string;
  bytes: number;
  compression: 'none' | 'gzip';
  format: string | null;
  reason: string;
  error: string | null;
  /** Delimiter for delimited text ('' otherwise); the workspace parses `text` itself. */
  delimiter: string;
  header: boolean;
  /** The first lines of the decoded content, at most 64 KiB; hostile, shown as text only. */
  text: string;
  /** Parquet has no text head: its first rows come as values. */
  rows: string[][] | null;
  columns: PreviewColumn[];
}

export type JobKind = 'ingest' | 'classify';

export interface JobStarted {
  jobId: string;
  kind: JobKind;
}

export interface IngestFileResult {
  path: string;
  status: 'imported' | 'duplicate' | 'failed';
  sourceId: number | null;
  sha256: string | null;
  format: string | null;
  rows: number;
  rejectedRows: number;
  cells: number;
  warnings: string[];
  message: string | null;
  ms: number;
}

export interface ClassifyOutcome {
  findings: number;
  rulePackVersion: string;
  ms: number;
}

export interface RejectRow {
  sourceId: number;
  file: string;
  line: number | null;
  row: number | null;
  reason: string;
  excerpt: string | null;
}

export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
}

export interface SourceColumnView {
  field: string;
  original: string;
  type: string;
  role: string | null;
  roleOrigin: string | null;
  reason: string | null;
}

export interface SourceView {
  sourceId: number;
  name: string;
  path: string;
  sha256: string;
  bytes: number;
  format: string;
  compression: string;
  rows: number;
  rejectedRows: number;
  importedAt: string;
  columns: SourceColumnView[];
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface FindingFacets {
  category: FacetCount[];
  kind: FacetCount[];
  source: FacetCount[];
  field: FacetCount[];
}

export interface FindingRow {
  findingId: number;
  sourceId: number;
  sourceName: string;
  row: number;
  field: string;
  ruleId: string;
  category: string;
  kind: string;
  provider: string | null;
  severity: string;
  confidence: number;
  preview: string;
  fingerprint: string;
  review: 'unreviewed' | 'confirmed' | 'false_positive';
}

/** A piece of a cell's text: plain text, or a finding's value shown by its masked preview. */
export interface TextSegment {
  text: string;
  findingId: number | null;
  isMasked: boolean;
  isFocus: boolean;
}

export interface SourceRowView {
  findingId: number;
  sourceId: number;
  sourceName: string;
  row: number;
  line: number | null;
  fields: Array<{ field: string; segments: TextSegment[]; isTruncated: boolean }>;
}

export interface RevealedValue {
  findingId: number;
  value: string;
  fingerprint: string;
}

export interface OverviewView {
  sources: number;
  rows: number;
  cells: number;
  rejectedRows: number;
  findings: number;
  byCategory: Array<{ category: string; findings: number; values: number; rows: number }>;
  byKind: Array<{ category: string; kind: string; severity: string; findings: number; values: number }>;
  persons: { estimate: number; lower: number; upper: number; method: string } | null;
  personsNote: string | null;
  byCountry: Array<{ country: string; persons: number }>;
  timeline: { bucket: 'hour' | 'day'; points: Array<{ at: string; rows: number; findings: number }>; note: string | null };
  topFindings: FindingRow[];
}

export interface BoundsView {
  estimate: number;
  lower: number;
  upper: number;
}

export interface MaskedIdentifierView {
  kind: string;
  masked: string;
}

/** The people estimate as the core computes it (identifiers masked). */
export interface SubjectsView extends BoundsView {
  method: string;
  rows_total: number;
  rows_without_identifier: number;
  rows_ip_only: number;
  linked_persons: number;
  by_country: Record<string, BoundsView>;
  by_category: Record<string, BoundsView>;
  special_categories: Record<string, { subjects: number; rows: number }>;
  largest_persons: Array<{ person_id: number; identifiers: number; rows: number; country: string; kinds: Record<string, number>; sample: MaskedIdentifierView[] }>;
  conflicts: Array<{ conflict_id: number; kind: string; a: MaskedIdentifierView; b: MaskedIdentifierView; bridge: MaskedIdentifierView; person_a: number; person_b: number; by_text: boolean }>;
  conflicts_total: number;
}

export interface ExportedFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface FactsView {
  controller: ControllerFacts;
  overrides: OverrideInput[];
  awareAt: string;
}

export type AssessmentView = Assessment;

export interface DraftListItem {
  id: string;
  regime: string;
  audience: string;
  title: string;
  missingFields: string[];
}

export interface RenderedDraft {
  id: string;
  format: 'md' | 'html';
  text: string;
  missingFields: string[];
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: string;
}

export interface EvidenceView {
  caseDir: string;
  sources: Array<{ sourceId: number; name: string; path: string; sha256: string; bytes: number; format: string; rows: number; rejectedRows: number; importedAt: string }>;
  audit: { ok: boolean; entries: number; problems: Array<{ line: number; message: string }>; lastHash: string };
  auditTail: AuditEntryView[];
  exports: Array<{ path: string; sha256: string; kind: string; bytes: number; at: string }>;
}

/** Result type of every request channel. */
export interface Results {
  'app.info': AppInfo;
  'fs.list': DirListing;
  'case.create': CaseSummary;
  'case.open': CaseSummary;
  'case.close': { closed: boolean };
  'case.recent': RecentCase[];
  'case.summary': CaseSummary | null;
  'ingest.preview': IngestPreview;
  'ingest.start': JobStarted;
  'ingest.cancel': { cancelled: boolean };
  'ingest.rejects': Page<RejectRow>;
  'sources.list': SourceView[];
  'sources.setRole': SourceColumnView;
  'classify.start': JobStarted;
  'job.cancel': { cancelled: boolean };
  'findings.facets': FindingFacets;
  'findings.query': Page<FindingRow>;
  'findings.sourceRow': SourceRowView;
  'findings.reveal': RevealedValue;
  'findings.review': { updated: number };
  'overview.get': OverviewView;
  'subjects.get': SubjectsView;
  'subjects.exportNotificationList': ExportedFile;
  'facts.get': FactsView;
  'facts.set': FactsView;
  'assess.get': AssessmentView;
  'assess.override': FactsView;
  'assess.clearOverride': FactsView;
  'drafts.list': DraftListItem[];
  'drafts.render': RenderedDraft;
  'drafts.export': ExportedFile;
  'evidence.get': EvidenceView;
  'evidence.exportBundle': ExportedFile;
}

// ---- Events ----------------------------------------------------------------------------------

export interface JobProgressEvent {
  jobId: string;
  kind: JobKind;
  progress: ProgressEvent;
}

export type JobFinishedEvent =
  | { jobId: string; kind: 'ingest'; result: Result<IngestFileResult[]> }
  | { jobId: string; kind: 'classify'; result: Result<ClassifyOutcome> };

export interface Events {
  'job.progress': JobProgressEvent;
  'job.finished': JobFinishedEvent;
}

export type EventListener = <E extends EventChannel>(channel: E, payload: Events[E]) => void;

// ---- The API as every transport exposes it ---------------------------------------------------

/** What the workspace calls: one function per channel, plus event subscription. */
export type Api = {
  [K in RequestChannel]: (input: InputOf<K>) => Promise<Result<Results[K]>>;
} & {
  on<E extends EventChannel>(channel: E, listener: (payload: Events[E]) => void): () => void;
};

/** What the core implements: handlers receive parsed input and may throw; `dispatch` wraps. */
export type Handlers = {
  [K in RequestChannel]: (input: ParsedInputOf<K>) => Promise<Results[K]>;
};

/** Checks an untrusted input against its channel's schema; names the bad fields, never echoes values. */
export function parseInput<K extends RequestChannel>(channel: K, raw: unknown): Result<ParsedInputOf<K>> {
  const schema: z.ZodType = inputSchemas[channel];
  const parsed = schema.safeParse(raw);
  // The schema is the one for K, so its output is ParsedInputOf<K>.
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInputOf<K> };
  const fields = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, error: { code: 'BAD_REQUEST', message: `${channel}: ${fields}` } };
}
