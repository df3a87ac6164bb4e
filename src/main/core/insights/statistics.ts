/**
 * Honest numbers: a share or a median over fewer than MINIMUM_TO_COMPARE cases is given as its
 * count alone (the screen says "too few to compare"), and nothing is extrapolated.
 */
import { MINIMUM_TO_COMPARE } from '../../../shared/calls/insights-calls';
import type { MedianDays, Share } from '../../../shared/calls/insights-calls';
import { DAY_MS } from './round-facts';

export function share(count: number, of: number): Share {
  return { count, of, share: of >= MINIMUM_TO_COMPARE ? count / of : null };
}

/** The median of durations in milliseconds, in days rounded to a tenth. */
export function medianDays(durations: readonly number[]): MedianDays {
  const n = durations.length;
  if (n < MINIMUM_TO_COMPARE) return { n, days: null };
  const sorted = Float64Array.from(durations).sort();
  const middle = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { n, days: Math.round((middle / DAY_MS) * 10) / 10 };
}
