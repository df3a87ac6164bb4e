/**
 * The Insights answer for a period: one query per period, asked again when the journal or the
 * settings change (the data layer's events mark it stale).
 */
import type { CallInput } from '../../../../shared/contract';
import { useCall } from '../../data/hooks';

export type InsightsQuery = CallInput<'insights.get'>;

export const useInsights = (query: InsightsQuery) => useCall('insights.get', query);
