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
  describeDate,
  isoString,
  localDate,
  localHour,
  maxDate,
  nextWorkingDay,
  onOrNextWorkingDay,
} from './calendar';

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
}

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
    drafts.push(...roundActions(round, events));
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
    expires: true,
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
  /** Drop it (rather than show it missed) once `latest` has passed. */
  readonly expires: boolean;
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
function roundActions(round: PlanRound, events: readonly TimelineEvent[]): Draft[] {
  const start = new Date(round.startsAt);
  const end = endOf(round);
  const ofRound = (e: TimelineEvent) => e.roundId === round.id;
  const drafts: Draft[] = [];

  drafts.push({
    key: keyOf(round, 'ask-next-steps'),
    kind: 'ask-next-steps',
    roundId: round.id,
    recipient: null,
    channel: 'app',
    earliest: addHours(start, -24),
    due: addHours(start, -1),
    latest: end,
    ruleId: 'ask-next-steps.before-round',
    why: `Before round ${round.number} starts, plan to ask who to follow up with and by when they will decide: the status check is dated from their answer (seed 002, step 1).`,
    doneAt: firstEvent(events, 'next_steps_asked', ofRound)?.occurredAt ?? null,
    expires: true,
  });

  drafts.push(reflectionDraft(round, events));

  const people: readonly PlanPerson[] = round.interviewers.length > 0 ? round.interviewers : [{ contactId: null, name: 'your interviewer' }];
  const several = people.length > 1;
  for (const person of people) {
    const sent = firstEvent(events, 'thank_you_sent', (e) => ofRound(e) && (person.contactId === null || e.contactId === person.contactId));
    drafts.push({
      key: keyOf(round, 'thank-you', person),
      kind: 'thank-you',
      roundId: round.id,
      recipient: person,
      channel: 'email',
      earliest: end,
      due: addHours(end, 24),
      latest: addHours(end, 48),
      ruleId: 'thank-you.24h',
      why:
        `Due within 24 hours of the end of round ${round.number} (seed 004); still worth sending up to 48 hours after it (seeds 000, 003).` +
        (several ? ` One personal note to each interviewer, not the same text to all (seed 002, step 2).` : ''),
      doneAt: sent?.occurredAt ?? null,
      expires: true,
    });

    if (round.format === 'in-person') {
      drafts.push({
        key: keyOf(round, 'thank-you-card', person),
        kind: 'thank-you-card',
        roundId: round.id,
        recipient: person,
        channel: 'mail',
        earliest: end,
        due: addHours(end, 48),
        latest: addHours(end, 5 * 24),
        ruleId: 'thank-you-card.in-person',
        why: `You met in person: a mailed card on top of the email shows extra effort and stands out (seed 001). Best posted within two days.`,
        doneAt: firstEvent(events, 'card_mailed', (e) => ofRound(e) && (person.contactId === null || e.contactId === person.contactId))?.occurredAt ?? null,
        expires: true,
      });
    }

    if (person.contactId !== null) {
      const anchor = sent ? new Date(sent.occurredAt) : addHours(end, 24);
      drafts.push({
        key: keyOf(round, 'linkedin-note', person),
        kind: 'linkedin-note',
        roundId: round.id,
        recipient: person,
        channel: 'linkedin',
        earliest: sent ? anchor : end,
        due: addHours(anchor, 48),
        latest: addHours(anchor, 7 * 24),
        ruleId: 'linkedin.after-thank-you',
        why:
          `A connection request with a personal note (at most 200 characters), within 2 days ${sent ? 'of your thank-you' : 'of the thank-you being due'}, mentioning something you talked about (seeds 002 step 3, 004 step 3).`,
        doneAt:
          firstEvent(events, 'linkedin_request_sent', (e) => e.contactId === person.contactId && (e.roundId === null || ofRound(e)))?.occurredAt ?? null,
        expires: true,
      });
    }
  }
  return drafts;
}

