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
} from '../../../shared/contract-insights';
import { statusCheckDay } from '../planner/plan';
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

/** A round of the period that has ended (the covering `rounds_by_time` holds all it needs). */
const ENDED_IN_PERIOD = `r.starts_at >= @from AND r.starts_at < @to AND ${msOf('r.starts_at')} + r.duration_minutes * 60000 <= @nowMs`;

/**
 * One slot per interviewer of each round of the period that has ended (a round with no
 * interviewer listed has one slot, thanked by any thank-you for the round, as the planner does),
 * with the first thank-you to that person. Grouped in the index's own order: no sort.
 */
export const THANK_YOU_QUERY = `
  WITH slots AS (
    SELECT ${msOf('r.starts_at')} + r.duration_minutes * 60000 AS end_ms, ${msOf('min(e.occurred_at)')} AS sent_ms
    FROM rounds r INDEXED BY rounds_by_time
    LEFT JOIN round_interviewers ri ON ri.round_id = r.id
    LEFT JOIN events e INDEXED BY events_by_round ON e.round_id = r.id AND e.kind = 'thank_you_sent' AND e.undone_at IS NULL
      AND (ri.contact_id IS NULL OR e.contact_id = ri.contact_id)
    WHERE ${ENDED_IN_PERIOD}
    GROUP BY r.starts_at, r.duration_minutes, r.opportunity_id, r.number, r.decision_date, r.created_at, r.id, ri.contact_id
  )
  SELECT
    count(*) FILTER (WHERE sent_ms - end_ms <= @day) AS within24h,
    count(*) FILTER (WHERE sent_ms - end_ms > @day AND sent_ms - end_ms <= 2 * @day) AS within48h,
    count(*) FILTER (WHERE sent_ms - end_ms > 2 * @day) AS late,
    count(*) FILTER (WHERE sent_ms IS NULL AND end_ms + 2 * @day <= @nowMs) AS missed,
    count(*) FILTER (WHERE sent_ms IS NULL AND end_ms + 2 * @day > @nowMs) AS open
  FROM slots`;

/** The most recent missed ones: walks the period back from its end and stops at the twentieth. */
export const RECENT_MISSED_QUERY = `
  SELECT o.id AS opportunity_id, o.company, r.number, c.name AS interviewer,
         ${msOf('r.starts_at')} + r.duration_minutes * 60000 + 2 * @day AS closed_ms
  FROM rounds r INDEXED BY rounds_by_time
  LEFT JOIN round_interviewers ri ON ri.round_id = r.id
  JOIN opportunities o ON o.id = r.opportunity_id
  LEFT JOIN contacts c ON c.id = ri.contact_id
  WHERE r.starts_at >= @from AND r.starts_at < @to AND ${msOf('r.starts_at')} + r.duration_minutes * 60000 + 2 * @day <= @nowMs
    AND NOT EXISTS (SELECT 1 FROM events e INDEXED BY events_by_round WHERE e.round_id = r.id AND e.kind = 'thank_you_sent'
                    AND e.undone_at IS NULL AND (ri.contact_id IS NULL OR e.contact_id = ri.contact_id))
  ORDER BY r.starts_at DESC, r.id DESC, ri.position
  LIMIT 20`;

export function thankYous(ctx: InsightsContext): ThankYouFigure {
  const params = { from: ctx.period.fromIso, to: ctx.period.toIso, nowMs: ctx.now.getTime(), day: DAY_MS };
  const counts = prepared(ctx.db, THANK_YOU_QUERY).get(params) as Omit<ThankYouFigure, 'recentMissed'>;
  const recent = prepared(ctx.db, RECENT_MISSED_QUERY).all(params) as {
    opportunity_id: number;
    company: string;
    number: number;
    interviewer: string | null;
    closed_ms: number;
  }[];
  return {
    ...counts,
    recentMissed: recent.map(
      (m): MissedThankYou => ({
        opportunityId: m.opportunity_id,
        company: m.company,
        roundNumber: m.number,
        interviewer: m.interviewer,
        closedAt: new Date(m.closed_ms).toISOString(),
      }),
    ),
  };
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
 * (seed 003). For each round of the period where that moment has come with no answer and the
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
