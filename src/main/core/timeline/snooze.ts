/**
 * When a snooze ends, in the journal's time zone and working week (the planner's), counted from
 * `from`: now for an action due or overdue, its due moment for one not due yet (the caller's
 * choice: a snooze never brings a reminder sooner).
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { SNOOZE_MORNING_HOUR, SNOOZE_WORKDAY_HOUR } from '../../../shared/snooze';
import type { SnoozeChoice } from '../../../shared/snooze';

export function snoozeUntil(choice: SnoozeChoice, from: Date, timeZone: string, workingWeek: readonly number[]): Date {
  if (choice === 'hour') return new Date(from.getTime() + 3_600_000);
  // TZDate keeps its calendar fields in the zone, so "the next day" is the zone's next day.
  let day = addDays(new TZDate(from.getTime(), timeZone), 1);
  if (choice === 'next-working-day') {
    for (let i = 0; i < 7 && !workingWeek.includes(day.getDay()); i++) day = addDays(day, 1);
  }
  const hour = choice === 'tomorrow-morning' ? SNOOZE_MORNING_HOUR : SNOOZE_WORKDAY_HOUR;
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, 0, 0, timeZone).getTime());
}
