/**
 * The board (docs/follow-up-rules.md "The board"): every opportunity in its column with what is due next, and moving a
 * card, which records the event the move means (dragging to Thanked records the thank-yous, to
 * Closed the outcome, ...). A move is one transaction and can be undone.
 */
import type { Database } from 'better-sqlite3';
import type { Board, BoardCard, BoardHint, ValidInput } from '../../../shared/contract';
import type { Action, BoardColumn, EventKind } from '../../../shared/domain';
import { upcomingNeedsDate } from '../../../shared/board-rules';
import { CoreError } from '../errors';
import type { OpportunityStore } from '../journal/opportunities';
import type { NewEvent, TimelineStore } from '../timeline/timeline';
import { nextAction } from '../planner/plan';

const CARD_COLUMNS = `
  SELECT o.id, o.company, o.role, o.stage, o.closed_reason, o.updated_at,
         r.id AS round_id, r.number, r.starts_at, r.format,
         (SELECT json_group_array(json_array(c.id, c.name)) FROM round_interviewers ri JOIN contacts c ON c.id = ri.contact_id
           WHERE ri.round_id = r.id ORDER BY ri.position) AS interviewers
  FROM opportunities o
  LEFT JOIN rounds r ON r.opportunity_id = o.id
   AND r.number = (SELECT max(number) FROM rounds WHERE opportunity_id = o.id)`;

/** Every opportunity not archived with its latest round, through indexes (asserted by a query-plan test). */
export const BOARD_QUERY = `${CARD_COLUMNS}
  WHERE o.archived_at IS NULL
  ORDER BY o.updated_at DESC, o.id DESC`;

/** The same, for a few cards (a patch after a write): an archived one is not found, so the patch lists it as removed. */
const CARDS_QUERY = `${CARD_COLUMNS}
  WHERE o.id IN (SELECT value FROM json_each(?)) AND o.archived_at IS NULL`;

interface BoardRow {
  id: number;
  company: string;
  role: string;
  stage: string;
  closed_reason: BoardCard['closedReason'];
  updated_at: string;
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

const toCard = (r: BoardRow, plans: ReadonlyMap<number, readonly Action[]>, at: string): BoardCard => {
  const interviewers = r.interviewers ? (JSON.parse(r.interviewers) as [number, string][]).map(([id, name]) => ({ id, name })) : [];
  return {
    id: r.id,
    company: r.company,
    role: r.role,
    column: columnOf(r.stage, r.starts_at, at),
    closedReason: r.closed_reason,
    round: r.round_id !== null ? { id: r.round_id, number: r.number!, startsAt: r.starts_at!, format: r.format!, interviewers } : null,
    people: interviewers.map((p) => p.name).join(' '),
    nextAction: nextAction(plans.get(r.id) ?? []),
    updatedAt: r.updated_at,
  };
};

/** What only waits on the employer: the status check, the optional call, and the move-on suggestion. */
const WAITING_KINDS: ReadonlySet<string> = new Set(['status-check', 'phone-call', 'move-on']);
/** A card whose next step is further off than this is waiting too. */
const WAITING_AFTER_MS = 2 * 86_400_000;

/**
 * The keep-searching hint (docs/follow-up-rules.md "The rules"): when every card still in play
 * (not an offer, not closed, not only staying in touch) is only waiting on an employer, the board
 * suggests applying elsewhere. A hint on the board, never a notification.
 */
export function keepSearchingHint(db: Database, plans: ReadonlyMap<number, readonly Action[]>, now: Date): BoardHint | null {
  const inPlay = db.prepare("SELECT id FROM opportunities WHERE stage IN ('scheduled', 'thanked', 'followed_up') AND archived_at IS NULL").pluck().all() as number[];
  if (inPlay.length === 0) return null;
  const soon = now.getTime() + WAITING_AFTER_MS;
  const waiting = inPlay.every((id) => {
    const next = nextAction(plans.get(id) ?? []);
    return !next || WAITING_KINDS.has(next.kind) || Date.parse(next.snoozedUntil ?? next.due) > soon;
  });
  return waiting ? KEEP_SEARCHING : null;
}

export const KEEP_SEARCHING: BoardHint = {
  kind: 'keep-searching',
  text: 'Every open card is waiting on an employer. A good moment to keep applying elsewhere: it keeps your momentum and your options open.',
  source: 'What to Do After a Job Interview',
};

export function readBoard(db: Database, plans: ReadonlyMap<number, readonly Action[]>, now: Date, version: number, refreshAt: string | null): Board {
  const at = now.toISOString();
  const cards = db
    .prepare<[], BoardRow>(BOARD_QUERY)
    .all()
    .map((r) => toCard(r, plans, at));
  return { cards, at, version, hint: keepSearchingHint(db, plans, now), refreshAt };
}

/** The cards of some opportunities as the board shows them now; ids that no longer exist are `removed`. */
export function readCards(db: Database, ids: readonly number[], plans: ReadonlyMap<number, readonly Action[]>, now: Date): { cards: BoardCard[]; removed: number[] } {
  const at = now.toISOString();
  const cards = db
    .prepare<[string], BoardRow>(CARDS_QUERY)
    .all(JSON.stringify(ids))
    .map((r) => toCard(r, plans, at));
  const found = new Set(cards.map((c) => c.id));
  return { cards, removed: ids.filter((id) => !found.has(id)) };
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
