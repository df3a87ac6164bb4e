/**
 * The funnel: the opportunities added in the period, and how far each got, round by round:
 * interviewed (the round has ended), thanked (a thank-you to at least one interviewer), replied
 * (the employer answered: a reply, an invitation to the next round, an offer or a rejection), and
 * finally an offer. Rounds after the third count together as "round 3 or later".
 */
import type { FunnelFigure, FunnelStep } from '../../../shared/calls/insights-calls';
import { ANSWER_KINDS, msOf, prepared, roundsWith } from './round-facts';
import type { InsightsContext } from './round-facts';

/** Every round of the opportunities added in the period (their key range of `opportunities_by_created`, then each one's rounds). */
export const COHORT_ROUNDS = `
  SELECT r.id, r.opportunity_id, r.number, ${msOf('r.starts_at')} AS start, r.duration_minutes
  FROM opportunities o INDEXED BY opportunities_by_created
  JOIN rounds r ON r.opportunity_id = o.id
  WHERE o.created_at >= @from AND o.created_at < @to`;

/** Added in the period, and of those, with an offer (driven from the few offers). */
export const FUNNEL_ENDS_QUERY = `
  SELECT
    (SELECT count(*) FROM opportunities WHERE created_at >= @from AND created_at < @to) AS added,
    (SELECT count(DISTINCT e.opportunity_id) FROM events e INDEXED BY events_by_kind CROSS JOIN opportunities o ON o.id = e.opportunity_id
      WHERE e.kind = 'offer_received' AND e.undone_at IS NULL AND o.created_at >= @from AND o.created_at < @to) AS offers`;

export function funnel(ctx: InsightsContext): FunnelFigure {
  const params = { from: ctx.period.fromIso, to: ctx.period.toIso };
  const rounds = prepared(ctx.db, COHORT_ROUNDS).raw().all(params) as [number, number, number, number, number][];
  const { added, offers } = prepared(ctx.db, FUNNEL_ENDS_QUERY).get(params) as { added: number; offers: number };
  // What followed a round comes after it, even for an opportunity added after its interviews.
  let earliest = Date.parse(ctx.period.fromIso);
  for (const [, , , start] of rounds) if (start < earliest) earliest = start;
  const since = new Date(earliest).toISOString();
  const thanked = roundsWith(ctx, ['thank_you_sent'], since);
  const answered = roundsWith(ctx, ANSWER_KINDS, since);
  const numbers = new Set(rounds.map(([, opportunity, number]) => `${opportunity}:${number}`));
  const now = ctx.now.getTime();
  // Per round bucket (1, 2, 3+), the opportunities that reached each stage.
  const reached = [1, 2, 3].map(() => ({ interviewed: new Set<number>(), thanked: new Set<number>(), replied: new Set<number>() }));
  for (const [id, opportunity, number, start, minutes] of rounds) {
    if (start + minutes * 60_000 > now) continue;
    const bucket = reached[Math.min(number, 3) - 1]!;
    bucket.interviewed.add(opportunity);
    if (thanked.has(id)) bucket.thanked.add(opportunity);
    if (answered.has(id) || numbers.has(`${opportunity}:${number + 1}`)) bucket.replied.add(opportunity);
  }
  const steps: FunnelStep[] = [{ stage: 'added', round: null, count: added }];
  reached.forEach((r, i) => {
    if (r.interviewed.size === 0) return;
    steps.push({ stage: 'interviewed', round: i + 1, count: r.interviewed.size });
    steps.push({ stage: 'thanked', round: i + 1, count: r.thanked.size });
    steps.push({ stage: 'replied', round: i + 1, count: r.replied.size });
  });
  steps.push({ stage: 'offer', round: null, count: offers });
  return { added, steps };
}
