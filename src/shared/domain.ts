/**
 * The journal's domain, in the playbook's vocabulary (docs/follow-up-rules.md "Words"). These are the shapes that
 * cross the contract; the journal maps its rows to them.
 */

/** An instant, as an ISO 8601 string in UTC (`2026-11-20T15:00:00.000Z`). */
export type Instant = string;
/** A calendar date in the user's time zone, `YYYY-MM-DD`. */
export type CalendarDate = string;

export const ROUND_FORMATS = ['video', 'phone', 'in-person'] as const;
export type RoundFormat = (typeof ROUND_FORMATS)[number];

export const ARRANGED_CHANNELS = ['email', 'phone'] as const;
export type ArrangedChannel = (typeof ARRANGED_CHANNELS)[number];

/** Company size in employees, as the user knows it (optional; Insights groups replies by it). */
export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export interface Opportunity {
  readonly id: number;
  readonly company: string;
  readonly role: string;
  readonly jobUrl: string | null;
  readonly location: string | null;
  readonly source: string | null;
  readonly companySize: CompanySize | null;
  readonly salaryNotes: string | null;
  /** The user's own notes on the opportunity. */
  readonly notes: string | null;
  /** The user's tags, in the order given, none twice (ignoring case). */
  readonly tags: readonly string[];
  readonly recruiterContactId: number | null;
  readonly stage: StoredStage;
  readonly closedReason: ClosedReason | null;
  readonly stageChangedAt: Instant | null;
  /** When the user archived it (off the board and the reminders, restorable), or null. */
  readonly archivedAt: Instant | null;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface Round {
  readonly id: number;
  readonly opportunityId: number;
  /** 1 for the first interview of the opportunity, 2 for the next, ... */
  readonly number: number;
  readonly startsAt: Instant;
  readonly durationMinutes: number;
  readonly format: RoundFormat;
  /** How the process was arranged: decides the channel of the status check ("Effective Follow-Up Etiquette After a Job Interview"). */
  readonly arrangedChannel: ArrangedChannel;
  /** The employer's stated next step, as the user wrote it ("Creating an Effective Follow-Up Strategy Post-Interview", step 1: ask for it). */
  readonly nextStep: string | null;
  /** The date by which the employer said they would decide, if any. */
  readonly decisionDate: CalendarDate | null;
  /** The interviewers, in the order the user listed them. */
  readonly interviewerIds: readonly number[];
  /** Who arranged the interview (a recruiter or coordinator): the status check goes to them. */
  readonly arrangedByContactId: number | null;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface OpportunityWithRounds extends Opportunity {
  readonly rounds: readonly Round[];
}

export interface Contact {
  readonly id: number;
  readonly name: string;
  readonly title: string | null;
  readonly company: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly linkedinUrl: string | null;
  readonly notes: string | null;
  readonly lastContactedAt: Instant | null;
  /**
   * When the user removed the person from their contacts, or null. A removed person keeps only
   * the name, so the rounds, letters and events that name them still do.
   */
  readonly removedAt: Instant | null;
}

// ---- the timeline ------------------------------------------------------------------------------

export const EVENT_KINDS = [
  'next_steps_asked',
  'reflection_written',
  'thank_you_sent',
  'card_mailed',
  'linkedin_request_sent',
  'status_check_sent',
  'call_made',
  'reply_received',
  'offer_received',
  'rejected',
  'moved_on',
  'withdrawn',
  'accepted_elsewhere',
  'stay_in_touch_started',
  'check_in_sent',
  'reopened',
  'note',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const CLOSED_REASONS = ['rejected', 'moved_on', 'withdrawn', 'accepted_elsewhere'] as const;
export type ClosedReason = (typeof CLOSED_REASONS)[number];

export const CHANNELS = ['email', 'phone', 'linkedin', 'mail', 'video', 'app'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface TimelineEvent {
  readonly id: number;
  readonly opportunityId: number;
  readonly roundId: number | null;
  readonly contactId: number | null;
  readonly kind: EventKind;
  readonly channel: Channel | null;
  readonly occurredAt: Instant;
  readonly note: string | null;
  readonly createdAt: Instant;
  readonly undoneAt: Instant | null;
}

// ---- stages (docs/follow-up-rules.md "The board") ----------------------------------------------------------------------

/** What the timeline leads to; `scheduled` shows as Upcoming or Interviewed depending on the time. */
export const STORED_STAGES = ['scheduled', 'thanked', 'followed_up', 'offer', 'staying_in_touch', 'closed'] as const;
export type StoredStage = (typeof STORED_STAGES)[number];

/** The board's columns, left to right, named exactly as in docs/follow-up-rules.md "The board". */
export const BOARD_COLUMNS = ['upcoming', 'interviewed', 'thanked', 'followed_up', 'offer', 'staying_in_touch', 'closed'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];
export const BOARD_COLUMN_TITLES: Record<BoardColumn, string> = {
  upcoming: 'Upcoming',
  interviewed: 'Interviewed',
  thanked: 'Thanked',
  followed_up: 'Followed up',
  offer: 'Offer',
  staying_in_touch: 'Staying in touch',
  closed: 'Closed',
};

// ---- actions (docs/follow-up-rules.md "The rules") ---------------------------------------------------------------------

export const ACTION_KINDS = [
  'ask-next-steps',
  'write-reflection',
  'thank-you',
  'thank-you-card',
  'linkedin-note',
  'status-check',
  'phone-call',
  'move-on',
  'stay-in-touch',
  'add-round-date',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_TITLES: Record<ActionKind, string> = {
  'ask-next-steps': 'Ask about next steps',
  'write-reflection': 'Write the reflection',
  'thank-you': 'Thank-you',
  'thank-you-card': 'Thank-you card',
  'linkedin-note': 'LinkedIn note',
  'status-check': 'Status check',
  'phone-call': 'Follow-up call',
  'move-on': 'Move on',
  'stay-in-touch': 'Stay-in-touch check-in',
  'add-round-date': 'Add the date of the interview',
};

/**
 * `missed`: a thank-you or the reflection whose window closed with nothing done; kept so the card
 * shows it (docs/follow-up-rules.md "Missed"). Like done and skipped it is settled: nothing reminds
 * of it, and it is never a card's next action.
 */
export type ActionStatus = 'pending' | 'snoozed' | 'done' | 'skipped' | 'missed';

export interface Action {
  /** Stable across re-plans: the same action keeps its key (done/snoozed/skipped attach to it). */
  readonly key: string;
  readonly kind: ActionKind;
  readonly opportunityId: number;
  readonly roundId: number | null;
  readonly recipient: { readonly contactId: number | null; readonly name: string } | null;
  readonly channel: Channel;
  readonly earliest: Instant;
  readonly due: Instant;
  readonly latest: Instant;
  /** The playbook rule behind it, e.g. `thank-you.24h`. */
  readonly ruleId: string;
  /** Why this date, in a sentence for the user, naming its source. */
  readonly why: string;
  readonly status: ActionStatus;
  /** For a snoozed action: when it comes back (kept once it has, as the time it is due from). */
  readonly snoozedUntil: Instant | null;
  /** For a done or skipped action: when; for a missed one: when its window closed. */
  readonly settledAt: Instant | null;
}

/** When an action counts from: its snooze's end when snoozed, else its due time. */
export const effectiveDue = (action: Pick<Action, 'snoozedUntil' | 'due'>): Instant => action.snoozedUntil ?? action.due;
