/**
 * The day's list, shared by Today, its count in the navigation and the line above the board:
 * one query for everything open until the end of the week (patched in place by every change; a
 * new key when the day turns), split into due today, overdue, and later this week.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, endOfDay } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import type { DueAction } from '../../../../shared/calls/planner-calls';
import { effectiveDue } from '../../../../shared/domain';
import { useCall } from '../../data/hooks';
import { isOverdue, useFormat } from '../../format';

/** Since when overdue items are listed (the planner itself drops what can no longer be done). */
const SINCE = '2000-01-01T00:00:00.000Z';

export interface DueList {
  readonly loaded: boolean;
  readonly error: Error | null;
  readonly today: readonly DueAction[];
  readonly overdue: readonly DueAction[];
  readonly week: readonly DueAction[];
  readonly now: number;
}

/** The time, moved on once a minute (countdowns and what counts as overdue follow it). */
export function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function useDueList(): DueList {
  const { timeZone } = useFormat();
  const minute = useMinute();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(minute);
  const range = useMemo(() => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const noon = new TZDate(y, m - 1, d, 12, 0, 0, timeZone);
    return { endOfToday: endOfDay(noon).getTime(), to: new Date(endOfDay(addDays(noon, 6)).getTime()).toISOString() };
  }, [timeZone, day]);
  const due = useCall('actions.inRange', { from: SINCE, to: range.to });
  return useMemo(() => {
    // The clock of the last change or minute: an action that came due a moment ago counts.
    const now = Math.max(minute, Date.now());
    const all = due.data ?? [];
    const overdue = all.filter((a) => isOverdue(a, now));
    const rest = all.filter((a) => !isOverdue(a, now));
    return {
      loaded: due.data !== undefined,
      error: due.error,
      today: rest.filter((a) => Date.parse(effectiveDue(a)) <= range.endOfToday),
      overdue,
      week: rest.filter((a) => Date.parse(effectiveDue(a)) > range.endOfToday),
      now,
    };
  }, [due.data, due.error, minute, range.endOfToday]);
}
