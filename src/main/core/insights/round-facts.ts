/**
 * What happened after each round of the period, read from the journal through its indexes.
 *
 * Most figures are built from a few set-wise reads rather than a query per round: the rounds
 * since the period began (one range of the covering `rounds_by_time`), and the live events of a
 * kind since then (one range of the covering `events_by_kind` each), joined here by round. An
 * answer or a follow-up to a round of the period cannot come before the period starts, so the
 * ranges lose nothing. On the generated 20,000-opportunity journal a query per round cost about
 * a microsecond per round and per question asked of it; these reads cost a fraction of that.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { EventKind } from '../../../shared/domain';
import type { PlannerSettings } from '../../../shared/settings';
import type { ResolvedPeriod } from './period';

export interface InsightsContext {
  readonly db: Database;
  readonly period: ResolvedPeriod;
  readonly now: Date;
  readonly planner: PlannerSettings;
  /**
   * Facts already read for this answer (the rounds of the period, events by round), shared by
   * the figures of one `insights.get`; a figure computed alone reads its own.
   */
  readonly facts?: Map<string, unknown>;
}

/** What counts as the employer's answer to a round (with an invitation to the next round). */
export const ANSWER_KINDS: readonly EventKind[] = ['reply_received', 'offer_received', 'rejected'];
/** The follow-ups after a round: the status check, and the optional call. */
export const FOLLOW_UP_KINDS: readonly EventKind[] = ['status_check_sent', 'call_made'];
/** What closes an opportunity for good (PLAYBOOK §2, Closed). */
export const CLOSING_KINDS: readonly EventKind[] = ['rejected', 'moved_on', 'withdrawn', 'accepted_elsewhere'];
/** A decision on the application: an offer or a close. */
export const DECISION_KINDS: readonly EventKind[] = ['offer_received', ...CLOSING_KINDS];
/** Everything the candidate sends: thank-yous, cards, LinkedIn notes, status checks, calls, check-ins. */
export const SENT_KINDS: readonly EventKind[] = ['thank_you_sent', 'card_mailed', 'linkedin_request_sent', 'status_check_sent', 'call_made', 'check_in_sent'];

export const DAY_MS = 86_400_000;

/** `'a', 'b'` for an IN list of fixed kinds (never user input). */
export const sqlList = (kinds: readonly string[]): string => kinds.map((k) => `'${k.replace(/'/g, "''")}'`).join(', ');

/** An ISO instant column as milliseconds since 1970 (a number crosses into JavaScript for less than a string). */
export const msOf = (column: string): string => `CAST(round((julianday(${column}) - 2440587.5) * 86400000.0) AS INTEGER)`;

const statements = new WeakMap<Database, Map<string, Statement>>();
/** A prepared statement, kept per connection (the figures run the same few queries again and again). */
export function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Statement>()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

function remember<T>(ctx: InsightsContext, key: string, read: () => T): T {
  if (!ctx.facts) return read();
  if (!ctx.facts.has(key)) ctx.facts.set(key, read());
  return ctx.facts.get(key) as T;
}

export interface PeriodRound {
  readonly id: number;
  readonly opportunityId: number;
  readonly number: number;
  readonly start: number;
  readonly end: number;
  /** When the next round of the opportunity starts, if there is one. */
  readonly nextStart: number | null;
  /**
   * When the invitation to the next round came: when the user recorded that round (or its start,
   * if recorded afterwards), never before this round ended.
   */
  readonly invited: number | null;
}

/** Every round that starts on or after the period's first day (later ones are the next rounds). */
export const ROUNDS_SINCE = `
  SELECT id, opportunity_id, number, ${msOf('starts_at')} AS start, duration_minutes, ${msOf('created_at')} AS created
  FROM rounds INDEXED BY rounds_by_time WHERE starts_at >= @from`;

/** The rounds that started in the period and have ended by now, each with its next round. */
export function periodRounds(ctx: InsightsContext): readonly PeriodRound[] {
  return remember(ctx, 'rounds', () => readPeriodRounds(ctx));
}

