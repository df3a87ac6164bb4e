/**
 * The follow-up itself (PLAYBOOK §3): were the thank-yous sent within 24 hours, within 48, late or
 * never; were status checks sent on the day the planner gives; did rounds with a status check get
 * answered more often than rounds without; and was the "move on" advice taken.
 */
import type {
  MissedThankYou,
  MoveOnFigure,
  StatusCheckEffectFigure,
  StatusCheckFigure,
  ThankYouFigure,
} from '../../../shared/calls/insights-calls';
import { statusCheckDay, THANK_YOU_DUE_HOURS, THANK_YOU_LATEST_HOURS } from '../planner/plan';
import { dayNumber, localDate } from '../planner/calendar';
import {
  ANSWER_KINDS,
  answeredAt,
  DAY_MS,
  eventsByRound,
  FOLLOW_UP_KINDS,
  msOf,
  periodRounds,
  prepared,
} from './round-facts';
import type { InsightsContext } from './round-facts';
import { medianDays, share } from './statistics';

// ---- thank-yous --------------------------------------------------------------------------------

/**
 * One slot per interviewer of each round of the period (a round with nobody listed: one slot
 * with no contact): a range of `rounds_by_time`, then each round's interviewers.
 */
export const THANK_YOU_SLOTS = `
  SELECT r.id, ${msOf('r.starts_at')} AS start, r.duration_minutes, ri.contact_id FROM rounds r INDEXED BY rounds_by_time
  LEFT JOIN round_interviewers ri ON ri.round_id = r.id
  WHERE r.starts_at >= @from AND r.starts_at < @to AND r.starts_at <= @now`;

/** Live thank-yous since the period began, oldest first (one range of `events_by_kind`). */
export const THANK_YOUS_SINCE = `
  SELECT round_id, contact_id, ${msOf('occurred_at')} FROM events INDEXED BY events_by_kind
  WHERE kind = 'thank_you_sent' AND undone_at IS NULL AND occurred_at >= @from`;

const MISSED_DETAIL = `
  SELECT o.id AS opportunity_id, o.company, r.number, (SELECT name FROM contacts WHERE id = @contact) AS interviewer
  FROM rounds r JOIN opportunities o ON o.id = r.opportunity_id WHERE r.id = @round`;

const RECENT_MISSED = 20;

/**
 * One slot per interviewer of each round of the period that has ended (a round with no
 * interviewer listed has one slot, thanked by any thank-you for the round, as the planner does),
 * against the first thank-you to that person.
 */
export function thankYous(ctx: InsightsContext): ThankYouFigure {
  const params = { from: ctx.period.fromIso, to: ctx.period.toIso, now: ctx.now.toISOString() };
  // The first thank-you per round and person (person 0: whoever), in time order as read; one
  // flat map keyed by round and person.
  const key = (round: number, contact: number) => round * 2 ** 24 + contact;
  const sent = new Map<number, number>();
  for (const [round, contact, at] of prepared(ctx.db, THANK_YOUS_SINCE).raw().all(params) as [number | null, number | null, number][]) {
    if (round === null) continue;
    if (!sent.has(key(round, 0))) sent.set(key(round, 0), at);
    if (contact !== null && !sent.has(key(round, contact))) sent.set(key(round, contact), at);
  }
  const now = ctx.now.getTime();
  // The planner's own window: a thank-you it keeps as missed is counted missed here.
  const due = THANK_YOU_DUE_HOURS * 3_600_000;
  const latest = THANK_YOU_LATEST_HOURS * 3_600_000;
  const counts = { within24h: 0, within48h: 0, late: 0, missed: 0, open: 0 };
  const missed: { round: number; start: number; end: number; contact: number | null }[] = [];
  for (const [round, start, minutes, contact] of prepared(ctx.db, THANK_YOU_SLOTS).raw().all(params) as [number, number, number, number | null][]) {
    const end = start + minutes * 60_000;
    if (end > now) continue; // still under way
    const at = sent.get(key(round, contact ?? 0));
    if (at === undefined) {
      if (end + latest > now) counts.open++;
      else {
        counts.missed++;
        missed.push({ round, start, end, contact });
      }
    } else if (at - end <= due) counts.within24h++;
    else if (at - end <= latest) counts.within48h++;
    else counts.late++;
  }
  const detail = prepared(ctx.db, MISSED_DETAIL);
  const recentMissed = missed
    .sort((a, b) => b.start - a.start || b.round - a.round)
    .slice(0, RECENT_MISSED)
    .map(({ round, end, contact }): MissedThankYou => {
      const d = detail.get({ round, contact }) as { opportunity_id: number; company: string; number: number; interviewer: string | null };
      return { opportunityId: d.opportunity_id, company: d.company, roundNumber: d.number, interviewer: d.interviewer, closedAt: new Date(end + latest).toISOString() };
    });
  return { ...counts, recentMissed };
}

// ---- status checks on the planned day ----------------------------------------------------------

/**
 * The first status check of each round of the period, driven from the (fewer) status-check
 * events: one range of `events_by_kind`, then each round by its key (`+` keeps SQLite from
 * walking the rounds by date instead).
 */
export const STATUS_CHECK_QUERY = `
  SELECT r.starts_at, r.decision_date, min(e.occurred_at) AS sent_at
  FROM events e INDEXED BY events_by_kind CROSS JOIN rounds r ON r.id = e.round_id
  WHERE e.kind = 'status_check_sent' AND e.undone_at IS NULL AND e.occurred_at >= @from
    AND +r.starts_at >= @from AND +r.starts_at < @to AND e.occurred_at >= r.starts_at
  GROUP BY r.id`;

