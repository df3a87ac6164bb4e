/**
 * Runs the reminder scheduler on a core: it reads from the planner the moment each card next has
 * something to notify, and plans its timer again after each call that changed the journal or the
 * settings has answered. It starts once the journal may be written (`ready`: its check passed).
 */
import type { CoreContext } from '../core-context';
import { ReminderScheduler } from './scheduler';
import type { Notice } from './scheduler';

export interface RunningReminders {
  readonly scheduler: ReminderScheduler;
  stop(): void;
}

export function runReminders({ db, planner, settings, now, events }: CoreContext, notify: (notice: Notice) => void, ready: true | Promise<boolean> = true): RunningReminders {
  const scheduler = new ReminderScheduler({
    db,
    plans: { cards: () => planner.cards(), dueBy: (until) => planner.dueBy(until) },
    settings: () => settings.get(),
    notify,
    now,
  });
  // Once per burst of changes, after the call that made them has answered.
  let pending: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const unsubscribe = events.subscribe((event) => {
    if (event.type !== 'journal.changed' && event.type !== 'settings.changed') return;
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      if (!stopped) scheduler.reschedule();
    }, 0);
  });
  if (ready === true) scheduler.start();
  else void ready.then((ok) => ok && !stopped && scheduler.start());
  return {
    scheduler,
    stop() {
      stopped = true;
      unsubscribe();
      if (pending) clearTimeout(pending);
      scheduler.stop();
    },
  };
}
