/**
 * Guidance where the planner's rules stop (docs/follow-up-rules.md "After a reply, after an
 * offer"): once the employer has replied, or made an offer, nothing is left to plan by date, but
 * the user still has something to do. This says what the moment means and what to do next, in
 * sentences the card's detail shows as they are. Pure: it reads a card's facts, not the journal
 * (loadGuidanceInput does that).
 */
import type { Database } from 'better-sqlite3';
import type { CardGuidance, GuidanceStep } from '../../../shared/calls/planner-calls';
import type { CalendarDate, EventKind, Instant, StoredStage } from '../../../shared/domain';
import { SOURCES } from '../../../shared/sources';
import { describeDate, localDate } from './calendar';

export interface GuidanceInput {
  readonly stage: StoredStage;
  /** Rounds by number, earliest first. */
  readonly rounds: readonly { readonly id: number; readonly number: number; readonly startsAt: Instant; readonly decisionDate: CalendarDate | null }[];
  /** The card's events; undone ones are ignored. */
  readonly events: readonly { readonly kind: EventKind; readonly occurredAt: Instant; readonly undoneAt: Instant | null }[];
  /** The user's other cards holding an offer now (to compare with). */
  readonly otherOffers: readonly { readonly company: string; readonly role: string }[];
}

const DAY = 86_400_000;
const ADVICE = SOURCES['career-advice'].title;

/** Questions worth asking about any offer before answering it. */
export const OFFER_QUESTIONS: readonly string[] = [
  'The whole pay: base salary, bonus, equity, and when each is paid.',
  'The start date, and whether it can move.',
  'Benefits: holidays, health cover, pension or retirement matching.',
  'Where and when you work: office days, remote, hours, travel.',
  'Who you would report to, and how your first months are measured.',
  'Is there a probation period, and a notice period?',
];

const latest = <T extends { readonly occurredAt: Instant }>(list: readonly T[]): T | null =>
  list.reduce<T | null>((best, e) => (best === null || e.occurredAt > best.occurredAt ? e : best), null);

/** What to do on a card the planner has nothing dated for, or null when the planner's actions say it all. */
export function guidanceFor(input: GuidanceInput, now: Date, timeZone: string): CardGuidance | null {
  const events = input.events.filter((e) => e.undoneAt === null);
  const round = input.rounds.at(-1) ?? null;
  switch (input.stage) {
    case 'offer': {
      const offer = latest(events.filter((e) => e.kind === 'offer_received'));
      return offer ? offerGuidance(offer.occurredAt, round, input.otherOffers, now, timeZone) : null;
    }
    case 'scheduled':
    case 'thanked':
    case 'followed_up': {
      // A reply about the latest round: one before it started answered an earlier round.
      const reply = latest(events.filter((e) => e.kind === 'reply_received' && (round === null || e.occurredAt >= round.startsAt)));
      if (!reply || (round !== null && Date.parse(round.startsAt) > now.getTime())) return null;
      return replyGuidance(reply.occurredAt, round, now);
    }
    case 'staying_in_touch':
    case 'closed':
      return null;
    default: {
      const never: never = input.stage;
      return never;
    }
  }
}

function replyGuidance(repliedAt: Instant, round: GuidanceInput['rounds'][number] | null, now: Date): CardGuidance {
  const answerBy = new Date(Date.parse(repliedAt) + DAY).toISOString();
  const late = Date.parse(answerBy) < now.getTime();
  const steps: GuidanceStep[] = [
    {
      id: 'answer-reply',
      text: late
        ? 'Answer their reply if you have not yet: a day has passed, so answer today, briefly, and confirm what they asked for.'
        : 'Answer within a day: thank them for the update and confirm what they ask for (a time, references, a task).',
      due: late ? null : answerBy,
    },
    {
      id: 'add-next-round',
      text: 'If it invites you to a next round: add the round with its date. Afterword then plans its reflection and thank-you notes.',
      due: null,
    },
    {
      id: 'prepare-next-round',
      text: `To prepare it: reread your reflection on round ${round?.number ?? 1} (what to improve, what you did not cover well) and the questions you were asked so far.`,
      due: null,
    },
    {
      id: 'record-outcome',
      text: 'If it is a no: record the outcome (Closed, rejected). A short, gracious reply keeps the door open; Afterword can plan staying in touch.',
      due: null,
    },
  ];
  return {
    situation: 'reply',
    title: 'They replied: the waiting is over',
    meaning: `A reply ends the waiting for round ${round?.number ?? 1}: no status check is planned after it. It usually brings a next round, a decision, or a request.`,
    steps,
    deadline: null,
    questions: [],
    otherOffers: [],
    roundId: round?.id ?? null,
    source: ADVICE,
  };
}

