/**
 * Every call and event name between the workspace and the core, and nothing else. Kept free of
 * imports so the sandboxed preload can bundle it alone; `contract.ts` gives each name its input
 * schema and result type.
 */

export const REQUEST_CHANNELS = [
  'app.info',
  'fs.list',
  'case.create',
  'case.open',
  'case.close',
  'case.recent',
  'case.summary',
  'ingest.preview',
  'ingest.start',
  'ingest.cancel',
  'ingest.rejects',
  'sources.list',
  'sources.setRole',
  'classify.start',
  'job.cancel',
  'findings.facets',
  'findings.query',
  'findings.sourceRow',
  'findings.reveal',
  'findings.review',
  'overview.get',
  'subjects.get',
  'subjects.exportNotificationList',
  'facts.get',
  'facts.set',
  'assess.get',
  'assess.override',
  'assess.clearOverride',
  'drafts.list',
  'drafts.render',
  'drafts.export',
  'evidence.get',
  'evidence.exportBundle',
] as const;

export const EVENT_CHANNELS = ['job.progress', 'job.finished'] as const;

export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && (REQUEST_CHANNELS as readonly string[]).includes(value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}
