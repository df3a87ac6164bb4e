/** Reminders: what is due now (the tray, the page's reminders), and snoozing all of it. */
import { z } from 'zod';
import type { Action } from '../domain';
import { call, none } from './fields';

export const remindersCalls = {
  'actions.snoozeAll': call<{ readonly snoozed: number }>()(z.strictObject({ minutes: z.number().int().min(5).max(7 * 24 * 60) })),
  'reminders.due': call<readonly (Action & { readonly company: string })[]>()(none),
};
