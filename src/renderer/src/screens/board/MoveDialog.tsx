import type { SubmitEvent } from 'react';
import type { ClosedReason } from '../../../../shared/domain';
import { BOARD_COLUMN_TITLES, CLOSED_REASONS } from '../../../../shared/domain';
import type { BoardCard } from '../../../../shared/contract';
import { Checkbox, Radio } from '../../components/Choice';
import { Dialog } from '../../components/Dialog';
import { useDraft } from '../../dialog-drafts';
import { useFormat } from '../../format';
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

interface MoveAnswers {
  /** Who was thanked; null until the user changes the preselection (every interviewer). */
  readonly thanked: readonly number[] | null;
  /** Why the card closes: never preselected, so nothing is recorded that the user did not choose. */
  readonly reason: ClosedReason | null;
  readonly nextRound: ReturnType<typeof emptyRound>;
  readonly error: string | null;
}

/**
 * Asks for what a move implies: who was thanked, why a card is closed, when the next round is.
 * The answers live in a draft outside this component (see dialog-drafts.ts), so nothing that
 * remounts the dialog can replace them with defaults.
 */
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
  // Everything the dialog asks about is on the card: it opens complete, with no call to wait for.
  const format = useFormat();
  const [answers, update, clear] = useDraft<MoveAnswers>(`move:${card.id}:${to}`, () => ({ thanked: null, reason: null, nextRound: emptyRound(), error: null }));
  const { thanked, reason, nextRound, error } = answers;
  const setError = (message: string | null) => update((a) => ({ ...a, error: message }));
  const interviewers = (card.round?.interviewers ?? []).map((p) => p.id);
  const chosen: readonly number[] = thanked ?? interviewers;
  const names = new Map((card.round?.interviewers ?? []).map((p) => [p.id, p.name]));
  const ready = to === 'closed' ? reason !== null : to === 'thanked' ? interviewers.length === 0 || chosen.length > 0 : true;

  function confirm(facts: MoveFacts) {
    clear();
    onConfirm(facts);
  }
  function cancel() {
    clear();
    onCancel();
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (to === 'thanked') {
      if (interviewers.length > 0 && chosen.length === 0) { setError('Choose at least one person you thanked.'); return; }
      confirm({ to, interviewerIds: [...chosen] }); return;
    }
    if (to === 'closed') {
      if (reason === null) { setError('Choose why the card is closed.'); return; }
      confirm({ to, closedReason: reason }); return;
    }
    const input = roundInput(nextRound, format);
    if (!input) { setError('The next round needs a valid date and time.'); return; }
    confirm({ to, nextRound: input });
  }

  const title =
    to === 'thanked' ? `Who did you thank at ${card.company}?` : to === 'closed' ? `Why is ${card.company} closed?` : `When is the next round at ${card.company}?`;
  return (
    <Dialog title={title} onClose={cancel} wide={to === 'upcoming'}>
      <form onSubmit={submit} className="stack">
        {to === 'thanked' &&
          (interviewers.length === 0 ? (
            <p>No interviewers are recorded for this round: this records one thank-you sent.</p>
          ) : (
            <fieldset>
              <legend>Thank-you notes sent</legend>
              {interviewers.map((id) => (
                <Checkbox
                  key={id}
                  checked={chosen.includes(id)}
                  onChecked={(on) => update((a) => {
                    const current = a.thanked ?? interviewers;
                    return { ...a, error: null, thanked: on ? [...current.filter((c) => c !== id), id] : current.filter((c) => c !== id) };
                  })}
                >
                  {names.get(id) ?? `Contact ${id}`}
                </Checkbox>
              ))}
            </fieldset>
          ))}
        {to === 'closed' && (
          <fieldset>
            <legend>Outcome</legend>
            {CLOSED_REASONS.map((r) => (
              <Radio key={r} name="reason" value={r} checked={reason === r} onChecked={(on) => on && update((a) => ({ ...a, error: null, reason: r }))}>
                {CLOSED_REASON_LABELS[r]}
              </Radio>
            ))}
          </fieldset>
        )}
        {to === 'upcoming' && <RoundFields round={nextRound} onChange={(next) => update((a) => ({ ...a, error: null, nextRound: next }))} />}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="submit" disabled={!ready}>
            Move to {BOARD_COLUMN_TITLES[to]}
          </button>
          <button type="button" className="secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
