/**
 * Guidance where the planner's dated rules stop: after a reply, after an offer
 * (docs/follow-up-rules.md "After a reply, after an offer"). Hand-made journals, through the core's
 * calls, and the pure function on facts written out here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { guidanceFor } from '../../src/main/core/planner/guidance';
import type { GuidanceInput } from '../../src/main/core/planner/guidance';
import type { CardGuidance } from '../../src/shared/calls/planner-calls';
import type { Action } from '../../src/shared/domain';
import { tempDir } from './helpers';

type Ok<T> = { ok: true; value: T };
const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as Ok<T>).value;
};

const cores: { close(): void }[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

function setup(nowIso: string) {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'Europe/London' }));
  let now = new Date(nowIso);
  const core = createCore({ dataDir: dir, transport: 'http', now: () => now });
  cores.push(core);
  return { core, setNow: (iso: string) => (now = new Date(iso)) };
}

type Core = ReturnType<typeof setup>['core'];

/** A card interviewed on 2 November 2026, its one interviewer thanked: it sits in Thanked. */
async function thankedCard(core: Core, company = 'Acme', decisionDate?: string) {
  const alice = value<{ id: number }>(await core.call('contacts.create', { name: 'Alice Ng', email: 'alice@acme.example' })).id;
  const o = value<{ id: number; rounds: { id: number }[] }>(
    await core.call('opportunities.create', {
      company,
      role: 'Engineer',
      firstRound: { startsAt: '2026-11-02T10:00:00Z', format: 'video', interviewerIds: [alice], ...(decisionDate ? { decisionDate } : {}) },
    }),
  );
  const thanks = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId: o.id })).find((a) => a.kind === 'thank-you')!;
  await core.call('actions.complete', { opportunityId: o.id, key: thanks.key, occurredAt: '2026-11-02T15:00:00Z' });
  return { opportunityId: o.id, roundId: o.rounds[0]!.id };
}

const guidance = async (core: Core, opportunityId: number) => value<{ guidance: CardGuidance | null }>(await core.call('actions.guidance', { opportunityId })).guidance;
const ids = (g: CardGuidance | null) => g?.steps.map((s) => s.id);

describe('after a reply', () => {
  it('a Thanked card with a reply a month ago no longer says nothing: it says what the reply means and what to do', async () => {
    const { core } = setup('2026-12-10T09:00:00Z');
    const { opportunityId } = await thankedCard(core);
    expect(await guidance(core, opportunityId)).toBeNull(); // waiting: the planner's status check says it all
    const open = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).filter((a) => a.status === 'pending');
    expect(open.map((a) => a.kind)).toContain('status-check');

    await core.call('events.record', { opportunityId, kind: 'reply_received', occurredAt: '2026-11-09T11:00:00Z' });
    // The reply ends the waiting: no dated action is left, which is what used to say "Nothing to do".
    const after = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).filter((a) => a.status === 'pending' || a.status === 'snoozed');
    expect(after).toEqual([]);
    const g = await guidance(core, opportunityId);
    expect(g?.situation).toBe('reply');
    expect(g?.meaning).toContain('ends the waiting for round 1');
    expect(ids(g)).toEqual(['answer-reply', 'add-next-round', 'prepare-next-round', 'record-outcome']);
    // A month later the day to answer is long past: it says so, with no stale date.
    expect(g?.steps[0]).toMatchObject({ due: null });
    expect(g?.steps[0]?.text).toMatch(/answer today/);
    expect(g?.steps[2]?.text).toContain('reflection on round 1');
    expect(g?.source).toBe('common career advice');
  });

  it('a fresh reply is answered within a day of it; an undone reply and a new round take the guidance away', async () => {
    const { core, setNow } = setup('2026-11-09T12:00:00Z');
    const { opportunityId } = await thankedCard(core);
    const reply = value<{ id: number }>(await core.call('events.record', { opportunityId, kind: 'reply_received', occurredAt: '2026-11-09T11:00:00Z' }));
    const g = await guidance(core, opportunityId);
    expect(g?.steps[0]).toMatchObject({ id: 'answer-reply', due: '2026-11-10T11:00:00.000Z' });
    expect(g?.steps[0]?.text).toMatch(/^Answer within a day/);

    await core.call('events.undo', { ids: [reply.id] });
    expect(await guidance(core, opportunityId)).toBeNull();

    await core.call('events.record', { opportunityId, kind: 'reply_received', occurredAt: '2026-11-09T11:30:00Z' });
    expect(await guidance(core, opportunityId)).not.toBeNull();
    // The next round is added: the card is Upcoming, its own plan takes over.
    await core.call('rounds.create', { opportunityId, startsAt: '2026-11-16T10:00:00Z', format: 'in-person' });
    expect(await guidance(core, opportunityId)).toBeNull();
    // Once that round has happened, the earlier reply is about round 1, not this one.
    setNow('2026-11-17T09:00:00Z');
    expect(await guidance(core, opportunityId)).toBeNull();
  });
});

