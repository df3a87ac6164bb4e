/**
 * The Insights calls, for the core's handler map (`createCore` spreads them in).
 */
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../handlers';
import type { Settings } from '../../../shared/settings';
import { computeInsights } from './insights';

export interface InsightsDeps {
  readonly db: Database;
  readonly settings: () => Settings;
  readonly now: () => Date;
}

export function createInsightsHandlers(deps: InsightsDeps): Pick<Handlers, 'insights.get'> {
  return {
    'insights.get': (query) => {
      const settings = deps.settings();
      return computeInsights({ db: deps.db, now: deps.now(), timeZone: settings.timeZone, planner: settings.planner }, query);
    },
  };
}
