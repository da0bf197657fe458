import { useEffect, useState } from 'react';
import type { EvidenceView, ExportedFile } from '../../../app/shared/contract.ts';
import { useApp, useCall } from '../store.ts';
import { LeakText } from '../components/common.tsx';
import { formatBytes, formatInstant, formatNumber } from '../lib/format.ts';

export function EvidenceScreen() {
  const bridge = useApp((s) => s.bridge);
  const dataVersion = useApp((s) => s.dataVersion);
  const call = useCall();
  const [view, setView] = useState<EvidenceView | null>(null);
  const [bundle, setBundle] = useState<ExportedFile | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void (async () => {
      const v = await call(bridge['evidence.get']({}));
      if (v) setView(v);
    })();
  }, [bridge, dataVersion, version]);

  const exportBundle = async () => {
    const b = await call(bridge['evidence.exportBundle']({}));
    if (b) {
      setBundle(b);
      setVersion((v) => v + 1);
    }
  };

  if (!view) return <p className="muted">Loading…</p>;
  return (
    <div className="stack">
      <section className="card">
        <h2>Sources</h2>
        <table className="table" data-testid="evidence-sources">
          <thead>
            <tr>
              <th>#</th>
              <th>File</th>
              <th>SHA-256</th>
              <th className="num">Size</th>
              <th>Format</th>
              <th className="num">Rows</th>
              <th className="num">Rejected</th>
              <th>Imported</th>
            </tr>
          </thead>
          <tbody>
            {view.sources.map((s) => (
              <tr key={s.sourceId}>
                <td>{s.sourceId}</td>
                <td>
                  <LeakText value={s.path} maxLength={120} />
                </td>
                <td className="mono small">{s.sha256}</td>
                <td className="num">{formatBytes(s.bytes)}</td>
                <td>{s.format}</td>
                <td className="num">{formatNumber(s.rows)}</td>
                <td className="num">{formatNumber(s.rejectedRows)}</td>
                <td className="small">{formatInstant(s.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>
          Audit log:{' '}
          <span className={view.audit.ok ? 'ok-text' : 'error-text'} data-testid="audit-status">
            {view.audit.ok ? `verified (${view.audit.entries} entries, chain intact)` : `BROKEN (${view.audit.problems.length} problem(s))`}
          </span>
        </h2>
        <p className="muted small mono">last hash {view.audit.lastHash}</p>
        {view.audit.problems.length ? (
          <ul className="error-text">
            {view.audit.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        ) : null}
        <table className="table" data-testid="audit-entries">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {view.auditTail.map((e) => (
              <tr key={e.seq} data-action={e.action}>
                <td className="num">{e.seq}</td>
                <td className="small">{formatInstant(e.at)}</td>
                <td>
                  <LeakText value={e.actor} maxLength={40} />
                </td>
                <td>{e.action}</td>
                <td className="mono small">
                  <LeakText value={e.details} maxLength={300} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Exports</h2>
        <button type="button" className="primary" onClick={() => void exportBundle()} data-testid="export-bundle">
          Export evidence bundle
        </button>
        {bundle ? (
          <p className="small" data-testid="bundle-path">
            Written <LeakText value={bundle.path} /> · SHA-256 <span className="mono">{bundle.sha256}</span>
          </p>
        ) : null}
        <table className="table">
          <tbody>
            {view.exports.map((e) => (
              <tr key={e.path}>
                <td>{e.kind}</td>
                <td>
                  <LeakText value={e.path} />
                </td>
                <td className="mono small">{e.sha256}</td>
                <td className="small">{formatInstant(e.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
