/**
 * The board in the cache, patched card by card. Every card remembers the journal version it was
 * read at; an answer about a card replaces it only when it is at least as new, so a slow answer
 * (a full board read that started before a move, another window's patch) can never put an older
 * card over a newer one. A card being moved is held by its move until the move's answer arrives.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Board, BoardCard, BoardPatch } from '../../../shared/contract';
import type { BoardColumn } from '../../../shared/domain';
import { keyOf } from './calls';

const BOARD_KEY = keyOf('board.get');
/** The version each card was read at (set from every board and patch applied). */
const cardVersions = new Map<number, number>();
/** Cards whose move is on its way: nothing but that move's answer replaces them. */
const held = new Map<number, { readonly before: BoardCard; readonly version: number }>();
/** Changes from elsewhere that arrived while a card was held: read it again once the move settles. */
const missedWhileHeld = new Set<number>();

const versionOf = (id: number, board: Board): number => cardVersions.get(id) ?? board.version;

/** Merges a full board answer with what the cache already knows newer (called by the board's query). */
export function mergeBoard(fresh: Board, cached: Board | undefined): Board {
  if (!cached) {
    cardVersions.clear();
    return fresh;
  }
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

export function patchBoard(client: QueryClient, patch: BoardPatch, own: readonly number[] = []): void {
  if (patch.reload) {
    void client.invalidateQueries({ queryKey: BOARD_KEY });
    return;
  }
  for (const id of own) held.delete(id);
  client.setQueryData<Board>(BOARD_KEY, (board) => {
    if (!board) return board;
    const incoming = new Map<number, BoardCard>();
    for (const card of patch.cards) {
      if (held.has(card.id)) {
        missedWhileHeld.add(card.id);
        continue;
      }
      if (patch.version < versionOf(card.id, board)) continue;
      incoming.set(card.id, card);
      cardVersions.set(card.id, patch.version);
    }
    const removed = new Set(patch.removed.filter((id) => !held.has(id)));
    if (incoming.size === 0 && removed.size === 0 && patch.version < board.version) return board;
    const cards: BoardCard[] = [];
    for (const card of board.cards) {
      if (removed.has(card.id)) continue;
      const next = incoming.get(card.id);
      cards.push(next ?? card);
      incoming.delete(card.id);
    }
    // A card new to this page goes first (the board lists the latest change first).
    const added = [...incoming.values()];
    const hint = patch.version >= board.version ? patch.hint : board.hint;
    return { ...board, cards: added.length > 0 ? [...added, ...cards] : cards, hint, version: Math.max(board.version, patch.version) };
  });
}

/** Shows a move at once, before the core has answered; `release` gives the card back on failure. */
export function holdMovedCard(client: QueryClient, cardId: number, to: BoardColumn): { release: () => void; missed: () => boolean } {
  let before: BoardCard | undefined;
  client.setQueryData<Board>(BOARD_KEY, (board) => {
    if (!board) return board;
    return {
      ...board,
      cards: board.cards.map((c) => {
        if (c.id !== cardId) return c;
        before = c;
        return { ...c, column: to };
      }),
    };
  });
  if (before) held.set(cardId, { before, version: cardVersions.get(cardId) ?? 0 });
  return {
    release() {
      const entry = held.get(cardId);
      held.delete(cardId);
      if (!entry) return;
      client.setQueryData<Board>(BOARD_KEY, (board) => (board ? { ...board, cards: board.cards.map((c) => (c.id === cardId ? entry.before : c)) } : board));
    },
    missed: () => missedWhileHeld.delete(cardId),
  };
}
