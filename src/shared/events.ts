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

/** What one call (or one change outside a call) changed in the journal. */
export interface JournalChanges {
  /** Cards whose data changed: the opportunity, its rounds, events, action states, letters or reflections. */
  readonly opportunityIds: readonly number[];
  readonly contactIds: readonly number[];
  /** Rounds whose reflection changed. */
  readonly reflectionRoundIds: readonly number[];
  /** The letter templates changed. */
  readonly templates: boolean;
  /** The settings changed (every plan may have). */
  readonly settings: boolean;
}

/**
 * `version` grows with every change (see core-events.ts), so a page can tell which of two answers
 * about a card is newer. `origin` names the page whose call made the change (null: the app itself,
 * a reminder or a restore): that page has its answer already and skips the event.
 */
export type CoreEvent =
  | ({ readonly type: 'journal.changed'; readonly version: number; readonly origin: string | null } & JournalChanges)
  | { readonly type: 'settings.changed'; readonly version: number; readonly origin: string | null }
  | { readonly type: 'export.progress'; readonly done: number; readonly total: number }
  | { readonly type: 'reminder'; readonly notice: ReminderNotice }
  | { readonly type: 'open-card'; readonly opportunityId: number }
  /** The tray's "Today" and a summary notification: show the day's list. */
  | { readonly type: 'open-view'; readonly view: 'today' }
  | { readonly type: 'hello' };

export type CoreEventListener = (event: CoreEvent) => void;
