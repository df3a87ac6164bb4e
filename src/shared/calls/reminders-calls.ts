/** Reminders: what is due now (the tray, the page's reminders), and snoozing all of it. */
import { z } from 'zod';
import type { CardAction } from './board-calls';
import { call, none } from './fields';

export const remindersCalls = {
  'actions.snoozeAll': call<{ readonly snoozed: number }>()(z.strictObject({ minutes: z.number().int().min(5).max(7 * 24 * 60) })),
  /** What is due now, as cards carry it (without the explanation, which Today shows), with the company. */
  'reminders.due': call<readonly (CardAction & { readonly company: string })[]>()(none),
};
