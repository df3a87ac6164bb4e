import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ClosedReason } from '../../../../shared/domain';
import { BOARD_COLUMN_TITLES, CLOSED_REASONS } from '../../../../shared/domain';
import type { BoardCard } from '../../../../shared/contract';
import { api } from '../../api/bridge';
import { Dialog } from '../../components/Dialog';
import { useJournalQuery } from '../../use-journal';
import { emptyRound, roundInput, RoundFields } from '../opportunity/OpportunityForm';

export type MoveFacts =
  | { readonly to: 'thanked'; readonly interviewerIds: number[] }
  | { readonly to: 'closed'; readonly closedReason: ClosedReason }
  | { readonly to: 'upcoming'; readonly nextRound: NonNullable<ReturnType<typeof roundInput>> };

export const CLOSED_REASON_LABELS: Record<ClosedReason, string> = {
  rejected: 'Rejected',
  moved_on: 'I moved on',
  withdrawn: 'I withdrew',
  accepted_elsewhere: 'I accepted another offer',
};

/** Asks for what a move implies: who was thanked, why a card is closed, when the next round is. */
export function MoveDialog({
  card,
  to,
  onConfirm,
  onCancel,
}: {
  card: BoardCard;
  to: 'thanked' | 'closed' | 'upcoming';
  onConfirm: (facts: MoveFacts) => void;
  onCancel: () => void;
}) {
  const opportunity = useJournalQuery(() => api['opportunities.get']({ id: card.id }), [card.id]);
  const contacts = useJournalQuery(() => api['contacts.list'](undefined), []);
  const round = opportunity.value?.rounds.at(-1);
  const [thanked, setThanked] = useState<number[] | null>(null);
  const [reason, setReason] = useState<ClosedReason>('rejected');
  const [nextRound, setNextRound] = useState(emptyRound());
  const [error, setError] = useState<string | null>(null);
  const interviewers = round?.interviewerIds ?? [];
  const chosen: number[] = thanked ?? [...interviewers];
  const names = new Map((contacts.value ?? []).map((c) => [c.id, c.name]));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (to === 'thanked') {
      if (interviewers.length > 0 && chosen.length === 0) return setError('Choose at least one person you thanked.');
      return onConfirm({ to, interviewerIds: chosen });
    }
    if (to === 'closed') return onConfirm({ to, closedReason: reason });
    const input = roundInput(nextRound);
    if (!input) return setError('The next round needs a valid date and time.');
    onConfirm({ to, nextRound: input });
  }

  const title =
    to === 'thanked' ? `Who did you thank at ${card.company}?` : to === 'closed' ? `Why is ${card.company} closed?` : `When is the next round at ${card.company}?`;
  return (
    <Dialog title={title} onClose={onCancel} wide={to === 'upcoming'}>
      <form onSubmit={submit} className="stack">
        {to === 'thanked' &&
          (interviewers.length === 0 ? (
            <p>No interviewers are recorded for this round: this records one thank-you sent.</p>
          ) : (
            <fieldset>
              <legend>Thank-you notes sent</legend>
              {interviewers.map((id) => (
                <label key={id} className="inline">
                  <input
                    type="checkbox"
                    checked={chosen.includes(id)}
                    onChange={(e) => setThanked(e.target.checked ? [...chosen, id] : chosen.filter((c) => c !== id))}
                  />{' '}
                  {names.get(id) ?? `Contact ${id}`}
                </label>
              ))}
            </fieldset>
          ))}
        {to === 'closed' && (
          <fieldset>
            <legend>Outcome</legend>
            {CLOSED_REASONS.map((r) => (
              <label key={r} className="inline">
                <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} /> {CLOSED_REASON_LABELS[r]}
              </label>
            ))}
          </fieldset>
        )}
        {to === 'upcoming' && <RoundFields round={nextRound} onChange={setNextRound} />}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="submit">Move to {BOARD_COLUMN_TITLES[to]}</button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
