import type { EventKind } from '../../../../shared/domain';

/** What each timeline event is called, in the card's timeline and a person's contact log. */
export const EVENT_LABELS: Record<EventKind, string> = {
  next_steps_asked: 'Asked about next steps',
  reflection_written: 'Reflection written',
  thank_you_sent: 'Thank-you sent',
  card_mailed: 'Thank-you card mailed',
  linkedin_request_sent: 'LinkedIn request sent',
  status_check_sent: 'Status check sent',
  call_made: 'Follow-up call made',
  reply_received: 'Reply received',
  offer_received: 'Offer received',
  rejected: 'Closed: rejected',
  moved_on: 'Closed: moved on',
  withdrawn: 'Closed: withdrawn',
  accepted_elsewhere: 'Closed: accepted elsewhere',
  stay_in_touch_started: 'Staying in touch',
  check_in_sent: 'Check-in sent',
  reopened: 'Reopened',
  note: 'Note',
};
