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
import { useFormat } from '../../format';

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

/** The day's date (YYYY-MM-DD) in a zone: one formatter per zone (building one costs more than using it). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone })));
  return format;
}

export function useDueList(): DueList {
  const { timeZone } = useFormat();
  const minute = useMinute();
  const day = dayIn(timeZone).format(minute);
  const range = useMemo(() => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const noon = new TZDate(y, m - 1, d, 12, 0, 0, timeZone);
    return { endOfToday: endOfDay(noon).getTime(), to: new Date(endOfDay(addDays(noon, 6)).getTime()).toISOString() };
  }, [timeZone, day]);
  // Patched in place by every change (patchDueLists keeps the actions that did not change): the
  // library's deep comparison of thousands of actions after each patch is not needed.
  const due = useCall('actions.inRange', { from: SINCE, to: range.to }, { structuralSharing: false });
  const split = due.data ? splitDue(due.data, minute, range.endOfToday) : EMPTY_SPLIT;
  return useMemo(() => ({ loaded: due.data !== undefined, error: due.error, ...split }), [due.data, due.error, split]);
}

type Split = Pick<DueList, 'today' | 'overdue' | 'week' | 'now'>;
const EMPTY_SPLIT: Split = { today: [], overdue: [], week: [], now: 0 };
/**
 * The list split once per answer and minute, whoever asks: the navigation's count, the line above
 * the board and Today all read the same split (a move patches the list; splitting it three times
 * was a third of the drop's work).
 */
const splits = new WeakMap<readonly DueAction[], { readonly minute: number; readonly endOfToday: number; readonly split: Split }>();

/** An action's due and effective due times, read once per action (a patch keeps the actions it did not change). */
const times = new WeakMap<DueAction, { readonly due: number; readonly effective: number }>();
function timesOf(a: DueAction): { readonly due: number; readonly effective: number } {
  let known = times.get(a);
  if (!known) times.set(a, (known = { due: Date.parse(a.due), effective: Date.parse(effectiveDue(a)) }));
  return known;
}

function splitDue(all: readonly DueAction[], minute: number, endOfToday: number): Split {
  const known = splits.get(all);
  if (known?.minute === minute && known.endOfToday === endOfToday) return known.split;
  // The clock of the last change or minute: an action that came due a moment ago counts.
  const now = Math.max(minute, Date.now());
  const overdue: DueAction[] = [];
  const today: DueAction[] = [];
  const week: DueAction[] = [];
  for (const a of all) {
    const at = timesOf(a);
    if (a.status === 'pending' && at.due < now) overdue.push(a);
    else if (at.effective <= endOfToday) today.push(a);
    else week.push(a);
  }
  const split = { today, overdue, week, now };
  splits.set(all, { minute, endOfToday, split });
  return split;
}
