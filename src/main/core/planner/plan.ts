/**
 * The follow-up planner: from what happened in an opportunity's rounds to what the candidate
 * should do next, when, by which channel, and why (docs/follow-up-rules.md "The rules"). Pure: no I/O, and no clock of its
 * own (`now` is an argument), so the same input always gives the same plan.
 */
import type {
  Action,
  ActionKind,
  ActionStatus,
  CalendarDate,
  Channel,
  Instant,
  RoundFormat,
  StoredStage,
  TimelineEvent,
} from '../../../shared/domain';
import type { PlannerSettings } from '../../../shared/settings';
import {
  addDays,
  addHours,
  addWorkingDays,
  atLocalTime,
  DAY,
  isoString,
  localDate,
  localHour,
  nextWorkingDay,
  onOrNextWorkingDay,
} from './calendar';
import type { DateStep, StatusCheckFacts } from './why';
import {
  askNextStepsWhy,
  cardWhy,
  linkedinWhy,
  missedWhy,
  moveOnWhy,
  phoneCallWhy,
  reflectionWhy,
  stayInTouchWhy,
  statusCheckWhy,
  thankYouWhy,
} from './why';

export interface PlanPerson {
  readonly contactId: number | null;
  readonly name: string;
  readonly linkedinUrl?: string | null;
}

export interface PlanRound {
  readonly id: number;
  readonly number: number;
  readonly startsAt: Instant;
  readonly durationMinutes: number;
  readonly format: RoundFormat;
  readonly arrangedChannel: 'email' | 'phone';
  readonly decisionDate: CalendarDate | null;
  readonly interviewers: readonly PlanPerson[];
  readonly arrangedBy: PlanPerson | null;
}

export interface ActionState {
  readonly state: 'done' | 'snoozed' | 'skipped';
  readonly until: Instant | null;
  readonly at: Instant;
}

export interface PlanInput {
  readonly opportunityId: number;
  readonly company: string;
  readonly stage: StoredStage;
  readonly stageChangedAt: Instant | null;
  /** When the card was added: a card with no round asks for the date from then. */
  readonly createdAt?: Instant;
  readonly recruiter: PlanPerson | null;
  /** In round order; the last one is the one the board follows. */
  readonly rounds: readonly PlanRound[];
  /** The timeline; undone events are ignored. */
  readonly events: readonly TimelineEvent[];
  readonly states: ReadonlyMap<string, ActionState>;
}

export interface PlanContext {
  readonly settings: PlannerSettings;
  readonly timeZone: string;
  readonly now: Date;
  /**
   * Only the open actions (pending or snoozed): what the board, the due list and the reminders
   * need. Skips the history of done and skipped actions and rounds whose actions have all expired.
   */
  readonly openOnly?: boolean;
  /** The user's LinkedIn account allows 300-character notes rather than 200 (a letters setting). */
  readonly linkedinPremium?: boolean;
}

/** The thank-you's window in hours from the round's end (docs/follow-up-rules.md "The rules"): Insights counts "missed" by the same. */
export const THANK_YOU_DUE_HOURS = 24;
export const THANK_YOU_LATEST_HOURS = 48;
/** The reflection's last moment, in hours from the round's end. */
export const REFLECTION_LATEST_HOURS = 24;

/** The longest any per-round action stays open after the round (the LinkedIn note's week after a late thank-you). */
const ROUND_ACTIONS_HORIZON = 10 * DAY;

/** Employer contact happens in business hours: from 9:00, due by 10:00 local time. */
const CONTACT_FROM_HOUR = 9;
const CONTACT_DUE_HOUR = 10;
const CONTACT_UNTIL_HOUR = 17;

