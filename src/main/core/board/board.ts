/**
 * The board (docs/follow-up-rules.md "The board"): every opportunity in its column with what is due next, and moving a
 * card, which records the event the move means (dragging to Thanked records the thank-yous, to
 * Closed the outcome, ...). A move is one transaction and can be undone.
 */
import type { Database } from 'better-sqlite3';
import type { BoardCard, BoardHint, CardAction, ClosedCursor, ValidInput } from '../../../shared/contract';
import type { Action, BoardColumn, EventKind } from '../../../shared/domain';
import { upcomingNeedsDate } from '../../../shared/board-rules';
import { CoreError } from '../errors';
import type { OpportunityStore } from '../journal/opportunities';
import type { NewEvent, TimelineStore } from '../timeline/timeline';
import { FOREVER } from '../planner/plan-cache';
import { notClosed, prepared } from '../journal/statements';

const CARD_COLUMNS = `
  SELECT o.id, o.company, o.role, o.stage, o.closed_reason, o.updated_at, o.stage_changed_at,
         r.id AS round_id, r.number, r.starts_at, r.format,
         (SELECT json_group_array(json_array(c.id, c.name)) FROM round_interviewers ri JOIN contacts c ON c.id = ri.contact_id
           WHERE ri.round_id = r.id ORDER BY ri.position) AS interviewers
  FROM opportunities o
  LEFT JOIN rounds r ON r.opportunity_id = o.id
   AND r.number = (SELECT max(number) FROM rounds WHERE opportunity_id = o.id)`;

/**
 * Every card not closed nor archived with its latest round, through indexes (asserted by a
 * query-plan test). Closed cards (almost all of a long search) are read a page at a time: see
 * `readClosed`.
 */
export const BOARD_QUERY = `${CARD_COLUMNS}
  WHERE ${notClosed('o.stage')} AND o.archived_at IS NULL
  ORDER BY o.updated_at DESC, o.id DESC`;

/** Some cards (a patch after a write, or the cards that changed since the board was read): an archived one is not found, so the patch lists it as removed. */
const CARDS_QUERY = `${CARD_COLUMNS}
  WHERE o.id IN (SELECT value FROM json_each(?)) AND o.archived_at IS NULL`;

/** A page of the Closed column: the latest closed first, after a card (its closing time and id), through `opportunities_by_closing`. */
const CLOSED_QUERY = `${CARD_COLUMNS}
  WHERE o.stage = 'closed' AND o.archived_at IS NULL AND (o.stage_changed_at, o.id) < (@closedAt, @id)
  ORDER BY o.stage_changed_at DESC, o.id DESC
  LIMIT @limit`;

export interface BoardRow {
  id: number;
  company: string;
  role: string;
  stage: string;
  closed_reason: BoardCard['closedReason'];
  updated_at: string;
  stage_changed_at: string | null;
  round_id: number | null;
  number: number | null;
  starts_at: string | null;
  format: 'video' | 'phone' | 'in-person' | null;
  /** JSON: [[id, name], ...] in the round's order. */
  interviewers: string | null;
}

export function columnOf(stage: string, latestRoundStart: string | null, now: string): BoardColumn {
  switch (stage) {
    case 'scheduled':
      return latestRoundStart !== null && latestRoundStart <= now ? 'interviewed' : 'upcoming';
    case 'thanked':
    case 'followed_up':
    case 'offer':
    case 'staying_in_touch':
    case 'closed':
      return stage;
    default:
      return 'upcoming';
  }
}

/** An action as a card carries it: everything but the explanation (see `CardAction`). */
export function cardAction({ why: _why, ...rest }: Action): CardAction {
  return rest;
}

export const toCard = (r: BoardRow, next: Action | null, at: string): BoardCard => {
  const interviewers = r.interviewers ? (JSON.parse(r.interviewers) as [number, string][]).map(([id, name]) => ({ id, name })) : [];
  return {
    id: r.id,
    company: r.company,
    role: r.role,
    column: columnOf(r.stage, r.starts_at, at),
    closedReason: r.closed_reason,
    closedAt: r.stage === 'closed' ? r.stage_changed_at : null,
    round: r.round_id !== null ? { id: r.round_id, number: r.number!, startsAt: r.starts_at!, format: r.format!, interviewers } : null,
    people: interviewers.map((p) => p.name).join(' '),
    nextAction: next && cardAction(next),
    updatedAt: r.updated_at,
  };
};

