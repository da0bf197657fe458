import type { ReactNode } from 'react';
import type { DirListing } from '../../../app/shared/contract.ts';
import { LeakText } from './common.tsx';

type Entry = DirListing['entries'][number];

/**
 * A server-side folder listing: its path, a way up, and one line per entry whose content the
 * screen decides (open a case, add a file). Names are shown as text only.
 */
export function FolderListing(props: { listing: DirListing; onBrowse: (dir: string) => void; filter?: (e: Entry) => boolean; renderEntry: (e: Entry) => ReactNode }) {
  const { listing, onBrowse, filter, renderEntry } = props;
  return (
    <>
      <div className="muted small">
        <LeakText value={listing.dir} />
      </div>
      <ul className="list">
        {listing.parent ? (
          <li>
            <button type="button" className="link" onClick={() => onBrowse(listing.parent!)}>
              ..
            </button>
          </li>
        ) : null}
        {listing.entries.filter(filter ?? (() => true)).map((e) => (
          <li key={e.path}>{renderEntry(e)}</li>
        ))}
      </ul>
    </>
  );
}
