/** The board: every card in its column with what is due next, and moving a card. */
import { z } from 'zod';
import { BOARD_COLUMNS, CLOSED_REASONS } from '../domain';
import type { Action, BoardColumn, Opportunity, Round } from '../domain';
import { call, contactIds, id, none } from './fields';
import { roundFields } from './journal-calls';

/** One card of the board: the opportunity, the round it follows, and what is due next. */
export interface BoardCard {
  readonly id: number;
  readonly company: string;
  readonly role: string;
  readonly column: BoardColumn;
  readonly closedReason: Opportunity['closedReason'];
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
  readonly nextAction: Action | null;
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
  readonly cards: readonly BoardCard[];
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
  readonly cards: readonly BoardCard[];
  readonly removed: readonly number[];
  /** The open actions of each changed card (none for a removed or closed one): the due lists patch from them. */
  readonly actions: readonly { readonly opportunityId: number; readonly actions: readonly Action[] }[];
  readonly hint: BoardHint | null;
  readonly version: number;
  readonly at: string;
  readonly reload: boolean;
}

export const boardCalls = {
  'board.get': call<Board>()(none),
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
