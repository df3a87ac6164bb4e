/**
 * The period Insights looks at, in the journal's time zone: its first and last day (both
 * included) and the instants they start and end, plus the weeks (or months) the activity chart
 * counts in. Day boundaries come from the planner's calendar, so a daylight-saving change moves
 * midnight with the clock.
 */
import type { Database } from 'better-sqlite3';
import type { CalendarDate } from '../../../shared/domain';
import type { InsightsPeriod, InsightsPeriodKind } from '../../../shared/calls/insights-calls';
import { addDays, atLocalTime, dayNumber, localDate, weekdayOf } from '../planner/calendar';

export interface ResolvedPeriod extends InsightsPeriod {
  /** The first instant of the period, and the first after it (ISO strings, as the journal stores them). */
  readonly fromIso: string;
  readonly toIso: string;
}

export interface PeriodQuery {
  readonly period: InsightsPeriodKind;
  readonly from?: CalendarDate | undefined;
  readonly to?: CalendarDate | undefined;
}

/** More weeks than this and the activity chart counts months (a bar a week stops being readable). */
export const MAX_WEEKS = 60;

const instantOf = (date: CalendarDate, timeZone: string): string => atLocalTime(date, 0, 0, timeZone).toISOString();

export function resolvePeriod(db: Database, query: PeriodQuery, now: Date, timeZone: string): ResolvedPeriod {
  const today = localDate(now, timeZone);
  const [from, to] = ((): [CalendarDate, CalendarDate] => {
    switch (query.period) {
      case 'last-30-days':
        return [addDays(today, -29), today];
      case 'last-90-days':
        return [addDays(today, -89), today];
      case 'this-year':
        return [`${today.slice(0, 4)}-01-01`, today];
      case 'all-time':
        return [firstDayOfJournal(db, timeZone) ?? today, today];
      case 'custom':
        return [query.from ?? today, query.to ?? today];
      default: {
        const never: never = query.period;
        throw new Error(`unknown period ${String(never)}`);
      }
    }
  })();
  // A journal whose first entry is dated after today (a round planned ahead) still has today.
  const first = from > to ? to : from;
  return { kind: query.period, from: first, to, timeZone, fromIso: instantOf(first, timeZone), toIso: instantOf(addDays(to, 1), timeZone) };
}

/** The day of the journal's first opportunity or round, whichever came first (through their indexes). */
function firstDayOfJournal(db: Database, timeZone: string): CalendarDate | null {
  const first = db
    .prepare<[], { at: string | null }>(
      `SELECT min((SELECT min(created_at) FROM opportunities), coalesce((SELECT min(starts_at) FROM rounds), '9999')) AS at`,
    )
    .get()?.at;
  return first ? localDate(new Date(first), timeZone) : null;
}

export interface Bucket {
  /** First day of the bucket, clipped to the period. */
  readonly start: CalendarDate;
  readonly fromIso: string;
  readonly toIso: string;
}

/** Weeks from Monday (or months, for a long period), clipped to the period's first and last day. */
export function buckets(period: ResolvedPeriod): { unit: 'week' | 'month'; buckets: Bucket[] } {
  const monday = addDays(period.from, -((weekdayOf(period.from) + 6) % 7));
  const weeks = Math.floor((dayNumber(period.to) - dayNumber(monday)) / 7) + 1;
  const unit = weeks > MAX_WEEKS ? 'month' : 'week';
  const starts: CalendarDate[] = [];
  if (unit === 'week') {
    for (let d = monday; d <= period.to; d = addDays(d, 7)) starts.push(d);
  } else {
    for (let d = `${period.from.slice(0, 7)}-01`; d <= period.to; d = nextMonth(d)) starts.push(d);
  }
  const end = addDays(period.to, 1);
  return {
    unit,
    buckets: starts.map((start, i) => {
      const clipped = start < period.from ? period.from : start;
      const next = starts[i + 1] ?? end;
      return { start: clipped, fromIso: instantOf(clipped, period.timeZone), toIso: instantOf(next, period.timeZone) };
    }),
  };
}

function nextMonth(date: CalendarDate): CalendarDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
