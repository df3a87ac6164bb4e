/**
 * The "why this date" sentences never contradict the date they explain (docs/follow-up-rules.md
 * "Explanations"), over generated scenarios: time zones, working weeks, presets and custom values,
 * decision dates on days off or already past, rounds that end late at night, two follow-ups,
 * staying in touch, LinkedIn Premium. The expected dates are worked out here with Intl, not with
 * the planner's own calendar, so a shared mistake cannot hide.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { generateJournal } from '../../src/main/core/demo/journal-generator';
import { planOpportunity } from '../../src/main/core/planner/plan';
import type { PlanContext, PlanInput, PlanRound } from '../../src/main/core/planner/plan';
import type { Action, TimelineEvent } from '../../src/shared/domain';
import { PLANNER_PRESETS } from '../../src/shared/settings';
import type { PlannerSettings } from '../../src/shared/settings';
import { tempDir } from './helpers';

const SEED = Number(process.env.WHY_SEED ?? 20_261_123);
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'UTC', 'Asia/Jerusalem', 'Pacific/Auckland', 'America/Los_Angeles'];
const WEEKS: readonly (readonly number[])[] = [[1, 2, 3, 4, 5], [0, 1, 2, 3, 4], [1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6], [1, 3, 5]];

const dayName = (ms: number, zone: string) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: zone }).format(new Date(ms));
const clock = (ms: number, zone: string) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date(ms));
const ymd = (ms: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(ms));
/** A calendar date `YYYY-MM-DD` plus days, and its name and weekday (noon UTC: no zone can move it). */
const plus = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const nameOf = (date: string) => dayName(Date.parse(`${date}T12:00:00Z`), 'UTC');
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const working = (date: string, week: readonly number[]) => week.includes(weekday(date));
const onOrNext = (date: string, week: readonly number[]) => {
  let d = date;
  while (!working(d, week)) d = plus(d, 1);
  return d;
};

const DATE = /(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)/;

const settingsArb: fc.Arbitrary<PlannerSettings> = fc.oneof(
  fc.constantFrom(PLANNER_PRESETS.standard, PLANNER_PRESETS.patient),
  fc.record({
    preset: fc.constant('custom' as const),
    workingWeek: fc.constant<number[]>([1, 2, 3, 4, 5]),
    graceBusinessDays: fc.integer({ min: 0, max: 7 }),
    noDecisionDateDays: fc.integer({ min: 2, max: 21 }),
    followUps: fc.constantFrom<1 | 2>(1, 2),
    callAfterDays: fc.integer({ min: 3, max: 21 }),
    moveOnAfterDays: fc.integer({ min: 7, max: 60 }),
    stayInTouchFirstDays: fc.integer({ min: 7, max: 180 }),
    stayInTouchEveryDays: fc.integer({ min: 14, max: 365 }),
  }),
);

