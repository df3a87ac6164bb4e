/**
 * The board's rules that both sides need: the core applies them when a card moves, the page uses
 * them to ask the user first. One definition, so the two cannot disagree.
 */
import type { BoardColumn } from './domain';

/** The facts a move asks the user for before it can be recorded. */
export type MoveQuestion = 'who-was-thanked' | 'why-closed' | 'next-round-date';

/**
 * A card moves back to Upcoming only with a round still ahead of it: when its latest round has
 * already started (or it has none), the move needs the next round's date.
 */
export const upcomingNeedsDate = (latestRoundStart: string | null, now: number): boolean =>
  latestRoundStart === null || Date.parse(latestRoundStart) <= now;

/** What moving a card to a column must ask first (null: the move can be made as it is). */
export function moveQuestion(card: { readonly round: { readonly startsAt: string } | null }, to: BoardColumn, now: number): MoveQuestion | null {
  switch (to) {
    case 'thanked':
      return 'who-was-thanked';
    case 'closed':
      return 'why-closed';
    case 'upcoming':
      return upcomingNeedsDate(card.round?.startsAt ?? null, now) ? 'next-round-date' : null;
    case 'interviewed':
    case 'followed_up':
    case 'offer':
    case 'staying_in_touch':
      return null;
    default: {
      const never: never = to;
      return never;
    }
  }
}
