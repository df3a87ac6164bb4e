/**
 * Runs the reminder scheduler on a core: it reads every open action from the planner, and plans
 * its timer again after each call that changed the journal or the settings has answered.
 */
import type { CoreContext } from '../core-context';
import { ReminderScheduler } from './scheduler';
import type { Notice } from './scheduler';

export interface RunningReminders {
  readonly scheduler: ReminderScheduler;
  stop(): void;
}

export function runReminders({ db, planner, settings, now, events }: CoreContext, notify: (notice: Notice) => void): RunningReminders {
  const scheduler = new ReminderScheduler({
    db,
    openActions: () => [...planner.openActions().values()].flat(),
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
  scheduler.start();
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
