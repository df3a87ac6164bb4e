import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { BoardCard as Card } from '../../../../shared/contract';
import type { BoardColumn as Column } from '../../../../shared/domain';
import { BOARD_COLUMN_TITLES } from '../../../../shared/domain';
import { BoardCard } from './BoardCard';

/** A column read a page at a time (Closed): more to load, and how. */
export interface ColumnPages {
  readonly more: boolean;
  readonly loading: boolean;
  loadMore(): void;
}

/**
 * One column: a drop target whose list renders only the cards in view (thousands stay smooth).
 * A paged column (Closed) loads its next page as its end scrolls into view, or by its button.
 */
export function BoardColumn({
  column,
  cards,
  count = cards.length,
  pages,
  now,
  collapsed,
  onToggle,
  onOpen,
}: {
  column: Column;
  cards: readonly Card[];
  /** How many cards the column has (more than `cards` when it is read a page at a time). */
  count?: number;
  pages?: ColumnPages;
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
  // The last cards loaded are in view: the next page.
  const lastShown = virtualizer.getVirtualItems().at(-1)?.index ?? -1;
  useEffect(() => {
    if (pages?.more && !pages.loading && lastShown >= cards.length - 4) pages.loadMore();
  }, [pages, lastShown, cards.length]);
  return (
    <section ref={setNodeRef} className={`column${isOver ? ' over' : ''}${collapsed ? ' collapsed' : ''}`} aria-label={title} data-column={column}>
      <h2 id={headingId} className="column-title">
        {onToggle ? (
          <button type="button" className="column-toggle" aria-expanded={!collapsed} onClick={onToggle}>
            {title} <span className="count">{count}</span>
          </button>
        ) : (
          <>
            {title} <span className="count">{count}</span>
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
          {cards.length === 0 && !pages?.loading && <p className="column-empty">No cards</p>}
          {pages?.more && (
            <button type="button" className="secondary small column-more" onClick={pages.loadMore} disabled={pages.loading}>
              {pages.loading ? `Loading more ${title.toLowerCase()} cards…` : `Show more ${title.toLowerCase()} cards`}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
