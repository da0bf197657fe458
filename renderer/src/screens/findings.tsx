import { useCallback, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { FindingFacets, FindingFilter, FindingRow, RevealedValue, SourceRowView } from '../../../app/shared/contract.ts';
import { useApp, useCall } from '../store.ts';
import { LeakText } from '../components/common.tsx';
import { formatNumber } from '../lib/format.ts';

const PAGE = 200;
const ROW_HEIGHT = 34;

type Review = FindingRow['review'];

export function FindingsScreen() {
  const bridge = useApp((s) => s.bridge);
  const dataVersion = useApp((s) => s.dataVersion);
  const bumpData = useApp((s) => s.bumpData);
  const showNotice = useApp((s) => s.showNotice);
  const call = useCall();
  const [facets, setFacets] = useState<FindingFacets | null>(null);
  const [filter, setFilter] = useState<FindingFilter>({});
  const [textInput, setTextInput] = useState('');
  const [total, setTotal] = useState(0);
  const [pages, setPages] = useState<Map<number, FindingRow[]>>(new Map());
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [focus, setFocus] = useState<FindingRow | null>(null);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const parentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void (async () => {
      const f = await call(bridge['findings.facets']({}));
      if (f) setFacets(f);
    })();
  }, [bridge, dataVersion]);

  // Full-text search waits for a pause in typing: every query scans the cells.
  useEffect(() => {
    const id = setTimeout(() => setFilter((f) => ({ ...f, text: textInput.trim() === '' ? undefined : textInput })), 300);
    return () => clearTimeout(id);
  }, [textInput]);

  const loadPage = useCallback(
    async (index: number, gen: number) => {
      if (loading.current.has(index)) return;
      loading.current.add(index);
      const page = await call(bridge['findings.query']({ filter: cleanFilter(filter), offset: index * PAGE, limit: PAGE }));
      loading.current.delete(index);
      if (!page || gen !== generation.current) return;
      setTotal(page.total);
      setPages((old) => new Map(old).set(index, page.rows));
    },
    [bridge, filter],
  );

  useEffect(() => {
    generation.current += 1;
    loading.current.clear();
    setPages(new Map());
    setSelected(new Set());
    void loadPage(0, generation.current);
  }, [loadPage, dataVersion]);

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    const needed = new Set(items.map((i) => Math.floor(i.index / PAGE)));
    for (const p of needed) if (!pages.has(p)) void loadPage(p, generation.current);
  }, [items, pages, loadPage]);

  const rowAt = (index: number): FindingRow | undefined => pages.get(Math.floor(index / PAGE))?.[index % PAGE];

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const markSelected = async (review: Review) => {
    if (selected.size === 0) return;
    const r = await call(bridge['findings.review']({ findingIds: [...selected], review }));
    if (r) {
      showNotice(`${r.updated} finding(s) marked ${review.replace('_', ' ')}.`);
      bumpData();
    }
  };

  const selectLoaded = () => setSelected(new Set([...pages.values()].flat().map((r) => r.findingId)));

  return (
    <div className="findings-layout">
      <div className="stack">
        <section className="card filters" aria-label="Filters">
          <FacetSelect label="Category" options={facets?.category} value={filter.category?.[0]} onChange={(v) => setFilter({ ...filter, category: v ? [v] : undefined })} />
          <FacetSelect label="Kind" options={facets?.kind} value={filter.kind?.[0]} onChange={(v) => setFilter({ ...filter, kind: v ? [v] : undefined })} />
          <FacetSelect label="Source" options={facets?.source} value={filter.sourceId?.[0]?.toString()} onChange={(v) => setFilter({ ...filter, sourceId: v ? [Number(v)] : undefined })} />
          <FacetSelect label="Field" options={facets?.field} value={filter.field?.[0]} onChange={(v) => setFilter({ ...filter, field: v ? [v] : undefined })} />
          <label>
            Review
            <select value={filter.review?.[0] ?? ''} onChange={(e) => setFilter({ ...filter, review: e.target.value ? [e.target.value as Review] : undefined })}>
              <option value="">any</option>
              <option value="unreviewed">unreviewed</option>
              <option value="confirmed">confirmed</option>
              <option value="false_positive">false positive</option>
            </select>
          </label>
          <label>
            Min. confidence
            <input type="number" min={0} max={1} step={0.05} value={filter.minConfidence ?? ''} onChange={(e) => setFilter({ ...filter, minConfidence: e.target.value === '' ? undefined : Number(e.target.value) })} />
          </label>
          <label className="grow">
            Search the text
            <input type="search" data-testid="findings-search" value={textInput} maxLength={200} onChange={(e) => setTextInput(e.target.value)} placeholder="words in the cell holding the finding" />
          </label>
        </section>
        <div className="row">
          <span data-testid="findings-total">{formatNumber(total)} findings</span>
          <span className="muted">· {selected.size} selected</span>
          <button type="button" onClick={selectLoaded}>
            Select loaded
          </button>
          <button type="button" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
          <button type="button" disabled={selected.size === 0} onClick={() => void markSelected('confirmed')} data-testid="mark-confirmed">
            Mark confirmed
          </button>
          <button type="button" disabled={selected.size === 0} onClick={() => void markSelected('false_positive')} data-testid="mark-false-positive">
            Mark false positive
          </button>
          <button type="button" disabled={selected.size === 0} onClick={() => void markSelected('unreviewed')}>
            Reset review
          </button>
        </div>
        <div className="vtable" role="grid" aria-rowcount={total} aria-label="Findings">
          <div className="vrow vhead" role="row">
            <span role="columnheader" />
            <span role="columnheader">Severity</span>
            <span role="columnheader">Kind</span>
            <span role="columnheader">Value (masked)</span>
            <span role="columnheader">Source · row · field</span>
            <span role="columnheader">Conf.</span>
            <span role="columnheader">Review</span>
          </div>
          <div ref={parentRef} className="vbody" data-testid="findings-table">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = rowAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className={`vrow${row && focus?.findingId === row.findingId ? ' is-focus' : ''}`}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  >
                    {row ? (
                      <>
                        <span role="gridcell">
                          <input type="checkbox" checked={selected.has(row.findingId)} onChange={() => toggle(row.findingId)} aria-label={`Select finding ${row.findingId}`} />
                        </span>
                        <span role="gridcell">
                          <span className={`sev sev-${row.severity}`}>{row.severity}</span>
                        </span>
                        <span role="gridcell">{row.kind}</span>
                        <span role="gridcell" className="mono">
                          <button type="button" className="link" onClick={() => setFocus(row)} data-testid="finding-open">
                            <LeakText value={row.preview} maxLength={60} />
                          </button>
                        </span>
                        <span role="gridcell" className="truncate">
                          <LeakText value={`${row.sourceName} · ${row.row} · ${row.field}`} maxLength={80} />
                        </span>
                        <span role="gridcell">{row.confidence.toFixed(2)}</span>
                        <span role="gridcell">{row.review.replace('_', ' ')}</span>
                      </>
                    ) : (
                      <span className="muted">…</span>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {focus ? <FindingDetail finding={focus} onClose={() => setFocus(null)} /> : null}
    </div>
  );
}

function cleanFilter(filter: FindingFilter): FindingFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as FindingFilter;
}