function offerGuidance(
  offeredAt: Instant,
  round: GuidanceInput['rounds'][number] | null,
  otherOffers: GuidanceInput['otherOffers'],
  now: Date,
  timeZone: string,
): CardGuidance {
  // The date the user recorded for their answer: the round's decision date, once it is not before the offer.
  const offerDay = localDate(new Date(offeredAt), timeZone);
  const deadline = round?.decisionDate && round.decisionDate >= offerDay ? round.decisionDate : null;
  const today = localDate(now, timeZone);
  const steps: GuidanceStep[] = [
    {
      id: 'thank-for-offer',
      text: 'Thank them within a day, say you are glad to have it, and ask for the offer in writing if you do not have it yet.',
      due: Date.parse(offeredAt) + DAY > now.getTime() ? new Date(Date.parse(offeredAt) + DAY).toISOString() : null,
    },
    deadline
      ? {
          id: 'answer-by',
          text:
            deadline < today
              ? `The answer was due ${describeDate(deadline)}: if you have not answered, do it today, or ask whether they can wait.`
              : `Answer by ${describeDate(deadline)}. Until then nothing is due to them: take the time you were given.`,
          due: null,
        }
      : {
          id: 'record-deadline',
          text: 'Ask by when they need your answer, and record the date here: Afterword then shows it on this card.',
          due: null,
        },
    {
      id: 'ask-questions',
      text: 'Before you answer, ask what the offer leaves open (below). Asking is expected; it does not put an offer at risk.',
      due: null,
    },
    otherOffers.length > 0
      ? {
          id: 'compare-offers',
          text: `Compare it with your other offer${otherOffers.length === 1 ? '' : 's'} (${otherOffers.map((o) => o.company).join(', ')}) on the same points before you answer any of them.`,
          due: null,
        }
      : {
          id: 'tell-others',
          text: 'Still interviewing elsewhere? Tell those employers you have an offer and by when you must answer: they may speed up.',
          due: null,
        },
  ];
  return {
    situation: 'offer',
    title: 'An offer: what to do before you answer',
    meaning: 'Nothing is planned to the day after an offer: what happens next is your answer, and you set its pace within their deadline.',
    steps,
    deadline,
    questions: OFFER_QUESTIONS,
    otherOffers: otherOffers.map((o) => `${o.company} (${o.role})`),
    roundId: round?.id ?? null,
    source: ADVICE,
  };
}

/** Reads one card's facts for guidanceFor (a few small queries on indexed columns). */
export function loadGuidanceInput(db: Database, opportunityId: number): GuidanceInput | null {
  const o = db.prepare<[number], { stage: StoredStage }>('SELECT stage FROM opportunities WHERE id = ? AND archived_at IS NULL').get(opportunityId);
  if (!o) return null;
  const rounds = db
    .prepare<[number], { id: number; number: number; starts_at: string; decision_date: string | null }>(
      'SELECT id, number, starts_at, decision_date FROM rounds WHERE opportunity_id = ? ORDER BY number',
    )
    .all(opportunityId)
    .map((r) => ({ id: r.id, number: r.number, startsAt: r.starts_at, decisionDate: r.decision_date }));
  const events = db
    .prepare<[number], { kind: EventKind; occurred_at: string; undone_at: string | null }>(
      "SELECT kind, occurred_at, undone_at FROM events WHERE opportunity_id = ? AND kind IN ('reply_received', 'offer_received')",
    )
    .all(opportunityId)
    .map((e) => ({ kind: e.kind, occurredAt: e.occurred_at, undoneAt: e.undone_at }));
  const otherOffers =
    o.stage === 'offer'
      ? db
          .prepare<[number], { company: string; role: string }>(
            "SELECT company, role FROM opportunities WHERE stage = 'offer' AND archived_at IS NULL AND id <> ? ORDER BY company",
          )
          .all(opportunityId)
      : [];
  return { stage: o.stage, rounds, events, otherOffers };
}