function reflectionDraft(round: PlanRound, events: readonly TimelineEvent[]): Draft {
  const end = endOf(round);
  return {
    key: keyOf(round, 'write-reflection'),
    kind: 'write-reflection',
    roundId: round.id,
    recipient: null,
    channel: 'app',
    earliest: end,
    due: end, // replaced in settle() by the same evening in the user's zone
    latest: addHours(end, 24),
    ruleId: 'reflection.same-evening',
    why: `Write down the questions, your answers, what went well and what to improve while it is fresh: due the same evening, at the latest 24 hours after the round (seed 004, step 5).`,
    doneAt: firstEvent(events, 'reflection_written', (e) => e.roundId === round.id)?.occurredAt ?? null,
    expires: true,
  };
}

/** The same evening (21:00 local) of the round's end, or two hours after a late round. */
function sameEvening(end: Date, timeZone: string): Date {
  const evening = atLocalTime(localDate(end, timeZone), 21, 0, timeZone);
  return localHour(end, timeZone) >= 19 ? addHours(end, 2) : evening;
}

// ---- waiting for the employer ------------------------------------------------------------------

function waitingActions(input: PlanInput, round: PlanRound, events: readonly TimelineEvent[], ctx: PlanContext): Draft[] {
  const { settings, timeZone } = ctx;
  const week = settings.workingWeek;

  // A reply from the employer since the round ends the waiting (docs/follow-up-rules.md "The rules").
  const afterRound = (e: TimelineEvent) => e.roundId === round.id || (e.roundId === null && e.occurredAt >= round.startsAt);
  if (firstEvent(events, 'reply_received', afterRound)) return [];

  const recipient = round.arrangedBy ?? input.recruiter ?? round.interviewers[0] ?? null;
  // Seed 001: a video round's follow-up goes by email to whoever arranged it; otherwise the
  // channel the process ran on (phone or email).
  const channel: Channel = round.format === 'video' ? 'email' : round.arrangedChannel;

  // The status check's date.
  const { date, firstAllowed, withGrace } = statusCheckDay(round, settings, timeZone);
  let reason: () => string;
  if (round.decisionDate) {
    const decision = round.decisionDate;
    const grace = settings.graceBusinessDays;
    const due = date;
    reason = () =>
      `They said they would decide by ${describeDate(decision)}; ` +
      (grace === 0
        ? `the status check is due the first business day after that, ${describeDate(due)} (seeds 002, 004).`
        : `with ${grace} business day${grace === 1 ? '' : 's'} of grace after it (seed 004: about a week after the stated date), it is due ${describeDate(due)}.`) +
      (due === firstAllowed && withGrace !== null && withGrace < firstAllowed
        ? ` That date had already passed at the round, so it is the first business day after the round, never the same day (seed 001).`
        : '');
  } else {
    const due = date;
    reason = () =>
      `No decision date was given: the status check is due ${settings.noDecisionDateDays} days after the round, on a business day: ${describeDate(due)} (seed 002: wait at least a week; seed 001: at most a week).`;
  }
  const how = ` By ${channel === 'phone' ? 'phone, as the process ran by phone' : round.format === 'video' ? 'email to whoever arranged the interview, as it was a video round' : 'email, as the process ran by email'} (seed 001).`;
  const why = () => reason() + how;

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
    expires: false,
  };
  const drafts: Draft[] = [status];
  const statusState = input.states.get(status.key);
  const statusDoneAt = status.doneAt ?? (statusState?.state === 'done' ? statusState.at : null);

  // The optional second follow-up: a call a week after an unanswered status check (seed 002).
  // Move-on is counted from the last follow-up sent; while one is still open (or was skipped),
  // from the moment it was due.
  let lastFollowUp: Date | null = statusDoneAt ? new Date(statusDoneAt) : null;
  let lastWhy = 'your status check';
  let moveOnAnchor: Date = lastFollowUp ?? statusDue;

  if (settings.followUps === 2 && statusDoneAt) {
    const callDate = onOrNextWorkingDay(addDays(localDate(new Date(statusDoneAt), timeZone), settings.callAfterDays), week);
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
      why: () => `Your settings allow a second follow-up: a polite call ${settings.callAfterDays} days after the unanswered status check, on a business day, ${describeDate(callDate)} (seed 002, step 4). This is the last contact: there is no third.`,
      doneAt: firstEvent(events, 'call_made', afterRound)?.occurredAt ?? null,
      expires: false,
    };
    drafts.push(call);
    const callState = input.states.get(call.key);
    const callDoneAt = call.doneAt ?? (callState?.state === 'done' ? callState.at : null);
    if (callDoneAt) {
      lastFollowUp = new Date(callDoneAt);
      lastWhy = 'your follow-up call';
      moveOnAnchor = lastFollowUp;
    } else if (callState?.state !== 'skipped') {
      lastFollowUp = null;
      moveOnAnchor = call.due;
    }
  }

  // Move on after the silence; never suggest a third contact (seed 003).
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
    why: () => lastFollowUp
      ? `${settings.moveOnAfterDays} days without an answer to ${lastWhy}: time to close this card politely and put your energy elsewhere. One follow-up is enough; more would become pressure (seed 003).`
      : `If ${input.company} stays silent ${settings.moveOnAfterDays} days after the follow-up was due, close this card politely and move on (seed 003: one follow-up is enough).`,
    doneAt: null,
    expires: false,
  });
  return drafts;
}

