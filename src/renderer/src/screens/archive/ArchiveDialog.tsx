import { useState } from 'react';
import { DELETED_KEPT_DAYS } from '../../../../shared/calls/journal-calls';
import { Dialog } from '../../components/Dialog';
import { notify } from '../../components/notices';
import { run } from '../../data/calls';
import { useCall } from '../../data/hooks';
import { useFormat } from '../../format';
import { CLOSED_REASON_LABELS } from '../board/MoveDialog';
import './archive.css';
import { plural } from '../../words';

/** The cards off the board: archived ones (open, restore) and the recently deleted (bring back). */
export function ArchiveDialog({ onClose, onOpen }: { onClose: () => void; onOpen: (opportunityId: number) => void }) {
  const format = useFormat();
  const archived = useCall('opportunities.archived', undefined);
  const deleted = useCall('opportunities.deleted', undefined);
  const [error, setError] = useState<string | null>(null);

  async function act(work: () => Promise<unknown>, said: string) {
    setError(null);
    try {
      await work();
      notify(said);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <Dialog title="Archive" onClose={onClose} wide>
      <div className="archive stack">
        <section aria-labelledby="archived-title">
          <h3 id="archived-title">Archived</h3>
          <p className="hint">Off the board and without reminders, kept whole. Restore one to put it back on the board.</p>
          {(archived.data ?? []).length === 0 ? (
            <p className="muted">{archived.data ? 'Nothing archived.' : 'Loading…'}</p>
          ) : (
            <ul className="archive-list" aria-label="Archived opportunities">
              {archived.data!.map((o) => (
                <li key={o.id}>
                  <span>
                    <strong>{o.company}</strong>, {o.role}
                    <span className="muted">
                      {' '}
                      · archived {format.dateTime(o.archivedAt)}
                      {o.closedReason ? ` · ${CLOSED_REASON_LABELS[o.closedReason].toLowerCase()}` : ''}
                    </span>
                  </span>
                  <span className="buttons">
                    <button type="button" className="secondary small" onClick={() => onOpen(o.id)} aria-label={`Open ${o.company}, ${o.role}`}>
                      Open
                    </button>
                    <button
                      type="button"
                      className="small"
                      onClick={() => void act(() => run('opportunities.unarchive', { id: o.id }), `Restored ${o.company} (${o.role}) to the board.`)}
                      aria-label={`Restore ${o.company}, ${o.role}, to the board`}
                    >
                      Restore
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="deleted-title">
          <h3 id="deleted-title">Recently deleted</h3>
          <p className="hint">Deleted cards can be brought back, with everything they held, for {DELETED_KEPT_DAYS} days.</p>
          {(deleted.data ?? []).length === 0 ? (
            <p className="muted">{deleted.data ? 'Nothing deleted recently.' : 'Loading…'}</p>
          ) : (
            <ul className="archive-list" aria-label="Recently deleted opportunities">
              {deleted.data!.map((d) => (
                <li key={d.deletionId}>
                  <span>
                    <strong>{d.company}</strong>, {d.role}
                    <span className="muted">
                      {' '}
                      · deleted {format.dateTime(d.deletedAt)} · {plural(d.rounds, 'round')}, {plural(d.letters, 'letter')}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="small"
                    onClick={() => void act(() => run('opportunities.undoDelete', { deletionId: d.deletionId }), `Restored ${d.company} (${d.role}), with everything it held.`)}
                    aria-label={`Bring back ${d.company}, ${d.role}`}
                  >
                    Bring back
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