export function planOpportunity(input: PlanInput, ctx: PlanContext): Action[] {
  if (input.stage === 'closed') return [];
  const events = input.events.filter((e) => !e.undoneAt);
  const drafts: Draft[] = [];

  if (input.stage === 'staying_in_touch') {
    drafts.push(...stayInTouch(input, events, ctx));
    return settle(drafts, input, events, ctx);
  }

  const now = ctx.now.getTime();
  for (const round of input.rounds) {
    if (ctx.openOnly && endOf(round).getTime() + ROUND_ACTIONS_HORIZON < now && !sentLate(round, events, now)) continue;
    drafts.push(...roundActions(round, events, ctx));
  }

  const latest = input.rounds.at(-1);
  if (latest && input.stage !== 'offer') drafts.push(...waitingActions(input, latest, events, ctx));
  if (!latest && input.stage === 'scheduled') drafts.push(addRoundDate(input, ctx));
  return settle(drafts, input, events, ctx);
}

/** A card added with no interview date: nothing can be planned until the user gives one. */
function addRoundDate(input: PlanInput, ctx: PlanContext): Draft {
  const added = input.createdAt ? new Date(input.createdAt) : ctx.now;
  return {
    key: keyOf(null, 'add-round-date'),
    kind: 'add-round-date',
    roundId: null,
    recipient: null,
    channel: 'app',
    earliest: added,
    due: addHours(added, 24),
    latest: addHours(added, 30 * 24),
    ruleId: 'add-round-date',
    why: 'This card has no interview date yet: the thank-you, the reflection and the status check are all dated from the round. Add its date and time once you know them (asked for a month after the card was added).',
    doneAt: null,
    afterLatest: 'expires',
  };
}

/** A thank-you sent late keeps its LinkedIn note open a week after it. */
function sentLate(round: PlanRound, events: readonly TimelineEvent[], now: number): boolean {
  return events.some((e) => e.roundId === round.id && e.kind === 'thank_you_sent' && Date.parse(e.occurredAt) + 7 * DAY >= now);
}

// ---- drafts: an action before its status is known ----------------------------------------------

interface Draft {
  readonly key: string;
  readonly kind: ActionKind;
  readonly roundId: number | null;
  readonly recipient: PlanPerson | null;
  readonly channel: Channel;
  readonly earliest: Date;
  readonly due: Date;
  readonly latest: Date;
  readonly ruleId: string;
  /** Written only for the actions that are kept. */
  readonly why: string | (() => string);
  /** When the journal's timeline shows the action done: the event's time. */
  readonly doneAt: Instant | null;
  /**
   * What becomes of it once `latest` has passed with nothing done: kept as `missed` (a thank-you
   * or the reflection: docs/follow-up-rules.md "Missed"), dropped (`expires`: an optional extra
   * such as the card or the LinkedIn note), or left open (`stays`: contacting the employer).
   */
  readonly afterLatest: 'missed' | 'expires' | 'stays';
  /** The sentence for a missed one. */
  readonly missedWhy?: () => string;
}

const endOf = (round: PlanRound): Date => new Date(Date.parse(round.startsAt) + round.durationMinutes * 60_000);
const keyOf = (round: PlanRound | null, kind: ActionKind, person?: PlanPerson | null, n?: number): string =>
  `${round ? `r${round.id}` : 'o'}:${kind}${person ? `:c${person.contactId ?? 0}` : ''}${n !== undefined ? `:${n}` : ''}`;

function firstEvent(
  events: readonly TimelineEvent[],
  kind: TimelineEvent['kind'],
  match: (e: TimelineEvent) => boolean = () => true,
): TimelineEvent | undefined {
  let found: TimelineEvent | undefined;
  for (const e of events) if (e.kind === kind && match(e) && (!found || e.occurredAt < found.occurredAt)) found = e;
  return found;
}

