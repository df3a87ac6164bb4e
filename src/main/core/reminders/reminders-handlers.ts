/** What is due now (the tray and the page's reminders), and snoozing all of it at once. */
import { addMinutes } from 'date-fns';
import type { remindersCalls } from '../../../shared/calls/reminders-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';
import { effectiveDue } from '../../../shared/domain';

export function createRemindersHandlers({ db, now, planner, timeline, opportunities, events }: CoreContext): HandlersOf<typeof remindersCalls> {
  return {
    'actions.snoozeAll': ({ minutes }) => {
      const at = now();
      const until = addMinutes(at, minutes).toISOString();
      const due = [...planner.openActions().values()].flat().filter((a) => effectiveDue(a) <= at.toISOString());
      db.transaction(() => due.forEach((a) => timeline.setState(a.opportunityId, a.key, 'snoozed', until))).immediate();
      events.note({ opportunityIds: [...new Set(due.map((a) => a.opportunityId))] });
      return { snoozed: due.length };
    },
    'reminders.due': () => {
      const at = now().toISOString();
      const due = [...planner.openActions().values()].flat().filter((a) => effectiveDue(a) <= at);
      return due.sort((a, b) => (effectiveDue(a) < effectiveDue(b) ? -1 : 1)).map((a) => ({ ...a, company: opportunities.companyOf(a.opportunityId) }));
    },
  };
}