/**
 * The status check's day (PLAYBOOK §3): the first business day after the employer's decision date
 * plus the grace days, or a set number of days after the round; never the round's own day
 * (seed 001). Insights compares it with the day a check was actually sent.
 */
export function statusCheckDay(
  round: Pick<PlanRound, 'startsAt' | 'decisionDate'>,
  settings: PlannerSettings,
  timeZone: string,
): { readonly date: CalendarDate; readonly firstAllowed: CalendarDate; readonly withGrace: CalendarDate | null } {
  const week = settings.workingWeek;
  const roundDay = localDate(new Date(round.startsAt), timeZone);
  const firstAllowed = nextWorkingDay(roundDay, week);
  if (round.decisionDate) {
    const withGrace = addWorkingDays(nextWorkingDay(round.decisionDate, week), settings.graceBusinessDays, week);
    return { date: maxDate(withGrace, firstAllowed), firstAllowed, withGrace };
  }
  return { date: maxDate(onOrNextWorkingDay(addDays(roundDay, settings.noDecisionDateDays), week), firstAllowed), firstAllowed, withGrace: null };
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
  const date = onOrNextWorkingDay(addDays(fromDate, days), ctx.settings.workingWeek);
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
      why: last
        ? `Keep the relationship warm: a short check-in every ${days} days, next on ${describeDate(date)} (seed 002, step 5). The three-month rhythm is our judgement, not a rule: change it in Settings.`
        : `About a month after closing, a short note keeps you in mind for the next opening: ${describeDate(date)} (seed 002, step 5; the month is common career advice).`,
      doneAt: null,
      expires: false,
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
    const open = status === 'pending' || status === 'snoozed';
    if (ctx.openOnly && !open) continue;
    // An open action past its latest moment is no longer offered (a thank-you after 48 hours).
    if (open && d.expires && d.latest.getTime() < now) continue;
    const due = d.kind === 'write-reflection' ? sameEvening(d.earliest, ctx.timeZone) : d.due;
    kept.push({
      due: due.getTime(),
      action: {
        key: d.key,
        kind: d.kind,
        opportunityId: input.opportunityId,
        roundId: d.roundId,
        recipient: d.recipient ? { contactId: d.recipient.contactId, name: d.recipient.name } : null,
        channel: d.channel,
        earliest: isoString(d.earliest.getTime()),
        due: isoString(due.getTime()),
        latest: isoString(d.latest.getTime()),
        ruleId: d.ruleId,
        why: typeof d.why === 'function' ? d.why() : d.why,
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