/** Per-round actions: ask about next steps, reflect, thank each interviewer, card, LinkedIn. */
function roundActions(round: PlanRound, events: readonly TimelineEvent[], ctx: PlanContext): Draft[] {
  const zone = ctx.timeZone;
  const start = new Date(round.startsAt);
  const end = endOf(round);
  const ofRound = (e: TimelineEvent) => e.roundId === round.id;
  const drafts: Draft[] = [];

  const askDue = addHours(start, -1);
  drafts.push({
    key: keyOf(round, 'ask-next-steps'),
    kind: 'ask-next-steps',
    roundId: round.id,
    recipient: null,
    channel: 'app',
    earliest: addHours(start, -24),
    due: askDue,
    latest: end,
    ruleId: 'ask-next-steps.before-round',
    why: () => askNextStepsWhy({ round: round.number, due: askDue, zone }),
    doneAt: firstEvent(events, 'next_steps_asked', ofRound)?.occurredAt ?? null,
    afterLatest: 'expires',
  });

  drafts.push(reflectionDraft(round, events, zone));

  const people: readonly PlanPerson[] = round.interviewers.length > 0 ? round.interviewers : [{ contactId: null, name: 'your interviewer' }];
  const several = people.length > 1;
  const thanksDue = addHours(end, THANK_YOU_DUE_HOURS);
  const thanksLatest = addHours(end, THANK_YOU_LATEST_HOURS);
  for (const person of people) {
    const sent = firstEvent(events, 'thank_you_sent', (e) => ofRound(e) && (person.contactId === null || e.contactId === person.contactId));
    drafts.push({
      key: keyOf(round, 'thank-you', person),
      kind: 'thank-you',
      roundId: round.id,
      recipient: person,
      channel: 'email',
      earliest: end,
      due: thanksDue,
      latest: thanksLatest,
      ruleId: 'thank-you.24h',
      why: () => thankYouWhy({ round: round.number, due: thanksDue, latest: thanksLatest, zone, several }),
      doneAt: sent?.occurredAt ?? null,
      afterLatest: 'missed',
      missedWhy: () => missedWhy({ what: 'thank-you', due: thanksDue, latest: thanksLatest, zone }),
    });

    if (round.format === 'in-person') {
      const cardDue = addHours(end, 48);
      drafts.push({
        key: keyOf(round, 'thank-you-card', person),
        kind: 'thank-you-card',
        roundId: round.id,
        recipient: person,
        channel: 'mail',
        earliest: end,
        due: cardDue,
        latest: addHours(end, 5 * 24),
        ruleId: 'thank-you-card.in-person',
        why: () => cardWhy({ due: cardDue, zone }),
        doneAt: firstEvent(events, 'card_mailed', (e) => ofRound(e) && (person.contactId === null || e.contactId === person.contactId))?.occurredAt ?? null,
        afterLatest: 'expires',
      });
    }

    if (person.contactId !== null) {
      // Offered once the thank-you to that person is sent, or once its window has closed.
      const anchor = sent ? new Date(sent.occurredAt) : thanksLatest;
      const due = addHours(anchor, 48);
      const premium = ctx.linkedinPremium ?? false;
      drafts.push({
        key: keyOf(round, 'linkedin-note', person),
        kind: 'linkedin-note',
        roundId: round.id,
        recipient: person,
        channel: 'linkedin',
        earliest: anchor,
        due,
        latest: addHours(anchor, 7 * 24),
        ruleId: 'linkedin.after-thank-you',
        why: () => linkedinWhy({ due, zone, afterSent: Boolean(sent), limit: premium ? 300 : 200, premium }),
        doneAt:
          firstEvent(events, 'linkedin_request_sent', (e) => e.contactId === person.contactId && (e.roundId === null || ofRound(e)))?.occurredAt ?? null,
        afterLatest: 'expires',
      });
    }
  }
  return drafts;
}

function reflectionDraft(round: PlanRound, events: readonly TimelineEvent[], zone: string): Draft {
  const end = endOf(round);
  const due = sameEvening(end, zone);
  const latest = addHours(end, REFLECTION_LATEST_HOURS);
  return {
    key: keyOf(round, 'write-reflection'),
    kind: 'write-reflection',
    roundId: round.id,
    recipient: null,
    channel: 'app',
    earliest: end,
    due,
    latest,
    ruleId: 'reflection.same-evening',
    why: () => reflectionWhy({ round: round.number, end, due, zone }),
    doneAt: firstEvent(events, 'reflection_written', (e) => e.roundId === round.id)?.occurredAt ?? null,
    afterLatest: 'missed',
    missedWhy: () => missedWhy({ what: 'reflection', due, latest, zone }),
  };
}

