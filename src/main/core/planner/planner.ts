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

  context(): PlanContext {
    const settings = this.settings();
    return { settings: settings.planner, timeZone: settings.timeZone, now: this.now() };
  }

  /** The open actions (pending or snoozed) of every card not closed, by opportunity id. */
  openActions(ctx: PlanContext = this.context()): Map<number, Action[]> {
    return this.cache.planAll(ctx);
  }

  /** Every action of one card, done and skipped ones included. */
  actionsOf(opportunityId: number): Action[] {
    if (!this.db.prepare('SELECT 1 FROM opportunities WHERE id = ?').get(opportunityId)) throw notFound('opportunity', opportunityId);
    return planOne(this.db, opportunityId, this.context());
  }

  invalidate(opportunityId?: number): void {
    this.cache.invalidate(opportunityId);
  }
}
