/**
 * The three snoozes (docs/follow-up-rules.md "Reminders"). The core turns a choice into a time in
 * the journal's time zone and working week, the zone the planner uses; the page and the
 * notifications only name the choice.
 */
export const SNOOZE_CHOICES = ['hour', 'tomorrow-morning', 'next-working-day'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

export const SNOOZE_LABELS: Record<SnoozeChoice, string> = {
  hour: '1 hour',
  'tomorrow-morning': 'Tomorrow morning',
  'next-working-day': 'Next working day',
};

/** The same choices for an action not due yet: counted from when it is due (a snooze never brings it sooner). */
export const SNOOZE_LABELS_AFTER_DUE: Record<SnoozeChoice, string> = {
  hour: 'An hour after it is due',
  'tomorrow-morning': 'The morning after it is due',
  'next-working-day': 'The working day after it is due',
};

/** "Tomorrow morning" is at this hour, "next working day" at the next; both in the journal's zone. */
export const SNOOZE_MORNING_HOUR = 8;
export const SNOOZE_WORKDAY_HOUR = 9;
