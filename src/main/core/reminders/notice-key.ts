/**
 * What makes a notification the same one: the action and the moment it was due. Snoozing gives
 * the action a new moment (it may be notified again then); nothing else does. The scheduler
 * records these keys, and the planner keeps, per card, the first moment an action whose key is
 * not recorded yet comes due (see planner/plan-cache.ts).
 */
import type { Action } from '../../../shared/domain';
import { effectiveDue } from '../../../shared/domain';

export const noticeKey = (a: Pick<Action, 'key' | 'snoozedUntil' | 'due'>): string => `${a.key}@${effectiveDue(a)}`;
