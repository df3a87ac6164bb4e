/**
 * The planner, straight from docs/follow-up-rules.md "The rules". Each scenario gives the facts of a round and what
 * happened since, and the exact dates the playbook implies, in the user's local time. The whole
 * table runs in two time zones (and CI runs the suite under two TZ values as well).
 */
import { describe, expect, it } from 'vitest';
import type { Action, TimelineEvent } from '../../src/shared/domain';
import { PLANNER_PRESETS } from '../../src/shared/settings';
import type { PlannerSettings } from '../../src/shared/settings';
import { atLocalTime } from '../../src/main/core/planner/calendar';
import { nextAction, planOpportunity } from '../../src/main/core/planner/plan';
import type { ActionState, PlanInput, PlanRound } from '../../src/main/core/planner/plan';

const ZONES = ['America/New_York', 'Europe/Berlin'] as const;

/** "2026-11-20 15:00" in a zone, as an ISO instant. */
const at = (local: string, tz: string): string => {
  const [date, time] = local.split(' ');
  const [h, m] = time!.split(':').map(Number);
  return atLocalTime(date!, h!, m!, tz).toISOString();
};

const alice = { contactId: 1, name: 'Alice Ng', linkedinUrl: 'https://www.linkedin.com/in/alice' };
const bob = { contactId: 2, name: 'Bob Ortiz' };
const carla = { contactId: 3, name: 'Carla Diaz' };
const rita = { contactId: 9, name: 'Rita Recruiter' };

let eventId = 100;
const event = (kind: TimelineEvent['kind'], occurredAt: string, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id: eventId++,
  opportunityId: 1,
  roundId: 11,
  contactId: null,
  kind,
  channel: null,
  occurredAt,
  note: null,
  createdAt: occurredAt,
  undoneAt: null,
  ...extra,
});

function round(tz: string, start: string, extra: Partial<PlanRound> = {}): PlanRound {
  return {
    id: 11,
    number: 1,
    startsAt: at(start, tz),
    durationMinutes: 60,
    format: 'video',
    arrangedChannel: 'email',
    decisionDate: null,
    interviewers: [alice],
    arrangedBy: rita,
    ...extra,
  };
}

function plan(
  tz: string,
  now: string,
  rounds: PlanRound[],
  opts: { events?: TimelineEvent[]; settings?: Partial<PlannerSettings>; states?: [string, ActionState][]; stage?: PlanInput['stage']; stageChangedAt?: string } = {},
): Action[] {
  return planOpportunity(
    {
      opportunityId: 1,
      company: 'Acme',
      stage: opts.stage ?? 'scheduled',
      stageChangedAt: opts.stageChangedAt ?? null,
      recruiter: null,
      rounds,
      events: opts.events ?? [],
      states: new Map(opts.states ?? []),
    },
    { settings: { ...PLANNER_PRESETS.standard, ...opts.settings }, timeZone: tz, now: new Date(at(now, tz)) },
  );
}

const find = (actions: Action[], kind: Action['kind'], contactId?: number) =>
  actions.find((a) => a.kind === kind && (contactId === undefined || a.recipient?.contactId === contactId));
const kinds = (actions: Action[]) => actions.filter((a) => a.status === 'pending' || a.status === 'snoozed').map((a) => a.kind);

