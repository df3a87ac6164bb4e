/** Insights: the figures of a period, computed from the journal (see docs/insights.md). */
import type { insightsCalls } from '../../../shared/calls/insights-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';
import { computeInsights } from './insights';

export function createInsightsHandlers({ db, settings, now }: CoreContext): HandlersOf<typeof insightsCalls> {
  return {
    'insights.get': (query) => {
      const current = settings.get();
      return computeInsights({ db, now: now(), timeZone: current.timeZone, planner: current.planner }, query);
    },
  };
}
