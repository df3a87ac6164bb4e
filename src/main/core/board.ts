/**
 * The board (PLAYBOOK §2): every opportunity in its column with what is due next, and moving a
 * card, which records the event the move means (dragging to Thanked records the thank-yous, to
 * Closed the outcome, ...). A move is one transaction and can be undone.
 */
import type { Database } from 'better-sqlite3';
import type { Board, BoardCard, ValidInput } from '../../shared/contract';
import type { Action, BoardColumn, EventKind } from '../../shared/domain';
import { CoreError } from './errors';
import type { OpportunityStore } from './journal/opportunities';
import type { NewEvent, TimelineStore } from './journal/timeline';
import { nextAction } from './planner/plan';

/** Every opportunity with its latest round, through indexes (asserted by a query-plan test). */
export const BOARD_QUERY = `
  SELECT o.id, o.company, o.role, o.stage, o.closed_reason, o.updated_at,
         r.id AS round_id, r.number, r.starts_at, r.format,
         (SELECT group_concat(c.name, ' ') FROM round_interviewers ri JOIN contacts c ON c.id = ri.contact_id WHERE ri.round_id = r.id) AS people
  FROM opportunities o
  LEFT JOIN rounds r ON r.opportunity_id = o.id
   AND r.number = (SELECT max(number) FROM rounds WHERE opportunity_id = o.id)
  ORDER BY o.updated_at DESC, o.id DESC`;

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
  people: string | null;
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

export function readBoard(db: Database, plans: ReadonlyMap<number, readonly Action[]>, now: Date): Board {
  const at = now.toISOString();
  const cards = db
    .prepare<[], BoardRow>(BOARD_QUERY)
    .all()
    .map(
      (r): BoardCard => ({
        id: r.id,
        company: r.company,
        role: r.role,
        column: columnOf(r.stage, r.starts_at, at),
        closedReason: r.closed_reason,
        round: r.round_id !== null ? { id: r.round_id, number: r.number!, startsAt: r.starts_at!, format: r.format! } : null,
        people: r.people ?? '',
        nextAction: nextAction(plans.get(r.id) ?? []),
        updatedAt: r.updated_at,
      }),
    );
  return { cards, at };
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
        if (round && round.startsAt > occurredAt) return record([{ ...base, contactId: null, kind: 'reopened' }]);
        throw new CoreError('invalid_input', 'Moving a card to Upcoming needs the date of its next round.');
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
