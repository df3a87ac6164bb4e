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
import { fail } from '../../shared/result';
import type { CallName } from '../../shared/call-names';
import { createAppHandlers } from './app/app-handlers';
import { startDailyBackups } from './backups/daily-backups';
import { createBoardHandlers, createBoardPatcher } from './board/board-handlers';
import { OpenCards } from './board/open-cards';
import { openCoreContext } from './core-context';
import type { CoreContext, CoreOptions } from './core-context';
import { dispatch } from './handlers';
import type { Handlers } from './handlers';
import { closeJournal, damaged } from './journal/database';
import { checkJournalInBackground } from './journal/journal-check';
import type { JournalCheck } from './journal/journal-check';
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
  planEverything(): Map<number, readonly Action[]>;
  /** Sends an event to every listener (the transports pass it to the page). */
  publish(event: CoreEvent): void;
  /** Starts the reminder scheduler with the shell's way of showing a notification (once the journal's check has passed). */
  startReminders(notify: (notice: Notice) => void): ReminderScheduler;
  /**
   * The check of the whole journal file: settled at once when it ran on opening; otherwise when
   * the background check ends (it starts after the first board was served, or a second after
   * opening, or at the first call that writes). A failed check leaves every call refused.
   */
  readonly journalCheck: Promise<JournalCheck>;
  close(): void;
}

/**
 * Calls that only read and may run while a journal opened with a deferred check is still being
 * checked: what the first screen asks for. Every other call waits for the check (a damaged file
 * is never written).
 */
const READS_BEFORE_CHECK: ReadonlySet<CallName> = new Set<CallName>([
  'app.info',
  'settings.get',
  'board.get',
  'board.closed',
  'board.cards',
  'actions.inRange',
  'reminders.due',
  'opportunities.get',
  'actions.forOpportunity',
  'events.list',
  'rounds.list',
  'contacts.list',
  'reflections.search',
  'reflections.matchingCards',
]);

/** A deferred check starts at the latest this long after opening. */
export const JOURNAL_CHECK_DELAY_MS = 1_000;

export function createCore(options: CoreOptions): Core {
  const ctx = openCoreContext(options);
  const stops: (() => void)[] = [];
  const open = new OpenCards(ctx.db);
  const check = journalCheck(ctx, stops);
  const handlers: Handlers = {
    ...createAppHandlers(ctx),
    ...createJournalHandlers(ctx),
    ...createPeopleHandlers(ctx),
    ...createTimelineHandlers(ctx),
    ...createPlannerHandlers(ctx),
    ...createRemindersHandlers(ctx),
    ...createBoardHandlers(ctx, open),
    ...createReflectionsHandlers(ctx),
    ...createLettersHandlers(ctx),
    ...createSettingsHandlers(ctx),
    ...createTransferHandlers(ctx, { calendarFeed: options.calendarFeed, onClose: (stop) => stops.push(stop) }),
    ...createInsightsHandlers(ctx),
  };
  const patchBoard = createBoardPatcher(ctx, open);
  const call = async (name: string, input: unknown, origin: string | null = null): Promise<Result<unknown>> => {
    const found = check.failed();
    if (found) return found;
    if (!ctx.gate.writable() && !READS_BEFORE_CHECK.has(name as CallName)) {
      await check.start();
      const refused = check.failed();
      if (refused) return refused;
    }
    const { value: result, changes, version } = await ctx.events.inCall(origin, () => dispatch(handlers, name, input));
    if (name === 'board.get') check.soon();
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
      const reminders = runReminders(ctx, notify, ctx.gate.writable() ? true : check.done.then((c) => c.ok));
      stops.push(() => { reminders.stop(); });
      return reminders.scheduler;
    },
    journalCheck: check.done,
    close() {
      if (closed) return;
      closed = true;
      for (const stop of stops) stop();
      ctx.events.clear();
      ctx.planner.save();
      closeJournal(ctx.db);
    },
  };
}

/**
 * The deferred check of a journal (see journal-check.ts): started by `start` (a call that writes
 * waits for it), `soon` (the first board was served), or a timer; `done` settles with the
 * result. When it passes the journal may be written, and the plans made meanwhile are kept.
 */
function journalCheck(
  ctx: CoreContext,
  stops: (() => void)[],
): { start(): Promise<JournalCheck>; soon(): void; failed(): Result<never> | null; readonly done: Promise<JournalCheck> } {
  if (ctx.gate.writable()) {
    const passed = Promise.resolve<JournalCheck>({ ok: true });
    return { start: () => passed, soon: () => undefined, failed: () => null, done: passed };
  }
  let settle!: (check: JournalCheck) => void;
  const done = new Promise<JournalCheck>((resolve) => (settle = resolve));
  let running: Promise<JournalCheck> | null = null;
  let refusal: Result<never> | null = null;
  let closed = false;
  const closing = new AbortController();
  const start = (): Promise<JournalCheck> =>
    (running ??= checkJournalInBackground(ctx.journal.file, closing.signal).then((result) => {
      if (!result.ok) refusal = fail('journal_corrupt', damaged(ctx.journal.file, result.problem).message);
      else if (!closed) {
        ctx.db.pragma('query_only = OFF');
        ctx.gate.allow();
        ctx.planner.save();
      }
      settle(result);
      return result;
    }));
  const timer = setTimeout(() => void start(), JOURNAL_CHECK_DELAY_MS);
  timer.unref();
  stops.push(() => {
    closed = true;
    clearTimeout(timer);
    closing.abort();
  });
  const soon = (): void => {
    if (running === null) setImmediate(() => void start());
  };
  return { start, soon, failed: () => refusal, done };
}
