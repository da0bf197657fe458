import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverviewView } from '../../../app/shared/contract.ts';
import { useApp, useCall } from '../store.ts';
import { Empty, LeakText, Stat } from '../components/common.tsx';
import { formatNumber } from '../lib/format.ts';

export function OverviewScreen() {
  const bridge = useApp((s) => s.bridge);
  const dataVersion = useApp((s) => s.dataVersion);
  const setScreen = useApp((s) => s.setScreen);
  const call = useCall();
  const [bucket, setBucket] = useState<'auto' | 'hour' | 'day'>('auto');
  const [view, setView] = useState<OverviewView | null>(null);

  useEffect(() => {
    void (async () => {
      const v = await call(bridge['overview.get']({ bucket }));
      if (v) setView(v);
    })();
  }, [bridge, bucket, dataVersion]);

  if (!view) return <p className="muted">Loading…</p>;
  return (
    <div className="stack" data-testid="overview">
      <div className="stats">
        <Stat label="sources" value={formatNumber(view.sources)} testId="ov-sources" />
        <Stat label="rows" value={formatNumber(view.rows)} hint={view.rejectedRows ? `${formatNumber(view.rejectedRows)} rejected` : undefined} testId="ov-rows" />
        <Stat label="findings" value={formatNumber(view.findings)} testId="ov-findings" />
        <Stat
          label="affected people (estimate)"
          value={view.persons ? formatNumber(view.persons.estimate) : '—'}
          hint={view.persons ? `between ${formatNumber(view.persons.lower)} and ${formatNumber(view.persons.upper)}` : (view.personsNote ?? undefined)}
          testId="ov-persons"
        />
      </div>
      <div className="grid-2">
        <section className="card">
          <h2>By category</h2>
          {view.byCategory.length === 0 ? <Empty>No findings yet: import and classify first.</Empty> : null}
          <table className="table" data-testid="ov-categories">
            <thead>
              <tr>
                <th>Category</th>
                <th className="num">Findings</th>
                <th className="num">Distinct values</th>
                <th className="num">Rows</th>
              </tr>
            </thead>
            <tbody>
              {view.byCategory.map((c) => (
                <tr key={c.category} data-category={c.category}>
                  <td>{c.category}</td>
                  <td className="num">{formatNumber(c.findings)}</td>
                  <td className="num">{formatNumber(c.values)}</td>
                  <td className="num">{formatNumber(c.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card">
          <h2>People by country</h2>
          {view.byCountry.length === 0 ? <Empty>{view.personsNote ?? 'No country could be attributed.'}</Empty> : null}
          {view.byCountry.length > 0 ? (
            <div className="chart" aria-label="People by country">
              <ResponsiveContainer width="100%" height={240}>
                <BarChart data={view.byCountry.slice(0, 20)} margin={{ left: 8, right: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
                  <XAxis dataKey="country" stroke="var(--muted)" />
                  <YAxis stroke="var(--muted)" allowDecimals={false} />
                  <Tooltip />
                  <Bar dataKey="persons" fill="var(--accent)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          ) : null}
        </section>
      </div>
      <section className="card">
        <div className="row spread">
          <h2>Timeline (UTC, per {view.timeline.bucket})</h2>
          <label className="small">
            Bucket{' '}
            <select value={bucket} onChange={(e) => setBucket(e.target.value as 'auto' | 'hour' | 'day')}>
              <option value="auto">auto</option>
              <option value="hour">hour</option>
              <option value="day">day</option>
            </select>
          </label>
        </div>
        {view.timeline.note ? <p className="muted small">{view.timeline.note}</p> : null}
        {view.timeline.points.length > 0 ? (
          <div className="chart" aria-label="Rows and findings over time">
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={view.timeline.points} margin={{ left: 8, right: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
                <XAxis dataKey="at" stroke="var(--muted)" tickFormatter={(v: string) => v.slice(0, view.timeline.bucket === 'hour' ? 13 : 10)} />
                <YAxis stroke="var(--muted)" allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="rows" fill="var(--muted)" isAnimationActive={false} />
                <Bar dataKey="findings" fill="var(--accent)" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        ) : null}
      </section>
      <section className="card">
        <h2>Most severe findings</h2>
        <table className="table" data-testid="ov-top">
          <thead>
            <tr>
              <th>Severity</th>
              <th>Kind</th>
              <th>Value (masked)</th>
              <th>Source</th>
            </tr>
          </thead>
          <tbody>
            {view.topFindings.map((f) => (
              <tr key={f.findingId}>
                <td>
                  <span className={`sev sev-${f.severity}`}>{f.severity}</span>
                </td>
                <td>{f.kind}</td>
                <td className="mono">
                  <LeakText value={f.preview} maxLength={80} />
                </td>
                <td>
                  <LeakText value={f.sourceName} maxLength={60} /> row {f.row}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => setScreen('findings')}>
          Explore all findings
        </button>
      </section>
      <section className="card">
        <h2>By kind</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Category</th>
              <th>Kind</th>
              <th>Severity</th>
              <th className="num">Findings</th>
              <th className="num">Distinct values</th>
            </tr>
          </thead>
          <tbody>
            {view.byKind.map((k) => (
              <tr key={`${k.category}/${k.kind}`}>
                <td>{k.category}</td>
                <td>{k.kind}</td>
                <td>
                  <span className={`sev sev-${k.severity}`}>{k.severity}</span>
                </td>
                <td className="num">{formatNumber(k.findings)}</td>
                <td className="num">{formatNumber(k.values)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
