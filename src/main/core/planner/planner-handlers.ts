/** What the planner says: a card's actions with their dates and reasons, and what falls in a period. */
import type { plannerCalls } from '../../../shared/calls/planner-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';
import { effectiveDue } from '../../../shared/domain';

export function createPlannerHandlers({ planner }: CoreContext): HandlersOf<typeof plannerCalls> {
  return {
    'actions.forOpportunity': ({ opportunityId }) => planner.actionsOf(opportunityId),
    // Only the cards with something due by the end of the range are looked at.
    'actions.inRange': ({ from, to }) => planner.dueBy(to).filter((a) => effectiveDue(a) >= from).sort((a, b) => (a.due < b.due ? -1 : 1)),
  };
}
