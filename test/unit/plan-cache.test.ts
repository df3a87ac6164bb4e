/**
 * The plan cache is kept in step by the stores that write, not by events: a store built on the
 * journal with no one listening still makes the cache forget the card it wrote to. A write that
 * goes around the stores (raw SQL) is seen too: the journal's triggers mark the card (migration
 * 10). Plans are kept in the journal, so a new process reads them back instead of planning every
 * card again, and closed cards are never planned.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { ContactStore } from '../../src/main/core/people/contact-store';
import { FOREVER, PlanCache } from '../../src/main/core/planner/plan-cache';
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
  const cache = new PlanCache(core.db, 'test');
  const people = new ContactStore(core.db, () => NOW, cache);
  const timeline = new TimelineStore(core.db, () => NOW, people, cache);
  const ctx = { settings: PLANNER_PRESETS.standard, timeZone: 'America/New_York', now: NOW };
  const open = (c = ctx): readonly Action[] => cache.actions([opp.id], c).get(opp.id) ?? [];
  return { core, cache, people, timeline, ctx, open, opportunityId: opp.id, roundId: opp.rounds[0]!.id, aliceId: alice.id };
}

describe('the plan cache', () => {
  it('says which cards changed since a revision, and that it cannot say once every plan was dropped', async () => {
    const { core, cache, timeline, ctx, opportunityId, roundId, aliceId } = await journalWithOneCard();
    cache.open(ctx);
    const seen = cache.revision();
    expect(cache.changedSince(seen)).toEqual([]);
    timeline.record([{ opportunityId, roundId, contactId: aliceId, kind: 'thank_you_sent', channel: 'email', occurredAt: NOW.toISOString(), note: null }]);
    cache.open(ctx);
    expect(cache.revision()).toBeGreaterThan(seen);
    expect(cache.changedSince(seen)).toEqual([opportunityId]);
    expect(cache.changedSince(cache.revision())).toEqual([]);
    const before = cache.revision();
    cache.invalidate();
    cache.open(ctx);
    expect(cache.changedSince(before)).toBeNull();
    core.close();
  });

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

  it('sees a write that goes around the stores at once: the journal marks the card', async () => {
    const { core, open, opportunityId, roundId, aliceId } = await journalWithOneCard();
    expect(open().some((a) => a.kind === 'thank-you')).toBe(true);
    core.db
      .prepare("INSERT INTO events (opportunity_id, round_id, contact_id, kind, channel, occurred_at, created_at) VALUES (?, ?, ?, 'thank_you_sent', 'email', ?, ?)")
      .run(opportunityId, roundId, aliceId, NOW.toISOString(), NOW.toISOString());
    expect(open().some((a) => a.kind === 'thank-you')).toBe(false);
    core.close();
  });

  it('plans a card again when time alone changes its plan (a window closes), and only then', async () => {
    const { core, cache, ctx, opportunityId } = await journalWithOneCard();
    const first = cache.open(ctx).get(opportunityId)!;
    expect(first.next?.kind).toBe('write-reflection');
    // Nothing changed and no window closed: the very same plan.
    expect(cache.open({ ...ctx, now: new Date(NOW.getTime() + 60_000) }).get(opportunityId)).toBe(first);
    // Past the thank-you's 48 hours, it is gone from the plan.
    const later = cache.open({ ...ctx, now: new Date(Date.parse('2026-11-22T21:00:00.000Z') + 60_000) }).get(opportunityId)!;
    expect(later).not.toBe(first);
    expect(later.actions!.some((a) => a.kind === 'thank-you')).toBe(false);
    core.close();
  });

  it('keeps the plans in the journal: a new process reads them back instead of planning', async () => {
    const { core, cache, ctx, opportunityId } = await journalWithOneCard();
    const before = cache.open(ctx).get(opportunityId)!;
    cache.save();
    expect(core.db.prepare('SELECT valid_until, due_at FROM card_plans WHERE opportunity_id = ?').get(opportunityId)).toEqual({
      valid_until: new Date(before.validUntil).toISOString(),
      due_at: new Date(before.dueAt!).toISOString(),
    });
    const again = new PlanCache(core.db, 'test').open(ctx).get(opportunityId)!;
    // Read back, not planned: only the summary, the same next action.
    expect(again.actions).toBeNull();
    expect(again.next).toEqual(before.next);
    // Another version of Afterword, or other settings, plan afresh.
    expect(new PlanCache(core.db, 'another version').open(ctx).get(opportunityId)!.actions).not.toBeNull();
    core.close();
  });

  it('writes a plan back only over the version it was made from', async () => {
    const { core, cache, ctx, opportunityId } = await journalWithOneCard();
    cache.open(ctx);
    // A change after the plan was made and before it was written back: the row stays marked.
    core.db.prepare("UPDATE opportunities SET role = 'Staff Engineer' WHERE id = ?").run(opportunityId);
    cache.save();
    expect(core.db.prepare('SELECT valid_until FROM card_plans WHERE opportunity_id = ?').pluck().get(opportunityId)).toBe('');
    core.close();
  });

  it('never plans a closed card: it leaves when it closes and comes back when reopened', async () => {
    const { core, cache, ctx, timeline, opportunityId, roundId } = await journalWithOneCard();
    expect(cache.open(ctx).has(opportunityId)).toBe(true);
    const [closing] = timeline.record([{ opportunityId, roundId, contactId: null, kind: 'withdrawn', channel: null, occurredAt: NOW.toISOString(), note: null }]);
    expect(cache.open(ctx).has(opportunityId)).toBe(false);
    cache.save();
    expect(core.db.prepare('SELECT valid_until, next_action FROM card_plans WHERE opportunity_id = ?').get(opportunityId)).toEqual({ valid_until: FOREVER, next_action: null });
    timeline.undo([closing!.id]);
    expect(cache.open(ctx).get(opportunityId)?.next?.kind).toBe('write-reflection');
    core.close();
  });
});
