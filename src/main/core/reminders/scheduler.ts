/**
 * The reminder scheduler (docs/follow-up-rules.md "Reminders"): it knows the next moment an action becomes due and sets
 * one timer for it (no polling). That moment comes from the first moment each card has an action
 * not notified yet, which the planner keeps per card (in memory and in the journal's
 * `card_plans`): the scheduler never plans the journal, only the cards whose time has come. When it fires, each action that came due is notified once, and
 * recorded so it never is again, also across restarts; during quiet hours the notification waits
 * for their end. After the app was closed while actions came due, one summary is sent instead of
 * one per action. It knows nothing of Electron: the shell (or browser mode) gives it `notify`.
 */
import type { Database } from 'better-sqlite3';
import type { Action } from '../../../shared/domain';
import type { CardPlan } from '../planner/plan-cache';
import { noticeKey } from './notice-key';
import type { ReminderNotice } from '../../../shared/events';
import { ACTION_TITLES } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import { isQuiet, quietEnd } from './quiet-hours';
import { prepared } from '../journal/statements';

export type Notice = ReminderNotice;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the scheduler asks of the planner. */
export interface ScheduledPlans {
  /** Every card not closed, planned as of now (each with the first moment an action not notified yet comes due). */
  cards(): ReadonlyMap<number, CardPlan>;
  /** The open actions due by then (a snoozed one by its snooze's end), soonest first. */
  dueBy(until: string): Action[];
}

export interface SchedulerDeps {
  readonly db: Database;
  readonly plans: ScheduledPlans;
  readonly settings: () => Settings;
  readonly notify: (notice: Notice) => void;
  readonly now?: () => Date;
  readonly timers?: Timers;
}

/** The longest single wait: timers are re-armed at least daily (and setTimeout caps at ~24.8 days). */
const MAX_WAIT_MS = 6 * 3_600_000;
/** More actions than this at once become one summary rather than a stream of notifications. */
const BURST = 3;

/** A notification belongs to its card: stay-in-touch keys repeat from card to card. */
const notifiedKey = (opportunityId: number, key: string) => `${opportunityId}/${key}`;

export class ReminderScheduler {
  private timer: unknown = null;
  private nextAt: number | null = null;
  private running = false;
  private readonly now: () => Date;
  private readonly timers: Timers;

  constructor(private readonly deps: SchedulerDeps) {
    this.now = deps.now ?? (() => new Date());
    this.timers = deps.timers ?? { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  }

  /** Starts: one summary for what came due while the app was closed, then the timer. */
  start(): void {
    this.running = true;
    const missed = this.unnotifiedDue();
    const lastAlive = this.state('last_alive_at');
    if (missed.length > 0 && lastAlive !== null) {
      if (missed.length === 1) this.tick();
      else {
        this.notifyOnce(missed, {
          kind: 'summary',
          title: `${missed.length} follow-ups came due while Afterword was closed`,
          body: summaryBody(missed, this.companies(missed)),
          opportunityId: null,
          actionKey: null,
          count: missed.length,
        });
      }
    } else if (missed.length > 0) {
      // The very first run: whatever is already due shows in the app, not as a burst of notifications.
      this.record(missed);
    }
    this.touch();
    this.reschedule();
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.running) this.touch();
    this.running = false;
  }

