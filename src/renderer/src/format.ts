/** How dates and countdowns read to the user, in their locale and time zone. */
import type { Action } from '../../shared/domain';
import { ACTION_TITLES } from '../../shared/domain';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
export const dateTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
export const dateOnly = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** When the action counts from: its snooze end when snoozed, else its due time. */
export const effectiveDue = (action: Action): string => action.snoozedUntil ?? action.due;

export const isOverdue = (action: Action, now: number): boolean =>
  action.status === 'pending' && Date.parse(effectiveDue(action)) < now;

/** "in 5 hours", "tomorrow", "2 days ago". */
export function countdown(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  const minutes = Math.round(diff / 60_000);
  if (abs < 3_600_000) return relative.format(minutes, 'minute');
  if (abs < 36 * 3_600_000) return relative.format(Math.round(diff / 3_600_000), 'hour');
  return relative.format(Math.round(diff / 86_400_000), 'day');
}

export function actionLabel(action: Action): string {
  const title = ACTION_TITLES[action.kind];
  return action.recipient ? `${title}: ${action.recipient.name}` : title;
}

/** Local `YYYY-MM-DDTHH:mm` for a datetime-local input. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
