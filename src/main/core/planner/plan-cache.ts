/**
 * What the planner made of every card not closed, kept in step with the journal and with time, so
 * that a call plans only the cards that changed or whose moment came: never the whole journal,
 * and never the closed history, which is almost all of a journal that has been in use for long.
 *
 * Each card's plan is held in memory and kept in the journal (`card_plans`, migration 11): the
 * action the card shows next, when that is due, the first moment an action not notified yet
 * comes due, and until when the plan holds. Opening a journal reads the kept plans of the open
 * cards (a row each) and plans only those that changed or ran out while the app was closed.
 *
 * Kept in step two ways. The journal's triggers raise a card's version at every change of what
 * the planner reads of it, in the same transaction as the change, so no write (through the stores
 * or not) can leave an old plan in place, and a plan is only written back over the version it was
 * made from. The stores also say which card they wrote to as they write, so the memory need not
 * wait for the next look at the journal's marks.
 *
 * A plan holds until time alone changes it: an action's last moment (it closes or expires), a
 * snooze's end. A card with nothing open holds until it changes. A plan belongs to the settings,
 * the time zone and the version of Afterword it was made with: a change of any plans afresh.
 */
import type { Database } from 'better-sqlite3';
import type { Action } from '../../../shared/domain';
import { effectiveDue } from '../../../shared/domain';
import { noticeKey } from '../reminders/notice-key';
import { isoString } from './calendar';
import { nextAction, planOpportunity } from './plan';
import type { PlanContext } from './plan';
import { loadPlanInputs } from './plan-journal';
import { notClosed, prepared } from '../journal/statements';

/** The changes `changedSince` remembers (a few hours of heavy use; more is read as a full pass). */
const CHANGE_LOG_LIMIT = 20_000;

/** What a store that writes to the planner's tables is given: a way to say which card changed. */
export interface PlanInvalidation {
  /** Forget the plan of one card, or of every card (no argument). */
  invalidate(opportunityId?: number): void;
}

/** For code that writes a journal no planner is reading yet (the demo generator). */
export const NO_PLAN_CACHE: PlanInvalidation = { invalidate: () => undefined };

/** What the planner made of one card not closed. */
export interface CardPlan {
  /** The card's version in `card_plans` this plan was made from. */
  readonly version: number;
  /** Time alone changes the plan then (ms since the epoch; Infinity: only a change of the card does). */
  readonly validUntil: number;
  /** The action the card shows: the open one due first. */
  readonly next: Action | null;
  /** When `next` is due (a snoozed one: when its snooze ends). */
  readonly dueAt: number | null;
  /** The first moment an open action that was not notified yet comes due (the reminders' timer). */
  readonly notifyAt: number | null;
  /** Every open action, when this process planned the card (a plan read back from the journal keeps only the above). */
  readonly actions: readonly Action[] | null;
}

/** Stored as the validity of a plan that only a change of the card ends. */
export const FOREVER = '9999-12-31T23:59:59.999Z';
const MADE_WITH_KEY = 'card_plans_made_with';

interface PlanRow {
  id: number;
  version: number | null;
  valid_until: string | null;
  next_action: string | null;
  due_at: string | null;
  notify_at: string | null;
}

const fromRow = (r: PlanRow): CardPlan => ({
  version: r.version ?? 0,
  validUntil: r.valid_until === FOREVER ? Infinity : Date.parse(r.valid_until!),
  next: r.next_action === null ? null : (JSON.parse(r.next_action) as Action),
  dueAt: r.due_at === null ? null : Date.parse(r.due_at),
  notifyAt: r.notify_at === null ? null : Date.parse(r.notify_at),
  actions: null,
});

const instant = (ms: number | null): string | null => (ms === null ? null : ms === Infinity ? FOREVER : isoString(ms));

