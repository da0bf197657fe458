import { useEffect, useState } from 'react';
import type { DraftListItem, ExportedFile, RenderedDraft } from '../../../app/shared/contract.ts';
import { useApp, useCall } from '../store.ts';
import { LeakText } from '../components/common.tsx';

export function DraftsScreen() {
  const bridge = useApp((s) => s.bridge);
  const dataVersion = useApp((s) => s.dataVersion);
  const setScreen = useApp((s) => s.setScreen);
  const call = useCall();
  const [drafts, setDrafts] = useState<DraftListItem[] | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [rendered, setRendered] = useState<RenderedDraft | null>(null);
  const [exported, setExported] = useState<ExportedFile[]>([]);

  useEffect(() => {
    void (async () => {
      const list = await call(bridge['drafts.list']({}));
      if (list) {
        setDrafts(list);
        setCurrent((c) => c ?? list[0]?.id ?? null);
      }
    })();
  }, [bridge, dataVersion]);

  useEffect(() => {
    if (!current) return;
    void (async () => {
      const r = await call(bridge['drafts.render']({ draftId: current, format: 'html' }));
      if (r) setRendered(r);
    })();
  }, [bridge, current, dataVersion]);

  const exportAs = async (format: 'md' | 'html' | 'docx' | 'pdf') => {
    if (!current) return;
    const e = await call(bridge['drafts.export']({ draftId: current, format }));
    if (e) setExported((x) => [e, ...x]);
  };

  if (!drafts) return <p className="muted">Loading drafts…</p>;
  return (
    <div className="drafts-layout">
      <aside className="card">
        <h2>Drafts</h2>
        <ul className="list" data-testid="drafts-list">
          {drafts.map((d) => (
            <li key={d.id}>
              <button type="button" className="link" aria-current={d.id === current ? 'true' : undefined} onClick={() => setCurrent(d.id)}>
                {d.title}
              </button>
              <div className="small muted">
                {d.regime} · {d.audience} · {d.missingFields.length} gap(s)
              </div>
            </li>
          ))}
        </ul>
      </aside>
      <section className="card stack">
        {rendered ? (
          <>
            <div className="row">
              <button type="button" onClick={() => void exportAs('docx')} data-testid="export-docx">
                Export DOCX
              </button>
              <button type="button" onClick={() => void exportAs('pdf')}>
                Export PDF
              </button>
              <button type="button" onClick={() => void exportAs('md')}>
                Export Markdown
              </button>
              <button type="button" onClick={() => void exportAs('html')}>
                Export HTML
              </button>
              <button type="button" onClick={() => setScreen('assessment')}>
                Edit facts
              </button>
            </div>
            {exported.length ? (
              <ul className="small" data-testid="exported">
                {exported.map((e) => (
                  <li key={e.path}>
                    <LeakText value={e.path} /> · SHA-256 <span className="mono">{e.sha256}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <div>
              <h3>Gaps to fill ({rendered.missingFields.length})</h3>
              <ul className="gaps" data-testid="draft-gaps">
                {rendered.missingFields.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
            {/* The draft is HTML built by the core; it is shown with no script, form or navigation rights. */}
            <iframe className="draft-frame" title="Draft preview" sandbox="" srcDoc={rendered.text} referrerPolicy="no-referrer" data-testid="draft-frame" />
          </>
        ) : (
          <p className="muted">Choose a draft.</p>
        )}
      </section>
    </div>
  );
}
