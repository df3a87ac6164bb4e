/**
 * The Insights answer for a period, reloaded when the journal or the settings change. The one
 * place this screen reaches the data layer: when the app moves to TanStack Query, only this
 * hook changes (a query keyed on the period).
 */
import type { CallInput } from '../../../../shared/contract';
import { api } from '../../api/bridge';
import { useJournalQuery } from '../../use-journal';

export type InsightsQuery = CallInput<'insights.get'>;

export function useInsights(query: InsightsQuery) {
  const key = JSON.stringify(query);
  return useJournalQuery(() => api['insights.get'](JSON.parse(key) as InsightsQuery), [key]);
}