/** The same as far as the journal's row goes (the memory may hold the actions besides). */
const sameRow = (a: CardPlan, b: CardPlan): boolean =>
  a.version === b.version && a.validUntil === b.validUntil && a.dueAt === b.dueAt && a.notifyAt === b.notifyAt && JSON.stringify(a.next) === JSON.stringify(b.next);

export class PlanCache implements PlanInvalidation {
  /** Every card not closed, once `loaded`. */
  private readonly cards = new Map<number, CardPlan>();
  private loaded = false;
  /** Cards a store wrote to since the last look. */
  private readonly dirty = new Set<number>();
  /** Plans to write back into `card_plans` (null: the card is closed, nothing to plan until it changes). */
  private readonly unsaved = new Map<number, { readonly version: number; readonly plan: CardPlan | null }>();
  private madeWith = '';
  private saveMadeWith = false;
  /** The first moment a plan runs out (null: to be found again). */
  private earliest: number | null = null;
  /** Raised at every change of a card's plan (the board reads again only after one). */
  private changes = 0;
  /** The cards whose plan changed, in order, each with the revision it made (see `changedSince`). */
  private log: { readonly revision: number; readonly id: number }[] = [];
  /** The revision of the last change that was not one card's (every plan dropped). */
  private clearedAt = 0;

  constructor(
    private readonly db: Database,
    /** The version of the planner's code (Afterword's version): plans kept by another are made again. */
    private readonly codeVersion: string,
  ) {}

  invalidate(opportunityId?: number): void {
    if (opportunityId === undefined) {
      this.loaded = false;
      this.clearCards();
      this.dirty.clear();
    } else this.dirty.add(opportunityId);
  }

  /** Every card not closed, each planned as of `ctx.now` (only those that changed or ran out are planned again). */
  open(ctx: Omit<PlanContext, 'openOnly'>): ReadonlyMap<number, CardPlan> {
    const now = ctx.now.getTime();
    // The LinkedIn note's sentence names the account's limit (Premium or not).
    const madeWith = `${this.codeVersion} ${ctx.timeZone} ${ctx.linkedinPremium ?? false} ${JSON.stringify(ctx.settings)}`;
    if (madeWith !== this.madeWith) {
      this.madeWith = madeWith;
      this.loaded = false;
      this.clearCards();
      this.dirty.clear();
      this.unsaved.clear();
      this.saveMadeWith = false;
    }
    const toPlan = new Set<number>();
    const toCheck = new Set(this.dirty);
    this.dirty.clear();
    if (!this.loaded) this.load(madeWith, now, toPlan);
    else {
      // The journal's marks: changes the stores did not report (an import, a raw write), and
      // the ones they did (already known at that version, or about to be).
      for (const [id, version] of prepared(this.db, "SELECT opportunity_id, version FROM card_plans WHERE valid_until = ''").raw().all() as [number, number][]) {
        if ((this.cards.get(id)?.version ?? this.unsaved.get(id)?.version) !== version) toCheck.add(id);
      }
    }
    this.earliest ??= this.first();
    if (this.earliest <= now) for (const [id, plan] of this.cards) if (plan.validUntil <= now) toPlan.add(id);
    if (toCheck.size > 0) this.check([...toCheck], toPlan);
    if (toPlan.size > 0) this.plan([...toPlan], ctx);
    return this.cards;
  }

  /** The open actions of some cards (none for a closed one), planning those only read back from the journal. */
  actions(ids: readonly number[], ctx: Omit<PlanContext, 'openOnly'>): Map<number, readonly Action[]> {
    const cards = this.open(ctx);
    const missing = ids.filter((id) => cards.get(id)?.actions === null);
    if (missing.length > 0) this.plan(missing, ctx);
    return new Map(ids.map((id) => [id, this.cards.get(id)?.actions ?? []]));
  }

  /** The first moment a plan runs out (time alone changes it), or null. */
  nextExpiry(): number | null {
    this.earliest ??= this.first();
    return this.earliest === Infinity ? null : this.earliest;
  }

