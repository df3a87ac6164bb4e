/**
 * What the user does with an action: Done records the matching event in the timeline (so the
 * planner sees it and re-plans), Snooze and Skip record a state, Reopen takes either back.
 */
import type { Action, ActionKind, EventKind } from '../../../shared/domain';
import { CoreError } from '../errors';
import type { NewEvent, TimelineStore } from './timeline';

/** The timeline event that completing each kind of action records (none: done by another write). */
export const COMPLETION_EVENT: Record<ActionKind, EventKind | null> = {
  'ask-next-steps': 'next_steps_asked',
  'write-reflection': 'reflection_written',
  'thank-you': 'thank_you_sent',
  'thank-you-card': 'card_mailed',
  'linkedin-note': 'linkedin_request_sent',
  'status-check': 'status_check_sent',
  'phone-call': 'call_made',
  'move-on': 'moved_on',
  'stay-in-touch': 'check_in_sent',
  // Done by adding the round: the plan then has a date to work from.
  'add-round-date': null,
};

export function findAction(actions: readonly Action[], key: string): Action {
  const action = actions.find((a) => a.key === key);
  if (!action) throw new CoreError('not_found', `There is no action "${key.slice(0, 100)}" on this card now (it may have been replaced by a newer plan).`);
  return action;
}

export function completionEvent(action: Action, occurredAt: string): NewEvent {
  const kind = COMPLETION_EVENT[action.kind];
  if (!kind) throw new CoreError('invalid_input', 'This is done by adding the round with its date and time, not by marking it done.');
  return {
    opportunityId: action.opportunityId,
    roundId: action.roundId,
    contactId: action.recipient?.contactId ?? null,
    kind,
    channel: action.channel,
    occurredAt,
    note: null,
  };
}

export function complete(timeline: TimelineStore, action: Action, occurredAt: string): void {
  if (action.status === 'done') throw new CoreError('conflict', 'This action is already done.');
  timeline.clearState(action.opportunityId, action.key);
  timeline.record([completionEvent(action, occurredAt)]);
}

/** Takes back a Done (undoing the event it recorded), a Skip or a Snooze. */
export function reopen(timeline: TimelineStore, action: Action): void {
  timeline.clearState(action.opportunityId, action.key);
  if (action.status !== 'done') return;
  const kind = COMPLETION_EVENT[action.kind];
  if (!kind) return;
  const matching = timeline
    .eventsOf(action.opportunityId)
    .filter(
      (e) =>
        !e.undoneAt &&
        e.kind === kind &&
        (action.roundId === null || e.roundId === action.roundId || e.roundId === null) &&
        (action.recipient?.contactId == null || e.contactId === action.recipient.contactId),
    );
  if (matching.length > 0) timeline.undo(matching.map((e) => e.id));
}