interface Scenario {
  readonly input: PlanInput;
  readonly ctx: PlanContext;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    week: fc.constantFrom(...WEEKS),
    settings: settingsArb,
    twoFollowUps: fc.boolean(),
    premium: fc.boolean(),
    // Rounds end at any minute of the day, 23:50 included.
    startDay: fc.integer({ min: 0, max: 700 }),
    startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    duration: fc.constantFrom(30, 45, 60, 90, 10, 240),
    format: fc.constantFrom('video' as const, 'phone' as const, 'in-person' as const),
    arrangedChannel: fc.constantFrom('email' as const, 'phone' as const),
    decisionOffset: fc.option(fc.integer({ min: -9, max: 20 }), { nil: null }),
    interviewers: fc.integer({ min: 0, max: 3 }),
    statusSentAfterDays: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    stayingInTouch: fc.option(fc.record({ sinceDays: fc.integer({ min: 1, max: 30 }), checkIns: fc.integer({ min: 0, max: 2 }) }), { nil: null }),
    nowHours: fc.integer({ min: -30, max: 24 * 60 }),
  })
  .map((s) => {
    const start = T0 + s.startDay * DAY + s.startMinute * 60_000;
    const end = start + s.duration * 60_000;
    const round: PlanRound = {
      id: 7,
      number: 1,
      startsAt: new Date(start).toISOString(),
      durationMinutes: s.duration,
      format: s.format,
      arrangedChannel: s.arrangedChannel,
      decisionDate: s.decisionOffset === null ? null : plus(ymd(start, s.zone), s.decisionOffset),
      interviewers: Array.from({ length: s.interviewers }, (_, i) => ({ contactId: i + 1, name: `Person ${i + 1}`, linkedinUrl: i === 0 ? 'https://www.linkedin.com/in/p1' : null })),
      arrangedBy: { contactId: 9, name: 'Rita Recruiter' },
    };
    let id = 1;
    const event = (kind: TimelineEvent['kind'], at: number, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
      id: id++,
      opportunityId: 1,
      roundId: 7,
      contactId: null,
      kind,
      channel: null,
      occurredAt: new Date(at).toISOString(),
      note: null,
      createdAt: new Date(at).toISOString(),
      undoneAt: null,
      ...extra,
    });
    const events: TimelineEvent[] = [];
    if (s.statusSentAfterDays !== null) events.push(event('status_check_sent', end + s.statusSentAfterDays * DAY));
    const since = s.stayingInTouch ? end + s.stayingInTouch.sinceDays * DAY : null;
    if (s.stayingInTouch && since !== null) {
      for (let i = 0; i < s.stayingInTouch.checkIns; i++) events.push(event('check_in_sent', since + (i + 1) * 40 * DAY + 3_600_000 * i, { roundId: null }));
    }
    const settings = { ...s.settings, workingWeek: [...s.week], followUps: s.twoFollowUps ? 2 : s.settings.followUps } as PlannerSettings;
    const input: PlanInput = {
      opportunityId: 1,
      company: 'Acme',
      stage: s.stayingInTouch ? 'staying_in_touch' : 'scheduled',
      stageChangedAt: since === null ? null : new Date(since).toISOString(),
      recruiter: null,
      rounds: [round],
      events,
      states: new Map(),
    };
    return { input, ctx: { settings, timeZone: s.zone, now: new Date(end + s.nowHours * 3_600_000), linkedinPremium: s.premium } };
  });

/**
 * For a contact action: the date its rule gives before the working week moves it (`natural`), and
 * the date it is due on in the end (`final`: after any grace days), worked out here independently.
 */
function expectedDates(a: Action, { input, ctx }: Scenario): { natural: string; final: string } | null {
  const zone = ctx.timeZone;
  const week = ctx.settings.workingWeek;
  const round = input.rounds[0]!;
  const roundDay = ymd(Date.parse(round.startsAt), zone);
  const plain = (natural: string) => ({ natural, final: onOrNext(natural, week) });
  switch (a.kind) {
    case 'status-check': {
      if (!round.decisionDate) return plain(plus(roundDay, ctx.settings.noDecisionDateDays));
      let withGrace = onOrNext(plus(round.decisionDate, 1), week);
      for (let i = 0; i < ctx.settings.graceBusinessDays; i++) withGrace = onOrNext(plus(withGrace, 1), week);
      const afterRound = onOrNext(plus(roundDay, 1), week);
      return withGrace < afterRound ? plain(plus(roundDay, 1)) : { natural: plus(round.decisionDate, 1), final: withGrace };
    }
    case 'phone-call': {
      const sent = input.events.find((e) => e.kind === 'status_check_sent')!;
      return plain(plus(ymd(Date.parse(sent.occurredAt), zone), ctx.settings.callAfterDays));
    }
    case 'stay-in-touch': {
      const last = input.events.filter((e) => e.kind === 'check_in_sent').at(-1);
      const from = ymd(Date.parse(last ? last.occurredAt : input.stageChangedAt!), zone);
      return plain(plus(from, last ? ctx.settings.stayInTouchEveryDays : ctx.settings.stayInTouchFirstDays));
    }
    default:
      return null;
  }
}