/**
 * The same evening (21:00 local) of the round's end; a round that ends at 19:00 or later gets two
 * hours (which may run past midnight: the sentence then says so rather than "the same evening").
 */
export function sameEvening(end: Date, timeZone: string): Date {
  if (localHour(end, timeZone) >= 19) return addHours(end, 2);
  return atLocalTime(localDate(end, timeZone), 21, 0, timeZone);
}

// ---- waiting for the employer ------------------------------------------------------------------

function waitingActions(input: PlanInput, round: PlanRound, events: readonly TimelineEvent[], ctx: PlanContext): Draft[] {
  const { settings, timeZone } = ctx;
  const week = settings.workingWeek;

  // A reply from the employer since the round ends the waiting (docs/follow-up-rules.md "The rules").
  const afterRound = (e: TimelineEvent) => e.roundId === round.id || (e.roundId === null && e.occurredAt >= round.startsAt);
  if (firstEvent(events, 'reply_received', afterRound)) return [];

  const recipient = round.arrangedBy ?? input.recruiter ?? round.interviewers[0] ?? null;
  // "Effective Follow-Up Etiquette": a video round's follow-up goes by email to whoever arranged it; otherwise the
  // channel the process ran on (phone or email).
  const channel: Channel = round.format === 'video' ? 'email' : round.arrangedChannel;

  // The status check's date, and the sentence written from the same facts.
  const facts = statusCheckDay(round, settings, timeZone);
  const date = facts.date;
  const why = () => statusCheckWhy({ ...facts, channel: channel === 'phone' ? 'phone' : 'email', video: round.format === 'video' });

  const statusDue = atLocalTime(date, CONTACT_DUE_HOUR, 0, timeZone);
  const statusLatestDate = addDays(date, settings.moveOnAfterDays);
  const status: Draft = {
    key: keyOf(round, 'status-check'),
    kind: 'status-check',
    roundId: round.id,
    recipient,
    channel,
    earliest: atLocalTime(date, CONTACT_FROM_HOUR, 0, timeZone),
    due: statusDue,
    latest: atLocalTime(statusLatestDate, CONTACT_UNTIL_HOUR, 0, timeZone),
    ruleId: round.decisionDate ? 'status-check.after-decision-date' : 'status-check.week-after-round',
    why,
    doneAt: firstEvent(events, 'status_check_sent', afterRound)?.occurredAt ?? null,
    afterLatest: 'stays',
  };
  const drafts: Draft[] = [status];
  const statusState = input.states.get(status.key);
  const statusDoneAt = status.doneAt ?? (statusState?.state === 'done' ? statusState.at : null);

  // The optional second follow-up: a call a week after an unanswered status check ("Creating an Effective Follow-Up Strategy").
  // Move-on is counted from the last follow-up sent; while one is still open (or was skipped),
  // from the moment it was due.
  let lastFollowUp: Date | null = statusDoneAt ? new Date(statusDoneAt) : null;
  let lastWhy: 'status check' | 'follow-up call' = 'status check';
  let moveOnAnchor: Date = lastFollowUp ?? statusDue;

  if (settings.followUps === 2 && statusDoneAt) {
    const callStep = workingDayStep(addDays(localDate(new Date(statusDoneAt), timeZone), settings.callAfterDays), week);
    const callDate = callStep.date;
    const call: Draft = {
      key: keyOf(round, 'phone-call'),
      kind: 'phone-call',
      roundId: round.id,
      recipient,
      channel: 'phone',
      earliest: atLocalTime(callDate, CONTACT_FROM_HOUR, 0, timeZone),
      due: atLocalTime(callDate, CONTACT_DUE_HOUR, 0, timeZone),
      latest: atLocalTime(addDays(callDate, settings.moveOnAfterDays), CONTACT_UNTIL_HOUR, 0, timeZone),
      ruleId: 'phone-call.second-follow-up',
      why: () => phoneCallWhy({ step: callStep, days: settings.callAfterDays, week }),
      doneAt: firstEvent(events, 'call_made', afterRound)?.occurredAt ?? null,
      afterLatest: 'stays',
    };
    drafts.push(call);
    const callState = input.states.get(call.key);
    const callDoneAt = call.doneAt ?? (callState?.state === 'done' ? callState.at : null);
    if (callDoneAt) {
      lastFollowUp = new Date(callDoneAt);
      lastWhy = 'follow-up call';
      moveOnAnchor = lastFollowUp;
    } else if (callState?.state !== 'skipped') {
      lastFollowUp = null;
      moveOnAnchor = call.due;
    }
  }

  // Move on after the silence; never suggest a third contact ("Is It Bad to Follow Up After an Interview?").
  const moveOnDue = new Date(moveOnAnchor.getTime() + settings.moveOnAfterDays * DAY);
  drafts.push({
    key: keyOf(round, 'move-on'),
    kind: 'move-on',
    roundId: round.id,
    recipient: null,
    channel: 'app',
    earliest: moveOnDue,
    due: moveOnDue,
    latest: new Date(moveOnDue.getTime() + 365 * DAY),
    ruleId: 'move-on.after-silence',
    why: () => moveOnWhy({ due: moveOnDue, zone: timeZone, days: settings.moveOnAfterDays, company: input.company, after: lastFollowUp ? lastWhy : null }),
    doneAt: null,
    afterLatest: 'stays',
  });
  return drafts;
}

