/**
 * Reading and writing the journal from a screen. `useCall` reads one call's answer (cached under
 * its key, kept when a refresh fails); `useWrite` runs a write and applies its effects; the board
 * has its own hooks because a move shows at once and settles when the core answers.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { CallName } from '../../../shared/call-names';
import type { Board, BoardCard, CallInput, CallOutput, ClosedCursor, ClosedPage } from '../../../shared/contract';
import type { BoardColumn } from '../../../shared/domain';
import { CLOSED_KEY, holdMovedCard, mergeBoard, patchBoard } from './board-cache';
import { keyOf, run } from './calls';
import { patchDueLists } from './effects';
import type { CallFailed } from './calls';

export interface CallState<T> {
  /** The last good answer (kept when a refresh fails). */
  readonly data: T | undefined;
  /** The last failure, when there is no answer to show (a first load that failed). */
  readonly error: CallFailed | null;
  /** A refresh failed; `data` is what the page had. */
  readonly stale: boolean;
  readonly loading: boolean;
  refetch(): void;
}

export function useCall<K extends CallName>(
  name: K,
  input: CallInput<K>,
  /** `keepPrevious`: while a new input's answer is on its way, the last input's stays (a search as it is typed). */
  options: { enabled?: boolean; structuralSharing?: false; keepPrevious?: boolean } = {},
): CallState<CallOutput<K>> {
  const query = useQuery<CallOutput<K>, CallFailed>({
    queryKey: keyOf(name, input),
    queryFn: () => run(name, input),
    enabled: options.enabled ?? true,
    ...(options.structuralSharing === false ? { structuralSharing: false } : {}),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  return {
    data: query.data,
    error: query.data === undefined ? query.error : null,
    stale: query.data !== undefined && query.isError,
    loading: query.isPending && (options.enabled ?? true),
    refetch: () => void query.refetch(),
  };
}

/**
 * The board's query. Its answers keep their cards' identities themselves (a patch replaces the
 * cards it names, a full read keeps every card that did not change: see `mergeBoard`), so the
 * library's deep comparison of the whole board after every patch is not needed.
 */
function boardQuery(client: QueryClient) {
  return {
    queryKey: keyOf('board.get'),
    queryFn: async () => mergeBoard(await run('board.get', undefined), client.getQueryData<Board>(keyOf('board.get'))),
    structuralSharing: false,
  } as const;
}

/** The board: read once, then patched by writes and events (see board-cache.ts). */
export function useBoard(): CallState<Board> {
  const client = useQueryClient();
  const query = useQuery<Board, CallFailed>(boardQuery(client));
  return {
    data: query.data,
    error: query.data === undefined ? query.error : null,
    stale: query.data !== undefined && query.isError,
    loading: query.isPending,
    refetch: () => void query.refetch(),
  };
}

const hasNoCards = (board: Board): boolean => board.cards.length === 0 && board.closedCount === 0;

/** Whether the journal has no cards at all (null until the board is read); redraws only when that changes. */
export function useBoardEmpty(): boolean | null {
  const client = useQueryClient();
  return useQuery<Board, CallFailed, boolean>({ ...boardQuery(client), select: hasNoCards }).data ?? null;
}

/** Closed cards a page asks for (a screen's worth, and some to scroll). */
export const CLOSED_PAGE_SIZE = 50;

export interface ClosedCards {
  /** The closed cards loaded so far, the latest closed first. */
  readonly cards: readonly BoardCard[];
  readonly error: CallFailed | null;
  readonly loading: boolean;
  /** Whether older closed cards remain to load. */
  readonly more: boolean;
  loadMore(): void;
}

/**
 * The Closed column: read only when it is shown (`enabled`), a page at a time, the latest closed
 * first; kept in step by the board's patches (see board-cache.ts).
 */
export function useClosedCards(enabled: boolean): ClosedCards {
  const query = useInfiniteQuery<ClosedPage, CallFailed, InfiniteData<ClosedPage, ClosedCursor | null>, typeof CLOSED_KEY, ClosedCursor | null>({
    queryKey: CLOSED_KEY,
    queryFn: ({ pageParam }) => run('board.closed', { before: pageParam, limit: CLOSED_PAGE_SIZE }),
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
    enabled,
  });
  const cards = useMemo(() => query.data?.pages.flatMap((p) => p.cards) ?? [], [query.data]);
  return {
    cards,
    error: query.error,
    loading: query.isFetching,
    more: query.hasNextPage,
    loadMore: () => void (query.hasNextPage && !query.isFetchingNextPage && query.fetchNextPage()),
  };
}

/**
 * A write. Its answer's effects (the board's patch, what it changed) reach the cache before the
 * promise resolves. `keep`: answers the caller sets itself from the value.
 */
export function useWrite<K extends CallName>(name: K, options: { keep?: (input: CallInput<K>) => readonly QueryKey[] } = {}) {
  const mutation = useMutation<CallOutput<K>, CallFailed, CallInput<K>>({
    mutationFn: (input) => run(name, input, { keep: options.keep?.(input) ?? [] }),
  });
  return {
    run: mutation.mutateAsync,
    pending: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
  };
}

export interface MoveRequest {
  readonly card: BoardCard;
  readonly to: BoardColumn;
  readonly input: CallInput<'board.move'>;
}

/**
 * Moving a card: the call goes out first, then the card moves on the board at once (so the paint
 * and the round trip overlap); the answer brings the card as the core planned it; a refusal puts
 * it back. No reload of the board.
 */
export function useMoveCard(): (move: MoveRequest) => Promise<CallOutput<'board.move'>> {
  const client = useQueryClient();
  return useCallback(
    async ({ card, to, input }: MoveRequest) => {
      const answer = run('board.move', input, { ownCards: [card.id] });
      const hold = holdMovedCard(client, card, to);
      // A full read of the board already on its way would not know of this move: let it go.
      void client.cancelQueries({ queryKey: keyOf('board.get') });
      try {
        return await answer;
      } catch (error) {
        hold.release();
        throw error;
      } finally {
        // Another window changed this card while it moved: read it now.
        if (hold.missed()) {
          void run('board.cards', { ids: [card.id] }).then((patch) => {
            patchBoard(client, patch);
            patchDueLists(client, patch);
          });
        }
      }
    },
    [client],
  );
}
