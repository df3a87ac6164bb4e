/**
 * The board in the cache, patched card by card. Every card remembers the journal version it was
 * read at; an answer about a card replaces it only when it is at least as new, so a slow answer
 * (a full board read that started before a move, another window's patch) can never put an older
 * card over a newer one. A card being moved is held by its move until the move's answer arrives.
 *
 * The board holds the cards not closed. The Closed column is read a page at a time, only when it
 * is opened (`CLOSED_KEY`, an infinite query): a card that closes leaves the board for the loaded
 * pages of Closed (in its place, the latest closed first), and one that opens again comes back.
 */
import { replaceEqualDeep } from '@tanstack/react-query';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Board, BoardCard, BoardPatch, ClosedCursor, ClosedPage } from '../../../shared/contract';
import type { BoardColumn } from '../../../shared/domain';
import { keyOf } from './calls';

const BOARD_KEY = keyOf('board.get');
/** The loaded pages of the Closed column (each asked with the cursor where it starts). */
export const CLOSED_KEY = keyOf('board.closed');
export type ClosedPages = InfiniteData<ClosedPage, ClosedCursor | null>;
/** The version each card was read at (set from every board and patch applied). */
const cardVersions = new Map<number, number>();
/** Cards whose move is on its way: nothing but that move's answer replaces them. */
const held = new Map<number, { readonly before: BoardCard | null; readonly version: number }>();
/** Changes from elsewhere that arrived while a card was held: read it again once the move settles. */
const missedWhileHeld = new Set<number>();

const versionOf = (id: number, board: Board): number => cardVersions.get(id) ?? board.version;

/** Merges a full board answer with what the cache already knows newer (called by the board's query). */
export function mergeBoard(fresh: Board, cached: Board | undefined): Board {
  if (!cached) {
    cardVersions.clear();
    return fresh;
  }
  fresh = keepUnchanged(fresh, cached);
  const newer = new Map<number, BoardCard>();
  for (const card of cached.cards) {
    if (held.has(card.id) || versionOf(card.id, cached) > fresh.version) newer.set(card.id, card);
  }
  for (const id of [...cardVersions.keys()]) if (!held.has(id) && (cardVersions.get(id) ?? 0) <= fresh.version) cardVersions.delete(id);
  if (newer.size === 0) return fresh;
  const cards = fresh.cards.map((c) => newer.get(c.id) ?? c);
  for (const card of newer.values()) if (!fresh.cards.some((c) => c.id === card.id)) cards.unshift(card);
  return { ...fresh, cards };
}

/**
 * A full read with the cached object kept for every card that did not change (so only the cards
 * that did are drawn again). The board's query does this itself, in place of the library's deep
 * comparison of the whole board after every patch.
 */
function keepUnchanged(fresh: Board, cached: Board): Board {
  const before = new Map(cached.cards.map((c) => [c.id, c]));
  let same = fresh.cards.length === cached.cards.length;
  const cards = fresh.cards.map((card, i) => {
    const old = before.get(card.id);
    const kept = old !== undefined && replaceEqualDeep(old, card) === old ? old : card;
    if (kept !== cached.cards[i]) same = false;
    return kept;
  });
  return same ? { ...fresh, cards: cached.cards } : { ...fresh, cards };
}

