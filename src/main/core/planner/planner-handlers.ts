/** What the planner says: a card's actions with their dates and reasons, and what falls in a period. */
import type { plannerCalls } from '../../../shared/calls/planner-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';
import { effectiveDue } from '../../../shared/domain';
import { cardAction } from '../board/board';
import { notFound } from '../errors';
import { guidanceFor, loadGuidanceInput } from './guidance';
import { prepared } from '../journal/statements';

export function createPlannerHandlers({ db, planner, settings, now }: CoreContext): HandlersOf<typeof plannerCalls> {
  const names = prepared<[string], { id: number; company: string; role: string }>(db, 'SELECT id, company, role FROM opportunities WHERE id IN (SELECT value FROM json_each(?))');
  return {
    'actions.forOpportunity': ({ opportunityId }) => planner.actionsOf(opportunityId),
    'actions.guidance': ({ opportunityId }) => {
      if (!prepared(db, 'SELECT 1 FROM opportunities WHERE id = ?').get(opportunityId)) throw notFound('opportunity', opportunityId);
      const input = loadGuidanceInput(db, opportunityId);
      return { guidance: input ? guidanceFor(input, now(), settings.get().timeZone) : null };
    },
    // Only the cards with something due by the end of the range are looked at.
    'actions.inRange': ({ from, to }) => {
      const open = planner.dueBy(to).filter((a) => effectiveDue(a) >= from);
      const of = new Map(names.all(JSON.stringify([...new Set(open.map((a) => a.opportunityId))])).map((o) => [o.id, o]));
      return open.sort((a, b) => (a.due < b.due ? -1 : 1)).map((a) => ({ ...cardAction(a), company: of.get(a.opportunityId)?.company ?? '', role: of.get(a.opportunityId)?.role ?? '' }));
    },
  };
}
