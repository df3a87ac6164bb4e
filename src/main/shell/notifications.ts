/**
 * OS notifications for the reminder scheduler: a click opens the card; Done and Snooze are
 * notification actions where the OS supports them (macOS), else they are one click away in the app.
 */
import { Notification } from 'electron';
import type { NotificationConstructorOptions } from 'electron';
import type { Notice } from '../core/reminders/scheduler';
import { SNOOZE_CHOICES, SNOOZE_LABELS } from '../../shared/snooze';
import type { SnoozeChoice } from '../../shared/snooze';

export interface NoticeHandlers {
  readonly openCard: (opportunityId: number | null) => void;
  readonly done: (opportunityId: number, actionKey: string) => void;
  readonly snooze: (opportunityId: number, actionKey: string, choice: SnoozeChoice) => void;
}

/** Done, then the three snoozes, in this order (an action's index says which was clicked). */
export const NOTICE_ACTIONS = ['Done', ...SNOOZE_CHOICES.map((c) => `Snooze: ${SNOOZE_LABELS[c].toLowerCase()}`)] as const;

export function notificationOptions(notice: Notice, platform: NodeJS.Platform, icon?: string): NotificationConstructorOptions {
  const withActions = platform === 'darwin' && notice.kind === 'action' && notice.actionKey !== null;
  return {
    title: notice.title,
    body: notice.body,
    silent: false,
    ...(icon ? { icon } : {}),
    ...(withActions ? { actions: NOTICE_ACTIONS.map((text) => ({ type: 'button' as const, text })) } : {}),
  };
}

export function showNotice(notice: Notice, handlers: NoticeHandlers, icon?: string): Notification | null {
  if (!Notification.isSupported()) return null;
  const notification = new Notification(notificationOptions(notice, process.platform, icon));
  notification.on('click', () => handlers.openCard(notice.opportunityId));
  notification.on('action', (_event, index) => {
    if (notice.opportunityId === null || notice.actionKey === null) return;
    if (index === 0) handlers.done(notice.opportunityId, notice.actionKey);
    else {
      const choice = SNOOZE_CHOICES[index - 1];
      if (choice) handlers.snooze(notice.opportunityId, notice.actionKey, choice);
    }
  });
  notification.show();
  return notification;
}
