/**
 * The funnel: the opportunities added in the period, and how far each got, round by round:
 * interviewed (the round has ended), thanked (a thank-you to at least one interviewer), replied
 * (the employer answered: a reply, an invitation to the next round, an offer or a rejection), and
 * finally an offer. Rounds after the third count together as "round 3 or later".
 */
import type { FunnelFigure, FunnelStep } from '../../../shared/contract-insights';
import { ANSWER_KINDS, msOf, prepared, sqlList } from './round-facts';
import type { InsightsContext } from './round-facts';

/**
 * Per opportunity added in the period and round (1, 2, 3+): one look at the round's live events
 * (a range of `events_by_round`) answers both "thanked" and "answered", as two bits.
 */
export const FUNNEL_QUERY = `
  WITH per_round AS MATERIALIZED (
    SELECT r.opportunity_id AS opportunity, min(r.number, 3) AS round,
      ${msOf('r.starts_at')} + r.duration_minutes * 60000 <= @nowMs AS interviewed,
      coalesce((SELECT max(e.kind = 'thank_you_sent') | (max(e.kind IN (${sqlList(ANSWER_KINDS)})) << 1)
                FROM events e INDEXED BY events_by_round WHERE e.round_id = r.id AND e.undone_at IS NULL), 0) AS seen,
      EXISTS (SELECT 1 FROM rounds n WHERE n.opportunity_id = r.opportunity_id AND n.number = r.number + 1) AS invited
    FROM opportunities o INDEXED BY opportunities_by_created
    JOIN rounds r ON r.opportunity_id = o.id
    WHERE o.created_at >= @from AND o.created_at < @to
  ), per_opportunity AS (
    SELECT round, max(interviewed) AS interviewed, max(interviewed AND seen & 1) AS thanked,
           max(interviewed AND (invited OR seen & 2)) AS replied
    FROM per_round GROUP BY opportunity, round
  )
  SELECT round, sum(interviewed) AS interviewed, sum(thanked) AS thanked, sum(replied) AS replied
  FROM per_opportunity GROUP BY round ORDER BY round`;

/** Added in the period, and of those, with an offer (driven from the few offers). */
export const FUNNEL_ENDS_QUERY = `
  SELECT
    (SELECT count(*) FROM opportunities WHERE created_at >= @from AND created_at < @to) AS added,
    (SELECT count(DISTINCT e.opportunity_id) FROM events e INDEXED BY events_by_kind CROSS JOIN opportunities o ON o.id = e.opportunity_id
      WHERE e.kind = 'offer_received' AND e.undone_at IS NULL AND o.created_at >= @from AND o.created_at < @to) AS offers`;

export function funnel(ctx: InsightsContext): FunnelFigure {
  const params = { from: ctx.period.fromIso, to: ctx.period.toIso, nowMs: ctx.now.getTime() };
  const rounds = prepared(ctx.db, FUNNEL_QUERY).all(params) as { round: number; interviewed: number; thanked: number; replied: number }[];
  const { added, offers } = prepared(ctx.db, FUNNEL_ENDS_QUERY).get(params) as { added: number; offers: number };
  const steps: FunnelStep[] = [{ stage: 'added', round: null, count: added }];
  for (const r of rounds) {
    if (r.interviewed === 0) continue; // only rounds still to come
    steps.push({ stage: 'interviewed', round: r.round, count: r.interviewed });
    steps.push({ stage: 'thanked', round: r.round, count: r.thanked });
    steps.push({ stage: 'replied', round: r.round, count: r.replied });
  }
  steps.push({ stage: 'offer', round: null, count: offers });
  return { added, steps };
}
