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
  readonly round: { readonly id: number; readonly number: number; readonly startsAt: string; readonly format: Round['format'] } | null;
  /** The interviewers' names, for search. */
  readonly people: string;
  readonly nextAction: Action | null;
  readonly updatedAt: string;
}

export interface Board {
  readonly cards: readonly BoardCard[];
  /** When the board was computed (the countdowns count from here). */
  readonly at: string;
}

export const boardCalls = {
  'board.get': call<Board>()(none),
  'board.move': call<{ readonly eventIds: readonly number[]; readonly roundId: number | null }>()(
    z.strictObject({
      opportunityId: id,
      to: z.enum(BOARD_COLUMNS),
      interviewerIds: contactIds.optional(),
      closedReason: z.enum(CLOSED_REASONS).optional(),
      nextRound: roundFields.optional(),
    }),
  ),
};
