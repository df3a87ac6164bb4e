import { useState } from 'react';
import { DELETED_KEPT_DAYS } from '../../../../shared/calls/journal-calls';
import type { ClosedReason, OpportunityWithRounds } from '../../../../shared/domain';
import { CLOSED_REASONS } from '../../../../shared/domain';
import { Radio } from '../../components/Choice';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { notify } from '../../components/notices';
import { run } from '../../data/calls';
import { useCall } from '../../data/hooks';
import { CLOSED_REASON_LABELS } from '../board/MoveDialog';
import { plural } from '../../words';

/** What closing for a reason says afterwards. */
const CLOSED_SAID: Record<ClosedReason, string> = {
  rejected: 'a rejection recorded',
  moved_on: 'closed: you moved on',
  withdrawn: 'closed: you withdrew',
  accepted_elsewhere: 'closed: you accepted another offer',
};

/**
 * The card's outcome and its place: record a rejection, withdraw or close it (the same records as
 * a drag to Closed, with Undo), archive it (off the board, restorable), or delete it (with Undo).
 */
export function CardLifecycle({ opportunity, onDeleted }: { opportunity: OpportunityWithRounds; onDeleted: () => void }) {
  const [closing, setClosing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const o = opportunity;
  const name = `${o.company} (${o.role})`;

  async function close(reason: ClosedReason) {
    setError(null);
    try {
      const moved = await run('board.move', { opportunityId: o.id, to: 'closed', closedReason: reason });
      notify(`${o.company}: ${CLOSED_SAID[reason]}.`, {
        label: 'Undo',
        run: async () => {
          await run('board.undoMove', { opportunityId: o.id, eventIds: [...moved.eventIds], roundId: moved.roundId });
          notify(`Undone: ${o.company} is open again.`);
        },
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function archive(archived: boolean) {
    setError(null);
    try {
      await run(archived ? 'opportunities.archive' : 'opportunities.unarchive', { id: o.id });
      notify(
        archived ? `Archived ${name}: it is off the board and its reminders stop. Find it under Archive.` : `Restored ${name} to the board.`,
        archived
          ? {
              label: 'Undo',
              run: async () => {
                await run('opportunities.unarchive', { id: o.id });
                notify(`Restored ${name} to the board.`);
              },
            }
          : undefined,
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <section className="card-lifecycle" aria-label="Outcome and archive">
      {o.stage !== 'closed' ? (
        <>
          <h3>Outcome</h3>
          <div className="buttons">
            <button type="button" className="secondary" onClick={() => void close('rejected')}>
              Record a rejection
            </button>
            <button type="button" className="secondary" onClick={() => void close('withdrawn')}>
              Withdraw
            </button>
            <button type="button" className="secondary" onClick={() => setClosing(true)}>
              Record an outcome…
            </button>
          </div>
        </>
      ) : (
        <p className="muted">Closed{o.closedReason ? `: ${CLOSED_REASON_LABELS[o.closedReason].toLowerCase()}` : ''}. Drag the card to another column to open it again.</p>
      )}
      <h3>Keep or remove</h3>
      <div className="buttons">
        {o.archivedAt === null ? (
          <button type="button" className="secondary" onClick={() => void archive(true)}>
            Archive
          </button>
        ) : (
          <button type="button" className="secondary" onClick={() => void archive(false)}>
            Restore to the board
          </button>
        )}
        <button type="button" className="secondary danger-text" onClick={() => setDeleting(true)}>
          Delete…
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {closing && <CloseDialog company={o.company} onCancel={() => setClosing(false)} onClose={(reason) => void close(reason).then(() => setClosing(false))} />}
      {deleting && <DeleteDialog opportunity={o} onCancel={() => setDeleting(false)} onDeleted={onDeleted} />}
    </section>
  );
}

function CloseDialog({ company, onCancel, onClose }: { company: string; onCancel: () => void; onClose: (reason: ClosedReason) => void }) {
  const [reason, setReason] = useState<ClosedReason | null>(null);
  return (
    <Dialog title={`The outcome at ${company}`} onClose={onCancel}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason) onClose(reason);
        }}
      >
        <fieldset>
          <legend>Outcome</legend>
          {CLOSED_REASONS.map((r) => (
            <Radio key={r} name="close-reason" checked={reason === r} onChecked={(on) => on && setReason(r)}>
              {CLOSED_REASON_LABELS[r]}
            </Radio>
          ))}
        </fieldset>
        <div className="buttons">
          <button type="submit" disabled={reason === null}>
            Record it and close the card
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteDialog({ opportunity, onCancel, onDeleted }: { opportunity: OpportunityWithRounds; onCancel: () => void; onDeleted: () => void }) {
  const contents = useCall('opportunities.contents', { id: opportunity.id });
  const c = contents.data;
  const name = `${opportunity.company} (${opportunity.role})`;
  const held = c
    ? [
        plural(c.rounds, 'round'),
        c.reflections > 0 ? plural(c.reflections, 'reflection') : null,
        plural(c.events, 'timeline entry', 'timeline entries'),
        plural(c.letters, 'letter'),
      ].filter((p): p is string => p !== null)
    : null;
  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      confirm={`Delete ${opportunity.company}`}
      onCancel={onCancel}
      onConfirm={async () => {
        const { deletionId } = await run('opportunities.delete', { id: opportunity.id });
        onDeleted();
        notify(`Deleted ${name} with ${held ? held.join(', ') : 'all it held'}.`, {
          label: 'Undo',
          run: async () => {
            await run('opportunities.undoDelete', { deletionId });
            notify(`Restored ${name}, with everything it held.`);
          },
        });
      }}
    >
      <p>
        This deletes the card for {name}
        {held ? ` with ${held.slice(0, -1).join(', ')} and ${held.at(-1)}` : ' with everything it holds'}. The people stay in your contacts.
      </p>
      <p>You can undo it right after, or bring it back within {DELETED_KEPT_DAYS} days from Archive, under “Recently deleted”. To keep it but off the board, archive it instead.</p>
    </ConfirmDialog>
  );
}
