import { useDueList } from '../today/use-due-list';

/**
 * One line above the board: how much is due today and overdue, and the way to the day's list.
 * (The list itself, grouped by company and acting in place, is Today.)
 */
export function DueStrip({ onOpenToday }: { onOpenToday: () => void }) {
  const due = useDueList();
  if (!due.loaded) return null;
  const today = due.today.length;
  const overdue = due.overdue.length;
  return (
    <section className="due-strip" aria-label="Due today">
      {today + overdue === 0 ? (
        <p className="muted">Nothing is due today.</p>
      ) : (
        <p>
          <strong>{today}</strong> due today
          {overdue > 0 && (
            <>
              {' · '}
              <span className="overdue-count">
                <span aria-hidden="true">⚠ </span>
                <strong>{overdue}</strong> overdue
              </span>
            </>
          )}
        </p>
      )}
      <button type="button" className="secondary small" onClick={onOpenToday}>
        Open Today
      </button>
    </section>
  );
}
