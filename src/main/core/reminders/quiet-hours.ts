/** Quiet hours (docs/follow-up-rules.md "Reminders": default 21:00 to 08:00, in the user's time zone). Pure. */
import { addDays, atLocalTime, localDate, localHour } from '../planner/calendar';

export interface QuietHours {
  readonly start: string; // "21:00"
  readonly end: string; // "08:00"
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function isQuiet(at: Date, quiet: QuietHours, timeZone: string): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const m = Math.round(localHour(at, timeZone) * 60);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** When the quiet hours around `at` end (only meaningful when `at` is quiet). */
export function quietEnd(at: Date, quiet: QuietHours, timeZone: string): Date {
  const end = minutesOf(quiet.end);
  const today = localDate(at, timeZone);
  const m = Math.round(localHour(at, timeZone) * 60);
  const day = m < end ? today : addDays(today, 1);
  return atLocalTime(day, Math.floor(end / 60), end % 60, timeZone);
}
