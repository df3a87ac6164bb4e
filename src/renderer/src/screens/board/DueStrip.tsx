import type { Action } from '../../../../shared/domain';
import { TZDate } from '@date-fns/tz';
import { endOfDay } from 'date-fns';
import { useMemo } from 'react';
import { useCall } from '../../data/hooks';
import { actionLabel, countdown, effectiveDue, isOverdue, useFormat } from '../../format';

/** The end of today in the journal's zone, and sixty days back: the due strip's window (one query key per day). */
function window(timeZone: string, now: number): { from: string; to: string } {
  const end = endOfDay(new TZDate(now, timeZone));
  return { from: new Date(end.getTime() - 61 * 86_400_000 + 1).toISOString(), to: new Date(end.getTime()).toISOString() };
}

/** What is due today (and anything overdue), above the board; a click opens the card. */
export function DueStrip({ onOpen, now: tick }: { onOpen: (id: number) => void; now: number }) {
  const { timeZone } = useFormat();
  const day = useMemo(() => window(timeZone, tick), [timeZone, tick]);
  const due = useCall('actions.inRange', day);
  const actions: readonly Action[] = due.data ?? [];
  // Fresh at every render: the list reloads when something comes due, between the board's ticks.
  const now = Math.max(tick, Date.now());
  return (
    <section className="due-strip" aria-label="Due today">
      <h2>Due today</h2>
      {actions.length === 0 ? (
        <p className="muted">Nothing due today.</p>
      ) : (
        <ul>
          {actions.slice(0, 12).map((a) => (
            <li key={a.key}>
              <button type="button" className={isOverdue(a, now) ? 'due-item overdue' : 'due-item'} onClick={() => onOpen(a.opportunityId)}>
                {isOverdue(a, now) && <span aria-hidden="true">⚠ </span>}
                {isOverdue(a, now) ? 'Overdue: ' : ''}
                {actionLabel(a)} <span className="countdown">{countdown(effectiveDue(a), now)}</span>
              </button>
            </li>
          ))}
          {actions.length > 12 && <li className="muted">and {actions.length - 12} more</li>}
        </ul>
      )}
    </section>
  );
}
