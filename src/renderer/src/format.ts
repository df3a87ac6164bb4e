/**
 * How dates and countdowns read to the user: in their locale, and in the journal's time zone, the
 * zone the planner used (not the browser's: with the journal in New York on a machine in UTC, the
 * reflection "due the same evening" must read as the evening). A date outside the current year
 * shows its year. Date inputs are read and written in the same zone.
 */
import { TZDate } from '@date-fns/tz';
import { createContext, useContext } from 'react';
import type { Action } from '../../shared/domain';
import { ACTION_TITLES, effectiveDue } from '../../shared/domain';

export { effectiveDue };

/**
 * Overdue: open (not snoozed) and past its due time. A snooze that has ended does not make an
 * action new again: a thank-you due yesterday and snoozed until now is overdue now.
 */
export const isOverdue = (action: Pick<Action, 'status' | 'due'>, now: number): boolean => action.status === 'pending' && Date.parse(action.due) < now;

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "in 5 hours", "tomorrow", "2 days ago". */
export function countdown(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  if (abs < 3_600_000) return relative.format(Math.round(diff / 60_000), 'minute');
  if (abs < 36 * 3_600_000) return relative.format(Math.round(diff / 3_600_000), 'hour');
  return relative.format(Math.round(diff / 86_400_000), 'day');
}

export function actionLabel(action: Pick<Action, 'kind' | 'recipient'>): string {
  const title = ACTION_TITLES[action.kind];
  return action.recipient ? `${title}: ${action.recipient.name}` : title;
}

export interface Format {
  readonly timeZone: string;
  /** "Mon, 23 Nov, 14:00" (with the year when it is not this year's). */
  dateTime(iso: string): string;
  /** A calendar date, `YYYY-MM-DD`: "Mon, 23 Nov" (with the year when it is not this year's). */
  date(calendarDate: string): string;
  /** A day of an instant: "Mon, 23 Nov". */
  day(iso: string): string;
  /** The `YYYY-MM-DDTHH:mm` of an instant in the journal's zone, for a datetime-local input. */
  toInput(iso: string): string;
  /** The instant a datetime-local input names in the journal's zone, or null. */
  fromInput(value: string): string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatIn(timeZone: string, now: () => Date = () => new Date()): Format {
  const yearOf = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
  const withTime = (year: boolean) =>
    new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', ...(year ? { year: 'numeric' } : {}) });
  const dayOnly = (year: boolean, zone: string) => new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', ...(year ? { year: 'numeric' } : {}) });
  const formats = { time: withTime(false), timeYear: withTime(true), day: dayOnly(false, timeZone), dayYear: dayOnly(true, timeZone), date: dayOnly(false, 'UTC'), dateYear: dayOnly(true, 'UTC') };
  // The current year, read again at most once a minute (a board formats hundreds of dates a render).
  let year = { at: -Infinity, value: '' };
  const thisYear = () => {
    const t = now().getTime();
    if (Math.abs(t - year.at) > 60_000) year = { at: t, value: yearOf.format(new Date(t)) };
    return year.value;
  };
  // Intl formatting costs about 10 µs a date and a card's dates rarely change: each text is kept,
  // keyed by the year it was written in (a date shows its year only outside the current one).
  const written = new Map<string, string>();
  const remembered = (kind: string, iso: string, write: () => string): string => {
    const key = `${kind}${thisYear()}${iso}`;
    let text = written.get(key);
    if (text === undefined) {
      if (written.size > 20_000) written.clear();
      written.set(key, (text = write()));
    }
    return text;
  };
  return {
    timeZone,
    dateTime: (iso) =>
      remembered('t', iso, () => {
        const d = new Date(iso);
        return (yearOf.format(d) === thisYear() ? formats.time : formats.timeYear).format(d);
      }),
    day: (iso) =>
      remembered('d', iso, () => {
        const d = new Date(iso);
        return (yearOf.format(d) === thisYear() ? formats.day : formats.dayYear).format(d);
      }),
    date: (calendarDate) => {
      // A calendar date has no zone: noon UTC of that day, written in UTC, is that day everywhere.
      const d = new Date(`${calendarDate}T12:00:00Z`);
      return (calendarDate.slice(0, 4) === thisYear() ? formats.date : formats.dateYear).format(d);
    },
    toInput: (iso) => {
      const d = new TZDate(Date.parse(iso), timeZone);
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    },
    fromInput: (value) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
      if (!m) return null;
      const d = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), 0, timeZone);
      return Number.isNaN(d.getTime()) ? null : new Date(d.getTime()).toISOString();
    },
  };
}

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const TimeZoneContext = createContext<string>(browserZone);
export const TimeZoneProvider = TimeZoneContext.Provider;

/** The formats of the journal's time zone (from the settings; the browser's until they are read). */
export function useFormat(): Format {
  return formatOf(useContext(TimeZoneContext));
}

/**
 * One set of formats per zone for the whole page: building one costs seven Intl formatters (about
 * a millisecond), which a card mounted on a drop, or each of a thousand cards on the first
 * render, would otherwise pay; and the texts written are shared by every screen.
 */
const formatsByZone = new Map<string, Format>();
export function formatOf(zone: string): Format {
  let format = formatsByZone.get(zone);
  if (!format) formatsByZone.set(zone, (format = formatIn(zone)));
  return format;
}
