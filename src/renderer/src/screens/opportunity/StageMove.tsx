import { useState } from 'react';
import type { BoardCard } from '../../../../shared/contract';
import type { BoardColumn } from '../../../../shared/domain';
import { BOARD_COLUMN_TITLES, BOARD_COLUMNS } from '../../../../shared/domain';
import { moveQuestion } from '../../../../shared/board-rules';
import type { MoveQuestion } from '../../../../shared/board-rules';
import { notify } from '../../components/notices';
import { run } from '../../data/calls';
import { useBoard, useMoveCard } from '../../data/hooks';
import { MoveDialog } from '../board/MoveDialog';
import type { MoveFacts } from '../board/MoveDialog';

const DIALOG_FOR: Record<MoveQuestion, 'thanked' | 'closed' | 'upcoming'> = { 'who-was-thanked': 'thanked', 'why-closed': 'closed', 'next-round-date': 'upcoming' };

/** The move's input to `board.move`, with the facts the move dialog asked for. */
function moveInput(card: BoardCard, to: BoardColumn, facts?: MoveFacts) {
  return {
    opportunityId: card.id,
    to,
    ...(facts?.to === 'thanked' ? { interviewerIds: facts.interviewerIds } : {}),
    ...(facts?.to === 'closed' ? { closedReason: facts.closedReason } : {}),
    ...(facts?.to === 'upcoming' ? { nextRound: facts.nextRound } : {}),
  };
}

/**
 * Moving the card from its detail, for the keyboard and for anyone who would rather not drag: the
 * same call as a drop on the board (`board.move`), asking the same questions first (MoveDialog),
 * and saying what happened with an Undo.
 */
export function StageMove({ opportunityId }: { opportunityId: number }) {
  const board = useBoard();
  const moveCard = useMoveCard();
  const card = board.data?.cards.find((c) => c.id === opportunityId) ?? null;
  const [to, setTo] = useState<BoardColumn | ''>('');
  const [asking, setAsking] = useState<'thanked' | 'closed' | 'upcoming' | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!card) return null; // archived: off the board, restored from its note above

  async function move(target: BoardColumn, facts?: MoveFacts) {
    if (!card) return;
    setError(null);
    const from = card.column;
    try {
      const moved = await moveCard({ card, to: target, input: moveInput(card, target, facts) });
      setTo('');
      notify(`${card.company} moved to ${BOARD_COLUMN_TITLES[target]}.`, {
        label: 'Undo',
        run: async () => {
          await run('board.undoMove', { opportunityId: card.id, eventIds: [...moved.eventIds], roundId: moved.roundId });
          notify(`${card.company} is back in ${BOARD_COLUMN_TITLES[from]}.`);
        },
      });
    } catch (failure) {
      setError(`${card.company} stays in ${BOARD_COLUMN_TITLES[from]}: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  function start() {
    if (!card) return;
    if (!to) { setError('Choose the column to move the card to.'); return; }
    const question = moveQuestion(card, to, Date.now());
    if (question) setAsking(DIALOG_FOR[question]);
    else void move(to);
  }

  return (
    <div className="stage-move">
      <p className="stage-now">
        In <strong>{BOARD_COLUMN_TITLES[card.column]}</strong>
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label className="inline">
          Move to
          <select
            value={to}
            onChange={(e) => {
              setError(null);
              setTo(e.target.value as BoardColumn | '');
            }}
          >
            <option value="">Choose a column…</option>
            {BOARD_COLUMNS.filter((c) => c !== card.column).map((c) => (
              <option key={c} value={c}>
                {BOARD_COLUMN_TITLES[c]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary small">
          Move
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {asking && (
        <MoveDialog
          card={card}
          to={asking}
          onCancel={() => setAsking(null)}
          onConfirm={(facts) => {
            setAsking(null);
            void move(asking, facts);
          }}
        />
      )}
    </div>
  );
}
