/**
 * Dates in the user's time zone. Two kinds of arithmetic, as docs/follow-up-rules.md "The rules" asks: the thank-you,
 * reflection and LinkedIn windows count absolute hours (weekends included, and a daylight-saving
 * change does not stretch "24 hours"); contacting the employer lands on business days, on
 * calendar dates in the user's zone.
 */
import type { CalendarDate } from '../../../shared/domain';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const addHours = (instant: Date, hours: number): Date => new Date(instant.getTime() + hours * HOUR);

// ---- time zones ----------------------------------------------------------------------------
// Intl answers "what is the wall-clock time here" but is slow to ask thousands of times when a
// whole board is planned. The offset is constant over almost every day, so it is asked once per
// zone and UTC day (twice: at its start and end) and remembered; only on the day of a change is
// each instant asked exactly.

const formatters = new Map<string, Intl.DateTimeFormat>();
const dayOffsets = new Map<string, Map<number, number | null>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes to add to UTC to get the wall clock in the zone at that instant (exact, slow). */
function exactOffset(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(whole))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - whole) / 60_000);
}

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
    const start = exactOffset(timeZone, day * DAY);
    offset = start === exactOffset(timeZone, day * DAY + DAY - 1000) ? start : null;
    zone.set(day, offset);
  }
  return offset ?? exactOffset(timeZone, ms);
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
 * back) is the first one; a time skipped by clocks going forward moves forward by the gap.
 */
export function atLocalTime(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const wall = dayNumber(date) * DAY + hour * HOUR + minute * 60_000;
  const before = offsetMinutes(timeZone, wall);
  let t = wall - before * 60_000;
  const after = offsetMinutes(timeZone, t);
  if (after !== before) {
    const retry = wall - after * 60_000;
    // In a gap neither offset round-trips: keep the earlier offset, which lands after the gap.
    t = offsetMinutes(timeZone, retry) === after ? retry : t;
  }
  return new Date(t);
}

// Calendar dates are strings at the edges and day numbers (days since 1970-01-01) inside;
// both conversions are remembered, since a plan asks about the same few dates again and again.
const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, CalendarDate>();

export function dayNumber(date: CalendarDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    const [y, m, d] = parts(date);
    n = Date.UTC(y, m - 1, d) / DAY;
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

export function dateOfDay(n: number): CalendarDate {
  let s = dayStrings.get(n);
  if (s === undefined) {
    const t = new Date(n * DAY);
    s = ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
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

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const weekdayName = (date: CalendarDate): string => WEEKDAY_NAMES[weekdayOf(date)]!;

/** "Friday 4 December" for sentences shown to the user. */
export function describeDate(date: CalendarDate): string {
  const [, m, d] = parts(date);
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
  return `${weekdayName(date)} ${d} ${month}`;
}

function parts(date: CalendarDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const ymd = (y: number, m: number, d: number): CalendarDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * `Date.prototype.toISOString`, about ten times faster: planning a whole board writes tens of
 * thousands of instants, and V8's version costs over a microsecond each. Same output for years
 * 0 to 9999 (Howard Hinnant's civil-from-days).
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