describe.each(ZONES)('the planner in %s', (tz) => {
  it('1. a Friday-evening round: the thank-you counts hours over the weekend (24 h due, 48 h latest)', () => {
    const actions = plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 18:00')]);
    const thanks = find(actions, 'thank-you', 1)!;
    expect(thanks.earliest).toBe(at('2026-11-20 19:00', tz));
    expect(thanks.due).toBe(at('2026-11-21 19:00', tz));
    expect(thanks.latest).toBe(at('2026-11-22 19:00', tz));
    expect(thanks.channel).toBe('email');
    expect(thanks.why).toBe(
      'Due by 19:00 on Saturday 21 November, 24 hours after round 1 ended, and still worth sending until 19:00 on Sunday 22 November, 48 hours after it. ' +
        'Within 24 hours: “What to Do After a Job Interview”; 24 to 48 hours: “Effective Follow-Up Strategies: Navigating the Post-Job Interview Phase” and “Is It Bad to Follow Up After an Interview?”.',
    );
  });

  it('2. no decision date: the status check is 7 days after the round, on a business day, at 10:00', () => {
    const status = find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 18:00')]), 'status-check')!;
    expect(status.due).toBe(at('2026-11-27 10:00', tz));
    expect(status.earliest).toBe(at('2026-11-27 09:00', tz));
    expect(status.ruleId).toBe('status-check.week-after-round');
    expect(status.why).toMatch(/^Due Friday 27 November: no decision date was given, so the status check comes a week after the round \(“Creating an Effective Follow-Up Strategy Post-Interview”: wait at least a week/);
  });

  it('3. a video round: the status check goes by email to whoever arranged it', () => {
    const status = find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00', { arrangedChannel: 'phone' })]), 'status-check')!;
    expect(status.channel).toBe('email');
    expect(status.recipient).toEqual({ contactId: 9, name: 'Rita Recruiter' });
  });

  it('4. a decision date on a Saturday: the status check is the Monday after', () => {
    const status = find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00', { decisionDate: '2026-11-28' })]), 'status-check')!;
    expect(status.due).toBe(at('2026-11-30 10:00', tz));
    expect(status.ruleId).toBe('status-check.after-decision-date');
    expect(status.why).toMatch(/^Due Monday 30 November \(moved from Sunday 29 November, which is not a business day\): they said they would decide by Saturday 28 November, so the status check is the first business day after that/);
  });

  it('5. a decision date on a Wednesday: Thursday', () => {
    const status = find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00', { decisionDate: '2026-12-02' })]), 'status-check')!;
    expect(status.due).toBe(at('2026-12-03 10:00', tz));
  });

  it('6. a decision date on a Friday: the next Monday', () => {
    const status = find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00', { decisionDate: '2026-12-04' })]), 'status-check')!;
    expect(status.due).toBe(at('2026-12-07 10:00', tz));
  });

  it('7. the Patient preset waits about a week after the stated date', () => {
    const status = find(
      plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00', { decisionDate: '2026-12-02' })], { settings: PLANNER_PRESETS.patient }),
      'status-check',
    )!;
    expect(status.due).toBe(at('2026-12-10 10:00', tz));
    expect(status.why).toMatch(/^Due Thursday 10 December: .*the first business day after it is Thursday 3 December, and your plan waits 5 business days more \(“What to Do After a Job Interview”: about a week after the expected date\)/);
  });

  it('8. a decision date already past when the round is entered: the first business day after the round', () => {
    const status = find(plan(tz, '2026-11-20 17:00', [round(tz, '2026-11-20 15:00', { decisionDate: '2026-11-18' })]), 'status-check')!;
    expect(status.due).toBe(at('2026-11-23 10:00', tz));
    expect(status.why).toMatch(/^Due Monday 23 November \(moved from Saturday 21 November, which is not a business day\): they said they would decide by Wednesday 18 November, which had already passed at the round on Friday 20 November, so the status check is the first business day after the round, never the same day/);
  });

  it('9. a decision date on the round\'s own day: never the same day', () => {
    const status = find(plan(tz, '2026-11-18 08:00', [round(tz, '2026-11-18 09:00', { decisionDate: '2026-11-18' })]), 'status-check')!;
    expect(status.due).toBe(at('2026-11-19 10:00', tz));
  });

  it('10. a round entered two days late: the thank-you is overdue but offered until 48 h, then kept as missed', () => {
    const late = plan(tz, '2026-11-22 15:30', [round(tz, '2026-11-20 15:00')]);
    const thanks = find(late, 'thank-you', 1)!;
    expect(thanks.status).toBe('pending');
    expect(thanks.due < at('2026-11-22 15:30', tz)).toBe(true);
    expect(thanks.latest).toBe(at('2026-11-22 16:00', tz));
    const tooLate = plan(tz, '2026-11-22 16:30', [round(tz, '2026-11-20 15:00')]);
    expect(find(tooLate, 'thank-you')).toMatchObject({ status: 'missed', settledAt: at('2026-11-22 16:00', tz) });
    expect(find(tooLate, 'thank-you')!.why).toMatch(/^Was due by 16:00 on Saturday 21 November; its window closed at 16:00 on Sunday 22 November/);
    // Missed is settled: never the card's next action, never in the open plan.
    expect(nextAction(tooLate)?.kind).not.toBe('thank-you');
    expect(planOpportunity({ opportunityId: 1, company: 'Acme', stage: 'scheduled', stageChangedAt: null, recruiter: null, rounds: [round(tz, '2026-11-20 15:00')], events: [], states: new Map() },
      { settings: PLANNER_PRESETS.standard, timeZone: tz, now: new Date(at('2026-11-22 16:30', tz)), openOnly: true }).map((a) => a.kind)).not.toContain('thank-you');
    // The rest of the plan goes on: the status check a week after the round (no decision date).
    expect(find(tooLate, 'status-check')!.due).toBe(at('2026-11-27 10:00', tz));
  });

  it('11. three interviewers: one thank-you and one LinkedIn note each, one status check', () => {
    const actions = plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00', { interviewers: [alice, bob, carla] })]);
    expect(actions.filter((a) => a.kind === 'thank-you').map((a) => a.recipient?.name)).toEqual(['Alice Ng', 'Bob Ortiz', 'Carla Diaz']);
    expect(new Set(actions.filter((a) => a.kind === 'thank-you').map((a) => a.key)).size).toBe(3);
    expect(actions.filter((a) => a.kind === 'linkedin-note')).toHaveLength(3);
    expect(actions.filter((a) => a.kind === 'status-check')).toHaveLength(1);
    expect(find(actions, 'thank-you', 2)!.why).toMatch(/One personal note to each interviewer, not the same text to all \(“Creating an Effective Follow-Up Strategy Post-Interview”, step 2\)/);
  });

  it('12. an in-person round suggests a mailed card for each interviewer', () => {
    const actions = plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00', { format: 'in-person', interviewers: [alice, bob] })]);
    const cards = actions.filter((a) => a.kind === 'thank-you-card');
    expect(cards.map((c) => c.recipient?.name)).toEqual(['Alice Ng', 'Bob Ortiz']);
    expect(cards[0]!.channel).toBe('mail');
    expect(cards[0]!.due).toBe(at('2026-11-22 16:00', tz));
    expect(find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00')]), 'thank-you-card')).toBeUndefined();
  });

  it('13. an in-person process run by phone: the status check is a call', () => {
    const status = find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00', { format: 'in-person', arrangedChannel: 'phone' })]), 'status-check')!;
    expect(status.channel).toBe('phone');
    expect(status.why).toMatch(/By phone, as the process ran by phone/);
  });

  it('14. a phone interview arranged by email: the status check is an email', () => {
    const status = find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00', { format: 'phone', arrangedChannel: 'email' })]), 'status-check')!;
    expect(status.channel).toBe('email');
  });

  it('15. a reply from the employer ends the waiting actions; the thank-you stays', () => {
    const actions = plan(tz, '2026-11-21 09:00', [round(tz, '2026-11-20 15:00')], { events: [event('reply_received', at('2026-11-21 08:00', tz), { roundId: null })] });
    expect(find(actions, 'status-check')).toBeUndefined();
    expect(find(actions, 'move-on')).toBeUndefined();
    expect(find(actions, 'thank-you')).toMatchObject({ status: 'pending', due: at('2026-11-21 16:00', tz) });
  });

  it('16. an offer replaces the waiting actions', () => {
    const actions = plan(tz, '2026-11-21 09:00', [round(tz, '2026-11-20 15:00')], { stage: 'offer' });
    expect(kinds(actions)).not.toContain('status-check');
    expect(kinds(actions)).not.toContain('move-on');
  });

  it('17. a new round replaces the earlier round\'s status check with its own', () => {
    const first = round(tz, '2026-11-10 15:00', { decisionDate: '2026-11-13' });
    const second = round(tz, '2026-11-20 15:00', { id: 12, number: 2, decisionDate: '2026-12-01' });
    const actions = plan(tz, '2026-11-20 12:00', [first, second]);
    const checks = actions.filter((a) => a.kind === 'status-check');
    expect(checks).toHaveLength(1);
    expect(checks[0]!.roundId).toBe(12);
    expect(checks[0]!.due).toBe(at('2026-12-02 10:00', tz));
  });

  it('18. two follow-ups allowed: a call 7 days after the unanswered status check, on a business day', () => {
    const sent = event('status_check_sent', at('2026-11-27 10:30', tz));
    const actions = plan(tz, '2026-11-28 09:00', [round(tz, '2026-11-20 15:00')], { events: [sent], settings: { followUps: 2 } });
    const call = find(actions, 'phone-call')!;
    expect(call.due).toBe(at('2026-12-04 10:00', tz));
    expect(call.channel).toBe('phone');
    expect(call.why).toMatch(/no third/);
    expect(find(actions, 'move-on')!.due).toBe(new Date(Date.parse(call.due) + 14 * 86_400_000).toISOString());
  });

  it('19. one follow-up (the default): no call, and move on 14 days after the status check', () => {
    const sentAt = at('2026-11-27 10:30', tz);
    const actions = plan(tz, '2026-11-28 09:00', [round(tz, '2026-11-20 15:00')], { events: [event('status_check_sent', sentAt)] });
    expect(find(actions, 'phone-call')).toBeUndefined();
    expect(find(actions, 'status-check')!.status).toBe('done');
    const moveOn = find(actions, 'move-on')!;
    expect(moveOn.due).toBe(new Date(Date.parse(sentAt) + 14 * 86_400_000).toISOString());
    expect(moveOn.why).toMatch(/^Due Friday 11 December, 14 days without an answer to your status check.*“Is It Bad to Follow Up After an Interview\?”/);
  });

  it('20. never a third contact: after the call, only moving on is left', () => {
    const events = [event('status_check_sent', at('2026-11-27 10:30', tz)), event('call_made', at('2026-12-04 11:00', tz))];
    const actions = plan(tz, '2026-12-05 09:00', [round(tz, '2026-11-20 15:00')], { events, settings: { followUps: 2 } });
    const open = kinds(actions);
    expect(open.filter((k) => k === 'status-check' || k === 'phone-call')).toEqual([]);
    expect(open).toContain('move-on');
    expect(find(actions, 'move-on')!.due).toBe(new Date(Date.parse(at('2026-12-04 11:00', tz)) + 14 * 86_400_000).toISOString());
  });

  it('21. a closed card has nothing left to do', () => {
    expect(plan(tz, '2026-11-21 09:00', [round(tz, '2026-11-20 15:00')], { stage: 'closed' })).toEqual([]);
  });

  it('22. staying in touch: about a month after closing, then every 3 months', () => {
    const since = at('2026-12-01 12:00', tz);
    const first = plan(tz, '2026-12-02 09:00', [round(tz, '2026-11-20 15:00')], { stage: 'staying_in_touch', stageChangedAt: since });
    expect(first.map((a) => a.kind)).toEqual(['stay-in-touch']);
    expect(first[0]!.due).toBe(at('2026-12-31 10:00', tz));
    expect(first[0]!.channel).toBe('linkedin');
    const later = plan(tz, '2027-01-05 09:00', [round(tz, '2026-11-20 15:00')], {
      stage: 'staying_in_touch',
      stageChangedAt: since,
      events: [event('check_in_sent', at('2027-01-04 12:00', tz), { roundId: null })],
    });
    // 4 January + 90 days = Sunday 4 April 2027 -> Monday 5 April.
    expect(later[0]!.due).toBe(at('2027-04-05 10:00', tz));
    expect(later[0]!.key).not.toBe(first[0]!.key);
    expect(later[0]!.why).toMatch(/judgement/);
  });

  it('23. the reflection is due the same evening, or two hours after a late round', () => {
    expect(find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 15:00')]), 'write-reflection')!.due).toBe(at('2026-11-20 21:00', tz));
    expect(find(plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-20 19:00')]), 'write-reflection')!.due).toBe(at('2026-11-20 22:00', tz));
  });

  it('24. ask about next steps shortly before the round; gone once it is over', () => {
    const before = find(plan(tz, '2026-11-19 18:00', [round(tz, '2026-11-20 15:00')]), 'ask-next-steps')!;
    expect(before.due).toBe(at('2026-11-20 14:00', tz));
    expect(before.why).toMatch(/^Due by 14:00 on Friday 20 November, an hour before round 1 starts.*“Creating an Effective Follow-Up Strategy Post-Interview”, step 1/);
    expect(find(plan(tz, '2026-11-20 16:30', [round(tz, '2026-11-20 15:00')]), 'ask-next-steps')).toBeUndefined();
  });

  it('25. the LinkedIn note is due 2 days after the thank-you was sent', () => {
    const sent = event('thank_you_sent', at('2026-11-20 20:00', tz), { contactId: 1 });
    const actions = plan(tz, '2026-11-20 21:00', [round(tz, '2026-11-20 15:00')], { events: [sent] });
    expect(find(actions, 'thank-you', 1)!.status).toBe('done');
    expect(find(actions, 'linkedin-note', 1)!.due).toBe(at('2026-11-22 20:00', tz));
  });

  it('26. snoozed shows as snoozed until its time, then is open again; skipped stays skipped', () => {
    const r = round(tz, '2026-11-20 15:00');
    const key = find(plan(tz, '2026-11-20 12:00', [r]), 'thank-you', 1)!.key;
    const snooze: [string, ActionState] = [key, { state: 'snoozed', until: at('2026-11-21 09:00', tz), at: at('2026-11-20 17:00', tz) }];
    expect(find(plan(tz, '2026-11-20 18:00', [r], { states: [snooze] }), 'thank-you', 1)).toMatchObject({ status: 'snoozed', snoozedUntil: at('2026-11-21 09:00', tz) });
    expect(find(plan(tz, '2026-11-21 09:30', [r], { states: [snooze] }), 'thank-you', 1)!.status).toBe('pending');
    const skip: [string, ActionState] = [key, { state: 'skipped', until: null, at: at('2026-11-20 17:00', tz) }];
    expect(find(plan(tz, '2026-11-20 18:00', [r], { states: [skip] }), 'thank-you', 1)!.status).toBe('skipped');
  });

  it('27. a skipped status check: move on is counted from when it was due', () => {
    const r = round(tz, '2026-11-20 15:00');
    const status = find(plan(tz, '2026-11-20 12:00', [r]), 'status-check')!;
    const actions = plan(tz, '2026-11-28 12:00', [r], { states: [[status.key, { state: 'skipped', until: null, at: at('2026-11-27 12:00', tz) }]] });
    expect(find(actions, 'move-on')!.due).toBe(new Date(Date.parse(status.due) + 14 * 86_400_000).toISOString());
  });

  it('28. a working week of Sunday to Thursday: a decision on Thursday gives a Sunday status check', () => {
    const status = find(
      plan(tz, '2026-11-20 12:00', [round(tz, '2026-11-19 15:00', { decisionDate: '2026-11-26' })], { settings: { workingWeek: [0, 1, 2, 3, 4] } }),
      'status-check',
    )!;
    expect(status.due).toBe(at('2026-11-29 10:00', tz));
  });

  it('29. the card\'s next action is the open one due first', () => {
    const actions = plan(tz, '2026-11-20 16:30', [round(tz, '2026-11-20 15:00')]);
    expect(nextAction(actions)!.kind).toBe('write-reflection');
    const afterThanks = plan(tz, '2026-11-21 09:00', [round(tz, '2026-11-20 15:00')], {
      events: [event('thank_you_sent', at('2026-11-20 20:00', tz), { contactId: 1 }), event('reflection_written', at('2026-11-20 19:00', tz)), event('linkedin_request_sent', at('2026-11-20 20:05', tz), { contactId: 1 })],
    });
    expect(nextAction(afterThanks)!.kind).toBe('status-check');
  });
});

describe('daylight-saving weeks', () => {
  it('New York, autumn: the thank-you is 24 real hours after the round, the status check 10:00 EST', () => {
    const tz = 'America/New_York';
    // Saturday 31 October 2026, 10:00-11:00 EDT; clocks go back on Sunday 1 November.
    const actions = plan(tz, '2026-10-31 09:00', [round(tz, '2026-10-31 10:00')]);
    expect(find(actions, 'thank-you')!.due).toBe('2026-11-01T15:00:00.000Z'); // 10:00 EST = 11:00 EDT + 24 h
    expect(find(actions, 'status-check')!.due).toBe('2026-11-09T15:00:00.000Z'); // Monday 9 Nov, 10:00 EST
  });

  it('Berlin, spring: a round the evening before the clocks go forward', () => {
    const tz = 'Europe/Berlin';
    // Saturday 27 March 2027, 20:00-21:00 CET; clocks go forward on Sunday 28 March.
    const actions = plan(tz, '2027-03-27 12:00', [round(tz, '2027-03-27 20:00')]);
    expect(find(actions, 'thank-you')!.due).toBe('2027-03-28T20:00:00.000Z'); // 22:00 CEST, 24 h after 21:00 CET
    expect(find(actions, 'status-check')!.due).toBe('2027-04-05T08:00:00.000Z'); // Saturday 3 Apr + -> Monday 5 Apr 10:00 CEST
  });
});
