import { useEffect, useMemo, useState } from 'react';
import Papa from 'papaparse';
import { COLUMN_ROLES } from '../../../app/core/ingest/column-roles.ts';
import type { DirListing, IngestPreview, RejectRow } from '../../../app/shared/contract.ts';
import { useApp, useCall } from '../store.ts';
import { LeakText, ProgressBar } from '../components/common.tsx';
import { FolderListing } from '../components/folder-listing.tsx';
import { formatBytes, formatNumber } from '../lib/format.ts';
import { maskTokens } from '../lib/visible-text.ts';

const PREVIEW_ROWS = 20;

export function ImportScreen() {
  const bridge = useApp((s) => s.bridge);
  const job = useApp((s) => s.job);
  const results = useApp((s) => s.ingestResults);
  const classifyResult = useApp((s) => s.classifyResult);
  const setJob = useApp((s) => s.setJob);
  const info = useApp((s) => s.info);
  const call = useCall();
  const [pathsText, setPathsText] = useState('');
  const [preview, setPreview] = useState<IngestPreview | null>(null);
  const [roles, setRoles] = useState<Record<string, string>>({});
  const [listing, setListing] = useState<DirListing | null>(null);
  const [rejects, setRejects] = useState<{ sourceId: number; rows: RejectRow[]; total: number } | null>(null);

  const paths = useMemo(() => pathsText.split('\n').map((p) => p.trim()).filter((p) => p !== ''), [pathsText]);
  const isRunning = !!job?.isRunning;

  useEffect(() => {
    void (async () => {
      const l = await bridge['fs.list']({});
      if (l.ok) setListing(l.value);
    })();
  }, [bridge]);

  const browse = async (dir: string) => {
    const l = await call(bridge['fs.list']({ dir }));
    if (l) setListing(l);
  };

  const addPath = (p: string) => setPathsText((t) => (t.split('\n').includes(p) ? t : t.trim() === '' ? p : `${t.trim()}\n${p}`));

  const loadPreview = async (p: string) => {
    const result = await call(bridge['ingest.preview']({ path: p }));
    if (!result) return;
    setPreview(result);
    setRoles(Object.fromEntries(result.columns.map((c) => [c.field, c.role ?? ''])));
  };

  const start = async () => {
    // Built from entries: a column a leaked file names `__proto__` must stay a key.
    const chosenRoles: Array<[string, (typeof COLUMN_ROLES)[number]]> = [];
    if (preview) {
      for (const column of preview.columns) {
        const chosen = Object.hasOwn(roles, column.field) ? roles[column.field] : undefined;
        if (chosen && chosen !== (column.role ?? '') && (COLUMN_ROLES as readonly string[]).includes(chosen)) chosenRoles.push([column.field, chosen as (typeof COLUMN_ROLES)[number]]);
      }
    }
    const map = Object.fromEntries(chosenRoles);
    const started = await call(bridge['ingest.start']({ paths, ...(Object.keys(map).length ? { map } : {}) }));
    if (started) setJob({ jobId: started.jobId, kind: 'ingest', progress: {}, isRunning: true });
  };

  const classify = async () => {
    const started = await call(bridge['classify.start']({}));
    if (started) setJob({ jobId: started.jobId, kind: 'classify', progress: {}, isRunning: true });
  };

  const cancel = async () => {
    if (job) await call(bridge['job.cancel']({ jobId: job.jobId }));
  };

  const showRejects = async (sourceId: number) => {
    const page = await call(bridge['ingest.rejects']({ sourceId, offset: 0, limit: 200 }));
    if (page) setRejects({ sourceId, rows: page.rows, total: page.total });
  };

  return (
    <div className="stack">
      <section className="card">
        <h2>Files and folders to import</h2>
        <p className="muted small">
          One path per line (folders are imported file by file). {info?.mode === 'web' ? 'A browser cannot hand local paths to the server: type them, or pick them from the listing.' : ''}
        </p>
        <textarea data-testid="import-paths" rows={4} value={pathsText} onChange={(e) => setPathsText(e.target.value)} aria-label="Paths to import" spellCheck={false} />
        <div className="row">
          <button type="button" disabled={paths.length === 0} onClick={() => void loadPreview(paths[0]!)} data-testid="import-preview">
            Preview first file
          </button>
          <button type="button" className="primary" disabled={paths.length === 0 || isRunning} onClick={() => void start()} data-testid="import-start">
            Import
          </button>
          <button type="button" disabled={isRunning} onClick={() => void classify()} data-testid="classify-start">
            Classify and estimate people
          </button>
          {isRunning ? (
            <button type="button" className="danger" onClick={() => void cancel()} data-testid="job-cancel">
              Cancel
            </button>
          ) : null}
        </div>
        {listing ? (
          <details className="browse">
            <summary>Choose from a folder on the server</summary>
            <FolderListing
              listing={listing}
              onBrowse={(dir) => void browse(dir)}
              renderEntry={(e) => (
                <>
                  {e.isDir ? (
                    <button type="button" className="link" onClick={() => void browse(e.path)}>
                      <LeakText value={e.name} />/
                    </button>
                  ) : (
                    <span>
                      <LeakText value={e.name} /> <span className="muted small">{formatBytes(e.bytes)}</span>
                    </span>
                  )}{' '}
                  <button type="button" className="small" onClick={() => addPath(e.path)}>
                    Add
                  </button>
                </>
              )}
            />
          </details>
        ) : null}
      </section>

      {job ? (
        <section className="card" data-testid="job-panel">
          <h2>{job.kind === 'ingest' ? 'Import' : 'Classification'} {job.isRunning ? 'running' : 'finished'}</h2>
          {Object.entries(job.progress).map(([key, p]) => (
            <ProgressBar key={key} progress={p} label={p.file ? `${(p.fileIndex ?? 0) + 1}/${p.fileCount ?? 1} ${visibleName(p.file)}` : p.job} />
          ))}
        </section>
      ) : null}

      {classifyResult?.ok ? (
        <p className="notice" data-testid="classify-done">
          Classified with rule pack {classifyResult.value.rulePackVersion}: {formatNumber(classifyResult.value.findings)} findings in {(classifyResult.value.ms / 1000).toFixed(1)} s.
        </p>
      ) : null}

      {results ? (
        <section className="card">
          <h2>Results</h2>
          <table className="table" data-testid="import-results">
            <thead>
              <tr>
                <th>File</th>
                <th>Status</th>
                <th>Format</th>
                <th className="num">Rows</th>
                <th className="num">Rejected</th>
                <th>Notes</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.path}>
                  <td>
                    <LeakText value={r.path} maxLength={120} />
                  </td>
                  <td>{r.status}</td>
                  <td>{r.format ?? ''}</td>
                  <td className="num">{formatNumber(r.rows)}</td>
                  <td className="num">
                    {r.rejectedRows > 0 && r.sourceId ? (
                      <button type="button" className="link" onClick={() => void showRejects(r.sourceId!)}>
                        {formatNumber(r.rejectedRows)}
                      </button>
                    ) : (
                      formatNumber(r.rejectedRows)
                    )}
                  </td>
                  <td>
                    <LeakText value={[r.message ?? '', ...r.warnings].filter(Boolean).join('; ')} maxLength={300} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {rejects ? (
        <section className="card">
          <h2>
            Rejected rows of source {rejects.sourceId} ({formatNumber(rejects.total)})
          </h2>
          <table className="table" data-testid="rejects">
            <thead>
              <tr>
                <th>File</th>
                <th className="num">Line</th>
                <th>Reason</th>
                <th>Excerpt</th>
              </tr>
            </thead>
            <tbody>
              {rejects.rows.map((r, i) => (
                <tr key={i}>
                  <td>
                    <LeakText value={r.file} />
                  </td>
                  <td className="num">{r.line ?? ''}</td>
                  <td>
                    <LeakText value={r.reason} maxLength={300} />
                  </td>
                  <td className="mono">
                    <LeakText value={r.excerpt ?? ''} maxLength={200} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {preview ? <PreviewPanel preview={preview} roles={roles} setRoles={setRoles} /> : null}
    </div>
  );
}

function visibleName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] ?? file;
}

function PreviewPanel({ preview, roles, setRoles }: { preview: IngestPreview; roles: Record<string, string>; setRoles: (r: Record<string, string>) => void }) {
  const rows = useMemo(() => {
    if (preview.rows) return preview.rows.slice(0, PREVIEW_ROWS + 1);
    if (preview.delimiter) {
      const parsed = Papa.parse<string[]>(preview.text, { delimiter: preview.delimiter, skipEmptyLines: true, preview: PREVIEW_ROWS + 1 });
      return parsed.data;
    }
    return preview.text
      .split('\n')
      .slice(0, PREVIEW_ROWS)
      .map((line) => [line]);
  }, [preview]);
  return (
    <section className="card" data-testid="preview">
      <h2>
        Preview: <LeakText value={visibleName(preview.path)} /> ({formatBytes(preview.bytes)}
        {preview.compression === 'gzip' ? ', gzip' : ''})
      </h2>
      {preview.error ? <p className="error-text">{preview.error}</p> : <p className="muted small">Detected {preview.format}: {preview.reason}</p>}
      {preview.columns.length > 0 ? (
        <>
          <h3>Column roles (edit before importing)</h3>
          <div className="roles">
            {preview.columns.map((c) => (
              <label key={c.field} className="role">
                <span className="mono">
                  <LeakText value={c.field} maxLength={60} />
                </span>
                <select value={roles[c.field] ?? ''} onChange={(e) => setRoles({ ...roles, [c.field]: e.target.value })} aria-label={`Role of column ${c.field.slice(0, 60)}`}>
                  <option value="">(none)</option>
                  {COLUMN_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
                <span className="muted small">
                  <LeakText value={c.reason} maxLength={80} />
                </span>
              </label>
            ))}
          </div>
        </>
      ) : null}
      <div className="scroll-x">
        <table className="table preview-table">
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} className={i === 0 && (preview.header || preview.rows) ? 'header-row' : undefined}>
                {row.map((cell, j) => (
                  <td key={j} className="mono">
                    <LeakText value={maskTokens(String(cell))} maxLength={200} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
