import { useDraggable } from '@dnd-kit/core';
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import type { KeyboardEventHandler, PointerEventHandler, KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { BoardCard as Card } from '../../../../shared/contract';
import { actionLabel, countdown, effectiveDue, isOverdue, useFormat } from '../../format';
import { FORMAT_LABELS } from '../opportunity/OpportunityForm';

const CLOSED_LABELS = { rejected: 'Rejected', moved_on: 'Moved on', withdrawn: 'Withdrawn', accepted_elsewhere: 'Accepted elsewhere' } as const;

/** What a card shows: company, role, the round, the next action and its countdown. */
export const CardFace = memo(function CardFace({ card, now }: { card: Card; now: number }) {
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
});

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
 *
 * dnd-kit's context changes as a drag starts and ends, and every draggable reads it: this part
 * only asks dnd-kit for the card's handles (stable between drags) and hands them to `CardButton`,
 * which draws again only when the card itself, the time or its own drag state changed. So a drop
 * redraws the card that moved, not the whole board.
 */
export const BoardCard = memo(function BoardCard({ card, now, onOpen, tabbable, keys }: { card: Card; now: number; onOpen: (id: number) => void; tabbable: boolean; keys: CardKeys }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  // dnd-kit's handlers are new whenever a drag starts or ends: the card keeps the latest and hands
  // its button handlers that stay the same.
  const latest = useRef(listeners);
  useLayoutEffect(() => {
    latest.current = listeners;
  });
  const onPointerDown = useCallback<PointerEventHandler>((event) => (latest.current?.onPointerDown as PointerEventHandler | undefined)?.(event), []);
  const pickUp = useCallback<KeyboardEventHandler>((event) => (latest.current?.onKeyDown as KeyboardEventHandler | undefined)?.(event), []);
  return (
    <CardButton
      card={card}
      now={now}
      onOpen={onOpen}
      tabbable={tabbable}
      keys={keys}
      attributes={attributes}
      onPointerDown={onPointerDown}
      pickUp={pickUp}
      setNodeRef={setNodeRef}
      setActivatorNodeRef={setActivatorNodeRef}
      isDragging={isDragging}
    />
  );
});

type Draggable = ReturnType<typeof useDraggable>;

const CardButton = memo(function CardButton({
  card,
  now,
  onOpen,
  tabbable,
  keys,
  attributes,
  onPointerDown,
  pickUp,
  setNodeRef,
  setActivatorNodeRef,
  isDragging,
}: {
  card: Card;
  now: number;
  onOpen: (id: number) => void;
  tabbable: boolean;
  keys: CardKeys;
  onPointerDown: PointerEventHandler;
  /** dnd-kit's keyboard handler: Space picks the card up. */
  pickUp: KeyboardEventHandler;
} & Pick<Draggable, 'attributes' | 'setNodeRef' | 'setActivatorNodeRef' | 'isDragging'>) {
  const overdue = card.nextAction ? isOverdue(card.nextAction, now) : false;
  return (
    <div
      ref={setNodeRef}
      className={`card${isDragging ? ' dragging' : ''}${overdue ? ' is-overdue' : ''}`}
      data-card-id={card.id}
      data-focus-key={`card:${card.id}`}
      onPointerDown={onPointerDown}
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
          if (!event.defaultPrevented) pickUp(event);
        }}
      >
        <span className="visually-hidden">Open </span>
        <CardFace card={card} now={now} />
      </button>
    </div>
  );
});
