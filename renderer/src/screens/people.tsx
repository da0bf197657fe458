import { useEffect, useState } from 'react';
import type { ExportedFile, SubjectsView } from '../../../app/shared/contract.ts';
import { useApp, useCall } from '../store.ts';
import { LeakText, Stat } from '../components/common.tsx';
import { formatNumber } from '../lib/format.ts';

export function PeopleScreen() {
  const bridge = useApp((s) => s.bridge);
  const dataVersion = useApp((s) => s.dataVersion);
  const call = useCall();
  const [view, setView] = useState<SubjectsView | null>(null);
  const [exported, setExported] = useState<ExportedFile | null>(null);

  useEffect(() => {
    void (async () => {
      const v = await call(bridge['subjects.get']({}));
      if (v) setView(v);
    })();
  }, [bridge, dataVersion]);

  const exportList = async () => {
    const e = await call(bridge['subjects.exportNotificationList']({}));
    if (e) setExported(e);
  };

  if (!view) return <p className="muted">Loading (people are estimated after classification)…</p>;
  const countries = Object.entries(view.by_country).sort((a, b) => (a[0] === 'unknown' ? 1 : b[0] === 'unknown' ? -1 : b[1].estimate - a[1].estimate));
  const categories = Object.entries(view.by_category).sort((a, b) => b[1].estimate - a[1].estimate);
  return (
    <div className="stack" data-testid="people">
      <div className="stats">
        <Stat label="affected people (estimate)" value={formatNumber(view.estimate)} testId="people-estimate" />
        <Stat label="lower bound" value={formatNumber(view.lower)} />
        <Stat label="upper bound" value={formatNumber(view.upper)} />
        <Stat label="rows without identifier" value={formatNumber(view.rows_without_identifier)} hint={`${formatNumber(view.rows_ip_only)} with only an IP address`} />
      </div>
      <section className="card">
        <h2>Method</h2>
        <p className="prose">{view.method}</p>
      </section>
      <div className="grid-2">
        <BoundsTable title="By country" rows={countries} testId="people-countries" />
        <BoundsTable title="By data category" rows={categories} />
      </div>
      {Object.keys(view.special_categories).length > 0 ? (
        <section className="card">
          <h2>Special categories (GDPR Art. 9)</h2>
          <table className="table">
            <tbody>
              {Object.entries(view.special_categories).map(([k, v]) => (
                <tr key={k}>
                  <td>{k}</td>
                  <td className="num">{formatNumber(v.subjects)} people</td>
                  <td className="num">{formatNumber(v.rows)} rows</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section className="card">
        <h2>Conflicts ({formatNumber(view.conflicts_total)})</h2>
        <p className="muted small">Merges refused because a shared identifier would have joined two different people.</p>
        <table className="table">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Person A</th>
              <th>Person B</th>
              <th>Linked by</th>
            </tr>
          </thead>
          <tbody>
            {view.conflicts.slice(0, 100).map((c) => (
              <tr key={c.conflict_id}>
                <td>{c.kind}</td>
                <td className="mono">
                  <LeakText value={`${c.a.kind}: ${c.a.masked}`} />
                </td>
                <td className="mono">
                  <LeakText value={`${c.b.kind}: ${c.b.masked}`} />
                </td>
                <td className="mono">
                  <LeakText value={`${c.bridge.kind}: ${c.bridge.masked}`} />
                  {c.by_text ? ' (found in text)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Largest linked persons</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Person</th>
              <th className="num">Identifiers</th>
              <th className="num">Rows</th>
              <th>Country</th>
              <th>Sample (masked)</th>
            </tr>
          </thead>
          <tbody>
            {view.largest_persons.slice(0, 50).map((p) => (
              <tr key={p.person_id}>
                <td>{p.person_id}</td>
                <td className="num">{formatNumber(p.identifiers)}</td>
                <td className="num">{formatNumber(p.rows)}</td>
                <td>{p.country}</td>
                <td className="mono">
                  <LeakText value={p.sample.map((s) => `${s.kind}: ${s.masked}`).join(', ')} maxLength={160} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Notification list</h2>
        <p className="muted small">A CSV of the people with known contact data, written to the case's exports folder (audited, with its SHA-256).</p>
        <button type="button" onClick={() => void exportList()} data-testid="export-notification-list">
          Export notification list
        </button>
        {exported ? (
          <p className="small">
            Written <LeakText value={exported.path} /> · SHA-256 <span className="mono">{exported.sha256}</span>
          </p>
        ) : null}
      </section>
    </div>
  );
}

function BoundsTable({ title, rows, testId }: { title: string; rows: Array<[string, { estimate: number; lower: number; upper: number }]>; testId?: string }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th />
            <th className="num">Estimate</th>
            <th className="num">Lower</th>
            <th className="num">Upper</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, b]) => (
            <tr key={k}>
              <td>{k}</td>
              <td className="num">{formatNumber(b.estimate)}</td>
              <td className="num">{formatNumber(b.lower)}</td>
              <td className="num">{formatNumber(b.upper)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
