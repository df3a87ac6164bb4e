/**
 * Events the core pushes to the renderer, over IPC in the app and a server-sent event stream in
 * browser mode. The renderer uses them to refresh what it shows; they carry no data it must trust.
 */
/** A reminder the scheduler raises: one action come due, or a summary of several. */
export interface ReminderNotice {
  readonly kind: 'action' | 'summary';
  readonly title: string;
  readonly body: string;
  /** The card to open when the notification is clicked. */
  readonly opportunityId: number | null;
  /** For Done and Snooze from the notification. */
  readonly actionKey: string | null;
  readonly count: number;
}

export type CoreEvent =
  | { readonly type: 'journal.changed'; readonly entity: 'opportunity' | 'contact'; readonly id: number }
  | { readonly type: 'settings.changed' }
  | { readonly type: 'export.progress'; readonly done: number; readonly total: number }
  | { readonly type: 'reminder'; readonly notice: ReminderNotice }
  | { readonly type: 'open-card'; readonly opportunityId: number }
  | { readonly type: 'hello' };

export type CoreEventListener = (event: CoreEvent) => void;
