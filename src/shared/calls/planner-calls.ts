/** What the planner says is to be done: a card's actions, and every open action in a period. */
import { z } from 'zod';
import type { Action } from '../domain';
import { call, id, instant } from './fields';

/** An open action with the card it belongs to named (the due list and the Today view group by company). */
export type DueAction = Action & { readonly company: string; readonly role: string };

export const plannerCalls = {
  'actions.forOpportunity': call<readonly Action[]>()(z.strictObject({ opportunityId: id })),
  /** Every open action due (or snoozed until) within the range, earliest first. */
  'actions.inRange': call<readonly DueAction[]>()(
    z.strictObject({ from: instant, to: instant }).refine((r) => r.from <= r.to, { message: 'from must not be after to' }),
  ),
};
