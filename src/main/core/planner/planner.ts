/**
 * The planner as the rest of the core uses it: plans made with the user's current settings, time
 * zone and clock, for one card or (through the plan cache) for every open card.
 */
import type { Database } from 'better-sqlite3';
import type { Action } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import { notFound } from '../errors';
import type { PlanContext } from './plan';
import { PlanCache } from './plan-cache';
import type { PlanInvalidation } from './plan-cache';
import { planOne } from './plan-journal';

export class Planner implements PlanInvalidation {
  private readonly cache: PlanCache;

  constructor(
    private readonly db: Database,
    private readonly settings: () => Settings,
    private readonly now: () => Date,
  ) {
    this.cache = new PlanCache(db);
  }

  private plannedPremium: boolean | null = null;

  context(): PlanContext {
    const settings = this.settings();
    return { settings: settings.planner, timeZone: settings.timeZone, now: this.now(), linkedinPremium: settings.linkedinPremium };
  }

  /** The open actions (pending or snoozed) of every card not closed nor archived, by opportunity id. */
  openActions(ctx: PlanContext = this.context()): Map<number, Action[]> {
    // The LinkedIn note's sentence names the account's limit, which the cache does not key on.
    const premium = ctx.linkedinPremium ?? false;
    if (this.plannedPremium !== null && this.plannedPremium !== premium) this.cache.invalidate();
    this.plannedPremium = premium;
    const plans = this.cache.planAll(ctx);
    // An archived card is off the board, the reminders and the due list until it is restored.
    for (const id of this.db.prepare('SELECT id FROM opportunities WHERE archived_at IS NOT NULL').pluck().all() as number[]) plans.delete(id);
    return plans;
  }

  /** Every action of one card, done and skipped ones included. */
  actionsOf(opportunityId: number): Action[] {
    if (!this.db.prepare('SELECT 1 FROM opportunities WHERE id = ?').get(opportunityId)) throw notFound('opportunity', opportunityId);
    return planOne(this.db, opportunityId, this.context());
  }

  /**
   * The next moment time alone changes the board: a plan runs out (a window closes, a snooze
   * ends, or the cache's quarter of an hour), or a scheduled round starts (its card moves from
   * Upcoming to Interviewed).
   */
  nextChange(): string | null {
    const now = this.now().toISOString();
    const start = this.db
      .prepare("SELECT min(r.starts_at) FROM rounds r JOIN opportunities o ON o.id = r.opportunity_id WHERE o.stage = 'scheduled' AND r.starts_at > ?")
      .pluck()
      .get(now) as string | null;
    const expiry = this.cache.nextExpiry();
    const candidates = [start ? Date.parse(start) : null, expiry].filter((t): t is number => t !== null);
    return candidates.length > 0 ? new Date(Math.min(...candidates)).toISOString() : null;
  }

  invalidate(opportunityId?: number): void {
    this.cache.invalidate(opportunityId);
  }
}
