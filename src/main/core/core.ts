/**
 * The core: everything Afterword knows and does, with no idea whether it runs inside Electron or
 * in plain Node behind browser mode. A shell creates one core per data folder, gives both
 * transports its `call` function and subscribes to its events.
 *
 * Each domain lives in its own folder and exports its handler map (`<domain>/<domain>-handlers.ts`);
 * this file only opens the journal, merges the maps and starts what runs in the background.
 */
import type { Database } from 'better-sqlite3';
import type { Action } from '../../shared/domain';
import type { CoreEvent, CoreEventListener } from '../../shared/events';
import type { Result } from '../../shared/result';
import { createAppHandlers } from './app/app-handlers';
import { startDailyBackups } from './backups/daily-backups';
import { createBoardHandlers, createBoardPatcher } from './board/board-handlers';
import { openCoreContext } from './core-context';
import type { CoreOptions } from './core-context';
import { dispatch } from './handlers';
import type { Handlers } from './handlers';
import { closeJournal } from './journal/database';
import { createJournalHandlers } from './journal/journal-handlers';
import { createLettersHandlers } from './letters/letters-handlers';
import { createPeopleHandlers } from './people/people-handlers';
import { createPlannerHandlers } from './planner/planner-handlers';
import type { Planner } from './planner/planner';
import { createReflectionsHandlers } from './reflections/reflections-handlers';
import { createRemindersHandlers } from './reminders/reminders-handlers';
import { runReminders } from './reminders/run-reminders';
import type { Notice, ReminderScheduler } from './reminders/scheduler';
import { createSettingsHandlers } from './settings/settings-handlers';
import type { SettingsStore } from './settings/settings-store';
import { createTimelineHandlers } from './timeline/timeline-handlers';
import { createTransferHandlers } from './transfer/transfer-handlers';
import { createInsightsHandlers } from './insights/insights-handlers';

export type { CoreOptions } from './core-context';
export { DAILY_BACKUP_MS } from './backups/daily-backups';

export interface Core {
  readonly dataDir: string;
  readonly db: Database;
  readonly handlers: Handlers;
  readonly settings: SettingsStore;
  readonly planner: Planner;
  /**
   * Runs a named call. `origin` names the page that made it (its events come back marked, so
   * that page can skip them); a call that changed the journal answers with what it changed and
   * the board's patch.
   */
  call(name: string, input: unknown, origin?: string | null): Promise<Result<unknown>>;
  subscribe(listener: CoreEventListener): () => void;
  /** Every open action of every card (the reminder scheduler's input). */
  planEverything(): Map<number, Action[]>;
  /** Sends an event to every listener (the transports pass it to the page). */
  publish(event: CoreEvent): void;
  /** Starts the reminder scheduler with the shell's way of showing a notification. */
  startReminders(notify: (notice: Notice) => void): ReminderScheduler;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const ctx = openCoreContext(options);
  const stops: (() => void)[] = [];
  const handlers: Handlers = {
    ...createAppHandlers(ctx),
    ...createJournalHandlers(ctx),
    ...createPeopleHandlers(ctx),
    ...createTimelineHandlers(ctx),
    ...createPlannerHandlers(ctx),
    ...createRemindersHandlers(ctx),
    ...createBoardHandlers(ctx),
    ...createReflectionsHandlers(ctx),
    ...createLettersHandlers(ctx),
    ...createSettingsHandlers(ctx),
    ...createTransferHandlers(ctx, { calendarFeed: options.calendarFeed, onClose: (stop) => stops.push(stop) }),
    ...createInsightsHandlers(ctx),
  };
  const patchBoard = createBoardPatcher(ctx);
  const call = async (name: string, input: unknown, origin: string | null = null): Promise<Result<unknown>> => {
    const { value: result, changes, version } = await ctx.events.inCall(origin, () => dispatch(handlers, name, input));
    if (!result.ok || !changes) return result;
    return { ...result, changes, patch: patchBoard(changes, version) };
  };
  if (options.dailyBackups) stops.push(startDailyBackups(ctx));
  let closed = false;
  return {
    dataDir: ctx.dataDir,
    db: ctx.db,
    handlers,
    settings: ctx.settings,
    planner: ctx.planner,
    call,
    subscribe: (listener) => ctx.events.subscribe(listener),
    planEverything: () => ctx.planner.openActions(),
    publish: (event) => ctx.events.emit(event),
    startReminders(notify) {
      const reminders = runReminders(ctx, notify);
      stops.push(reminders.stop);
      return reminders.scheduler;
    },
    close() {
      if (closed) return;
      closed = true;
      for (const stop of stops) stop();
      ctx.events.clear();
      closeJournal(ctx.db);
    },
  };
}