  /** The journal or the settings changed, or the clock jumped (resume from sleep, a new time zone). */
  reschedule(): void {
    if (!this.running) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const now = this.now().getTime();
    let next = Infinity;
    for (const plan of this.deps.plans.cards().values()) if (plan.notifyAt !== null) next = Math.min(next, Math.max(plan.notifyAt, now));
    const settings = this.deps.settings();
    if (Number.isFinite(next) && isQuiet(new Date(next), settings.quietHours, settings.timeZone)) {
      next = quietEnd(new Date(next), settings.quietHours, settings.timeZone).getTime();
    }
    this.nextAt = Number.isFinite(next) ? next : null;
    const wait = Number.isFinite(next) ? Math.min(Math.max(0, next - now), MAX_WAIT_MS) : MAX_WAIT_MS;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.tick();
      this.reschedule();
    }, wait);
  }

  /** When the next notification is planned (for tests and the tray), or null. */
  nextNotificationAt(): Date | null {
    return this.nextAt === null ? null : new Date(this.nextAt);
  }

  /** Actions whose time has come, notified or not: the tray's list and count. */
  dueNow(): Action[] {
    return this.deps.plans.dueBy(this.now().toISOString());
  }

  private tick(): void {
    this.touch();
    const settings = this.deps.settings();
    const now = this.now();
    if (isQuiet(now, settings.quietHours, settings.timeZone)) return; // reschedule() waits for the end
    const due = this.unnotifiedDue();
    if (due.length === 0) return;
    if (!settings.notifications) { this.record(due); return; } // seen in the app; never replayed later
    if (due.length > BURST) {
      this.notifyOnce(due, {
        kind: 'summary',
        title: `${due.length} follow-ups are due`,
        body: summaryBody(due, this.companies(due)),
        opportunityId: null,
        actionKey: null,
        count: due.length,
      });
      return;
    }
    const companies = this.companies(due);
    for (const a of due) {
      const where = companies.get(a.opportunityId) ?? '';
      this.notifyOnce([a], {
        kind: 'action',
        title: `${ACTION_TITLES[a.kind]}${a.recipient ? `: ${a.recipient.name}` : ''}`,
        body: `${where}. ${firstSentence(a.why)}`,
        opportunityId: a.opportunityId,
        actionKey: a.key,
        count: 1,
      });
    }
  }

  private notifyOnce(actions: readonly Action[], notice: Notice): void {
    // Recorded first: a crash after this never shows the same notification twice.
    this.record(actions);
    if (this.deps.settings().notifications) this.deps.notify(notice);
  }

  private unnotifiedDue(): Action[] {
    const due = this.dueNow();
    const notified = this.notifiedKeys([...new Set(due.map((a) => a.opportunityId))]);
    return due.filter((a) => !notified.has(notifiedKey(a.opportunityId, noticeKey(a))));
  }

  /** What was notified already, of the cards with something due. */
  private notifiedKeys(ids: readonly number[]): Set<string> {
    const rows = prepared(this.deps.db, 'SELECT opportunity_id, notification_key FROM notifications WHERE opportunity_id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(ids)) as [number, string][];
    return new Set(rows.map(([id, key]) => notifiedKey(id, key)));
  }

  private record(actions: readonly Action[]): void {
    const insert = prepared(this.deps.db,
      'INSERT OR IGNORE INTO notifications (notification_key, action_key, opportunity_id, notified_at) VALUES (?, ?, ?, ?)',
    );
    const at = this.now().toISOString();
    this.deps.db.transaction(() => actions.forEach((a) => insert.run(noticeKey(a), a.key, a.opportunityId, at))).immediate();
  }

  private companies(actions: readonly Action[]): Map<number, string> {
    const get = prepared(this.deps.db, 'SELECT company || \', \' || role FROM opportunities WHERE id = ?').pluck();
    return new Map([...new Set(actions.map((a) => a.opportunityId))].map((id) => [id, (get.get(id) as string | undefined) ?? '']));
  }

  private state(key: string): string | null {
    return (prepared(this.deps.db, 'SELECT value FROM app_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  private touch(): void {
    prepared(this.deps.db, 'INSERT INTO app_state (key, value) VALUES (\'last_alive_at\', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(this.now().toISOString());
  }
}

const firstSentence = (text: string) => (text.split(/(?<=[.:])\s/)[0] ?? text).replace(/:$/, '.');

function summaryBody(actions: readonly Action[], companies: ReadonlyMap<number, string>): string {
  const lines = actions.slice(0, 4).map((a) => `${ACTION_TITLES[a.kind]}${a.recipient ? ` to ${a.recipient.name}` : ''} (${(companies.get(a.opportunityId) ?? '').split(',')[0]})`);
  return lines.join('; ') + (actions.length > 4 ? `; and ${actions.length - 4} more.` : '.');
}
