/** Properties every plan must have, over random rounds, timelines, settings and clocks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/shared/domain';
import { PLANNER_PRESETS } from '../../src/shared/settings';
import { planOpportunity } from '../../src/main/core/planner/plan';
import type { PlanInput, PlanRound } from '../../src/main/core/planner/plan';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const YEAR = 365 * 86_400_000;
const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'UTC', 'America/Los_Angeles'];
const person = (id: number) => ({ contactId: id, name: `Person ${id}` });

const roundArb = (id: number, number: number) =>
  fc.record({
    start: fc.integer({ min: T0, max: T0 + YEAR }),
    duration: fc.integer({ min: 15, max: 300 }),
    format: fc.constantFrom('video' as const, 'phone' as const, 'in-person' as const),
    arrangedChannel: fc.constantFrom('email' as const, 'phone' as const),
    decisionOffsetDays: fc.option(fc.integer({ min: -5, max: 30 }), { nil: null }),
    interviewers: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
  }).map(
    (r): PlanRound => ({
      id,
      number,
      startsAt: new Date(r.start).toISOString(),
      durationMinutes: r.duration,
      format: r.format,
      arrangedChannel: r.arrangedChannel,
      decisionDate: r.decisionOffsetDays === null ? null : new Date(r.start + r.decisionOffsetDays * 86_400_000).toISOString().slice(0, 10),
      interviewers: r.interviewers.map(person),
      arrangedBy: null,
    }),
  );

const eventKinds = ['thank_you_sent', 'status_check_sent', 'call_made', 'reflection_written', 'linkedin_request_sent', 'card_mailed', 'reply_received'] as const;

const inputArb = fc
  .tuple(
    fc.array(fc.constant(0), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(...zones),
    fc.constantFrom<1 | 2>(1, 2),
    fc.constantFrom('standard' as const, 'patient' as const),
    fc.integer({ min: 0, max: 120 }),
  )
  .chain(([rounds, timeZone, followUps, preset, nowDays]) =>
    fc
      .tuple(
        fc.tuple(...rounds.map((_, i) => roundArb(10 + i, i + 1))),
        fc.array(
          fc.record({
            kind: fc.constantFrom(...eventKinds),
            afterHours: fc.integer({ min: 0, max: 24 * 40 }),
            contactId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
          }),
          { maxLength: 6 },
        ),
      )
      .map(([planRounds, rawEvents]) => {
        const sorted = [...planRounds].sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1)).map((r, i) => ({ ...r, number: i + 1 }));
        const last = sorted.at(-1)!;
        const end = Date.parse(last.startsAt) + last.durationMinutes * 60_000;
        const events: TimelineEvent[] = rawEvents.map((e, i) => ({
          id: i + 1,
          opportunityId: 1,
          roundId: last.id,
          contactId: e.contactId,
          kind: e.kind,
          channel: null,
          occurredAt: new Date(end + e.afterHours * 3_600_000).toISOString(),
          note: null,
          createdAt: new Date(end + e.afterHours * 3_600_000).toISOString(),
          undoneAt: null,
        }));
        const input: PlanInput = {
          opportunityId: 1,
          company: 'Acme',
          stage: 'scheduled',
          stageChangedAt: null,
          recruiter: null,
          rounds: sorted,
          events,
          states: new Map(),
        };
        const now = new Date(Date.parse(sorted[0]!.startsAt) + nowDays * 86_400_000 - 2 * 86_400_000);
        return { input, ctx: { settings: { ...PLANNER_PRESETS[preset], followUps }, timeZone, now } };
      }),
  );

describe('planner properties', () => {
  it('no follow-up is due before the round it follows has ended', () => {
    fc.assert(
      fc.property(inputArb, ({ input, ctx }) => {
        for (const a of planOpportunity(input, ctx)) {
          if (a.kind === 'ask-next-steps' || a.roundId === null) continue;
          const round = input.rounds.find((r) => r.id === a.roundId)!;
          const end = Date.parse(round.startsAt) + round.durationMinutes * 60_000;
          expect(Date.parse(a.due), `${a.kind} due before its round ended`).toBeGreaterThanOrEqual(end);
          expect(Date.parse(a.earliest), `${a.kind} open before its round ended`).toBeGreaterThanOrEqual(end);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('earliest <= due <= latest for every action', () => {
    fc.assert(
      fc.property(inputArb, ({ input, ctx }) => {
        for (const a of planOpportunity(input, ctx)) {
          expect(a.earliest <= a.due, `${a.kind}: earliest after due`).toBe(true);
          expect(a.due <= a.latest, `${a.kind}: due after latest`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never more follow-ups to the employer than the setting allows, and never a third', () => {
    fc.assert(
      fc.property(inputArb, ({ input, ctx }) => {
        const followUps = planOpportunity(input, ctx).filter((a) => a.kind === 'status-check' || a.kind === 'phone-call');
        expect(followUps.length).toBeLessThanOrEqual(ctx.settings.followUps);
        if (ctx.settings.followUps === 1) expect(followUps.some((a) => a.kind === 'phone-call')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('the status check never falls on the round\'s own day, nor on a day off', () => {
    fc.assert(
      fc.property(inputArb, ({ input, ctx }) => {
        const status = planOpportunity(input, ctx).find((a) => a.kind === 'status-check');
        if (!status) return;
        const round = input.rounds.find((r) => r.id === status.roundId)!;
        const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: ctx.timeZone }).format(new Date(iso));
        expect(day(status.due)).not.toBe(day(round.startsAt));
        const weekday = new Date(`${day(status.due)}T12:00:00Z`).getUTCDay();
        expect(ctx.settings.workingWeek).toContain(weekday);
      }),
      { numRuns: 500 },
    );
  });

  it('the same input gives the same plan', () => {
    fc.assert(
      fc.property(inputArb, ({ input, ctx }) => {
        expect(planOpportunity(input, ctx)).toEqual(planOpportunity(structuredClone({ ...input, states: new Map() }), { ...ctx, now: new Date(ctx.now) }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the fast ISO formatter', () => {
  it('writes exactly what Date.prototype.toISOString writes', async () => {
    const { isoString } = await import('../../src/main/core/planner/calendar');
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1970-01-01T00:00:00Z'), max: Date.parse('2199-12-31T23:59:59Z') }), (ms) => {
        expect(isoString(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const edge of ['2000-02-29T23:59:59.999Z', '2100-03-01T00:00:00.000Z', '2024-12-31T12:00:00.000Z']) expect(isoString(Date.parse(edge))).toBe(edge);
  });
});
