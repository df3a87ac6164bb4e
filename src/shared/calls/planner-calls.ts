/** What the planner says is to be done: a card's actions, and every open action in a period. */
import { z } from 'zod';
import type { Action } from '../domain';
import { call, id, instant } from './fields';

export const plannerCalls = {
  'actions.forOpportunity': call<readonly Action[]>()(z.strictObject({ opportunityId: id })),
  'actions.inRange': call<readonly Action[]>()(
    z.strictObject({ from: instant, to: instant }).refine((r) => r.from <= r.to, { message: 'from must not be after to' }),
  ),
};