function FacetSelect({ label, options, value, onChange }: { label: string; options: FindingFacets['category'] | undefined; value: string | undefined; onChange: (v: string | undefined) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">any</option>
        {(options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {`${o.label.slice(0, 60)} (${o.count})`}
          </option>
        ))}
      </select>
    </label>
  );
}

function FindingDetail({ finding, onClose }: { finding: FindingRow; onClose: () => void }) {
  const bridge = useApp((s) => s.bridge);
  const call = useCall();
  const [row, setRow] = useState<SourceRowView | null>(null);
  const [revealed, setRevealed] = useState<RevealedValue | null>(null);
  const [isConfirming, setConfirming] = useState(false);

  useEffect(() => {
    setRevealed(null);
    setConfirming(false);
    void (async () => {
      const r = await call(bridge['findings.sourceRow']({ findingId: finding.findingId }));
      if (r) setRow(r);
    })();
  }, [bridge, finding.findingId]);

  const reveal = async () => {
    const r = await call(bridge['findings.reveal']({ findingId: finding.findingId }));
    setConfirming(false);
    if (r) setRevealed(r);
  };

  return (
    <aside className="card detail" aria-label="Finding detail" data-testid="finding-detail">
      <div className="row spread">
        <h2>
          {finding.kind} <span className={`sev sev-${finding.severity}`}>{finding.severity}</span>
        </h2>
        <button type="button" onClick={onClose} aria-label="Close detail">
          ×
        </button>
      </div>
      <dl className="kv">
        <dt>Rule</dt>
        <dd>{finding.ruleId}</dd>
        <dt>Masked</dt>
        <dd className="mono">
          <LeakText value={finding.preview} />
        </dd>
        <dt>Fingerprint</dt>
        <dd className="mono small">{finding.fingerprint.slice(0, 16)}…</dd>
        <dt>Where</dt>
        <dd>
          <LeakText value={finding.sourceName} /> · row {finding.row}
          {row?.line ? ` · line ${row.line}` : ''}
        </dd>
      </dl>
      <div className="reveal">
        {revealed ? (
          <div>
            <div className="muted small">Revealed value (this was recorded in the audit log):</div>
            <div className="mono revealed" data-testid="revealed-value">
              <LeakText value={revealed.value} keepLayout />
            </div>
            <button type="button" onClick={() => setRevealed(null)}>
              Hide again
            </button>
          </div>
        ) : isConfirming ? (
          <div className="confirm">
            <p>Revealing shows the raw value on screen and is recorded in the case's audit log.</p>
            <button type="button" className="danger" onClick={() => void reveal()} data-testid="reveal-confirm">
              Reveal and record
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep masked
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} data-testid="reveal">
            Reveal value…
          </button>
        )}
      </div>
      <h3>Source row</h3>
      {row ? (
        <dl className="source-row" data-testid="source-row">
          {row.fields.map((f) => (
            <div key={f.field} className="source-field">
              <dt className="mono">
                <LeakText value={f.field} maxLength={80} />
              </dt>
              <dd className="mono">
                {f.segments.map((s, i) =>
                  s.findingId === null ? (
                    <span key={i}>
                      <LeakText value={s.text} keepLayout />
                    </span>
                  ) : (
                    <mark key={i} className={s.isFocus ? 'focus' : undefined} title={`finding ${s.findingId}`}>
                      <LeakText value={s.text} />
                    </mark>
                  ),
                )}
                {f.isTruncated ? <span className="muted small"> (long cell: shown around the finding)</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </aside>
  );
}
