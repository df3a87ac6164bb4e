/**
 * Insights on a small journal written by hand through the core's own calls (a real SQLite file
 * in a temporary folder), where every figure can be counted on paper. The clock is moved as the
 * journal is written, so opportunities are added on different days, as they would be.
 *
 * The journal (time zone New York; "now" is Friday 20 November 2026, 15:00 UTC; the period is
 * 1 October to 20 November):
 *
 * | opp | added | source / size | round(s) | interviewers: thank-you | status check | then |
 * |---|---|---|---|---|---|---|
 * | A Acme | 1 Oct | LinkedIn, 51-200 | r1 Mon 5 Oct 14:00Z; r2 Tue 20 Oct (recorded 17 Oct) | Alice +3 h, Bob +30 h; r2 Carla +60 h | 13 Oct (planned 12 Oct) | reply 16 Oct; offer 27 Oct |
 * | B Globex | 2 Oct | LinkedIn, 51-200 | r1 Tue 6 Oct 15:00Z | Dan: never | 13 Oct (on the day) | moved on 1 Nov |
 * | C Initech | 3 Oct | Referral | r1 Wed 7 Oct 15:00Z | Eve +5 h | none | rejected 20 Oct |
 * | D Hooli | 10 Nov | none, 1001+ | r1 Thu 19 Nov 14:00Z | Finn: window still open | | |
 * | E Umbrella | 4 Oct | Referral | none | | | |
 * | F Stark | 1 Sep (before the period) | Recruiter | r1 Thu 8 Oct, decision date 12 Oct | Gus +2 h | 19 Oct (planned 13 Oct) | move-on skipped |
 * | H Vandelay | 5 Oct | Referral | r1 Fri 9 Oct 15:00Z | Hana +20 h | 12 Oct (planned 16 Oct) | reply 14 Oct |
 * | J Wayne | 6 Oct | Company site | r1 Fri 9 Oct 15:00Z | Ivan: never | 16 Oct (on the day) | reply 5 Nov |
 * | K Tyrell | 7 Oct | Company site | r1 Mon 12 Oct 15:00Z, nobody listed | never | 20 Oct (planned 19 Oct) | silence |
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import { FIGURES, insightsContext } from '../../src/main/core/insights/insights';
import { buckets, resolvePeriod } from '../../src/main/core/insights/period';
import type { Insights } from '../../src/shared/calls/insights-calls';
import type { Action } from '../../src/shared/domain';
import { DEFAULT_PLANNER_SETTINGS } from '../../src/shared/settings';
import { saveReflection, tempDir } from './helpers';

type Ok<T> = { ok: true; value: T };
const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as Ok<T>).value;
};

const NOW = '2026-11-20T15:00:00.000Z';
const HOUR = 3_600_000;
const at = (iso: string, hours = 0) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

let core: Core;
let clock = new Date(NOW);
const ids: Record<string, { opportunityId: number; roundId: number }> = {};
let alicesThanks = 0;

async function contact(name: string): Promise<number> {
  return value<{ id: number }>(await core.call('contacts.create', { name })).id;
}

async function opportunity(
  key: string,
  company: string,
  added: string,
  fields: { source?: string; companySize?: string },
  round?: { startsAt: string; interviewers: string[]; decisionDate?: string },
) {
  clock = new Date(added);
  const interviewerIds = [];
  for (const name of round?.interviewers ?? []) interviewerIds.push(await contact(name));
  const created = value<{ id: number; rounds: { id: number }[] }>(
    await core.call('opportunities.create', {
      company,
      role: 'Engineer',
      ...fields,
      ...(round ? { firstRound: { startsAt: round.startsAt, format: 'video', interviewerIds, decisionDate: round.decisionDate } } : {}),
    }),
  );
  ids[key] = { opportunityId: created.id, roundId: created.rounds[0]?.id ?? 0 };
  return { opportunityId: created.id, roundId: created.rounds[0]?.id ?? 0, interviewerIds };
}

async function record(opportunityId: number, roundId: number, kind: string, occurredAt: string, contactId: number | null = null) {
  return value<{ id: number }>(await core.call('events.record', { opportunityId, roundId, contactId, kind, occurredAt })).id;
}

beforeAll(async () => {
  const dir = tempDir('afterword-insights-');
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York' }));
  core = createCore({ dataDir: dir, transport: 'http', now: () => clock });

  const a = await opportunity('A', 'Acme', '2026-10-01T12:00:00Z', { source: 'LinkedIn', companySize: '51-200' }, {
    startsAt: '2026-10-05T14:00:00Z',
    interviewers: ['Alice Ng', 'Bob Ortiz'],
  });
  alicesThanks = await record(a.opportunityId, a.roundId, 'thank_you_sent', at('2026-10-05T15:00:00Z', 3), a.interviewerIds[0]);
  await record(a.opportunityId, a.roundId, 'thank_you_sent', at('2026-10-05T15:00:00Z', 30), a.interviewerIds[1]);
  await record(a.opportunityId, a.roundId, 'status_check_sent', '2026-10-13T15:00:00Z');
  await record(a.opportunityId, a.roundId, 'reply_received', '2026-10-16T15:00:00Z');
  clock = new Date('2026-10-17T15:00:00Z');
  const carla = await contact('Carla Diaz');
  const a2 = value<{ id: number }>(
    await core.call('rounds.create', { opportunityId: a.opportunityId, startsAt: '2026-10-20T14:00:00Z', format: 'video', interviewerIds: [carla] }),
  ).id;
  await record(a.opportunityId, a2, 'thank_you_sent', at('2026-10-20T15:00:00Z', 60), carla);
  await record(a.opportunityId, a2, 'offer_received', '2026-10-27T15:00:00Z');

  const b = await opportunity('B', 'Globex', '2026-10-02T12:00:00Z', { source: 'LinkedIn', companySize: '51-200' }, {
    startsAt: '2026-10-06T15:00:00Z',
    interviewers: ['Dan Patel'],
  });
  await record(b.opportunityId, b.roundId, 'status_check_sent', '2026-10-13T15:00:00Z');
  await record(b.opportunityId, b.roundId, 'moved_on', '2026-11-01T15:00:00Z');

  const c = await opportunity('C', 'Initech', '2026-10-03T12:00:00Z', { source: 'Referral' }, { startsAt: '2026-10-07T15:00:00Z', interviewers: ['Eve Rossi'] });
  await record(c.opportunityId, c.roundId, 'thank_you_sent', at('2026-10-07T16:00:00Z', 5), c.interviewerIds[0]);
  await record(c.opportunityId, c.roundId, 'rejected', '2026-10-20T15:00:00Z');

  await opportunity('D', 'Hooli', '2026-11-10T12:00:00Z', { companySize: '1001+' }, { startsAt: '2026-11-19T14:00:00Z', interviewers: ['Finn Haddad'] });
  await opportunity('E', 'Umbrella', '2026-10-04T12:00:00Z', { source: 'Referral' });

  const f = await opportunity('F', 'Stark', '2026-09-01T12:00:00Z', { source: 'Recruiter' }, {
    startsAt: '2026-10-08T15:00:00Z',
    interviewers: ['Gus Kim'],
    decisionDate: '2026-10-12',
  });
  await record(f.opportunityId, f.roundId, 'thank_you_sent', at('2026-10-08T16:00:00Z', 2), f.interviewerIds[0]);
  await record(f.opportunityId, f.roundId, 'status_check_sent', '2026-10-19T14:00:00Z');

  const h = await opportunity('H', 'Vandelay', '2026-10-05T12:00:00Z', { source: 'Referral' }, { startsAt: '2026-10-09T15:00:00Z', interviewers: ['Hana Tanaka'] });
  await record(h.opportunityId, h.roundId, 'thank_you_sent', at('2026-10-09T16:00:00Z', 20), h.interviewerIds[0]);
  await record(h.opportunityId, h.roundId, 'status_check_sent', '2026-10-12T15:00:00Z');
  await record(h.opportunityId, h.roundId, 'reply_received', '2026-10-14T15:00:00Z');

  const j = await opportunity('J', 'Wayne', '2026-10-06T12:00:00Z', { source: 'Company site' }, { startsAt: '2026-10-09T15:00:00Z', interviewers: ['Ivan Silva'] });
  await record(j.opportunityId, j.roundId, 'status_check_sent', '2026-10-16T15:00:00Z');
  await record(j.opportunityId, j.roundId, 'reply_received', '2026-11-05T15:00:00Z');

  const k = await opportunity('K', 'Tyrell', '2026-10-07T12:00:00Z', { source: 'Company site' }, { startsAt: '2026-10-12T15:00:00Z', interviewers: [] });
  await record(k.opportunityId, k.roundId, 'status_check_sent', '2026-10-20T15:00:00Z');

  // The questions asked, as the reflection editor saves them (wordings differ in case and form).
  const reflect = (roundId: number, body: string) => saveReflection(core, roundId, body);
  await reflect(a.roundId, '## Questions asked\n- Why do you want to work here?\n- Tell me about a failure.\n');
  await reflect(b.roundId, '## Questions asked\n- why do you want to work here\n- How do you prioritise?\n\n## What went well\nCalm.');
  await reflect(c.roundId, '# Questions Asked\n1. Why do you want to work here?\n2. How do you prioritise?\n\n## My answers\n- The mission.');
  await reflect(h.roundId, '## Questions asked\n- [ ] Tell me about a failure.\n- Why do you want to work here?\n- Why do you want to work here?\n');
  await reflect(j.roundId, '## What went well\nNo questions written down.');

  // F's "move on" advice, skipped by the user (the action exists once the status check is sent).
  clock = new Date(NOW);
  const actions = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId: f.opportunityId }));
  const moveOn = actions.find((x) => x.kind === 'move-on')!;
  value(await core.call('actions.skip', { opportunityId: f.opportunityId, key: moveOn.key }));
});

afterAll(() => core.close());

const PERIOD = { period: 'custom', from: '2026-10-01', to: '2026-11-20' } as const;
const insights = async (query: object = PERIOD): Promise<Insights> => value<Insights>(await core.call('insights.get', query));

describe('the period', () => {
  it('counts whole days in the journal time zone, from midnight to midnight', () => {
    const now = new Date(NOW);
    const tz = 'America/New_York';
    expect(resolvePeriod(core.db, { period: 'last-30-days' }, now, tz)).toMatchObject({
      from: '2026-10-22',
      to: '2026-11-20',
      fromIso: '2026-10-22T04:00:00.000Z', // EDT
      toIso: '2026-11-21T05:00:00.000Z', // EST: the clocks went back on 1 November
    });
    expect(resolvePeriod(core.db, { period: 'this-year' }, now, tz)).toMatchObject({ from: '2026-01-01', fromIso: '2026-01-01T05:00:00.000Z' });
    // All time starts on the day of the journal's first entry (F, added 1 September).
    expect(resolvePeriod(core.db, { period: 'all-time' }, now, tz)).toMatchObject({ from: '2026-09-01', to: '2026-11-20' });
  });

  it('cuts the activity into weeks from Monday, clipped to the period', () => {
    const period = resolvePeriod(core.db, PERIOD, new Date(NOW), 'America/New_York');
    const { unit, buckets: list } = buckets(period);
    expect(unit).toBe('week');
    expect(list.map((b) => b.start)).toEqual(['2026-10-01', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    expect(list[0]!.fromIso).toBe('2026-10-01T04:00:00.000Z');
    expect(list.at(-1)!.toIso).toBe('2026-11-21T05:00:00.000Z');
  });

  it('counts months instead when weeks would be too many to read', () => {
    const period = resolvePeriod(core.db, { period: 'custom', from: '2024-03-15', to: '2026-11-20' }, new Date(NOW), 'UTC');
    const { unit, buckets: list } = buckets(period);
    expect(unit).toBe('month');
    expect(list[0]!.start).toBe('2024-03-15');
    expect(list[1]!.start).toBe('2024-04-01');
    expect(list.at(-1)!.start).toBe('2026-11-01');
  });

  it('refuses a custom period without its days or the wrong way round, and dates on other periods', async () => {
    for (const bad of [
      { period: 'custom', from: '2026-10-01' },
      { period: 'custom', from: '2026-11-02', to: '2026-11-01' },
      { period: 'custom', from: '2026-02-30', to: '2026-03-01' },
      { period: 'last-30-days', from: '2026-10-01' },
      { period: 'last-week' },
    ]) {
      expect(await core.call('insights.get', bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});

describe('each figure, counted by hand', () => {
  it('the funnel follows the opportunities added in the period, round by round', async () => {
    const { funnel } = await insights();
    // Added: A, B, C, D, E, H, J, K (F was added in September).
    expect(funnel.added).toBe(8);
    expect(funnel.steps).toEqual([
      { stage: 'added', round: null, count: 8 },
      // Round 1 took place for all but E; thanked: A, C, H; answered: A (reply), C (rejection), H and J (replies).
      { stage: 'interviewed', round: 1, count: 7 },
      { stage: 'thanked', round: 1, count: 3 },
      { stage: 'replied', round: 1, count: 4 },
      { stage: 'interviewed', round: 2, count: 1 },
      { stage: 'thanked', round: 2, count: 1 },
      { stage: 'replied', round: 2, count: 1 },
      { stage: 'offer', round: null, count: 1 },
    ]);
  });

  it('response: share with an answer and the median wait, by source and by company size where known', async () => {
    const { response } = await insights();
    // Interviewed in the period: A B C D F H J K; answered: A C H J.
    expect(response.overall.replied).toEqual({ count: 4, of: 8, share: 0.5 });
    // Days from the round's end to the answer: A1 11, A2 7, C1 12.96, H1 4.96, J1 26.96: the median is 11.
    expect(response.overall.daysFromRound).toEqual({ n: 5, days: 11 });
    // From the status check: A1 3, H1 2, J1 20: three cases, too few to give a median.
    expect(response.overall.daysFromStatusCheck).toEqual({ n: 3, days: null });
    expect(response.bySource.map((g) => [g.group, g.replied.count, g.replied.of, g.replied.share])).toEqual([
      ['Company site', 1, 2, null],
      ['LinkedIn', 1, 2, null],
      ['Referral', 2, 2, null],
      ['Recruiter', 0, 1, null],
      [null, 0, 1, null],
    ]);
    expect(response.byCompanySize.map((g) => [g.group, g.replied.count, g.replied.of])).toEqual([
      ['51-200', 1, 2],
      ['1001+', 0, 1],
    ]);
    expect(response.companySizeUnknown).toBe(5);
  });

  it('thank-yous: within 24 hours, within 48, late, missed, and still open, one per interviewer', async () => {
    const { thankYous } = await insights();
    expect(thankYous).toMatchObject({ within24h: 4, within48h: 1, late: 1, missed: 3, open: 1 });
    // The most recent first: K's unnamed interviewer, Ivan at Wayne, Dan at Globex.
    expect(thankYous.recentMissed).toEqual([
      { opportunityId: ids.K!.opportunityId, company: 'Tyrell', roundNumber: 1, interviewer: null, closedAt: '2026-10-14T16:00:00.000Z' },
      { opportunityId: ids.J!.opportunityId, company: 'Wayne', roundNumber: 1, interviewer: 'Ivan Silva', closedAt: '2026-10-11T16:00:00.000Z' },
      { opportunityId: ids.B!.opportunityId, company: 'Globex', roundNumber: 1, interviewer: 'Dan Patel', closedAt: '2026-10-08T16:00:00.000Z' },
    ]);
  });

  it('status checks against the day the planner gives, in the journal time zone', async () => {
    const { statusChecks } = await insights();
    // H 4 days early; B and J on the day; A and K a day late; F six days after its decision-date plan.
    expect(statusChecks).toEqual({ sent: 6, early: 1, onPlannedDay: 2, oneOrTwoDaysLate: 2, laterThanThat: 1 });
  });

  it('answers with a status check and without, among rounds still unanswered a week after', async () => {
    const { statusCheckEffect } = await insights();
    // Unanswered after 7 days: A1 B1 F1 J1 K1 had a check (A1 and J1 answered later); C1 had none (answered).
    expect(statusCheckEffect).toEqual({
      afterDays: 7,
      withCheck: { rounds: 5, answered: { count: 2, of: 5, share: 0.4 }, daysToAnswer: { n: 2, days: null } },
      withoutCheck: { rounds: 1, answered: { count: 1, of: 1, share: null }, daysToAnswer: { n: 1, days: null } },
    });
  });

  it('the move-on advice: taken, answered after all, skipped, still open', async () => {
    const { moveOn } = await insights();
    // Due 14 days after the unanswered check: B moved on, J's reply came after, F skipped it, K is silent.
    expect(moveOn).toEqual({ afterDays: 14, given: 4, taken: 1, answeredAfterAll: 1, closedOtherwise: 0, skipped: 1, stillOpen: 1 });
  });

  it('activity per week: rounds, letters sent, opportunities added, applications in play', async () => {
    const { activity } = await insights();
    expect(activity.unit).toBe('week');
    expect(activity.buckets.map((b) => [b.start, b.rounds, b.newOpportunities, b.inPlay])).toEqual([
      ['2026-10-01', 0, 4, 0],
      ['2026-10-05', 6, 3, 6],
      ['2026-10-12', 1, 0, 7],
      ['2026-10-19', 1, 0, 6], // C rejected on 20 October
      ['2026-10-26', 0, 0, 4], // A's offer, B moved on
      ['2026-11-02', 0, 0, 4],
      ['2026-11-09', 0, 1, 4],
      ['2026-11-16', 1, 0, 5], // D interviewed on 19 November
    ]);
    // Thank-yous and status checks, each in the week it was sent (New York time).
    expect(activity.buckets.map((b) => b.lettersSent)).toEqual([0, 5, 4, 3, 0, 0, 0, 0]);
  });

  it('the questions asked most, in at least two rounds, however they were written', async () => {
    const { questions } = await insights();
    expect(questions).toEqual({
      roundsWithQuestions: 4,
      top: [
        { question: 'Why do you want to work here?', rounds: 4, opportunities: 4 },
        { question: 'How do you prioritise?', rounds: 2, opportunities: 2 },
        { question: 'Tell me about a failure.', rounds: 2, opportunities: 2 },
      ],
    });
  });

  it('each figure alone gives what the whole answer gives', async () => {
    const all = await insights();
    const ctx = insightsContext({ db: core.db, now: new Date(NOW), timeZone: 'America/New_York', planner: DEFAULT_PLANNER_SETTINGS }, PERIOD, false);
    for (const [name, figure] of Object.entries(FIGURES)) expect(figure(ctx), name).toEqual(all[name as keyof typeof FIGURES]);
  });

  it('an undone thank-you no longer counts: Alice becomes missed', async () => {
    value(await core.call('events.undo', { ids: [alicesThanks] }));
    const { thankYous } = await insights();
    expect(thankYous).toMatchObject({ within24h: 3, missed: 4 });
    expect(thankYous.recentMissed.at(-1)).toMatchObject({ company: 'Acme', interviewer: 'Alice Ng' });
  });

  it('a shorter period leaves out what came before it', async () => {
    const { funnel, thankYous, statusChecks } = await insights({ period: 'last-30-days' });
    // From 22 October: only D was added, and only D's round took place (its thank-you window is open).
    expect(funnel.added).toBe(1);
    expect(thankYous).toMatchObject({ within24h: 0, within48h: 0, late: 0, open: 1 });
    expect(statusChecks.sent).toBe(0);
  });
});