export function statusChecks(ctx: InsightsContext): StatusCheckFigure {
  const rows = prepared(ctx.db, STATUS_CHECK_QUERY)
    .raw()
    .all({ from: ctx.period.fromIso, to: ctx.period.toIso }) as [string, string | null, string][];
  const figure = { sent: 0, early: 0, onPlannedDay: 0, oneOrTwoDaysLate: 0, laterThanThat: 0 };
  const timeZone = ctx.period.timeZone;
  for (const [startsAt, decisionDate, sentAt] of rows) {
    const planned = statusCheckDay({ startsAt, decisionDate }, ctx.planner, timeZone).date;
    const late = dayNumber(localDate(new Date(sentAt), timeZone)) - dayNumber(planned);
    figure.sent++;
    if (late < 0) figure.early++;
    else if (late === 0) figure.onPlannedDay++;
    else if (late <= 2) figure.oneOrTwoDaysLate++;
    else figure.laterThanThat++;
  }
  return figure;
}

// ---- answers with a status check and without ---------------------------------------------------

/**
 * Only rounds still unanswered a set number of days after they ended are compared (the planner's
 * wait when no decision date was given): a round answered the next day never needed a check, and
 * counting it would flatter "without".
 */
export function statusCheckEffect(ctx: InsightsContext): StatusCheckEffectFigure {
  const afterDays = ctx.planner.noDecisionDateDays;
  const rounds = periodRounds(ctx);
  const answers = eventsByRound(ctx, ANSWER_KINDS);
  const checks = eventsByRound(ctx, ['status_check_sent']);
  const now = ctx.now.getTime();
  const groups = { withCheck: { rounds: 0, answered: 0, days: [] as number[] }, withoutCheck: { rounds: 0, answered: 0, days: [] as number[] } };
  for (const round of rounds) {
    const wait = round.end + afterDays * DAY_MS;
    if (wait > now) continue;
    const answered = answeredAt(round, answers);
    if (answered !== null && answered <= wait) continue;
    const checked = checks.get(round.id)?.some((at) => at >= round.start && (answered === null || at < answered)) ?? false;
    const g = checked ? groups.withCheck : groups.withoutCheck;
    g.rounds++;
    if (answered === null) continue;
    g.answered++;
    g.days.push(answered - round.end);
  }
  const out = (g: { rounds: number; answered: number; days: number[] }) => ({
    rounds: g.rounds,
    answered: share(g.answered, g.rounds),
    daysToAnswer: medianDays(g.days),
  });
  return { afterDays, withCheck: out(groups.withCheck), withoutCheck: out(groups.withoutCheck) };
}

// ---- the "move on" advice ----------------------------------------------------------------------

const SKIPPED_MOVE_ON = `SELECT action_key FROM action_states WHERE state = 'skipped' AND action_key LIKE 'r%:move-on'`;

/**
 * The planner suggests moving on `moveOnAfterDays` days after the last follow-up went unanswered
 * ("Is It Bad to Follow Up After an Interview?"). For each round of the period where that moment has come with no answer and the
 * card still open: what happened first after it.
 */
export function moveOn(ctx: InsightsContext): MoveOnFigure {
  const afterDays = ctx.planner.moveOnAfterDays;
  const rounds = periodRounds(ctx);
  const followUps = eventsByRound(ctx, FOLLOW_UP_KINDS);
  const answers = eventsByRound(ctx, ANSWER_KINDS);
  const movedOn = eventsByRound(ctx, ['moved_on']);
  const closedOtherwise = eventsByRound(ctx, ['withdrawn', 'accepted_elsewhere']);
  const skipped = new Set((prepared(ctx.db, SKIPPED_MOVE_ON).pluck().all() as string[]).map((key) => Number(key.slice(1, key.indexOf(':')))));
  const now = ctx.now.getTime();
  const figure = { afterDays, given: 0, taken: 0, answeredAfterAll: 0, closedOtherwise: 0, skipped: 0, stillOpen: 0 };
  const firstFrom = (list: readonly number[] | undefined, from: number): number => list?.find((at) => at >= from) ?? Infinity;
  for (const round of rounds) {
    const sent = followUps.get(round.id)?.filter((at) => at >= round.start);
    if (!sent || sent.length === 0) continue;
    const answered = answeredAt(round, answers) ?? Infinity;
    // The last follow-up sent before any answer is the one the advice counts from.
    const last = sent.filter((at) => at < answered).at(-1);
    if (last === undefined) continue;
    const due = last + afterDays * DAY_MS;
    if (due > now || answered < due) continue;
    const closedBefore = (list: readonly number[] | undefined) => list?.some((at) => at >= round.start && at < due) ?? false;
    if (closedBefore(movedOn.get(round.id)) || closedBefore(closedOtherwise.get(round.id))) continue;
    figure.given++;
    const outcome = firstOf({
      taken: firstFrom(movedOn.get(round.id), due),
      answeredAfterAll: answered,
      closedOtherwise: firstFrom(closedOtherwise.get(round.id), due),
    });
    if (outcome) figure[outcome]++;
    else if (skipped.has(round.id)) figure.skipped++;
    else figure.stillOpen++;
  }
  return figure;
}

/** Whichever came first; nothing yet is null. */
function firstOf(at: Record<'taken' | 'answeredAfterAll' | 'closedOtherwise', number>): keyof typeof at | null {
  let first: keyof typeof at | null = null;
  for (const key of ['taken', 'answeredAfterAll', 'closedOtherwise'] as const) {
    if (at[key] !== Infinity && (first === null || at[key] < at[first])) first = key;
  }
  return first;
}
