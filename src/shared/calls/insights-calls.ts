/**
 * Insights: what the journal says about the search, for a chosen period. The one call
 * `insights.get` answers every figure at once; each figure carries its own counts, so the screen
 * can say when a number rests on too few cases to compare (`minimumToCompare`).
 *
 * This file holds the validators and answer types of the Insights calls only; `contract.ts`
 * spreads `insightsContract` into the contract map. It must not import values from contract.ts
 * (that file imports this one), hence its own small date check.
 */
import { z } from 'zod';
import { call, calendarDate } from './fields';
import type { CalendarDate, CompanySize } from '../domain';

export const INSIGHTS_PERIODS = ['last-30-days', 'last-90-days', 'this-year', 'all-time', 'custom'] as const;
export type InsightsPeriodKind = (typeof INSIGHTS_PERIODS)[number];

export const INSIGHTS_PERIOD_LABELS: Record<InsightsPeriodKind, string> = {
  'last-30-days': 'Last 30 days',
  'last-90-days': 'Last 90 days',
  'this-year': 'This year',
  'all-time': 'All time',
  custom: 'Custom',
};

/** Fewer cases than this and a share or a median is not drawn: "3 replies: too few to compare". */
export const MINIMUM_TO_COMPARE = 5;

const day = calendarDate;

export const insightsQuery = z
  .strictObject({
    period: z.enum(INSIGHTS_PERIODS),
    /** For a custom period: its first and last day (both included), in the journal's time zone. */
    from: day.optional(),
    to: day.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.period !== 'custom') {
      if (q.from !== undefined || q.to !== undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'only a custom period takes dates' });
      return;
    }
    if (q.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'a custom period needs its first day' });
    if (q.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'a custom period needs its last day' });
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before the first day' });
  });

// ---- the answer --------------------------------------------------------------------------------

export interface InsightsPeriod {
  readonly kind: InsightsPeriodKind;
  /** First and last day of the period (both included), in `timeZone`. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly timeZone: string;
}

/** A count out of a whole; `share` is null when `of` is below MINIMUM_TO_COMPARE. */
export interface Share {
  readonly count: number;
  readonly of: number;
  readonly share: number | null;
}

/** A median in days over `n` cases; `days` is null when `n` is below MINIMUM_TO_COMPARE. */
export interface MedianDays {
  readonly n: number;
  readonly days: number | null;
}

export const FUNNEL_STAGES = ['added', 'interviewed', 'thanked', 'replied', 'offer'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelStep {
  readonly stage: FunnelStage;
  /** 1, 2, or 3 for "round 3 or later"; null for the whole opportunity (added, offer). */
  readonly round: number | null;
  readonly count: number;
}

/** Opportunities added in the period and how far each got, round by round. */
export interface FunnelFigure {
  readonly added: number;
  readonly steps: readonly FunnelStep[];
}

export interface ResponseGroup {
  /** The source or company size as written, or null for "not recorded". */
  readonly group: string | null;
  /** Opportunities with a round in the period, and how many got an answer. */
  readonly replied: Share;
  readonly daysFromRound: MedianDays;
  readonly daysFromStatusCheck: MedianDays;
}

/** Answers to the rounds of the period: overall, by source, by company size where known. */
export interface ResponseFigure {
  readonly overall: ResponseGroup;
  readonly bySource: readonly ResponseGroup[];
  readonly byCompanySize: readonly (ResponseGroup & { readonly group: CompanySize })[];
  /** Opportunities of the period whose company size was not recorded (not in byCompanySize). */
  readonly companySizeUnknown: number;
}

export interface MissedThankYou {
  readonly opportunityId: number;
  readonly company: string;
  readonly roundNumber: number;
  /** Who was not thanked; null when the round lists no interviewer. */
  readonly interviewer: string | null;
  /** When the 48-hour window closed. */
  readonly closedAt: string;
}

/** One slot per interviewer of each round of the period. */
export interface ThankYouFigure {
  readonly within24h: number;
  readonly within48h: number;
  readonly late: number;
  readonly missed: number;
  /** The window is still open (the round ended less than 48 hours ago): not counted above. */
  readonly open: number;
  /** The most recent missed ones (at most 20). */
  readonly recentMissed: readonly MissedThankYou[];
}

/** Status checks sent for rounds of the period, against the day the planner gives (current settings). */
export interface StatusCheckFigure {
  readonly sent: number;
  readonly early: number;
  readonly onPlannedDay: number;
  readonly oneOrTwoDaysLate: number;
  readonly laterThanThat: number;
}

export interface CheckGroup {
  readonly rounds: number;
  readonly answered: Share;
  /** From the round's end to the answer. */
  readonly daysToAnswer: MedianDays;
}

/** Rounds still unanswered `afterDays` days after they ended: with a status check and without. */
export interface StatusCheckEffectFigure {
  readonly afterDays: number;
  readonly withCheck: CheckGroup;
  readonly withoutCheck: CheckGroup;
}

/** The "move on" advice: due `afterDays` days after the last unanswered follow-up. */
export interface MoveOnFigure {
  readonly afterDays: number;
  readonly given: number;
  readonly taken: number;
  readonly answeredAfterAll: number;
  readonly closedOtherwise: number;
  readonly skipped: number;
  readonly stillOpen: number;
}

export interface ActivityBucket {
  /** First day of the week (a Monday) or month, clipped to the period. */
  readonly start: CalendarDate;
  readonly rounds: number;
  readonly lettersSent: number;
  readonly newOpportunities: number;
  /** Applications in play at the bucket's end (or now): interviewed, no decision yet. */
  readonly inPlay: number;
}

export interface ActivityFigure {
  readonly unit: 'week' | 'month';
  readonly buckets: readonly ActivityBucket[];
}

export interface AskedQuestion {
  readonly question: string;
  /** Rounds whose reflection lists it, and for how many opportunities. */
  readonly rounds: number;
  readonly opportunities: number;
}

export interface QuestionsFigure {
  /** Rounds of the period whose reflection lists at least one question. */
  readonly roundsWithQuestions: number;
  /** The questions asked most, at most 10, each asked in at least two rounds. */
  readonly top: readonly AskedQuestion[];
}

export interface Insights {
  readonly period: InsightsPeriod;
  readonly computedAt: string;
  readonly minimumToCompare: number;
  readonly funnel: FunnelFigure;
  readonly response: ResponseFigure;
  readonly thankYous: ThankYouFigure;
  readonly statusChecks: StatusCheckFigure;
  readonly statusCheckEffect: StatusCheckEffectFigure;
  readonly moveOn: MoveOnFigure;
  readonly activity: ActivityFigure;
  readonly questions: QuestionsFigure;
}

export const insightsCalls = {
  'insights.get': call<Insights>()(insightsQuery),
};