/** A date the rule gives, and the working day it becomes. */
function workingDayStep(natural: CalendarDate, week: readonly number[]): DateStep {
  return { natural, date: onOrNextWorkingDay(natural, week) };
}

/**
 * The status check's day (docs/follow-up-rules.md "The rules"): the first working day after the
 * employer's decision date plus the grace days, or a set number of days after the round; never
 * the round's own day. Returns the facts the "why" sentence is written from; Insights compares
 * `date` with the day a check was actually sent.
 */
export function statusCheckDay(
  round: Pick<PlanRound, 'startsAt' | 'decisionDate'>,
  settings: PlannerSettings,
  timeZone: string,
): Omit<StatusCheckFacts, 'channel' | 'video'> {
  const week = settings.workingWeek;
  const roundDay = localDate(new Date(round.startsAt), timeZone);
  if (round.decisionDate) {
    const firstAfter = workingDayStep(addDays(round.decisionDate, 1), week);
    const withGrace = addWorkingDays(firstAfter.date, settings.graceBusinessDays, week);
    const firstAllowed = nextWorkingDay(roundDay, week);
    // A date already passed at the round (or the round's own day): the first working day after the round.
    const afterRound = withGrace < firstAllowed ? workingDayStep(addDays(roundDay, 1), week) : null;
    return {
      week,
      roundDay,
      date: afterRound ? afterRound.date : withGrace,
      decision: { kind: 'stated', decisionDate: round.decisionDate, firstAfter, grace: settings.graceBusinessDays, afterRound },
    };
  }
  // At least two days after the round (the setting's minimum), so never the round's own day.
  const step = workingDayStep(addDays(roundDay, settings.noDecisionDateDays), week);
  return { week, roundDay, date: step.date, decision: { kind: 'none', days: settings.noDecisionDateDays, step } };
}

// ---- staying in touch --------------------------------------------------------------------------

