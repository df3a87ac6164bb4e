/** What is due now (the tray and the page's reminders), and snoozing all of it at once. */
import { addMinutes } from 'date-fns/addMinutes';
import { DUE_LIST_LIMIT } from '../../../shared/calls/reminders-calls';
import type { remindersCalls } from '../../../shared/calls/reminders-calls';
import { cardAction } from '../board/board';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';

export function createRemindersHandlers({ db, now, planner, timeline, opportunities, events }: CoreContext): HandlersOf<typeof remindersCalls> {
  return {
    'actions.snoozeAll': ({ minutes }) => {
      const at = now();
      const until = addMinutes(at, minutes).toISOString();
      const due = planner.dueBy(at.toISOString());
      db.transaction(() => due.forEach((a) => timeline.setState(a.opportunityId, a.key, 'snoozed', until))).immediate();
      events.note({ opportunityIds: [...new Set(due.map((a) => a.opportunityId))] });
      return { snoozed: due.length };
    },
    'reminders.due': () => {
      const due = planner.dueBy(now().toISOString());
      const first = due.slice(0, DUE_LIST_LIMIT);
      const companies = opportunities.companiesOf([...new Set(first.map((a) => a.opportunityId))]);
      // As a card carries it (no explanation): the tray lists what and for whom; Today explains.
      return { count: due.length, first: first.map((a) => ({ ...cardAction(a), company: companies.get(a.opportunityId) ?? '' })) };
    },
  };
}
