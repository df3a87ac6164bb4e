/** The timeline: recording and undoing events, and Done / Snooze / Skip / Reopen on an action. */
import type { timelineCalls } from '../../../shared/calls/timeline-calls';
import type { CoreContext } from '../core-context';
import { CoreError } from '../errors';
import type { HandlersOf } from '../handlers';
import { complete, findAction, reopen } from './actions';
import { snoozeUntil } from './snooze';
import { effectiveDue } from '../../../shared/domain';

export function createTimelineHandlers({ db, now, timeline, opportunities, planner, events }: CoreContext): HandlersOf<typeof timelineCalls> {
  const transaction = <T>(work: () => T): T => db.transaction(work).immediate();
  return {
    'events.list': ({ opportunityId }) => {
      opportunities.get(opportunityId);
      return timeline.eventsOf(opportunityId);
    },
    'events.record': (input) => {
      const [event] = timeline.record([{ ...input, occurredAt: input.occurredAt ?? now().toISOString() }]);
      return events.changed(input.opportunityId, event!);
    },
    'events.undo': ({ ids }) => {
      const undone = ids.map((id) => timeline.getEvent(id));
      timeline.undo(ids);
      events.note({ opportunityIds: [...new Set(undone.map((e) => e.opportunityId))] });
      return { undone: ids };
    },
    'actions.complete': ({ opportunityId, key, occurredAt }) => {
      transaction(() => complete(timeline, findAction(planner.actionsOf(opportunityId), key), occurredAt ?? now().toISOString()));
      return events.changed(opportunityId, planner.actionsOf(opportunityId));
    },
    'actions.snooze': ({ opportunityId, key, until, choice }) => {
      const action = findAction(planner.actionsOf(opportunityId), key);
      if (action.status === 'done' || action.status === 'skipped' || action.status === 'missed') throw new CoreError('conflict', 'Only an open action can be snoozed.');
      const { timeZone, settings } = planner.context();
      // A snooze puts a reminder later, never sooner: an action not due yet is snoozed from its
      // due moment ("1 hour" is an hour after it), one due or overdue from now.
      const from = new Date(Math.max(now().getTime(), Date.parse(effectiveDue(action))));
      const end = choice ? snoozeUntil(choice, from, timeZone, settings.workingWeek).toISOString() : until!;
      if (Date.parse(end) <= now().getTime()) throw new CoreError('invalid_input', 'A snooze must end in the future.');
      timeline.setState(opportunityId, key, 'snoozed', end);
      return events.changed(opportunityId, planner.actionsOf(opportunityId));
    },
    'actions.skip': ({ opportunityId, key }) => {
      const action = findAction(planner.actionsOf(opportunityId), key);
      if (action.status === 'done') throw new CoreError('conflict', 'This action is already done.');
      timeline.setState(opportunityId, key, 'skipped', null);
      return events.changed(opportunityId, planner.actionsOf(opportunityId));
    },
    'actions.reopen': ({ opportunityId, key }) => {
      transaction(() => reopen(timeline, findAction(planner.actionsOf(opportunityId), key)));
      return events.changed(opportunityId, planner.actionsOf(opportunityId));
    },
  };
}
