/**
 * The plan cache is kept in step by the stores that write, not by events: a store built on the
 * journal with no one listening still makes the cache forget the card it wrote to. A write that
 * goes around the stores (raw SQL) is not seen until the plan expires, which shows the cache does
 * cache.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { ContactStore } from '../../src/main/core/people/contact-store';
import { PlanCache } from '../../src/main/core/planner/plan-cache';
import { TimelineStore } from '../../src/main/core/timeline/timeline';
import { PLANNER_PRESETS } from '../../src/shared/settings';
import type { Action } from '../../src/shared/domain';
import { tempDir } from './helpers';

const NOW = new Date('2026-11-20T22:00:00Z');
const value = <T>(r: unknown): T => (r as { value: T }).value;

async function journalWithOneCard() {
  const core = createCore({ dataDir: tempDir(), transport: 'http', now: () => NOW });
  const alice = value<{ id: number }>(await core.call('contacts.create', { name: 'Alice Ng' }));
  const opp = value<{ id: number; rounds: { id: number }[] }>(
    await core.call('opportunities.create', {
      company: 'Acme',
      role: 'Engineer',
      firstRound: { startsAt: '2026-11-20T15:00:00-05:00', format: 'video', interviewerIds: [alice.id], decisionDate: '2026-12-02' },
    }),
  );
  const cache = new PlanCache(core.db);
  const people = new ContactStore(core.db, () => NOW, cache);
  const timeline = new TimelineStore(core.db, () => NOW, people, cache);
  const ctx = { settings: PLANNER_PRESETS.standard, timeZone: 'America/New_York', now: NOW };
  const open = (c = ctx): Action[] => cache.planAll(c).get(opp.id) ?? [];
  return { core, cache, people, timeline, ctx, open, opportunityId: opp.id, roundId: opp.rounds[0]!.id, aliceId: alice.id };
}

describe('the plan cache', () => {
  it('forgets a card when the timeline writes to it, with no event sent', async () => {
    const { core, timeline, open, opportunityId, roundId, aliceId } = await journalWithOneCard();
    expect(open().some((a) => a.kind === 'thank-you')).toBe(true);
    timeline.record([{ opportunityId, roundId, contactId: aliceId, kind: 'thank_you_sent', channel: 'email', occurredAt: NOW.toISOString(), note: null }]);
    expect(open().some((a) => a.kind === 'thank-you')).toBe(false);
    core.close();
  });

  it('forgets a card when an action is snoozed or its state cleared', async () => {
    const { core, timeline, open, opportunityId } = await journalWithOneCard();
    const thanks = open().find((a) => a.kind === 'thank-you')!;
    timeline.setState(opportunityId, thanks.key, 'snoozed', '2026-11-21T12:00:00.000Z');
    expect(open().find((a) => a.key === thanks.key)!.snoozedUntil).toBe('2026-11-21T12:00:00.000Z');
    timeline.clearState(opportunityId, thanks.key);
    expect(open().find((a) => a.key === thanks.key)!.snoozedUntil).toBeNull();
    core.close();
  });

  it('forgets every card when a contact is renamed (names are in the plans)', async () => {
    const { core, people, open, aliceId } = await journalWithOneCard();
    expect(open().find((a) => a.kind === 'thank-you')!.recipient!.name).toBe('Alice Ng');
    people.update(aliceId, { name: 'Alice Nguyen' });
    expect(open().find((a) => a.kind === 'thank-you')!.recipient!.name).toBe('Alice Nguyen');
    core.close();
  });

  it('plans afresh when the planner settings change', async () => {
    const { core, open, ctx } = await journalWithOneCard();
    const standard = open().find((a) => a.kind === 'status-check')!.due;
    const patient = open({ ...ctx, settings: PLANNER_PRESETS.patient }).find((a) => a.kind === 'status-check')!.due;
    expect(patient > standard).toBe(true);
    core.close();
  });

  it('keeps a plan across a write that goes around the stores, until the plan expires', async () => {
    const { core, open, ctx, opportunityId, roundId, aliceId } = await journalWithOneCard();
    expect(open().some((a) => a.kind === 'thank-you')).toBe(true);
    core.db
      .prepare("INSERT INTO events (opportunity_id, round_id, contact_id, kind, channel, occurred_at, created_at) VALUES (?, ?, ?, 'thank_you_sent', 'email', ?, ?)")
      .run(opportunityId, roundId, aliceId, NOW.toISOString(), NOW.toISOString());
    expect(open().some((a) => a.kind === 'thank-you')).toBe(true);
    const later = { ...ctx, now: new Date(NOW.getTime() + PlanCache.MAX_AGE_MS) };
    expect(open(later).some((a) => a.kind === 'thank-you')).toBe(false);
    core.close();
  });
});
