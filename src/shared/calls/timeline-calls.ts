/**
 * The timeline: events recorded on a card (a thank-you sent, an offer, a note), and what the user
 * does with a planned action (Done, Snooze, Skip, Reopen), which records events and states.
 */
import { z } from 'zod';
import { CHANNELS, EVENT_KINDS } from '../domain';
import type { Action, TimelineEvent } from '../domain';
import { SNOOZE_CHOICES } from '../snooze';
import { call, id, instant, optionalText } from './fields';

export const eventRecord = z.strictObject({
  opportunityId: id,
  roundId: id.nullish().transform((v) => v ?? null),
  contactId: id.nullish().transform((v) => v ?? null),
  kind: z.enum(EVENT_KINDS),
  channel: z.enum(CHANNELS).nullish().transform((v) => v ?? null),
  /** Absent: now. */
  occurredAt: instant.optional(),
  note: optionalText(5000),
});

const actionRef = z.strictObject({ opportunityId: id, key: z.string().min(3).max(200) });

export const timelineCalls = {
  'events.list': call<readonly TimelineEvent[]>()(z.strictObject({ opportunityId: id })),
  'events.record': call<TimelineEvent>()(eventRecord),
  'events.undo': call<{ readonly undone: readonly number[] }>()(z.strictObject({ ids: z.array(id).min(1).max(50) })),
  'actions.complete': call<readonly Action[]>()(actionRef.extend({ occurredAt: instant.optional() })),
  /** Until a time, or for one of the three snoozes (computed in the journal's time zone). */
  'actions.snooze': call<readonly Action[]>()(
    actionRef
      .extend({ until: instant.optional(), choice: z.enum(SNOOZE_CHOICES).optional() })
      .refine((s) => (s.until === undefined) !== (s.choice === undefined), { message: 'needs either until or choice, not both' }),
  ),
  'actions.skip': call<readonly Action[]>()(actionRef),
  'actions.reopen': call<readonly Action[]>()(actionRef),
};
