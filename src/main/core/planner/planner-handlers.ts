/** What the planner says: a card's actions with their dates and reasons, and what falls in a period. */
import type { plannerCalls } from '../../../shared/calls/planner-calls';
import type { Action } from '../../../shared/domain';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';
import { effectiveDue } from '../../../shared/domain';

export function createPlannerHandlers({ planner }: CoreContext): HandlersOf<typeof plannerCalls> {
  return {
    'actions.forOpportunity': ({ opportunityId }) => planner.actionsOf(opportunityId),
    'actions.inRange': ({ from, to }) => {
      const open: Action[] = [];
      for (const actions of planner.openActions().values()) {
        for (const a of actions) {
          if (a.status !== 'pending' && a.status !== 'snoozed') continue;
          const at = effectiveDue(a);
          if (at >= from && at <= to) open.push(a);
        }
      }
      return open.sort((a, b) => (a.due < b.due ? -1 : 1));
    },
  };
}
