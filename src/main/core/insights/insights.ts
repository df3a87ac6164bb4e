/**
 * Insights: every figure of the screen, computed from the journal for one period. Each figure is
 * its own function over the same context, so the benchmarks can time each one alone; one
 * `insights.get` shares what several figures read (the rounds of the period, events by round).
 */
import type { Database } from 'better-sqlite3';
import { MINIMUM_TO_COMPARE } from '../../../shared/calls/insights-calls';
import type { Insights } from '../../../shared/calls/insights-calls';
import type { PlannerSettings } from '../../../shared/settings';
import { activity } from './activity';
import { moveOn, statusCheckEffect, statusChecks, thankYous } from './follow-up';
import { funnel } from './funnel';
import { resolvePeriod } from './period';
import type { PeriodQuery } from './period';
import { questions } from './questions';
import { response } from './response';
import type { InsightsContext } from './round-facts';

type FigureName = Exclude<keyof Insights, 'period' | 'computedAt' | 'minimumToCompare'>;

export const FIGURES: { readonly [K in FigureName]: (ctx: InsightsContext) => Insights[K] } = {
  funnel,
  response,
  thankYous,
  statusChecks,
  statusCheckEffect,
  moveOn,
  activity,
  questions,
};

export interface InsightsSource {
  readonly db: Database;
  readonly now: Date;
  readonly timeZone: string;
  readonly planner: PlannerSettings;
}

export function insightsContext(source: InsightsSource, query: PeriodQuery, shareFacts: boolean): InsightsContext {
  return {
    db: source.db,
    now: source.now,
    planner: source.planner,
    period: resolvePeriod(source.db, query, source.now, source.timeZone),
    ...(shareFacts ? { facts: new Map<string, unknown>() } : {}),
  };
}

export function computeInsights(source: InsightsSource, query: PeriodQuery): Insights {
  const ctx = insightsContext(source, query, true);
  // One read transaction: every figure sees the same journal, even if a write lands meanwhile.
  return source.db.transaction(() => {
    const { fromIso: _from, toIso: _to, ...period } = ctx.period;
    return {
      period,
      computedAt: source.now.toISOString(),
      minimumToCompare: MINIMUM_TO_COMPARE,
      funnel: FIGURES.funnel(ctx),
      response: FIGURES.response(ctx),
      thankYous: FIGURES.thankYous(ctx),
      statusChecks: FIGURES.statusChecks(ctx),
      statusCheckEffect: FIGURES.statusCheckEffect(ctx),
      moveOn: FIGURES.moveOn(ctx),
      activity: FIGURES.activity(ctx),
      questions: FIGURES.questions(ctx),
    };
  }).deferred();
}