describe('"why this date" sentences', () => {
  it(`name the action's own date, the move they made, and the right words, over generated scenarios (seed ${SEED})`, () => {
    let sentences = 0;
    let moves = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { ctx, input } = scenario;
        const zone = ctx.timeZone;
        const week = ctx.settings.workingWeek;
        const mondayToFriday = week.length === 5 && [1, 2, 3, 4, 5].every((d) => week.includes(d));
        const round = input.rounds[0]!;
        const end = Date.parse(round.startsAt) + round.durationMinutes * 60_000;
        for (const a of planOpportunity(input, ctx)) {
          sentences++;
          const due = Date.parse(a.due);
          const where = `${a.kind} (${a.status}) in ${zone}, due ${a.due}: ${a.why}`;
          // The first date the sentence names is the action's date, in the journal's zone.
          expect(a.why, where).toMatch(a.status === 'missed' ? /^Was due / : /^Due /);
          expect(DATE.exec(a.why)?.[0], where).toBe(dayName(due, zone));
          // A time, when given, is the due time.
          const time = /^(?:Was )?Due (?:the same evening, )?by (\d\d:\d\d) on /i.exec(a.why);
          if (time) expect(time[1], where).toBe(clock(due, zone));
          // "The same evening" only when it is that evening.
          if (/same evening/.test(a.why)) {
            expect(ymd(due, zone), where).toBe(ymd(end, zone));
            expect(Number(clock(due, zone).slice(0, 2)), where).toBeGreaterThanOrEqual(17);
          }
          // "Business day" only for a Monday-to-Friday week.
          if (!mondayToFriday) expect(a.why, where).not.toMatch(/business day/);
          // A date the working week moved is said to have moved, from where; none other is.
          const expected = expectedDates(a, scenario);
          if (expected !== null) {
            expect(ymd(due, zone), where).toBe(expected.final);
            if (working(expected.natural, week)) expect(a.why, where).not.toMatch(/moved/);
            else {
              moves++;
              const landed = nameOf(onOrNext(expected.natural, week));
              expect(a.why, where).toContain(`${landed} (moved from ${nameOf(expected.natural)}, which is not a ${mondayToFriday ? 'business' : 'working'} day)`);
            }
          }
          if (a.kind === 'linkedin-note' && a.status !== 'missed') expect(a.why, where).toContain(`at most ${ctx.linkedinPremium ? 300 : 200} characters`);
          // Sources by title, never an internal label.
          expect(a.why, where).not.toMatch(/seed/i);
          expect(a.why, where).toMatch(/“|LinkedIn Help|our judgement|common career advice/);
        }
      }),
      { numRuns: 1500, seed: SEED },
    );
    console.log(`why sentences checked: ${sentences}, of which ${moves} moved off a day off (seed ${SEED})`);
    expect(moves).toBeGreaterThan(50);
  });

  it(`cite sources by title, never an internal label, on every action of a generated journal (seed ${SEED})`, async () => {
    const now = new Date('2026-11-20T15:00:00Z');
    const core = createCore({ dataDir: tempDir(), transport: 'http', now: () => now });
    generateJournal(core.db, { opportunities: 120, seed: SEED, now });
    const ids = core.db.prepare('SELECT id FROM opportunities').pluck().all() as number[];
    let count = 0;
    for (const opportunityId of ids) {
      const result = await core.call('actions.forOpportunity', { opportunityId });
      for (const a of (result as { value: Action[] }).value) {
        count++;
        expect(a.why, `${a.kind}: ${a.why}`).not.toMatch(/\bseeds?\b/i);
        expect(a.why, `${a.kind}: ${a.why}`).toMatch(/^(?:Was due|Due) /);
      }
    }
    console.log(`why sentences of a generated journal: ${count}, none with an internal label (seed ${SEED})`);
    expect(count).toBeGreaterThan(300);
    core.close();
  });
});
