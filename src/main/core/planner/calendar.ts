/**
 * Dates in the user's time zone. Two kinds of arithmetic, as docs/follow-up-rules.md "The rules" asks: the thank-you,
 * reflection and LinkedIn windows count absolute hours (weekends included, and a daylight-saving
 * change does not stretch "24 hours"); contacting the employer lands on business days, on
 * calendar dates in the user's zone.
 *
 * The answers come from @date-fns/tz (a zone's offset at an instant: `tzOffset`) and date-fns
 * (naming a date), and `calendar.test.ts` checks every function against @date-fns/tz's `TZDate`
 * across daylight-saving changes. What is written here is what the planner benchmark showed the
 * libraries too slow for, called per card when a whole board is planned (`npm run bench --
 * --planner`, 10,000 cards in memory: 2,675 ms with every date through the libraries, against
 * 171 ms with the fast paths below, on the same loaded machine):
 *
 * - each zone's offset is asked of `tzOffset` once per UTC day and remembered (1.4 µs a call,
 *   against 0.05 µs remembered), and wall-clock conversions are arithmetic on it (a `TZDate` costs
 *   3.5 µs to build, `TZDate.tz` 12 µs, `format(..., { in: tz(zone) })` 8.5 µs);
 * - calendar dates are day numbers inside, each string converted once (date-fns' `addDays` and
 *   `format` in UTC cost 27 µs a step, against 0.02 µs), and named by date-fns once per date;
 * - instants are written by `isoString` (0.15 µs; `toISOString` 0.6 µs, date-fns' `formatISO`
 *   5.3 µs and without milliseconds), and moved by hours with plain arithmetic.
 *
 * Working days follow the user's working week (docs/follow-up-rules.md "The rules": Monday to
 * Friday unless changed); date-fns' business days assume a Saturday and Sunday weekend, so the
 * steps are counted here.
 */
import { tz, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { millisecondsInDay, millisecondsInHour } from 'date-fns/constants';
import type { CalendarDate } from '../../../shared/domain';

export const HOUR = millisecondsInHour;
export const DAY = millisecondsInDay;

/** An instant some hours later (date-fns' `addHours` costs 120 ns a call against 40 ns). */
export const addHours = (instant: Date, hours: number): Date => new Date(instant.getTime() + hours * HOUR);

// ---- time zones ----------------------------------------------------------------------------

const dayOffsets = new Map<string, Map<number, number | null>>();

/** Minutes to add to UTC to get the wall clock in the zone at that instant. */
export function offsetMinutes(timeZone: string, ms: number): number {
  let zone = dayOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    dayOffsets.set(timeZone, zone);
  }
  const day = Math.floor(ms / DAY);
  let offset = zone.get(day);
  if (offset === undefined) {
    // The same offset at the start and the end of the UTC day holds all day; on the day of a
    // change (null) each instant is asked exactly.
    const start = tzOffset(timeZone, new Date(day * DAY));
    offset = start === tzOffset(timeZone, new Date(day * DAY + DAY - 1000)) ? start : null;
    zone.set(day, offset);
  }
  return offset ?? tzOffset(timeZone, new Date(ms));
}

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const ms = instant.getTime();
  return dateOfDay(Math.floor((ms + offsetMinutes(timeZone, ms) * 60_000) / DAY));
}

/** The local hour (0-23, fractional minutes) of an instant in a time zone. */
export function localHour(instant: Date, timeZone: string): number {
  const local = new Date(instant.getTime() + offsetMinutes(timeZone, instant.getTime()) * 60_000);
  return local.getUTCHours() + local.getUTCMinutes() / 60;
}

/**
 * The instant of a wall-clock time on a date in a zone. A time that happens twice (clocks go
 * back) is the first one; a time skipped by clocks going forward moves forward by the gap (as
 * `TZDate.tz` does).
 */
