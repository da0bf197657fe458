/**
 * Progress of a long step, as the CLI's progress bar and the UI's events both read it.
 * `done`/`total` are in the phase's own unit (bytes while hashing, rows or rules later).
 */
export interface ProgressEvent {
  job: 'ingest' | 'classify' | 'subjects' | 'assess' | 'drafts' | 'export';
  phase: string;
  file?: string;
  fileIndex?: number;
  fileCount?: number;
  done: number;
  total: number;
  startedAt: number;
  at: number;
}

/** Rate per second and seconds left, from a progress event (undefined until measurable). */
export function rateAndEta(event: ProgressEvent): { rate?: number; etaSeconds?: number } {
  const seconds = (event.at - event.startedAt) / 1000;
  if (seconds <= 0 || event.done <= 0) return {};
  const rate = event.done / seconds;
  if (event.total <= event.done) return { rate, etaSeconds: 0 };
  return { rate, etaSeconds: (event.total - event.done) / rate };
}
