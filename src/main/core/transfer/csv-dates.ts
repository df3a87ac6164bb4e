/**
 * Dates as spreadsheets and trackers write them: ISO (2026-11-23, with or without a time or an
 * offset), numbers with slashes, dashes or dots (11/23/2026 or 23/11/2026: the order comes from the
 * column itself when a day above 12 settles it, or from the user when nothing does), names of
 * months (23 Nov 2026, Nov 23, 2026, Monday, November 23, 2026), and Excel's day numbers. A date
 * that does not exist (2026-02-30) or cannot be read is an error that says so.
 */
import { isRealCalendarDate } from '../../../shared/contract';

export type Order = 'mdy' | 'dmy';

export interface ParsedDate {
  /** The calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:MM` when the cell had a time. */
  readonly time: string | null;
  /** When the cell named an exact instant (an offset or Z): that instant, in UTC. */
  readonly instant: string | null;
}

export type DateResult = { readonly ok: true; readonly value: ParsedDate } | { readonly ok: false; readonly message: string };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const EXPECTED = 'write it like 2026-11-23, 11/23/2026, 23/11/2026 or 23 Nov 2026';

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

function calendar(year: number, month: number, day: number, raw: string, hint = ''): DateResult | string {
  if (month < 1 || month > 12) return { ok: false, message: `"${raw}" has no month ${month}${hint}` };
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!isRealCalendarDate(date)) {
    if (year < 1900 || year > 2200) return { ok: false, message: `"${raw}" is not a plausible year (${year})` };
    return { ok: false, message: `"${raw}" is not a real date (${MONTH_NAMES[month - 1]} has no day ${day})${hint}` };
  }
  return date;
}

/** `10:00`, `9:30 pm`, `3pm`, `15:30:00`: `HH:MM`, or null when it is not a time. */
// 'invalid' is spelt out for the reader: a time that is there but cannot be read.
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
export function parseTime(text: string): string | null | 'invalid' {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const m = /^(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) return 'invalid';
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (m[3]) {
    if (hour < 1 || hour > 12) return 'invalid';
    if (m[3].startsWith('p') && hour !== 12) hour += 12;
    if (m[3].startsWith('a') && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59) return 'invalid';
  return `${pad(hour)}:${pad(minute)}`;
}

/** Splits a trailing time off a date cell (`23/11/2026 10:00`, `Nov 23, 2026 3:30 PM`). */
function splitTime(text: string): { date: string; time: string | null } | 'invalid' {
  const m = /^(.*?)[\sT,]+(\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)$/i.exec(text);
  if (!m) return { date: text, time: null };
  const time = parseTime(m[2]!);
  if (time === 'invalid') return 'invalid';
  return { date: m[1]!.trim(), time };
}

/** Which order numbers like 03/04/2026 are in, from a whole column. */
export function detectDateOrder(values: readonly string[]): { order: Order | null; ambiguous: boolean; conflicting: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  let numeric = false;
  for (const v of values) {
    const m = /^\s*(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})\b/.exec(v);
    if (!m) continue;
    numeric = true;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst = true;
    if (b > 12 && a <= 12) monthFirst = true;
  }
  if (dayFirst && !monthFirst) return { order: 'dmy', ambiguous: false, conflicting: false };
  if (monthFirst && !dayFirst) return { order: 'mdy', ambiguous: false, conflicting: false };
  return { order: null, ambiguous: numeric && !dayFirst && !monthFirst, conflicting: dayFirst && monthFirst };
}

export function parseDate(cell: string, order: Order): DateResult {
  const raw = cell.trim();
  if (raw === '') return { ok: false, message: 'is empty' };
  const text = raw.replace(WEEKDAY, '');

  // ISO 8601, with an optional time and offset.
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (iso) {
    const date = calendar(Number(iso[1]), Number(iso[2]), Number(iso[3]), raw);
    if (typeof date !== 'string') return date;
    if (iso[4] === undefined) return { ok: true, value: { date, time: null, instant: null } };
    const hour = Number(iso[4]);
    const minute = Number(iso[5]);
    if (hour > 23 || minute > 59) return { ok: false, message: `"${raw}" has a time that does not exist` };
    const time = `${pad(hour)}:${pad(minute)}`;
    if (!iso[7]) return { ok: true, value: { date, time, instant: null } };
    const offset = iso[7].toUpperCase() === 'Z' ? 'Z' : iso[7].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    return { ok: true, value: { date, time, instant: new Date(`${date}T${time}:${pad(Number(iso[6] ?? 0))}${offset}`).toISOString() } };
  }

  // Excel's day numbers (days since 1899-12-30), when a date column was saved as numbers.
  const serial = /^(\d{5})(?:\.(\d+))?$/.exec(text);
  if (serial) {
    const days = Number(serial[1]);
    if (days >= 20_000 && days <= 80_000) {
      const at = new Date(Date.UTC(1899, 11, 30) + Math.round(Number(`${days}.${serial[2] ?? 0}`) * 86_400_000));
      const time = serial[2] ? `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}` : null;
      return { ok: true, value: { date: at.toISOString().slice(0, 10), time, instant: null } };
    }
  }

  const split = splitTime(text);
  if (split === 'invalid') return { ok: false, message: `"${raw}" has a time that does not exist` };
  const d = split.date.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();

  // 2026/11/23, 2026.11.23
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(d);
  if (ymd) return done(calendar(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), raw), split.time);

  // 23.11.2026 is always day first (German, Swiss, ... spreadsheets).
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(d);
  if (dotted) return done(calendar(fullYear(dotted[3]!), Number(dotted[2]), Number(dotted[1]), raw), split.time);

  const numeric = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(d);
  if (numeric) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), fullYear(numeric[3]!)];
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    const hint = order === 'mdy' ? ' in month/day/year order; if the file puts the day first, choose day/month/year' : ' in day/month/year order; if the file puts the month first, choose month/day/year';
    return done(calendar(year, month, day, raw, hint), split.time);
  }

  // 23 Nov 2026, 23-Nov-2026, 23 November 2026
  const dayName = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]([a-z]+)\.?[\s-](\d{4})$/i.exec(d);
  if (dayName) {
    const month = MONTHS[dayName[2]!.toLowerCase()];
    if (month) return done(calendar(Number(dayName[3]), month, Number(dayName[1]), raw), split.time);
  }
  // Nov 23 2026, November 23rd 2026
  const nameDay = /^([a-z]+)\.?\s(\d{1,2})(?:st|nd|rd|th)?\s(\d{4})$/i.exec(d);
  if (nameDay) {
    const month = MONTHS[nameDay[1]!.toLowerCase()];
    if (month) return done(calendar(Number(nameDay[3]), month, Number(nameDay[2]), raw), split.time);
  }
  return { ok: false, message: `"${raw}" is not a date Afterword can read (${EXPECTED})` };
}

function done(date: DateResult | string, time: string | null): DateResult {
  if (typeof date !== 'string') return date;
  return { ok: true, value: { date, time, instant: null } };
}
