/** The three snoozes of docs/follow-up-rules.md "Reminders", computed in the user's local time. */
export type SnoozeChoice = 'hour' | 'tomorrow' | 'next-working-day';

export const SNOOZE_LABELS: Record<SnoozeChoice, string> = {
  hour: '1 hour',
  tomorrow: 'Tomorrow morning',
  'next-working-day': 'Next working day',
};

export function snoozeUntil(choice: SnoozeChoice, now: Date, workingWeek: readonly number[] = [1, 2, 3, 4, 5], morningHour = 8): Date {
  if (choice === 'hour') return new Date(now.getTime() + 3_600_000);
  const next = new Date(now);
  next.setHours(choice === 'tomorrow' ? morningHour : 9, 0, 0, 0);
  next.setDate(next.getDate() + 1);
  if (choice === 'next-working-day') {
    for (let i = 0; i < 7 && !workingWeek.includes(next.getDay()); i++) next.setDate(next.getDate() + 1);
  }
  return next;
}
