/**
 * The journal's domain, in the playbook's vocabulary (PLAYBOOK §1). These are the shapes that
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

export interface Opportunity {
  readonly id: number;
  readonly company: string;
  readonly role: string;
  readonly jobUrl: string | null;
  readonly location: string | null;
  readonly source: string | null;
  readonly salaryNotes: string | null;
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
  /** How the process was arranged: decides the channel of the status check (seed 001). */
  readonly arrangedChannel: ArrangedChannel;
  /** The employer's stated next step, as the user wrote it (seed 002 step 1: ask for it). */
  readonly nextStep: string | null;
  /** The date by which the employer said they would decide, if any. */
  readonly decisionDate: CalendarDate | null;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface OpportunityWithRounds extends Opportunity {
  readonly rounds: readonly Round[];
}
