/** Reminders: what is due now (the tray, the page's reminders), and snoozing all of it. */
import { z } from 'zod';
import type { CardAction } from './board-calls';
import { call, none } from './fields';

/** How many of the due actions `reminders.due` lists (the tray's menu shows them; it counts the rest). */
export const DUE_LIST_LIMIT = 12;

/** What is due now: how many, and the first (the longest due first), as cards carry them, with the company. */
export interface DueNow {
  readonly count: number;
  readonly first: readonly (CardAction & { readonly company: string })[];
}

export const remindersCalls = {
  'actions.snoozeAll': call<{ readonly snoozed: number }>()(z.strictObject({ minutes: z.number().int().min(5).max(7 * 24 * 60) })),
  /**
   * What is due now (the tray): the count, and the first DUE_LIST_LIMIT as cards carry them
   * (without the explanation, which Today shows). Today lists them all (`actions.inRange`): at
   * 20,000 opportunities about 2,000 are due, and the tray built its menu of 12 from 390 KB.
   */
  'reminders.due': call<DueNow>()(none),
};