/** The board's rows of some cards (ids that no longer exist are not among them). */
export function readRows(db: Database, ids: readonly number[]): BoardRow[] {
  return prepared<[string], BoardRow>(db, CARDS_QUERY).all(JSON.stringify(ids));
}

/** The board's order: the latest change first. */
export const boardOrder = (a: BoardCard, b: BoardCard): number => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id);

/** What only waits on the employer: the status check, the optional call, and the move-on suggestion. */
const WAITING_KINDS: ReadonlySet<string> = new Set(['status-check', 'phone-call', 'move-on']);
/** A card whose next step is further off than this is waiting too. */
const WAITING_AFTER_MS = 2 * 86_400_000;
/** The columns of a card still in play (not an offer, not closed, not only staying in touch). */
const IN_PLAY: ReadonlySet<BoardColumn> = new Set(['upcoming', 'interviewed', 'thanked', 'followed_up']);

/**
 * The keep-searching hint (docs/follow-up-rules.md "The rules"): when every card still in play
 * (not an offer, not closed, not only staying in touch) is only waiting on an employer, the board
 * suggests applying elsewhere. A hint on the board, never a notification.
 */
export function keepSearchingHint(cards: Iterable<BoardCard>, now: Date): BoardHint | null {
  let inPlay = 0;
  for (const card of cards) {
    if (!IN_PLAY.has(card.column)) continue;
    inPlay++;
    if (notOnlyWaiting(card, now)) return null;
  }
  return inPlay > 0 ? KEEP_SEARCHING : null;
}

/**
 * A card in play with something of the user's own to do within two days: while there is one, the
 * board has no keep-searching hint. Once true it stays true as time passes, until the card changes.
 */
export function notOnlyWaiting(card: BoardCard, now: Date): boolean {
  const next = card.nextAction;
  return IN_PLAY.has(card.column) && next !== null && !WAITING_KINDS.has(next.kind) && Date.parse(next.snoozedUntil ?? next.due) <= now.getTime() + WAITING_AFTER_MS;
}

export const KEEP_SEARCHING: BoardHint = {
  kind: 'keep-searching',
  text: 'Every open card is waiting on an employer. A good moment to keep applying elsewhere: it keeps your momentum and your options open.',
  source: 'What to Do After a Job Interview',
};

/** A page of closed cards, the latest closed first, and where the next page starts (null: this was the last). */
export function readClosed(db: Database, before: ClosedCursor | null, limit: number, now: Date): { cards: BoardCard[]; next: ClosedCursor | null } {
  const at = now.toISOString();
  // After the last possible card when there is no cursor: every closing time is an instant, below this.
  const from = before ?? { closedAt: FOREVER, id: Number.MAX_SAFE_INTEGER };
  const cards = prepared<[{ closedAt: string; id: number; limit: number }], BoardRow>(db, CLOSED_QUERY)
    .all({ ...from, limit: limit + 1 })
    .map((r) => toCard(r, null, at));
  const more = cards.length > limit;
  if (more) cards.pop();
  const last = cards.at(-1);
  return { cards, next: more && last ? { closedAt: last.closedAt ?? '', id: last.id } : null };
}

export interface MoveResult {
  readonly eventIds: readonly number[];
  readonly roundId: number | null;
}

const SIMPLE_MOVES: Partial<Record<BoardColumn, EventKind>> = {
  followed_up: 'status_check_sent',
  offer: 'offer_received',
  staying_in_touch: 'stay_in_touch_started',
};

