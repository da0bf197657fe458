import { useEffect, useState, type FormEvent } from 'react';
import type { DirListing, RecentCase } from '../../../app/shared/contract.ts';
import { useApp, useCall } from '../store.ts';
import { formatInstant, isoToLocalInput, localInputToIso } from '../lib/format.ts';
import { LeakText } from '../components/common.tsx';
import { FolderListing } from '../components/folder-listing.tsx';

export function CasesScreen() {
  const bridge = useApp((s) => s.bridge);
  const summary = useApp((s) => s.summary);
  const setScreen = useApp((s) => s.setScreen);
  const refreshSummary = useApp((s) => s.refreshSummary);
  const bumpData = useApp((s) => s.bumpData);
  const call = useCall();
  const [name, setName] = useState('');
  const [awareAt, setAwareAt] = useState(() => isoToLocalInput(new Date().toISOString()));
  const [openPath, setOpenPath] = useState('');
  const [recent, setRecent] = useState<RecentCase[]>([]);
  const [listing, setListing] = useState<DirListing | null>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      const r = await bridge['case.recent']({});
      if (r.ok) setRecent(r.value);
      const l = await bridge['fs.list']({});
      if (l.ok) setListing(l.value);
    })();
  }, [bridge, summary?.dir]);

  const afterOpen = async () => {
    await refreshSummary();
    bumpData();
    setScreen('import');
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const iso = localInputToIso(awareAt);
    if (!iso) return;
    setBusy(true);
    const created = await call(bridge['case.create']({ name, awareAt: iso }));
    setBusy(false);
    if (created) await afterOpen();
  };

  const open = async (dir: string) => {
    setBusy(true);
    const opened = await call(bridge['case.open']({ dir }));
    setBusy(false);
    if (opened) await afterOpen();
  };

  const browse = async (dir: string) => {
    const l = await call(bridge['fs.list']({ dir }));
    if (l) setListing(l);
  };

  return (
    <div className="grid-2">
      <section className="card">
        <h2>New case</h2>
        <form onSubmit={create} className="form">
          <label>
            Incident name
            <input data-testid="case-name-input" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          </label>
          <label>
            When did you become aware of the breach? (your local time; starts the legal clocks)
            <input data-testid="case-aware-input" type="datetime-local" value={awareAt} onChange={(e) => setAwareAt(e.target.value)} required />
          </label>
          <button type="submit" className="primary" disabled={isBusy || name.trim() === ''} data-testid="case-create">
            Create case
          </button>
        </form>
        <h2>Open a case folder</h2>
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void open(openPath);
          }}
        >
          <input aria-label="Case folder path" placeholder="/path/to/case" value={openPath} onChange={(e) => setOpenPath(e.target.value)} />
          <button type="submit" disabled={isBusy || openPath.trim() === ''}>
            Open
          </button>
        </form>
      </section>
      <section className="card">
        <h2>Recent cases</h2>
        {recent.length === 0 ? <p className="muted">None yet.</p> : null}
        <ul className="list" data-testid="recent-cases">
          {recent.map((r) => (
            <li key={r.dir}>
              <button type="button" className="link" disabled={!r.exists || isBusy} onClick={() => void open(r.dir)}>
                <LeakText value={r.name} maxLength={80} />
              </button>
              <span className="muted small">
                {' '}
                aware {formatInstant(r.awareAt)} · <LeakText value={r.dir} />
                {r.exists ? '' : ' · missing'}
              </span>
            </li>
          ))}
        </ul>
        {listing ? (
          <>
            <h2>Case folder</h2>
            <FolderListing
              listing={listing}
              onBrowse={(dir) => void browse(dir)}
              filter={(e) => e.isDir}
              renderEntry={(e) =>
                e.isCase ? (
                  <button type="button" className="link" onClick={() => void open(e.path)}>
                    Open case <LeakText value={e.name} />
                  </button>
                ) : (
                  <button type="button" className="link" onClick={() => void browse(e.path)}>
                    <LeakText value={e.name} />/
                  </button>
                )
              }
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