  /**
   * The cards whose plan changed after `revision` (each once), or null when that is not known:
   * every plan was dropped since, or the log no longer reaches back that far. The board uses it to
   * bring up to date the cards that changed, not every open card, after each write.
   */
  changedSince(revision: number): number[] | null {
    if (revision < this.clearedAt) return null;
    if (revision >= this.changes) return [];
    if (this.log.length === 0 || this.log[0]!.revision > revision + 1) return null;
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.log[mid]!.revision <= revision) low = mid + 1;
      else high = mid;
    }
    return [...new Set(this.log.slice(low).map((entry) => entry.id))];
  }

  /** A number that changes whenever a card's plan does (a card planned again, closed, added). */
  revision(): number {
    return this.changes;
  }

  /** Whether there are plans to write back. */
  hasUnsaved(): boolean {
    return this.unsaved.size > 0 || this.saveMadeWith;
  }

  /**
   * Writes the plans made since the last time into the journal, in one transaction; a plan
   * whose card changed meanwhile is left out (its row stays marked, and it is planned again).
   */
  save(): void {
    if (!this.hasUnsaved()) return;
    const update = prepared(this.db,
      'UPDATE card_plans SET valid_until = @validUntil, next_action = @next, due_at = @dueAt, notify_at = @notifyAt WHERE opportunity_id = @id AND version = @version',
    );
    this.db.transaction(() => {
      for (const [id, { version, plan }] of this.unsaved) {
        update.run({
          id,
          version,
          validUntil: plan ? instant(plan.validUntil) : FOREVER,
          next: plan?.next ? JSON.stringify(plan.next) : null,
          dueAt: instant(plan?.dueAt ?? null),
          notifyAt: instant(plan?.notifyAt ?? null),
        });
      }
      if (this.saveMadeWith) {
        prepared(this.db, 'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(MADE_WITH_KEY, this.madeWith);
      }
    }).immediate();
    this.unsaved.clear();
    this.saveMadeWith = false;
  }

  /** Reads the kept plans of every open card; those that changed or ran out (or were made otherwise) are to plan. */
  private load(madeWith: string, now: number, toPlan: Set<number>): void {
    this.clearCards();
    const kept = prepared(this.db, 'SELECT value FROM app_state WHERE key = ?').pluck().get(MADE_WITH_KEY) === madeWith;
    // Written with the plans that replace them all (see save): until then no kept plan is trusted.
    this.saveMadeWith = !kept;
    const nowIso = isoString(now);
    const rows = prepared<[], PlanRow>(this.db,
        `SELECT o.id, p.version, p.valid_until, p.next_action, p.due_at, p.notify_at
         FROM opportunities o LEFT JOIN card_plans p ON p.opportunity_id = o.id WHERE ${notClosed('o.stage')} AND o.archived_at IS NULL`,
      )
      .all();
    for (const row of rows) {
      if (kept && row.valid_until !== null && row.valid_until > nowIso) this.setCard(row.id, fromRow(row));
      else toPlan.add(row.id);
    }
    this.loaded = true;
  }

  /** Cards that changed: still open ones are to plan; closed, archived (or deleted) ones leave. */
  private check(ids: readonly number[], toPlan: Set<number>): void {
    const found = new Map(
      (
        prepared(this.db, 'SELECT o.id, o.stage, o.archived_at IS NOT NULL, p.version FROM opportunities o JOIN card_plans p ON p.opportunity_id = o.id WHERE o.id IN (SELECT value FROM json_each(?))')
          .raw()
          .all(JSON.stringify(ids)) as [number, string, number, number][]
      ).map(([id, stage, archived, version]) => [id, { stage, archived: archived === 1, version }]),
    );
    for (const id of ids) {
      const card = found.get(id);
      if (card && card.stage !== 'closed' && !card.archived) {
        toPlan.add(id);
        continue;
      }
      this.dropCard(id);
      toPlan.delete(id);
      if (card) this.keep(id, card.version, null);
    }
  }

  private plan(ids: readonly number[], ctx: Omit<PlanContext, 'openOnly'>): void {
    const now = ctx.now.getTime();
    const json = JSON.stringify(ids);
    const versions = new Map(
      prepared(this.db, 'SELECT opportunity_id, version FROM card_plans WHERE opportunity_id IN (SELECT value FROM json_each(?))').raw().all(json) as [number, number][],
    );
    const notified = new Map<number, Set<string>>();
    for (const [id, key] of prepared(this.db, 'SELECT opportunity_id, notification_key FROM notifications WHERE opportunity_id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(json) as [number, string][]) {
      let keys = notified.get(id);
      if (!keys) notified.set(id, (keys = new Set()));
      keys.add(key);
    }
    // An archived card is off the board, the reminders and the due list until it is restored.
    const archived = new Set(prepared(this.db, 'SELECT id FROM opportunities WHERE archived_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))').pluck().all(json) as number[]);
    const open = { ...ctx, openOnly: true };
    const found = new Set<number>();
    for (const input of loadPlanInputs(this.db, { ids })) {
      const id = input.opportunityId;
      found.add(id);
      const version = versions.get(id) ?? 0;
      if (input.stage === 'closed' || archived.has(id)) {
        this.dropCard(id);
        this.keep(id, version, null);
        continue;
      }
      const actions = planOpportunity(input, open);
      const planned = summarise(actions, version, notified.get(id), now);
      const before = this.cards.get(id);
      const same = before !== undefined && sameRow(before, planned);
      // The same next action stays the same object: what shows it need not be made again.
      this.setCard(id, same ? { ...planned, next: before.next } : planned);
      if (!same) this.keep(id, version, planned);
    }
    for (const id of ids) if (!found.has(id)) this.dropCard(id); // deleted meanwhile
  }

  private first(): number {
    let first = Infinity;
    for (const { validUntil } of this.cards.values()) if (validUntil < first) first = validUntil;
    return first;
  }

  private setCard(id: number, plan: CardPlan): void {
    this.cards.set(id, plan);
    this.changed(id);
  }

  private dropCard(id: number): void {
    if (this.cards.delete(id)) this.changed(id);
  }

  private clearCards(): void {
    this.cards.clear();
    this.changed(null);
  }

  /** A card's plan changed (null: every card's). */
  private changed(id: number | null): void {
    this.earliest = null;
    this.changes++;
    if (id === null) {
      this.clearedAt = this.changes;
      this.log = [];
      return;
    }
    this.log.push({ revision: this.changes, id });
    // Bounded: a reader further behind than this reads every card once.
    if (this.log.length > CHANGE_LOG_LIMIT) this.log = this.log.slice(this.log.length - CHANGE_LOG_LIMIT / 2);
  }

  private keep(id: number, version: number, plan: CardPlan | null): void {
    this.unsaved.set(id, { version, plan });
  }
}

/** What the board and the reminders need of a card's open actions. */
function summarise(actions: readonly Action[], version: number, notified: ReadonlySet<string> | undefined, now: number): CardPlan {
  const next = nextAction(actions);
  let notifyAt: number | null = null;
  for (const a of actions) {
    if (a.status !== 'pending' && a.status !== 'snoozed') continue;
    if (notified?.has(noticeKey(a))) continue;
    const at = Date.parse(effectiveDue(a));
    if (notifyAt === null || at < notifyAt) notifyAt = at;
  }
  return { version, validUntil: validUntil(actions, now), next, dueAt: next ? Date.parse(effectiveDue(next)) : null, notifyAt, actions };
}

/** The first moment after `now` time alone changes these actions: one closes or expires, or a snooze ends. */
function validUntil(actions: readonly Action[], now: number): number {
  let until = Infinity;
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
