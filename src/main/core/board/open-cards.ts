/**
 * The board's cards not closed, held in memory and read again only where something changed: a
 * board read after one change costs that card, not the journal. A card is read again when its
 * plan's version moved (the journal's triggers raise it at every change of the card, its rounds,
 * its interviewers or their names), rebuilt when its next action changed, and moved from Upcoming
 * to Interviewed when its round starts. Closed cards are not held: the Closed column reads them a
 * page at a time.
 */
import type { Database } from 'better-sqlite3';
import type { BoardCard, BoardHint } from '../../../shared/contract';
import type { Action } from '../../../shared/domain';
import type { CardPlan } from '../planner/plan-cache';
import { boardOrder, keepSearchingHint, notOnlyWaiting, readRows, toCard } from './board';
import type { BoardRow } from './board';
import { prepared } from '../journal/statements';

interface Held {
  readonly row: BoardRow;
  readonly version: number;
  readonly next: Action | null;
  readonly card: BoardCard;
  /** The card's column changes then (its round starts), or Infinity. */
  readonly columnUntil: number;
}

export class OpenCards {
  private readonly held = new Map<number, Held>();
  /** The cards in the board's order, and where each is; null when it must be sorted again. */
  private ordered: BoardCard[] | null = null;
  private readonly position = new Map<number, number>();
  /** Whether `ordered` was handed out since it was made (it is then copied before it changes). */
  private shared = false;
  private closedCount: number | null = null;
  /** The card that last ruled out the keep-searching hint (see `hint`). */
  private witness: number | null = null;

  constructor(private readonly db: Database) {}

  /** The plans' revision the cards were last made from, and when the next card changes column. */
  private madeFrom = -1;
  private columnsUntil = -Infinity;

  /** Every card not closed, the latest change first, as of `now` (`revision`: the plans' own, see PlanCache). */
  cards(plans: ReadonlyMap<number, CardPlan>, revision: number, now: Date, changed: readonly number[] | null = null): readonly BoardCard[] {
    this.refresh(plans, revision, now, changed);
    if (!this.ordered) {
      this.ordered = [...this.held.values()].map((h) => h.card).sort(boardOrder);
      this.position.clear();
      this.ordered.forEach((card, i) => this.position.set(card.id, i));
    }
    this.shared = true;
    return this.ordered;
  }

  /**
   * Brings every held card up to date (read again, rebuilt or moved to Interviewed), without
   * putting them in order: a write's patch and `board.cards` need some cards and the hint, not the
   * board's order, which only a full read sorts again (an edit moves its card to the front).
   */
  refresh(plans: ReadonlyMap<number, CardPlan>, revision: number, now: Date, changed: readonly number[] | null = null): void {
    const at = now.getTime();
    // Nothing planned again and no round started: the cards as they were.
    if (revision === this.madeFrom && at < this.columnsUntil) return;
    const iso = now.toISOString();
    const read: number[] = [];
    // Only the cards whose plan changed since the last time, when the planner knows them and no
    // round has started since (a round starting moves its card without any plan changing).
    const some = changed !== null && this.madeFrom >= 0 && at < this.columnsUntil;
    if (some) {
      for (const id of changed) {
        const plan = plans.get(id);
        const held = this.held.get(id);
        if (!plan) {
          if (this.held.delete(id)) this.changedMembers();
        } else if (!held || held.version !== plan.version) read.push(id);
        else if (held.next !== plan.next) this.hold(held.row, plan, iso, at);
      }
    } else {
      for (const [id, plan] of plans) {
        const held = this.held.get(id);
        if (!held || held.version !== plan.version) read.push(id);
        else if (held.next !== plan.next || held.columnUntil <= at) this.hold(held.row, plan, iso, at);
      }
      for (const id of this.held.keys()) {
        if (plans.has(id)) continue;
        this.held.delete(id);
        this.changedMembers();
      }
    }
    if (read.length > 0) {
      const found = new Set<number>();
      for (const row of readRows(this.db, read)) {
        found.add(row.id);
        if (!this.held.has(row.id)) this.changedMembers();
        this.hold(row, plans.get(row.id)!, iso, at);
      }
      for (const id of read) if (!found.has(id) && this.held.delete(id)) this.changedMembers();
    }
    this.madeFrom = revision;
    // After some cards, the earliest of theirs and the one before (at worst too early: the next
    // refresh is then a full pass, which finds it again).
    if (some) for (const id of read) this.columnsUntil = Math.min(this.columnsUntil, this.held.get(id)?.columnUntil ?? Infinity);
    else this.columnsUntil = this.nextColumnChange() ?? Infinity;
  }

  /** The plans' revision the held cards are up to date with (-1: none read yet). */
  get revision(): number {
    return this.madeFrom;
  }

  /**
   * The keep-searching hint over the held cards (after `refresh`). While the card that last ruled
   * it out is unchanged and in play, there is still none: a write's answer need not look at every
   * open card for it.
   */
  hint(now: Date): BoardHint | null {
    const card = this.witness === null ? undefined : this.held.get(this.witness)?.card;
    if (card && notOnlyWaiting(card, now)) return null;
    this.witness = null;
    for (const { card: each } of this.held.values()) {
      if (notOnlyWaiting(each, now)) {
        this.witness = each.id;
        return null;
      }
    }
    return keepSearchingHint(this.unordered(), now);
  }

  /** The open cards as held, in no order (current after `refresh`). */
  *unordered(): Generator<BoardCard> {
    for (const { card } of this.held.values()) yield card;
  }

  /** The card of one open card, as `cards` last made it. */
  card(id: number): BoardCard | undefined {
    return this.held.get(id)?.card;
  }

  /** The next moment a card moves from Upcoming to Interviewed (its round starts), or null. */
  nextColumnChange(): number | null {
    let first = Infinity;
    for (const { columnUntil } of this.held.values()) if (columnUntil < first) first = columnUntil;
    return first === Infinity ? null : first;
  }

  /**
   * How many cards are in the Closed column: counted again after a card opened, closed, came or
   * went, and after every write (`fresh`: archiving a closed card changes no open card).
   */
  closed(fresh = false): number {
    if (fresh) this.closedCount = null;
    this.closedCount ??= prepared(this.db, "SELECT count(*) FROM opportunities WHERE stage = 'closed' AND archived_at IS NULL").pluck().get() as number;
    return this.closedCount;
  }

  private hold(row: BoardRow, plan: CardPlan, iso: string, at: number): void {
    const start = row.stage === 'scheduled' && row.starts_at !== null ? Date.parse(row.starts_at) : Infinity;
    const card = toCard(row, plan.next, iso);
    const before = this.held.get(row.id);
    this.held.set(row.id, { row, version: plan.version, next: plan.next, card, columnUntil: start > at ? start : Infinity });
    // Most changes keep a card's place (its last change is what orders it): replaced where it is.
    const place = this.position.get(row.id);
    if (this.ordered && before && place !== undefined && before.card.updatedAt === card.updatedAt) {
      if (this.shared) {
        this.ordered = this.ordered.slice();
        this.shared = false;
      }
      this.ordered[place] = card;
    } else this.ordered = null;
  }

  private changedMembers(): void {
    this.ordered = null;
    this.closedCount = null;
  }
}