export function patchBoard(client: QueryClient, patch: BoardPatch, own: readonly number[] = []): void {
  if (patch.reload) {
    void client.invalidateQueries({ queryKey: BOARD_KEY });
    void client.invalidateQueries({ queryKey: CLOSED_KEY });
    return;
  }
  for (const id of own) held.delete(id);
  patchClosed(client, patch);
  client.setQueryData<Board>(BOARD_KEY, (board) => {
    if (!board) return board;
    const incoming = new Map<number, BoardCard>();
    const removed = new Set(patch.removed.filter((id) => !held.has(id)));
    for (const card of patch.cards) {
      if (held.has(card.id)) {
        missedWhileHeld.add(card.id);
        continue;
      }
      if (patch.version < versionOf(card.id, board)) continue;
      cardVersions.set(card.id, patch.version);
      // A closed card leaves the board (the Closed column's pages have it).
      if (card.column === 'closed') removed.add(card.id);
      else incoming.set(card.id, card);
    }
    const newer = patch.version >= board.version;
    if (incoming.size === 0 && removed.size === 0 && !newer) return board;
    const cards: BoardCard[] = [];
    for (const card of board.cards) {
      if (removed.has(card.id)) continue;
      const next = incoming.get(card.id);
      cards.push(next ?? card);
      incoming.delete(card.id);
    }
    // A card new to this page goes first (the board lists the latest change first).
    const added = [...incoming.values()];
    return {
      ...board,
      cards: added.length > 0 ? [...added, ...cards] : cards,
      hint: newer ? patch.hint : board.hint,
      closedCount: newer ? patch.closedCount : board.closedCount,
      version: Math.max(board.version, patch.version),
    };
  });
}

/** The closed order: the latest closed first (then the higher id), as the core pages them. */
const closedBefore = (a: BoardCard, b: { closedAt: string | null; id: number }): boolean =>
  (a.closedAt ?? '') > (b.closedAt ?? '') || ((a.closedAt ?? '') === (b.closedAt ?? '') && a.id > b.id);

/**
 * The loaded pages of Closed after a patch: a card that closed goes in its place (when that place
 * is among the pages loaded; further down, the next page brings it), one that is open again or
 * gone leaves, a changed one is replaced.
 */
function patchClosed(client: QueryClient, patch: BoardPatch): void {
  client.setQueryData<ClosedPages>(CLOSED_KEY, (pages) => {
    if (!pages) return pages;
    const touched = patch.cards.filter((c) => !held.has(c.id));
    const gone = new Set([...patch.removed, ...touched.map((c) => c.id)]);
    const closing = touched.filter((c) => c.column === 'closed');
    const placed = new Set<number>();
    const fresh = pages.pages.map((page, i) => {
      const last = i === pages.pages.length - 1;
      const cards = page.cards.filter((c) => !gone.has(c.id));
      for (const card of closing) {
        if (placed.has(card.id)) continue;
        // Its place: before the first card it comes before, or at the end of the last page loaded
        // when there is nothing more to load (else a later page brings it).
        const at = cards.findIndex((c) => closedBefore(card, c));
        if (at >= 0) cards.splice(at, 0, card);
        else if (last && page.next === null) cards.push(card);
        else continue;
        placed.add(card.id);
      }
      return cards.length === page.cards.length && cards.every((c, k) => c === page.cards[k]) ? page : { ...page, cards };
    });
    return { ...pages, pages: fresh };
  });
}

/**
 * Shows a move at once, before the core has answered; `release` gives the card back on failure.
 * A card moved out of Closed (not on the board, only in Closed's pages) joins the board at once.
 */
export function holdMovedCard(client: QueryClient, card: BoardCard, to: BoardColumn): { release: () => void; missed: () => boolean } {
  const cardId = card.id;
  let before: BoardCard | null | undefined;
  client.setQueryData<Board>(BOARD_KEY, (board) => {
    if (!board) return board;
    before = board.cards.find((c) => c.id === cardId) ?? null;
    const moved = { ...(before ?? card), column: to };
    return { ...board, cards: before ? board.cards.map((c) => (c.id === cardId ? moved : c)) : [moved, ...board.cards] };
  });
  if (before !== undefined) held.set(cardId, { before, version: cardVersions.get(cardId) ?? 0 });
  return {
    release() {
      const entry = held.get(cardId);
      held.delete(cardId);
      if (!entry) return;
      const back = entry.before;
      client.setQueryData<Board>(BOARD_KEY, (board) =>
        board ? { ...board, cards: back ? board.cards.map((c) => (c.id === cardId ? back : c)) : board.cards.filter((c) => c.id !== cardId) } : board,
      );
    },
    missed: () => missedWhileHeld.delete(cardId),
  };
}
