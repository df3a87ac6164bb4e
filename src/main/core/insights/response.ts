/**
 * Response: of the opportunities interviewed in the period, how many got an answer, and how long
 * it took (median days from the round's end, and from the status check when one was sent before
 * the answer), overall, by source, and by company size where the user recorded it.
 */
import { COMPANY_SIZES } from '../../../shared/domain';
import type { CompanySize } from '../../../shared/domain';
import type { ResponseFigure, ResponseGroup } from '../../../shared/calls/insights-calls';
import { ANSWER_KINDS, answeredAt, eventsByRound, periodRounds, prepared } from './round-facts';
import type { InsightsContext } from './round-facts';
import { medianDays, share } from './statistics';

interface Tally {
  opportunities: number;
  replied: number;
  fromRound: number[];
  fromCheck: number[];
}

const tally = (): Tally => ({ opportunities: 0, replied: 0, fromRound: [], fromCheck: [] });

const group = (name: string | null, t: Tally): ResponseGroup => ({
  group: name,
  replied: share(t.replied, t.opportunities),
  daysFromRound: medianDays(t.fromRound),
  daysFromStatusCheck: medianDays(t.fromCheck),
});

/** The source and company size of the opportunities interviewed in the period, each by its key. */
export const OPPORTUNITY_GROUPS = `
  SELECT o.id, o.source, o.company_size FROM json_each(@ids) j CROSS JOIN opportunities o ON o.id = j.value`;

export function response(ctx: InsightsContext): ResponseFigure {
  const rounds = periodRounds(ctx);
  const answers = eventsByRound(ctx, ANSWER_KINDS);
  const checks = eventsByRound(ctx, ['status_check_sent']);
  // Each opportunity once, with the tallies of its source and its size.
  const bySource = new Map<string | null, Tally>();
  const bySize = new Map<CompanySize | null, Tally>();
  const tallyOf = <K>(map: Map<K, Tally>, key: K): Tally => map.get(key) ?? map.set(key, tally()).get(key)!;
  const overall = tally();
  const opportunities = new Map<number, { tallies: readonly Tally[]; replied: boolean }>();
  for (const round of rounds) opportunities.set(round.opportunityId, { tallies: [], replied: false });
  const rows = prepared(ctx.db, OPPORTUNITY_GROUPS).raw().all({ ids: JSON.stringify([...opportunities.keys()]) }) as [number, string | null, CompanySize | null][];
  for (const [id, source, size] of rows) opportunities.set(id, { tallies: [overall, tallyOf(bySource, source), tallyOf(bySize, size)], replied: false });

  for (const round of rounds) {
    const answered = answeredAt(round, answers);
    if (answered === null) continue;
    const opportunity = opportunities.get(round.opportunityId)!;
    opportunity.replied = true;
    const check = checks.get(round.id)?.find((at) => at >= round.start && at < answered);
    for (const t of opportunity.tallies) {
      t.fromRound.push(answered - round.end);
      if (check !== undefined) t.fromCheck.push(answered - check);
    }
  }
  for (const { tallies, replied } of opportunities.values()) {
    for (const t of tallies) {
      t.opportunities++;
      if (replied) t.replied++;
    }
  }
  const sources = [...bySource.entries()].sort(
    ([a, x], [b, y]) => Number(a === null) - Number(b === null) || y.opportunities - x.opportunities || String(a).localeCompare(String(b)),
  );
  return {
    overall: group(null, overall),
    bySource: sources.map(([name, t]) => group(name, t)),
    byCompanySize: COMPANY_SIZES.filter((s) => bySize.has(s)).map((s) => ({ ...group(s, bySize.get(s)!), group: s })),
    companySizeUnknown: bySize.get(null)?.opportunities ?? 0,
  };
}