describe('after an offer', () => {
  it('asks for the deadline until it is recorded, then names it; lists the questions; compares with the other offers', async () => {
    const { core } = setup('2026-11-20T09:00:00Z');
    const acme = await thankedCard(core, 'Acme', '2026-11-06');
    await core.call('events.record', { opportunityId: acme.opportunityId, roundId: acme.roundId, kind: 'offer_received', occurredAt: '2026-11-19T16:00:00Z' });
    let g = await guidance(core, acme.opportunityId);
    expect(g?.situation).toBe('offer');
    // The decision date before the offer was the employer's, not the deadline of the answer.
    expect(g?.deadline).toBeNull();
    expect(ids(g)).toEqual(['thank-for-offer', 'record-deadline', 'ask-questions', 'tell-others']);
    expect(g?.steps[0]?.due).toBe('2026-11-20T16:00:00.000Z');
    expect(g?.questions.length).toBeGreaterThanOrEqual(5);
    expect(g?.roundId).toBe(acme.roundId);

    // The user records the date they must answer by, on the round the offer followed.
    await core.call('rounds.update', { id: acme.roundId, patch: { decisionDate: '2026-11-27' } });
    g = await guidance(core, acme.opportunityId);
    expect(g?.deadline).toBe('2026-11-27');
    expect(g?.steps[1]).toMatchObject({ id: 'answer-by' });
    expect(g?.steps[1]?.text).toContain('Friday 27 November');

    // A second offer: each card now says to compare with the other.
    const globex = await thankedCard(core, 'Globex');
    await core.call('events.record', { opportunityId: globex.opportunityId, roundId: globex.roundId, kind: 'offer_received', occurredAt: '2026-11-19T18:00:00Z' });
    g = await guidance(core, acme.opportunityId);
    expect(g?.steps.at(-1)).toMatchObject({ id: 'compare-offers' });
    expect(g?.steps.at(-1)?.text).toContain('Globex');
    expect(g?.otherOffers).toEqual(['Globex (Engineer)']);
  });

  it('a deadline that has passed says to answer today; a closed card gets no guidance', async () => {
    const { core } = setup('2026-12-01T09:00:00Z');
    const { opportunityId, roundId } = await thankedCard(core);
    await core.call('events.record', { opportunityId, roundId, kind: 'offer_received', occurredAt: '2026-11-19T16:00:00Z' });
    await core.call('rounds.update', { id: roundId, patch: { decisionDate: '2026-11-27' } });
    const g = await guidance(core, opportunityId);
    expect(g?.steps[0]?.due).toBeNull(); // the day to thank them is past
    expect(g?.steps[1]?.text).toMatch(/was due Friday 27 November.*today/);
    await core.call('events.record', { opportunityId, roundId, kind: 'accepted_elsewhere' });
    expect(await guidance(core, opportunityId)).toBeNull();
  });

  it('an unknown card is refused with a clear message', async () => {
    const { core } = setup('2026-12-01T09:00:00Z');
    expect(await core.call('actions.guidance', { opportunityId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('guidanceFor on facts alone', () => {
  const base: GuidanceInput = {
    stage: 'followed_up',
    rounds: [{ id: 1, number: 2, startsAt: '2026-11-02T10:00:00Z', decisionDate: null }],
    events: [],
    otherOffers: [],
  };
  it('a reply before the latest round started answered an earlier round: no guidance from it', () => {
    const g = guidanceFor({ ...base, events: [{ kind: 'reply_received', occurredAt: '2026-11-01T10:00:00Z', undoneAt: null }] }, new Date('2026-11-05T10:00:00Z'), 'UTC');
    expect(g).toBeNull();
  });
  it('a Followed-up card with a reply names the round it is about', () => {
    const g = guidanceFor({ ...base, events: [{ kind: 'reply_received', occurredAt: '2026-11-04T10:00:00Z', undoneAt: null }] }, new Date('2026-11-04T12:00:00Z'), 'UTC');
    expect(g?.meaning).toContain('round 2');
    expect(g?.steps[0]?.due).toBe('2026-11-05T10:00:00.000Z');
  });
  it('an offer whose event was undone gives nothing', () => {
    const g = guidanceFor({ ...base, stage: 'offer', events: [{ kind: 'offer_received', occurredAt: '2026-11-04T10:00:00Z', undoneAt: '2026-11-04T10:05:00Z' }] }, new Date('2026-11-05T10:00:00Z'), 'UTC');
    expect(g).toBeNull();
  });
});