export function moveCard(
  deps: { db: Database; opportunities: OpportunityStore; timeline: TimelineStore; now: () => Date },
  input: ValidInput<'board.move'>,
): MoveResult {
  const { opportunities, timeline } = deps;
  return deps.db.transaction((): MoveResult => {
    const opportunity = opportunities.get(input.opportunityId);
    const round = opportunity.rounds.at(-1) ?? null;
    const occurredAt = deps.now().toISOString();
    const base = { opportunityId: opportunity.id, roundId: round?.id ?? null, channel: null, occurredAt, note: null } as const;
    const record = (events: NewEvent[]): MoveResult => ({ eventIds: timeline.record(events).map((e) => e.id), roundId: null });

    switch (input.to) {
      case 'upcoming': {
        if (input.nextRound) {
          const created = opportunities.createRound({ ...input.nextRound, opportunityId: opportunity.id }, 'nextRound.');
          return { eventIds: [], roundId: created.id };
        }
        if (upcomingNeedsDate(round?.startsAt ?? null, Date.parse(occurredAt))) {
          throw new CoreError('invalid_input', 'Moving a card to Upcoming needs the date of its next round.');
        }
        return record([{ ...base, contactId: null, kind: 'reopened' }]);
      }
      case 'interviewed': {
        if (!round) throw new CoreError('invalid_input', 'This opportunity has no round yet: add one first.');
        if (round.startsAt > occurredAt) throw new CoreError('invalid_input', 'This round has not happened yet, so the card stays in Upcoming.');
        return record([{ ...base, contactId: null, kind: 'reopened' }]);
      }
      case 'thanked': {
        if (!round) throw new CoreError('invalid_input', 'This opportunity has no round yet: add one first.');
        const chosen = input.interviewerIds ?? round.interviewerIds;
        const unknown = chosen.filter((id) => !round.interviewerIds.includes(id));
        if (unknown.length > 0) throw new CoreError('invalid_input', `Contact ${unknown[0]} was not an interviewer of round ${round.number}.`);
        if (round.interviewerIds.length > 0 && chosen.length === 0) throw new CoreError('invalid_input', 'Choose who you thanked.');
        const events: NewEvent[] =
          chosen.length > 0
            ? chosen.map((contactId) => ({ ...base, contactId, kind: 'thank_you_sent', channel: 'email' }))
            : [{ ...base, contactId: null, kind: 'thank_you_sent', channel: 'email' }];
        return record(events);
      }
      case 'closed': {
        if (!input.closedReason) throw new CoreError('invalid_input', 'Say why the card is closed: rejected, moved on, withdrawn or accepted elsewhere.');
        return record([{ ...base, contactId: null, kind: input.closedReason }]);
      }
      default: {
        const kind = SIMPLE_MOVES[input.to]!;
        const contactId = kind === 'status_check_sent' ? (round?.arrangedByContactId ?? opportunity.recruiterContactId ?? null) : null;
        return record([{ ...base, contactId, kind }]);
      }
    }
  }).immediate();
}

/**
 * Takes a move back, all of it or nothing: the events it recorded are undone and the round it
 * added is removed, in one transaction. Refuses what is not this card's.
 */
export function undoMove(
  deps: { db: Database; opportunities: OpportunityStore; timeline: TimelineStore },
  input: ValidInput<'board.undoMove'>,
): { undone: readonly number[]; roundDeleted: number | null } {
  return deps.db.transaction(() => {
    deps.opportunities.get(input.opportunityId);
    for (const id of input.eventIds) {
      const event = deps.timeline.getEvent(id);
      if (event.opportunityId !== input.opportunityId) throw new CoreError('invalid_input', `Event ${id} is not on this card.`);
      if (event.undoneAt) throw new CoreError('conflict', 'This move was already undone.');
    }
    if (input.roundId !== null && deps.opportunities.getRound(input.roundId).opportunityId !== input.opportunityId) {
      throw new CoreError('invalid_input', `Round ${input.roundId} is not on this card.`);
    }
    if (input.eventIds.length > 0) deps.timeline.undo(input.eventIds);
    if (input.roundId !== null) deps.opportunities.deleteRound(input.roundId);
    return { undone: input.eventIds, roundDeleted: input.roundId };
  }).immediate();
}
