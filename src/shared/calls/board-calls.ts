/**
 * The board: every card not closed in its column with what is due next, the Closed column a page
 * at a time (a long search is mostly closed history), and moving a card.
 */
import { z } from 'zod';
import { BOARD_COLUMNS, CLOSED_REASONS } from '../domain';
import type { Action, BoardColumn, Opportunity, Round } from '../domain';
import { call, contactIds, id, none } from './fields';
import { roundFields } from './journal-calls';

/**
 * What a card says is due next: the planned action without its explanation (`why`). The card shows
 * what and when; the explanation is read with the opportunity's actions and on Today. It is most
 * of an action's text, and the only text in a board answer that is not Latin-1: without it, a
 * board of 2,000 open cards is a quarter smaller and four times faster to send.
 */
export type CardAction = Omit<Action, 'why'>;

/** One card of the board: the opportunity, the round it follows, and what is due next. */
export interface BoardCard {
  readonly id: number;
  readonly company: string;
  readonly role: string;
  readonly column: BoardColumn;
  readonly closedReason: Opportunity['closedReason'];
  /** When a closed card was closed (the Closed column's order); null for a card not closed. */
  readonly closedAt: string | null;
  readonly round: {
    readonly id: number;
    readonly number: number;
    readonly startsAt: string;
    readonly format: Round['format'];
    /** Who sat in the round, in order (the move to Thanked asks about them). */
    readonly interviewers: readonly { readonly id: number; readonly name: string }[];
  } | null;
  /** The interviewers' names, for search. */
  readonly people: string;
  readonly nextAction: CardAction | null;
  readonly updatedAt: string;
}

/** A note on the board as a whole, computed by the core from the rules (not a notification). */
export interface BoardHint {
  readonly kind: 'keep-searching';
  readonly text: string;
  /** The article the advice comes from, by its title. */
  readonly source: string;
}

export interface Board {
  /** Every card not closed. */
  readonly cards: readonly BoardCard[];
  /** How many cards are closed (`board.closed` reads them, a page at a time). */
  readonly closedCount: number;
  /** When the board was computed (the countdowns count from here). */
  readonly at: string;
  /** The journal's version the board was read at (see events.ts). */
  readonly version: number;
  readonly hint: BoardHint | null;
  /** The next moment time alone can change the board (a round starts, a window closes), or null. */
  readonly refreshAt: string | null;
}

/**
 * What a write answers besides its value, for the board to patch itself in place: the cards it
 * changed, planned again, and the board's hint. `reload` when too much changed to patch (the
 * settings, a large import): read the board again.
 */
export interface BoardPatch {
  /** The changed cards as the board shows them now (a card that closed comes with the Closed column). */
  readonly cards: readonly BoardCard[];
  readonly removed: readonly number[];
  readonly closedCount: number;
  /**
   * The open actions of the changed cards (none for a closed one), so that lists of what is due
   * (the due strip) are patched in place rather than asked again.
   */
  readonly actions: readonly { readonly opportunityId: number; readonly actions: readonly Action[] }[];
  readonly hint: BoardHint | null;
  readonly version: number;
  readonly at: string;
  readonly reload: boolean;
}

/** Where a page of the Closed column starts: after this card (its closing time and id). */
export interface ClosedCursor {
  readonly closedAt: string;
  readonly id: number;
}

export interface ClosedPage {
  /** The latest closed first. */
  readonly cards: readonly BoardCard[];
  /** The next page starts after the last of these; null when there is no more. */
  readonly next: ClosedCursor | null;
}

/** The most closed cards one page holds. */
export const CLOSED_PAGE_MAX = 200;

export const boardCalls = {
  'board.get': call<Board>()(none),
  /** A page of closed cards, the latest closed first. */
  'board.closed': call<ClosedPage>()(
    z.strictObject({
      before: z.strictObject({ closedAt: z.string().max(40), id }).nullable().optional(),
      limit: z.number().int().min(1).max(CLOSED_PAGE_MAX).optional(),
    }),
  ),
  /** Some cards as the board shows them now (another window changed them). */
  'board.cards': call<BoardPatch>()(z.strictObject({ ids: z.array(id).min(1).max(500) })),
  'board.move': call<{ readonly eventIds: readonly number[]; readonly roundId: number | null }>()(
    z.strictObject({
      opportunityId: id,
      to: z.enum(BOARD_COLUMNS),
      interviewerIds: contactIds.optional(),
      closedReason: z.enum(CLOSED_REASONS).optional(),
      nextRound: roundFields.optional(),
    }),
  ),
  /** Takes a move back in one transaction: its events undone, the round it added removed. */
  'board.undoMove': call<{ readonly undone: readonly number[]; readonly roundDeleted: number | null }>()(
    z
      .strictObject({ opportunityId: id, eventIds: z.array(id).max(50), roundId: id.nullable() })
      .refine((m) => m.eventIds.length > 0 || m.roundId !== null, { message: 'names nothing to undo' }),
  ),
};
