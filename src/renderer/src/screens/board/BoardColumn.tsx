import { useDroppable } from '@dnd-kit/core';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import type { Range } from '@tanstack/react-virtual';
import type { BoardCard as Card } from '../../../../shared/contract';
import type { BoardColumn as Column } from '../../../../shared/domain';
import { BOARD_COLUMN_TITLES } from '../../../../shared/domain';
import { BoardCard } from './BoardCard';
import type { CardKeys } from './BoardCard';

/** A card's height before it is measured. */
const estimateCard = (): number => 112;

/** A column read a page at a time (Closed): more to load, and how. */
export interface ColumnPages {
  readonly more: boolean;
  readonly loading: boolean;
  loadMore(): void;
}

/** A card the board wants focused (after an arrow key, or a dialog that was about it). */
export interface FocusRequest {
  readonly id: number;
  readonly seq: number;
}

/**
 * One column: a drop target whose list renders only the cards in view (thousands stay smooth).
 * A paged column (Closed) loads its next page as its end scrolls into view, or by its button.
 * Its active card (the column's one tab stop) is always rendered, in view or not, so the focus
 * survives scrolling; a card asked to take the focus is rendered, focused and scrolled into view.
 */
export const BoardColumn = memo(function BoardColumn({
  column,
  cards,
  count = cards.length,
  pages,
  now,
  collapsed,
  onToggle,
  onOpen,
  activeId,
  focusRequest,
  onFocused,
  keys,
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
  /** The column's active card (the first when none is, or it is gone). */
  activeId: number | undefined;
  focusRequest: FocusRequest | null;
  onFocused: (request: FocusRequest) => void;
  keys: CardKeys;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: `column:${column}`, data: { column } });
  const scroller = useRef<HTMLDivElement>(null);
  const found = activeId === undefined ? -1 : cards.findIndex((c) => c.id === activeId);
  const activeIndex = cards.length === 0 ? -1 : Math.max(0, found);
  const focusIndex = focusRequest ? cards.findIndex((c) => c.id === focusRequest.id) : -1;
  // The cards in view, and the active card and the one asked for wherever they are.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = new Set(defaultRangeExtractor(range));
      if (activeIndex >= 0) indexes.add(activeIndex);
      if (focusIndex >= 0) indexes.add(focusIndex);
      return [...indexes].sort((a, b) => a - b);
    },
    [activeIndex, focusIndex],
  );
  // The same key function while the cards are the same: the virtualizer works out every card's
  // place again when it changes, and a drop redraws every column (dnd-kit's context).
  const getItemKey = useCallback((index: number) => cards[index]!.id, [cards]);
  const virtualizer = useVirtualizer({
    rangeExtractor,
    count: collapsed ? 0 : cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: estimateCard,
    overscan: 4,
    getItemKey,
  });
  const title = BOARD_COLUMN_TITLES[column];
  const headingId = `column-${column}`;
  // The last cards loaded are in view: the next page.
  const lastShown = virtualizer.getVirtualItems().findLast((item) => item.index !== activeIndex && item.index !== focusIndex)?.index ?? -1;
  useEffect(() => {
    if (pages?.more && !pages.loading && lastShown >= cards.length - 4) pages.loadMore();
  }, [pages, lastShown, cards.length]);
  // The card asked for is rendered now: focus it (which scrolls it into view at once). It is placed
  // where the cards above it are estimated to end, and as the cards in view are measured it can
  // move out of view (End on the first card of a long column did: 25 px a card). Whenever the page
  // is next idle, until the cards in view are measured, the list is scrolled to it again if it has
  // to be. When idle, not in the frame: the virtualizer's own scrollToIndex, and a check at every
  // render, both added 8-9 ms to a move by keyboard.
  const keepInViewLatest = useRef<(id: number, rounds: number) => void>(() => undefined);
  const keepInView = useCallback(
    (id: number, rounds: number) => {
      const list = scroller.current;
      const index = cards.findIndex((c) => c.id === id);
      if (!list || index === -1 || rounds === 0) return;
      const offset = virtualizer.getOffsetForIndex(index, 'auto')?.[0];
      const moved = offset !== undefined && Math.abs(offset - list.scrollTop) > 1;
      if (moved) list.scrollTop = offset;
      const settled = !moved && Math.abs((virtualizer.scrollOffset ?? -1) - list.scrollTop) <= 1 && virtualizer.getVirtualItems().every((item) => virtualizer.itemSizeCache.has(item.key));
      if (!settled) requestIdleCallback(() => keepInViewLatest.current(id, rounds - 1), { timeout: 200 });
    },
    [virtualizer, cards],
  );
  keepInViewLatest.current = keepInView;
  useEffect(() => {
    if (!focusRequest || focusIndex === -1) return;
    scroller.current?.querySelector<HTMLElement>(`[data-card-id="${focusRequest.id}"] .card-open`)?.focus();
    const id = focusRequest.id;
    requestIdleCallback(() => keepInViewLatest.current(id, 10), { timeout: 200 });
    onFocused(focusRequest);
  }, [focusRequest, focusIndex, onFocused]);
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
        // A list only when it has cards (an empty list holding a paragraph is not a list).
        <div ref={scroller} className="column-scroll" {...(cards.length > 0 ? { role: 'list', 'aria-label': `${title} cards` } : {})}>
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
                  <BoardCard card={card} now={now} onOpen={onOpen} tabbable={item.index === activeIndex} keys={keys} />
                </div>
              );
            })}
          </div>
          {cards.length === 0 && !pages?.loading && <p className="column-empty">No cards</p>}
          {pages?.more && (
            // The list's last item: the way to its next page.
            <div {...(cards.length > 0 ? { role: 'listitem' } : {})}>
              <button type="button" className="secondary small column-more" onClick={() => pages.loadMore()} disabled={pages.loading}>
                {pages.loading ? `Loading more ${title.toLowerCase()} cards…` : `Show more ${title.toLowerCase()} cards`}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
});
