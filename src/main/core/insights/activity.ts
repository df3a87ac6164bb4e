/**
 * Activity per week (or per month over a long period): the rounds that took place, the letters
 * sent (thank-yous, cards, LinkedIn notes, status checks, calls, check-ins), the opportunities
 * added, and the applications in play at the end of each week: interviewed, with no decision yet
 * (no offer, rejection, move-on, withdrawal). "What to Do After a Job Interview", step 4: keep applying while you wait.
 */
import type { ActivityBucket, ActivityFigure } from '../../../shared/calls/insights-calls';
import { buckets } from './period';
import { DECISION_KINDS, prepared, SENT_KINDS, sqlList } from './round-facts';
import type { InsightsContext } from './round-facts';

/** Counts per bucket, each a range of an index (the buckets travel as one JSON parameter). */
export const ACTIVITY_QUERY = `
  SELECT
    (SELECT count(*) FROM rounds INDEXED BY rounds_by_time
       WHERE starts_at >= b.value ->> 0 AND starts_at < b.value ->> 1 AND starts_at <= @now) AS rounds,
    (SELECT count(*) FROM events INDEXED BY events_by_kind WHERE kind IN (${sqlList(SENT_KINDS)}) AND undone_at IS NULL
       AND occurred_at >= b.value ->> 0 AND occurred_at < b.value ->> 1) AS letters,
    (SELECT count(*) FROM opportunities INDEXED BY opportunities_by_created WHERE created_at >= b.value ->> 0 AND created_at < b.value ->> 1) AS added
  FROM json_each(@buckets) b ORDER BY b.key`;

/** When each opportunity was first interviewed, and when it was first decided (if it was). */
export const IN_PLAY_QUERY = `
  SELECT julianday(r.starts_at) + r.duration_minutes / 1440.0 AS since,
         julianday(d.decided_at) AS until
  FROM rounds r INDEXED BY rounds_by_time
  LEFT JOIN (SELECT opportunity_id, min(occurred_at) AS decided_at FROM events INDEXED BY events_by_kind
             WHERE kind IN (${sqlList(DECISION_KINDS)}) AND undone_at IS NULL GROUP BY opportunity_id) d
    ON d.opportunity_id = r.opportunity_id
  WHERE r.starts_at < @to AND r.number = 1 AND (d.decided_at IS NULL OR d.decided_at >= @from)`;

const JULIAN_UNIX_EPOCH = 2_440_587.5;
const julian = (ms: number): number => ms / 86_400_000 + JULIAN_UNIX_EPOCH;

export function activity(ctx: InsightsContext): ActivityFigure {
  const { unit, buckets: list } = buckets(ctx.period);
  const counts = prepared(ctx.db, ACTIVITY_QUERY).all({
    buckets: JSON.stringify(list.map((b) => [b.fromIso, b.toIso])),
    now: ctx.now.toISOString(),
  }) as { rounds: number; letters: number; added: number }[];

  // Applications in play at a moment: first interviewed by then, not yet decided. Two sorted
  // lists of moments, and a binary search per bucket.
  const intervals = prepared(ctx.db, IN_PLAY_QUERY).raw().all({ from: ctx.period.fromIso, to: ctx.period.toIso }) as [number, number | null][];
  const starts = new Float64Array(intervals.length);
  const ends: number[] = [];
  intervals.forEach(([since, until], i) => {
    starts[i] = since;
    // Decided before the first interview: never in play.
    if (until !== null) ends.push(Math.max(until, since));
  });
  starts.sort();
  const sortedEnds = Float64Array.from(ends).sort();
  const now = julian(ctx.now.getTime());
  const inPlayAt = (t: number) => countAtMost(starts, t) - countAtMost(sortedEnds, t);

  return {
    unit,
    buckets: list.map((b, i): ActivityBucket => {
      const c = counts[i]!;
      return {
        start: b.start,
        rounds: c.rounds,
        lettersSent: c.letters,
        newOpportunities: c.added,
        inPlay: inPlayAt(Math.min(julian(Date.parse(b.toIso)), now)),
      };
    }),
  };
}

/** How many values of a sorted list are at most `t`. */
function countAtMost(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
