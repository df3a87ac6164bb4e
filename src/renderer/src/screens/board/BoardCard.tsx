import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import type { KeyboardEventHandler, PointerEventHandler } from 'react';
import type { BoardCard as Card } from '../../../../shared/contract';
import { actionLabel, countdown, effectiveDue, isOverdue, useFormat } from '../../format';
import { FORMAT_LABELS } from '../opportunity/OpportunityForm';

const CLOSED_LABELS = { rejected: 'Rejected', moved_on: 'Moved on', withdrawn: 'Withdrawn', accepted_elsewhere: 'Accepted elsewhere' } as const;

/** What a card shows: company, role, the round, the next action and its countdown. */
export function CardFace({ card, now }: { card: Card; now: number }) {
  const format = useFormat();
  const action = card.nextAction;
  const overdue = action ? isOverdue(action, now) : false;
  return (
    <>
      <div className="card-title">
        <span className="company">{card.company}</span>
        <span className="role">{card.role}</span>
      </div>
      {card.round && (
        <div className="card-round">
          Round {card.round.number} · {FORMAT_LABELS[card.round.format]} · {format.dateTime(card.round.startsAt)}
        </div>
      )}
      {card.closedReason && <div className="card-round">{CLOSED_LABELS[card.closedReason]}</div>}
      {action && (
        <div className={overdue ? 'card-next overdue' : 'card-next'}>
          {overdue && (
            <span className="overdue-marker">
              <span aria-hidden="true">⚠</span> Overdue:{' '}
            </span>
          )}
          <span>{actionLabel(action)}</span>{' '}
          <span className="countdown">{action.status === 'snoozed' ? `snoozed, ${countdown(effectiveDue(action), now)}` : `due ${countdown(action.due, now)}`}</span>
        </div>
      )}
    </>
  );
}

export const BoardCard = memo(function BoardCard({ card, now, onOpen }: { card: Card; now: number; onOpen: (id: number) => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  const overdue = card.nextAction ? isOverdue(card.nextAction, now) : false;
  return (
    <div
      ref={setNodeRef}
      className={`card${isDragging ? ' dragging' : ''}${overdue ? ' is-overdue' : ''}`}
      data-card-id={card.id}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
    >
      <button type="button" className="card-open" onClick={() => onOpen(card.id)} aria-label={`Open ${card.company}, ${card.role}${overdue ? ', overdue' : ''}`}>
        <CardFace card={card} now={now} />
      </button>
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="card-handle"
        {...attributes}
        onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
        aria-label={`Move ${card.company}, ${card.role}`}
      >
        <span aria-hidden="true">⠿</span>
      </button>
    </div>
  );
});
