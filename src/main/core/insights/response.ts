/**
 * Response: of the opportunities interviewed in the period, how many got an answer, and how long
 * it took (median days from the round's end, and from the status check when one was sent before
 * the answer), overall, by source, and by company size where the user recorded it.
 */
import { COMPANY_SIZES } from '../../../shared/domain';
import type { CompanySize } from '../../../shared/domain';
import type { ResponseFigure, ResponseGroup } from '../../../shared/contract-insights';
import { ANSWER_KINDS, answeredAt, eventsByRound, periodRounds, prepared } from './round-facts';
import type { InsightsContext } from './round-facts';
import { medianDays, share } from './statistics';

interface Tally {
  opportunities: Set<number>;
  replied: Set<number>;
  fromRound: number[];
  fromCheck: number[];
}

const tally = (): Tally => ({ opportunities: new Set(), replied: new Set(), fromRound: [], fromCheck: [] });

const group = (name: string | null, t: Tally): ResponseGroup => ({
  group: name,
  replied: share(t.replied.size, t.opportunities.size),
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
  const ids = [...new Set(rounds.map((r) => r.opportunityId))];
  const groups = new Map(
    (prepared(ctx.db, OPPORTUNITY_GROUPS).raw().all({ ids: JSON.stringify(ids) }) as [number, string | null, CompanySize | null][]).map(
      ([id, source, size]) => [id, { source, size }],
    ),
  );
  const overall = tally();
  const bySource = new Map<string | null, Tally>();
  const bySize = new Map<CompanySize | null, Tally>();
  for (const round of rounds) {
    const { source: sourceName = null, size: sizeName = null } = groups.get(round.opportunityId) ?? {};
    const source = bySource.get(sourceName) ?? bySource.set(sourceName, tally()).get(sourceName)!;
    const size = bySize.get(sizeName) ?? bySize.set(sizeName, tally()).get(sizeName)!;
    const answered = answeredAt(round, answers);
    const check = checks.get(round.id)?.find((at) => at >= round.start && (answered === null || at < answered)) ?? null;
    for (const t of [overall, source, size]) {
      t.opportunities.add(round.opportunityId);
      if (answered === null) continue;
      t.replied.add(round.opportunityId);
      t.fromRound.push(answered - round.end);
      if (check !== null) t.fromCheck.push(answered - check);
    }
  }
  const sources = [...bySource.entries()].sort(
    ([a, x], [b, y]) => Number(a === null) - Number(b === null) || y.opportunities.size - x.opportunities.size || String(a).localeCompare(String(b)),
  );
  return {
    overall: group(null, overall),
    bySource: sources.map(([name, t]) => group(name, t)),
    byCompanySize: COMPANY_SIZES.filter((s) => bySize.has(s)).map((s) => ({ ...group(s, bySize.get(s)!), group: s })),
    companySizeUnknown: bySize.get(null)?.opportunities.size ?? 0,
  };
}
