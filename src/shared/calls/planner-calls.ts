/** What the planner says is to be done: a card's actions, and every open action in a period. */
import { z } from 'zod';
import type { Action, CalendarDate, Instant } from '../domain';
import { call, id, instant } from './fields';

/**
 * An open action with the card it belongs to named (the due list and the Today view group by
 * company). Without its explanation: Today shows it only when asked ("Why this date"), and reads
 * it then from the card's actions; it was most of the list's text, and its only text outside
 * Latin-1 (545 KB for two months at 20,000 opportunities, 12 ms through browser mode).
 */
export type DueAction = Omit<Action, 'why'> & { readonly company: string; readonly role: string };

/** One thing to do in a guidance, with its time when it has one (shown in the journal's zone). */
export interface GuidanceStep {
  readonly id:
    | 'answer-reply'
    | 'add-next-round'
    | 'prepare-next-round'
    | 'record-outcome'
    | 'thank-for-offer'
    | 'answer-by'
    | 'record-deadline'
    | 'ask-questions'
    | 'compare-offers'
    | 'tell-others';
  readonly text: string;
  readonly due: Instant | null;
}

/**
 * What to do where the planner has nothing dated: after a reply, after an offer
 * (docs/follow-up-rules.md "After a reply, after an offer"). Written in the core; the page shows it.
 */
export interface CardGuidance {
  readonly situation: 'reply' | 'offer';
  readonly title: string;
  /** What the moment means, in a sentence. */
  readonly meaning: string;
  readonly steps: readonly GuidanceStep[];
  /** The date the user must answer an offer by, when recorded (the latest round's decision date). */
  readonly deadline: CalendarDate | null;
  /** Questions worth asking before answering an offer. */
  readonly questions: readonly string[];
  /** The user's other offers, to compare ("Globex (Analyst)"). */
  readonly otherOffers: readonly string[];
  /** The round the guidance is about (where a deadline is recorded). */
  readonly roundId: number | null;
  /** Where the advice comes from, by title. */
  readonly source: string;
}

export const plannerCalls = {
  'actions.forOpportunity': call<readonly Action[]>()(z.strictObject({ opportunityId: id })),
  /** What to do after a reply or an offer, where the card's dated actions stop (null: nothing to add). */
  'actions.guidance': call<{ readonly guidance: CardGuidance | null }>()(z.strictObject({ opportunityId: id })),
  /** Every open action due (or snoozed until) within the range, earliest first. */
  'actions.inRange': call<readonly DueAction[]>()(
    z.strictObject({ from: instant, to: instant }).refine((r) => r.from <= r.to, { message: 'from must not be after to' }),
  ),
};
