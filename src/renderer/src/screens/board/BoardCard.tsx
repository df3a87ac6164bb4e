import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import type { KeyboardEventHandler, PointerEventHandler, KeyboardEvent as ReactKeyboardEvent } from 'react';
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

/** How a card tells the board about the keyboard: it got the focus, a key was pressed on it. */
export interface CardKeys {
  onFocus(card: Card): void;
  onKeyDown(card: Card, event: ReactKeyboardEvent<HTMLElement>): void;
}

/**
 * A card is one focusable button: Enter (or a click) opens it, Space picks it up to move it by
 * keyboard, and the pointer drags it from anywhere on it. Its name is its visible text, in order.
 * Only the active card of a column is in the tab order (`tabbable`); the arrows move between
 * cards (see board-focus.ts).
 */
export const BoardCard = memo(function BoardCard({ card, now, onOpen, tabbable, keys }: { card: Card; now: number; onOpen: (id: number) => void; tabbable: boolean; keys: CardKeys }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  const overdue = card.nextAction ? isOverdue(card.nextAction, now) : false;
  const pickUp = listeners?.onKeyDown as KeyboardEventHandler | undefined;
  return (
    <div
      ref={setNodeRef}
      className={`card${isDragging ? ' dragging' : ''}${overdue ? ' is-overdue' : ''}`}
      data-card-id={card.id}
      data-focus-key={`card:${card.id}`}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="card-open"
        {...attributes}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onOpen(card.id)}
        onFocus={() => keys.onFocus(card)}
        onKeyDown={(event) => {
          keys.onKeyDown(card, event);
          if (!event.defaultPrevented) pickUp?.(event);
        }}
      >
        <span className="visually-hidden">Open </span>
        <CardFace card={card} now={now} />
      </button>
    </div>
  );
});
