/**
 * The open actions of every card, re-planning only what changed. A card's plan is kept until the
 * journal changes for it or the clock reaches a moment that can change it: an action's last
 * moment, a snooze's end, or a quarter of an hour at most.
 *
 * The stores invalidate as they write (each write that touches what the planner reads says which
 * card it touched), so no write can forget to and no event has to pass first. The settings are
 * not a write to the journal: a plan simply belongs to the settings it was made with, and a change
 * of them (or of the time zone) starts afresh.
 */
import type { Database } from 'better-sqlite3';
import type { Action } from '../../../shared/domain';
import { planOpportunity } from './plan';
import type { PlanContext } from './plan';
import { loadPlanInputs } from './plan-journal';

/** What a store that writes to the planner's tables is given: a way to say which card changed. */
export interface PlanInvalidation {
  /** Forget the plan of one card, or of every card (no argument). */
  invalidate(opportunityId?: number): void;
}

/** For code that writes a journal no planner is reading yet (the demo generator). */
export const NO_PLAN_CACHE: PlanInvalidation = { invalidate: () => undefined };

export class PlanCache implements PlanInvalidation {
  private readonly plans = new Map<number, { readonly actions: Action[]; readonly validUntil: number }>();
  private plannedWith = '';
  static readonly MAX_AGE_MS = 15 * 60_000;

  constructor(private readonly db: Database) {}

  invalidate(opportunityId?: number): void {
    if (opportunityId === undefined) this.plans.clear();
    else this.plans.delete(opportunityId);
  }

  /** The first moment a cached plan runs out (time alone changes it), or null with none cached. */
  nextExpiry(): number | null {
    let first: number | null = null;
    for (const { validUntil } of this.plans.values()) if (first === null || validUntil < first) first = validUntil;
    return first;
  }

  planAll(ctx: Omit<PlanContext, 'openOnly'>): Map<number, Action[]> {
    const settings = `${ctx.timeZone} ${JSON.stringify(ctx.settings)}`;
    if (settings !== this.plannedWith) {
      this.plans.clear();
      this.plannedWith = settings;
    }
    const now = ctx.now.getTime();
    const openIds = this.db.prepare("SELECT id FROM opportunities WHERE stage <> 'closed'").pluck().all() as number[];
    const stale = openIds.filter((id) => {
      const cached = this.plans.get(id);
      return !cached || cached.validUntil <= now;
    });
    if (stale.length > 0) {
      const open = { ...ctx, openOnly: true };
      const inputs = stale.length === openIds.length ? loadPlanInputs(this.db, 'open') : loadPlanInputs(this.db, { ids: stale });
      for (const input of inputs) {
        const actions = planOpportunity(input, open);
        this.plans.set(input.opportunityId, { actions, validUntil: validUntil(actions, now) });
      }
    }
    const result = new Map<number, Action[]>();
    for (const id of openIds) result.set(id, this.plans.get(id)?.actions ?? []);
    return result;
  }
}

function validUntil(actions: readonly Action[], now: number): number {
  let until = now + PlanCache.MAX_AGE_MS;
  for (const a of actions) {
    const latest = Date.parse(a.latest);
    if (latest > now && latest < until) until = latest;
    if (a.snoozedUntil) {
      const wake = Date.parse(a.snoozedUntil);
      if (wake > now && wake < until) until = wake;
    }
  }
  return until;
}
