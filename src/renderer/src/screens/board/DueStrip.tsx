import type { Action } from '../../../../shared/domain';
import { api } from '../../api/bridge';
import { actionLabel, countdown, effectiveDue, isOverdue } from '../../format';
import { useJournalQuery } from '../../use-journal';

const endOfToday = () => {
  const d = new Date();
  d.setHours(23, 59, 59, 999);
  return d;
};

/** What is due today (and anything overdue), above the board; a click opens the card. */
export function DueStrip({ onOpen, now: tick }: { onOpen: (id: number) => void; now: number }) {
  const due = useJournalQuery(
    () => api['actions.inRange']({ from: new Date(Date.now() - 60 * 86_400_000).toISOString(), to: endOfToday().toISOString() }),
    [],
  );
  const actions: readonly Action[] = due.value ?? [];
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