function stayInTouch(input: PlanInput, events: readonly TimelineEvent[], ctx: PlanContext): Draft[] {
  const since = input.stageChangedAt;
  if (!since) return [];
  const latestRound = input.rounds.at(-1);
  const person = latestRound?.interviewers[0] ?? input.recruiter ?? latestRound?.arrangedBy ?? null;
  const checkIns = events.filter((e) => e.kind === 'check_in_sent' && e.occurredAt >= since).sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1));
  const n = checkIns.length;
  const last = checkIns.at(-1);
  const fromDate = localDate(new Date(last ? last.occurredAt : since), ctx.timeZone);
  const days = last ? ctx.settings.stayInTouchEveryDays : ctx.settings.stayInTouchFirstDays;
  const step = workingDayStep(addDays(fromDate, days), ctx.settings.workingWeek);
  const date = step.date;
  const due = atLocalTime(date, CONTACT_DUE_HOUR, 0, ctx.timeZone);
  return [
    {
      key: keyOf(null, 'stay-in-touch', null, n + 1),
      kind: 'stay-in-touch',
      roundId: null,
      recipient: person,
      channel: person?.linkedinUrl ? 'linkedin' : 'email',
      earliest: atLocalTime(date, CONTACT_FROM_HOUR, 0, ctx.timeZone),
      due,
      latest: new Date(due.getTime() + 30 * DAY),
      ruleId: last ? 'stay-in-touch.every' : 'stay-in-touch.first',
      why: () => stayInTouchWhy({ step, days, first: !last, week: ctx.settings.workingWeek }),
      doneAt: null,
      afterLatest: 'stays',
    },
  ];
}

// ---- status, and what to drop ------------------------------------------------------------------

function settle(drafts: readonly Draft[], input: PlanInput, _events: readonly TimelineEvent[], ctx: PlanContext): Action[] {
  const now = ctx.now.getTime();
  const kept: { action: Action; due: number }[] = [];
  for (const d of drafts) {
    const state = input.states.get(d.key);
    let status: ActionStatus = 'pending';
    let settledAt: Instant | null = null;
    let snoozedUntil: Instant | null = null;
    if (d.doneAt) {
      status = 'done';
      settledAt = d.doneAt;
    } else if (state?.state === 'done' || state?.state === 'skipped') {
      status = state.state;
      settledAt = state.at;
    } else if (state?.state === 'snoozed' && state.until) {
      // A snooze that has ended leaves the action open again, due from the snooze's end.
      status = Date.parse(state.until) > now ? 'snoozed' : 'pending';
      snoozedUntil = state.until;
    }
    // An open action past its latest moment: a thank-you or the reflection stays as missed (a
    // snooze does not stretch its window); an optional extra is no longer offered.
    if ((status === 'pending' || status === 'snoozed') && d.latest.getTime() < now && d.afterLatest !== 'stays') {
      if (d.afterLatest === 'expires') continue;
      status = 'missed';
      settledAt = isoString(d.latest.getTime());
      snoozedUntil = null;
    }
    const open = status === 'pending' || status === 'snoozed';
    if (ctx.openOnly && !open) continue;
    const why = status === 'missed' && d.missedWhy ? d.missedWhy : d.why;
    kept.push({
      due: d.due.getTime(),
      action: {
        key: d.key,
        kind: d.kind,
        opportunityId: input.opportunityId,
        roundId: d.roundId,
        recipient: d.recipient ? { contactId: d.recipient.contactId, name: d.recipient.name } : null,
        channel: d.channel,
        earliest: isoString(d.earliest.getTime()),
        due: isoString(d.due.getTime()),
        latest: isoString(d.latest.getTime()),
        ruleId: d.ruleId,
        why: typeof why === 'function' ? why() : why,
        status,
        snoozedUntil,
        settledAt,
      },
    });
  }
  kept.sort((a, b) => a.due - b.due || (a.action.key < b.action.key ? -1 : 1));
  return kept.map((k) => k.action);
}

/** The action a card shows: the open one due first (a snoozed one counts from its new time). */
export function nextAction(actions: readonly Action[]): Action | null {
  let best: Action | null = null;
  let bestAt = Infinity;
  for (const a of actions) {
    if (a.status !== 'pending' && a.status !== 'snoozed') continue;
    const at = Date.parse(a.snoozedUntil ?? a.due);
    if (at < bestAt) {
      best = a;
      bestAt = at;
    }
  }
  return best;
}