export function atLocalTime(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const wall = dayNumber(date) * DAY + hour * HOUR + minute * 60_000;
  // The offsets a day either side: no zone changes its clocks twice within two days.
  const before = offsetMinutes(timeZone, wall - DAY);
  const after = offsetMinutes(timeZone, wall + DAY);
  if (before === after) return new Date(wall - before * 60_000);
  const early = wall - before * 60_000;
  const late = wall - after * 60_000;
  const earlyHolds = offsetMinutes(timeZone, early) === before;
  const lateHolds = offsetMinutes(timeZone, late) === after;
  // Twice: the first. Once: that one. Never (a gap): by the offset before it, past the gap.
  if (earlyHolds && lateHolds) return new Date(Math.min(early, late));
  return new Date(lateHolds && !earlyHolds ? late : early);
}

// ---- calendar dates --------------------------------------------------------------------------
// Strings at the edges, day numbers (days since 1970-01-01) inside; each conversion remembered,
// since a plan asks about the same few dates again and again.

const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, CalendarDate>();

export function dayNumber(date: CalendarDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

export function dateOfDay(n: number): CalendarDate {
  let s = dayStrings.get(n);
  if (s === undefined) {
    s = isoString(n * DAY).slice(0, 10);
    if (dayStrings.size > 100_000) dayStrings.clear();
    dayStrings.set(n, s);
  }
  return s;
}

export const addDays = (date: CalendarDate, days: number): CalendarDate => dateOfDay(dayNumber(date) + days);

/** 0 = Sunday ... 6 = Saturday (1 January 1970 was a Thursday). */
export const weekdayOf = (date: CalendarDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

export const isWorkingDay = (date: CalendarDate, workingWeek: readonly number[]): boolean => workingWeek.includes(weekdayOf(date));

/** The date itself when it is a working day, else the next working day. */
export function onOrNextWorkingDay(date: CalendarDate, workingWeek: readonly number[]): CalendarDate {
  let current = date;
  for (let i = 0; i < 7 && !isWorkingDay(current, workingWeek); i++) current = addDays(current, 1);
  return current;
}

/** The first working day strictly after the date. */
export const nextWorkingDay = (date: CalendarDate, workingWeek: readonly number[]): CalendarDate =>
  onOrNextWorkingDay(addDays(date, 1), workingWeek);

/** Moves forward n working days (n = 0: the date itself, moved to a working day). */
export function addWorkingDays(date: CalendarDate, n: number, workingWeek: readonly number[]): CalendarDate {
  let current = onOrNextWorkingDay(date, workingWeek);
  for (let i = 0; i < n; i++) current = nextWorkingDay(current, workingWeek);
  return current;
}

export const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b);

/** Whether the working week is the usual Monday to Friday (the sentences then say "business day"). */
export const isMondayToFriday = (workingWeek: readonly number[]): boolean =>
  workingWeek.length === 5 && [1, 2, 3, 4, 5].every((d) => workingWeek.includes(d));

const described = new Map<CalendarDate, string>();
const utc = tz('UTC');

/** "Friday 4 December" for sentences shown to the user. */
export function describeDate(date: CalendarDate): string {
  let text = described.get(date);
  if (text === undefined) {
    text = format(dayNumber(date) * DAY, 'EEEE d MMMM', { in: utc });
    if (described.size > 10_000) described.clear();
    described.set(date, text);
  }
  return text;
}

/** "15:05": the wall-clock time of an instant in the zone, on a 24-hour clock (unambiguous in any English). */
export function describeTime(instant: Date, timeZone: string): string {
  const minutes = Math.round(localHour(instant, timeZone) * 60);
  return `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// ---- instants ------------------------------------------------------------------------------

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * `Date.prototype.toISOString`, four times faster: planning a whole board writes tens of
 * thousands of instants. Same output for years 0 to 9999 (Howard Hinnant's civil-from-days).
 */
export function isoString(ms: number): string {
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${TWO[m]}-${TWO[d]}T${TWO[hours]}:${TWO[minutes]}:${TWO[seconds]}.${THREE[millis]}Z`;
}
