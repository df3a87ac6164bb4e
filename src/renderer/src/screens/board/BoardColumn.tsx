import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { BoardCard as Card } from '../../../../shared/contract';
import type { BoardColumn as Column } from '../../../../shared/domain';
import { BOARD_COLUMN_TITLES } from '../../../../shared/domain';
import { BoardCard } from './BoardCard';

/** One column: a drop target whose list renders only the cards in view (thousands stay smooth). */
export function BoardColumn({
  column,
  cards,
  now,
  collapsed,
  onToggle,
  onOpen,
}: {
  column: Column;
  cards: readonly Card[];
  now: number;
  collapsed?: boolean;
  onToggle?: () => void;
  onOpen: (id: number) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: `column:${column}`, data: { column } });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: collapsed ? 0 : cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 112,
    overscan: 8,
    getItemKey: (index) => cards[index]!.id,
  });
  const title = BOARD_COLUMN_TITLES[column];
  const headingId = `column-${column}`;
  return (
    <section ref={setNodeRef} className={`column${isOver ? ' over' : ''}${collapsed ? ' collapsed' : ''}`} aria-label={title} data-column={column}>
      <h2 id={headingId} className="column-title">
        {onToggle ? (
          <button type="button" className="column-toggle" aria-expanded={!collapsed} onClick={onToggle}>
            {title} <span className="count">{cards.length}</span>
          </button>
        ) : (
          <>
            {title} <span className="count">{cards.length}</span>
          </>
        )}
      </h2>
      {!collapsed && (
        <div ref={scroller} className="column-scroll" role="list" aria-label={`${title} cards`}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index]!;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="column-item"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <BoardCard card={card} now={now} onOpen={onOpen} />
                </div>
              );
            })}
          </div>
          {cards.length === 0 && <p className="column-empty">No cards</p>}
        </div>
      )}
    </section>
  );
}