function readPeriodRounds(ctx: InsightsContext): PeriodRound[] {
  const now = ctx.now.getTime();
  const to = Date.parse(ctx.period.toIso);
  const rows = prepared(ctx.db, ROUNDS_SINCE).raw().all({ from: ctx.period.fromIso }) as [number, number, number, number, number, number][];
  // The next round of (opportunity, n) is (opportunity, n + 1); it started after this one, so it
  // is here too. One flat map (a round number stays far below 4,096) keeps this cheap.
  const rowOf = new Map<number, number>();
  rows.forEach(([, opportunityId, number], i) => rowOf.set(opportunityId * 4096 + number, i));
  const out: PeriodRound[] = [];
  for (const [id, opportunityId, number, start, minutes] of rows) {
    const end = start + minutes * 60_000;
    if (start >= to || end > now) continue; // after the period, or still under way
    const nextRow = rowOf.get(opportunityId * 4096 + number + 1);
    const next = nextRow === undefined ? null : rows[nextRow]!;
    out.push({
      id,
      opportunityId,
      number,
      start,
      end,
      nextStart: next ? next[3] : null,
      invited: next ? Math.max(Math.min(next[5], next[3]), end) : null,
    });
  }
  return out;
}

/**
 * Live events of the given kinds since the period began, by round, each list in time order: the
 * round they were recorded with, or for the few recorded without one (the app records each with
 * the opportunity's latest round), the round of the same opportunity they followed.
 */
export function eventsByRound(ctx: InsightsContext, kinds: readonly EventKind[], since = ctx.period.fromIso): ReadonlyMap<number, readonly number[]> {
  return remember(ctx, `events:${kinds.join()}:${since}`, () => readEventsByRound(ctx, kinds, since));
}

/** Live events of some kinds since a moment: one range of `events_by_kind` per kind. */
export const eventsSince = (kinds: readonly EventKind[]): string =>
  `SELECT round_id, opportunity_id, ${msOf('occurred_at')} FROM events INDEXED BY events_by_kind
   WHERE kind IN (${sqlList(kinds)}) AND undone_at IS NULL AND occurred_at >= @from`;

function readEventsByRound(ctx: InsightsContext, kinds: readonly EventKind[], since: string): Map<number, number[]> {
  const rows = prepared(ctx.db, eventsSince(kinds)).raw().all({ from: since }) as [number | null, number, number][];
  const byRound = new Map<number, number[]>();
  let roundsOf: Map<number, PeriodRound[]> | null = null;
  const add = (roundId: number, at: number) => {
    const list = byRound.get(roundId);
    if (list) list.push(at);
    else byRound.set(roundId, [at]);
  };
  for (const [roundId, opportunityId, at] of rows) {
    if (roundId !== null) {
      add(roundId, at);
      continue;
    }
    roundsOf ??= groupByOpportunity(periodRounds(ctx));
    const followed = roundsOf.get(opportunityId)?.find((r) => r.start <= at && (r.nextStart === null || at < r.nextStart));
    if (followed) add(followed.id, at);
  }
  // One kind comes out of the index in time order; several come kind by kind.
  if (kinds.length > 1) for (const list of byRound.values()) if (list.length > 1) list.sort((a, b) => a - b);
  return byRound;
}

/** The rounds with at least one live event of the given kinds since a moment (ids only: the funnel's "thanked" and "answered"). */
export const roundsWithQuery = (kinds: readonly EventKind[]): string =>
  `SELECT round_id FROM events INDEXED BY events_by_kind
   WHERE kind IN (${sqlList(kinds)}) AND undone_at IS NULL AND occurred_at >= @from AND round_id IS NOT NULL`;

export function roundsWith(ctx: InsightsContext, kinds: readonly EventKind[], since: string): ReadonlySet<number> {
  return new Set(prepared(ctx.db, roundsWithQuery(kinds)).pluck().all({ from: since }) as number[]);
}

export function groupByOpportunity(rounds: readonly PeriodRound[]): Map<number, PeriodRound[]> {
  const map = new Map<number, PeriodRound[]>();
  for (const r of rounds) {
    const list = map.get(r.opportunityId);
    if (list) list.push(r);
    else map.set(r.opportunityId, [r]);
  }
  return map;
}

/** When the employer answered the round: a reply, an offer or a rejection, or the invitation to the next round. */
export function answeredAt(round: PeriodRound, answers: ReadonlyMap<number, readonly number[]>): number | null {
  const replied = answers.get(round.id)?.find((at) => at >= round.start) ?? null;
  if (replied === null) return round.invited;
  return round.invited === null ? replied : Math.min(replied, round.invited);
}
