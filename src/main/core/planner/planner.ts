/**
 * The planner as the rest of the core uses it: plans made with the user's current settings, time
 * zone and clock, for one card, or (through the plan cache) for the cards that are open. Work
 * follows what is open and what changed: closed cards are never planned, and a card is planned
 * again only when it changed or its moment came (see plan-cache.ts).
 */
import type { Database } from 'better-sqlite3';
import { version as appVersion } from '../../../../package.json';
import type { Action } from '../../../shared/domain';
import { effectiveDue } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import { notFound } from '../errors';
import type { PlanContext } from './plan';
import { PlanCache } from './plan-cache';
import type { CardPlan, PlanInvalidation } from './plan-cache';
import { planOne } from './plan-journal';
import { prepared } from '../journal/statements';

export interface PlannerOptions {
  /**
   * Whether the journal may be written yet (it may not while its check runs after opening): plans
   * are written back into it once it may.
   */
  readonly writable?: () => boolean;
}

export class Planner implements PlanInvalidation {
  private readonly cache: PlanCache;

  constructor(
    private readonly db: Database,
    private readonly settings: () => Settings,
    private readonly now: () => Date,
    private readonly options: PlannerOptions = {},
  ) {
    this.cache = new PlanCache(db, appVersion);
  }

  context(): PlanContext {
    const settings = this.settings();
    return { settings: settings.planner, timeZone: settings.timeZone, now: this.now(), linkedinPremium: settings.linkedinPremium };
  }

  /** Every card not closed, with the action it shows next and when its plan runs out. */
  cards(ctx: PlanContext = this.context()): ReadonlyMap<number, CardPlan> {
    return this.cache.open(ctx);
  }

  /** A number that changes whenever a card's plan does. */
  revision(): number {
    return this.cache.revision();
  }

  /** The cards whose plan changed after `revision`, or null when not known (see PlanCache). */
  changedSince(revision: number): number[] | null {
    return this.cache.changedSince(revision);
  }

  /** The open actions (pending or snoozed) of some cards; none for a closed one. */
  actionsFor(ids: readonly number[], ctx: PlanContext = this.context()): Map<number, readonly Action[]> {
    return this.cache.actions(ids, ctx);
  }

  /** The open actions of every card not closed, by opportunity id (the calendar, the printed cards). */
  openActions(ctx: PlanContext = this.context()): Map<number, readonly Action[]> {
    return this.cache.actions([...this.cache.open(ctx).keys()], ctx);
  }

  /**
   * The open actions due by `until` (a snoozed one by its snooze's end), soonest first: only the
   * cards whose first action is due by then are looked at.
   */
  dueBy(until: string, ctx: PlanContext = this.context()): Action[] {
    const limit = Date.parse(until);
    const ids: number[] = [];
    for (const [id, plan] of this.cache.open(ctx)) if (plan.dueAt !== null && plan.dueAt <= limit) ids.push(id);
    const due: Action[] = [];
    for (const actions of this.cache.actions(ids, ctx).values()) for (const a of actions) if (effectiveDue(a) <= until) due.push(a);
    return due.sort((a, b) => (effectiveDue(a) < effectiveDue(b) ? -1 : effectiveDue(a) > effectiveDue(b) ? 1 : a.opportunityId - b.opportunityId));
  }

  /** Every action of one card, done and skipped ones included. */
  actionsOf(opportunityId: number): Action[] {
    if (!prepared(this.db, 'SELECT 1 FROM opportunities WHERE id = ?').get(opportunityId)) throw notFound('opportunity', opportunityId);
    return planOne(this.db, opportunityId, this.context());
  }

  /** The next moment time alone changes a plan (a window closes, a snooze ends), or null. */
  nextExpiry(ctx: PlanContext = this.context()): number | null {
    this.cache.open(ctx);
    return this.cache.nextExpiry();
  }

  /**
   * A store wrote to a card (or to every card). Also the moment to write back the plans made since
   * the last write: a store calls this inside its transaction, so they cost no commit of their own.
   */
  invalidate(opportunityId?: number): void {
    this.cache.invalidate(opportunityId);
    if (this.db.inTransaction) this.save();
  }

  /**
   * Writes the plans made since the last time back into the journal (when it may be written):
   * inside the next write's transaction, once the journal's check has passed, and on closing. A
   * plan not written back is only planned again by the next process.
   */
  save(): void {
    if (!this.db.open || !this.cache.hasUnsaved() || (this.options.writable && !this.options.writable())) return;
    try {
      this.cache.save();
    } catch (error) {
      // A cache: the plans are made again from the journal when they are not found there.
      console.error('Afterword: the plans could not be kept in the journal', error);
    }
  }
}
