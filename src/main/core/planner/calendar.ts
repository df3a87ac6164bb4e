/**
 * Dates in the user's time zone. Two kinds of arithmetic, as PLAYBOOK §3 asks: the thank-you,
 * reflection and LinkedIn windows count absolute hours (weekends included, and a daylight-saving
 * change does not stretch "24 hours"); contacting the employer lands on business days, on
 * calendar dates in the user's zone.
 */
import { TZDate } from '@date-fns/tz';
import type { CalendarDate } from '../../../shared/domain';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const addHours = (instant: Date, hours: number): Date => new Date(instant.getTime() + hours * HOUR);

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const d = new TZDate(instant.getTime(), timeZone);
  return ymd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** The local hour (0-23, fractional minutes) of an instant in a time zone. */
export function localHour(instant: Date, timeZone: string): number {
  const d = new TZDate(instant.getTime(), timeZone);
  return d.getHours() + d.getMinutes() / 60;
}

/** The instant of a wall-clock time on a date in a zone (a time skipped by DST moves forward). */
export function atLocalTime(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = parts(date);
  return new Date(new TZDate(y, m - 1, d, hour, minute, timeZone).getTime());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

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
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

const ymd = (y: number, m: number, d: number): CalendarDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
