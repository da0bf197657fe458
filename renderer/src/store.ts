import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { AppInfo, CaseSummary, ClassifyOutcome, ErrorInfo, IngestFileResult, JobKind, ProgressEvent, Result } from '../../app/shared/contract.ts';
import type { Bridge } from './bridge/bridge.ts';

export const SCREENS = ['cases', 'import', 'overview', 'findings', 'people', 'assessment', 'drafts', 'evidence'] as const;
export type Screen = (typeof SCREENS)[number];

export interface JobState {
  jobId: string;
  kind: JobKind;
  /** Latest progress per file (ingest) or per phase (classify). */
  progress: Record<string, ProgressEvent>;
  isRunning: boolean;
}

export interface AppState {
  bridge: Bridge;
  info: AppInfo | null;
  summary: CaseSummary | null;
  screen: Screen;
  theme: 'light' | 'dark';
  job: JobState | null;
  ingestResults: IngestFileResult[] | null;
  classifyResult: Result<ClassifyOutcome> | null;
  /** Bumped whenever the case's data changes, so views reload. */
  dataVersion: number;
  error: ErrorInfo | null;
  notice: string | null;
  init(): Promise<void>;
  refreshSummary(): Promise<void>;
  setScreen(screen: Screen): void;
  toggleTheme(): void;
  showError(error: ErrorInfo | null): void;
  showNotice(text: string | null): void;
  setJob(job: JobState | null): void;
  bumpData(): void;
}

/** One store per bridge: tests and the two transports each get a fresh one. */
export function createAppStore(bridge: Bridge): StoreApi<AppState> {
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const store = createStore<AppState>((set, get) => ({
    bridge,
    info: null,
    summary: null,
    screen: 'cases',
    theme: prefersDark ? 'dark' : 'light',
    job: null,
    ingestResults: null,
    classifyResult: null,
    dataVersion: 0,
    error: null,
    notice: null,
    async init() {
      const info = await bridge['app.info']({});
      if (info.ok) set({ info: info.value });
      else set({ error: info.error });
      await get().refreshSummary();
    },
    async refreshSummary() {
      const summary = await bridge['case.summary']({});
      if (summary.ok) set({ summary: summary.value });
    },
    setScreen(screen) {
      set({ screen });
    },
    toggleTheme() {
      set({ theme: get().theme === 'dark' ? 'light' : 'dark' });
    },
    showError(error) {
      set({ error });
    },
    showNotice(text) {
      set({ notice: text });
    },
    setJob(job) {
      set({ job });
    },
    bumpData() {
      set({ dataVersion: get().dataVersion + 1 });
    },
  }));

  bridge.on('job.progress', ({ jobId, kind, progress }) => {
    const current = store.getState().job;
    const key = kind === 'ingest' ? String(progress.fileIndex ?? 0) : 'all';
    const base: JobState = current && current.jobId === jobId ? current : { jobId, kind, progress: {}, isRunning: true };
    store.setState({ job: { ...base, progress: { ...base.progress, [key]: progress } } });
  });
  bridge.on('job.finished', (event) => {
    const current = store.getState().job;
    store.setState({ job: current && current.jobId === event.jobId ? { ...current, isRunning: false } : null });
    if (event.kind === 'ingest') {
      store.setState({ ingestResults: event.result.ok ? event.result.value : null });
      if (!event.result.ok) store.setState({ error: event.result.error });
    } else {
      store.setState({ classifyResult: event.result });
      if (!event.result.ok) store.setState({ error: event.result.error });
    }
    store.getState().bumpData();
    void store.getState().refreshSummary();
  });
  return store;
}

export const StoreContext = createContext<StoreApi<AppState> | null>(null);

export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside StoreContext');
  return useStore(store, selector);
}

/** Unwraps a result, showing its error in the status bar; returns null on failure. */
export function useCall() {
  const showError = useApp((s) => s.showError);
  return async function call<T>(pending: Promise<Result<T>>): Promise<T | null> {
    const result = await pending;
    if (result.ok) return result.value;
    showError(result.error);
    return null;
  };
}
