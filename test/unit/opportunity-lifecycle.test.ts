/**
 * An opportunity the user can see, change and remove: every field edited; archived (off the
 * board, the reminders and the due list, restorable); deleted with everything it holds, and
 * brought back whole by undo; a card with no date asks for it.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import type { ArchivedOpportunity, DeletedOpportunity } from '../../src/shared/calls/journal-calls';
import type { Board, BoardPatch } from '../../src/shared/contract';
import type { Action, Contact, OpportunityWithRounds } from '../../src/shared/domain';
import type { Letter } from '../../src/shared/letters';
import { saveReflection, tempDir } from './helpers';

let clock = new Date('2026-11-22T12:00:00Z');
const openCore = () => {
  clock = new Date('2026-11-22T12:00:00Z');
  return createCore({ dataDir: tempDir(), transport: 'http', now: () => clock });
};

async function value<T>(core: Core, name: string, input?: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** A card with a bit of everything: a round with two interviewers, a letter sent, a reflection, a snooze. */
async function fullCard(core: Core, company = 'Acme') {
  const alice = await value<Contact>(core, 'contacts.create', { name: `Alice of ${company}`, email: 'alice@example.test' });
  const opp = await value<OpportunityWithRounds>(core, 'opportunities.create', {
    company,
    role: 'Engineer',
    tags: ['remote'],
    firstRound: { startsAt: '2026-11-21T15:00:00Z', format: 'in-person', interviewerIds: [alice.id, { new: { name: `Bob of ${company}` } }] },
  });
  const round = opp.rounds[0]!;
  const [letter] = await value<Letter[]>(core, 'letters.draft', { roundId: round.id, kind: 'thank-you-email' });
  await value(core, 'letters.markSent', { id: letter!.id });
  await saveReflection(core, round.id, '## What went well\n- The system design part');
  await value(core, 'actions.snooze', { opportunityId: opp.id, key: `r${round.id}:linkedin-note:c${alice.id}`, until: '2026-11-25T10:00:00Z' });
  return { opp, round, alice };
}

/** Every row of a card, as the journal holds it (for comparing before and after). */
function rowsOf(core: Core, opportunityId: number) {
  const db = core.db;
  const rounds = db.prepare('SELECT id FROM rounds WHERE opportunity_id = ?').pluck().all(opportunityId) as number[];
  const inRounds = JSON.stringify(rounds);
  return {
    opportunity: db.prepare('SELECT * FROM opportunities WHERE id = ?').get(opportunityId),
    rounds: db.prepare('SELECT * FROM rounds WHERE opportunity_id = ? ORDER BY id').all(opportunityId),
    interviewers: db.prepare('SELECT * FROM round_interviewers WHERE round_id IN (SELECT value FROM json_each(?)) ORDER BY round_id, position').all(inRounds),
    events: db.prepare('SELECT * FROM events WHERE opportunity_id = ? ORDER BY id').all(opportunityId),
    states: db.prepare('SELECT * FROM action_states WHERE opportunity_id = ? ORDER BY action_key').all(opportunityId),
    reflections: db.prepare('SELECT round_id, body, revision FROM reflections WHERE round_id IN (SELECT value FROM json_each(?))').all(inRounds),
    letters: db.prepare('SELECT * FROM letters WHERE opportunity_id = ? ORDER BY id').all(opportunityId),
  };
}

describe('editing an opportunity', () => {
  it('changes every field of the model, and refuses tags listed twice without changing anything', async () => {
    const core = openCore();
    const { opp } = await fullCard(core);
    const patch = {
      company: 'Acme Corp',
      role: 'Staff Engineer',
      jobUrl: 'https://acme.test/jobs/1',
      location: 'Berlin',
      source: 'Referral',
      salaryNotes: '90–100k',
      notes: 'Ask about on-call',
      tags: ['remote', 'Rust'],
      companySize: '51-200',
      recruiterContactId: { new: { name: 'Rita Recruiter' } },
    };
    const updated = await value<OpportunityWithRounds>(core, 'opportunities.update', { id: opp.id, patch });
    const rita = (await value<Contact[]>(core, 'contacts.list')).find((c) => c.name === 'Rita Recruiter')!;
    expect(updated).toMatchObject({ ...patch, recruiterContactId: rita.id });
    expect(await core.call('opportunities.update', { id: opp.id, patch: { tags: ['Rust', 'rust'] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await value<OpportunityWithRounds>(core, 'opportunities.get', { id: opp.id })).tags).toEqual(['remote', 'Rust']);
    core.close();
  });
});

describe('archiving', () => {
  it('takes a card off the board (the patch says so), the reminders and the due list, and brings it back', async () => {
    const core = openCore();
    const { opp } = await fullCard(core);
    const other = await value<OpportunityWithRounds>(core, 'opportunities.create', { company: 'Globex', role: 'Analyst' });
    expect((await value<{ first: Action[] }>(core, 'reminders.due')).first.some((a) => a.opportunityId === opp.id)).toBe(true);

    const archived = await core.call('opportunities.archive', { id: opp.id });
    expect(archived).toMatchObject({ ok: true, value: { archivedAt: clock.toISOString() }, patch: { removed: [opp.id], cards: [] } });
    expect((await value<Board>(core, 'board.get')).cards.map((c) => c.id)).toEqual([other.id]);
    expect((await value<{ first: Action[] }>(core, 'reminders.due')).first.some((a) => a.opportunityId === opp.id)).toBe(false);
    expect(core.planEverything().has(opp.id)).toBe(false);
    expect(await value<ArchivedOpportunity[]>(core, 'opportunities.archived')).toEqual([
      { id: opp.id, company: 'Acme', role: 'Engineer', archivedAt: clock.toISOString(), stage: 'scheduled', closedReason: null },
    ]);
    // Another window asking for the card's patch is told it is gone too.
    expect(await value<BoardPatch>(core, 'board.cards', { ids: [opp.id] })).toMatchObject({ cards: [], removed: [opp.id] });
    expect(await core.call('opportunities.archive', { id: opp.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const restored = await core.call('opportunities.unarchive', { id: opp.id });
    expect(restored).toMatchObject({ ok: true, value: { archivedAt: null }, patch: { removed: [], cards: [{ id: opp.id }] } });
    expect((await value<Board>(core, 'board.get')).cards.map((c) => c.id).sort()).toEqual([opp.id, other.id].sort());
    expect(await value<ArchivedOpportunity[]>(core, 'opportunities.archived')).toEqual([]);
    core.close();
  });

  it('takes a closed card out of the Closed column and its count, and brings it back', async () => {
    const core = openCore();
    const closed = await value<OpportunityWithRounds>(core, 'opportunities.create', { company: 'Initech', role: 'Engineer' });
    await value(core, 'board.move', { opportunityId: closed.id, to: 'closed', closedReason: 'withdrawn' });
    const page = () => value<{ cards: { id: number }[] }>(core, 'board.closed', {});
    expect((await value<Board>(core, 'board.get')).closedCount).toBe(1);
    expect((await page()).cards.map((c) => c.id)).toEqual([closed.id]);

    const archived = await core.call('opportunities.archive', { id: closed.id });
    expect(archived).toMatchObject({ ok: true, patch: { closedCount: 0 } });
    expect((await value<Board>(core, 'board.get')).closedCount).toBe(0);
    expect((await page()).cards).toEqual([]);

    expect(await core.call('opportunities.unarchive', { id: closed.id })).toMatchObject({ ok: true, patch: { closedCount: 1 } });
    expect((await value<Board>(core, 'board.get')).closedCount).toBe(1);
    expect((await page()).cards.map((c) => c.id)).toEqual([closed.id]);
    core.close();
  });
});

describe('deleting, and undoing it', () => {
  it('takes the card and all it holds, says what it held, and undo brings every row back as it was', async () => {
    const core = openCore();
    const { opp } = await fullCard(core);
    const before = rowsOf(core, opp.id);
    expect(await value(core, 'opportunities.contents', { id: opp.id })).toEqual({ rounds: 1, events: 1, letters: 2, reflections: 1 });

    const deleted = await core.call('opportunities.delete', { id: opp.id });
    expect(deleted).toMatchObject({ ok: true, value: { deleted: opp.id }, patch: { removed: [opp.id] } });
    const { deletionId } = (deleted as { value: { deletionId: number } }).value;
    expect(core.db.prepare('SELECT count(*) FROM rounds').pluck().get()).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM letters').pluck().get()).toBe(0);
    expect(await value<DeletedOpportunity[]>(core, 'opportunities.deleted')).toMatchObject([
      { deletionId, opportunityId: opp.id, company: 'Acme', rounds: 1, events: 1, letters: 2, reflections: 1 },
    ]);

    const undone = await core.call('opportunities.undoDelete', { deletionId });
    expect(undone).toMatchObject({ ok: true, value: { id: opp.id, company: 'Acme' }, patch: { cards: [{ id: opp.id }] } });
    expect(rowsOf(core, opp.id)).toEqual(before);
    // Found by the reflection search again (its full-text index follows the rows).
    expect(await value<{ roundId: number }[]>(core, 'reflections.search', { query: 'system design' })).toMatchObject([{ roundId: opp.rounds[0]!.id }]);
    expect(await value(core, 'opportunities.deleted')).toEqual([]);
    expect(await core.call('opportunities.undoDelete', { deletionId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    core.close();
  });

  it('brings a card back under new ids when newer rows took its old ones, its action states following its round', async () => {
    const core = openCore();
    const { opp, round, alice } = await fullCard(core);
    const { deletionId } = await value<{ deletionId: number }>(core, 'opportunities.delete', { id: opp.id });
    // The newest ids are free again: a new card takes them.
    const newer = await value<OpportunityWithRounds>(core, 'opportunities.create', {
      company: 'Newer',
      role: 'Dev',
      firstRound: { startsAt: '2026-11-21T15:00:00Z', format: 'video' },
    });
    expect(newer.id).toBe(opp.id);
    expect(newer.rounds[0]!.id).toBe(round.id);

    const back = await value<OpportunityWithRounds>(core, 'opportunities.undoDelete', { deletionId });
    expect(back.id).not.toBe(opp.id);
    expect(back.company).toBe('Acme');
    const newRound = back.rounds[0]!;
    expect(newRound.id).not.toBe(round.id);
    expect(newRound.interviewerIds[0]).toBe(alice.id);
    const actions = await value<Action[]>(core, 'actions.forOpportunity', { opportunityId: back.id });
    expect(actions.find((a) => a.key === `r${newRound.id}:linkedin-note:c${alice.id}`)?.status).toBe('snoozed');
    expect(actions.find((a) => a.kind === 'thank-you' && a.recipient?.contactId === alice.id)?.status).toBe('done');
    expect((await value<Letter[]>(core, 'letters.list', { opportunityId: back.id })).map((l) => l.roundId)).toEqual([newRound.id, newRound.id]);
    // The newer card kept what is its own.
    expect((await value<OpportunityWithRounds>(core, 'opportunities.get', { id: newer.id })).company).toBe('Newer');
    core.close();
  });

  it('keeps a deleted card 30 days, then forgets it', async () => {
    const core = openCore();
    const first = await value<OpportunityWithRounds>(core, 'opportunities.create', { company: 'Old', role: 'Dev' });
    await value(core, 'opportunities.delete', { id: first.id });
    clock = new Date(clock.getTime() + 31 * 86_400_000);
    expect(await value(core, 'opportunities.deleted')).toEqual([]);
    const second = await value<OpportunityWithRounds>(core, 'opportunities.create', { company: 'Later', role: 'Dev' });
    await value(core, 'opportunities.delete', { id: second.id });
    expect(core.db.prepare('SELECT company FROM deleted_opportunities').pluck().all()).toEqual(['Later']);
    core.close();
  });
});

describe('a card with no date yet', () => {
  it('asks for the date of the interview, a day after it was added, until a round is added', async () => {
    const core = openCore();
    const opp = await value<OpportunityWithRounds>(core, 'opportunities.create', { company: 'Initech', role: 'TPS' });
    const [ask] = await value<Action[]>(core, 'actions.forOpportunity', { opportunityId: opp.id });
    expect(ask).toMatchObject({ kind: 'add-round-date', key: 'o:add-round-date', due: '2026-11-23T12:00:00.000Z', status: 'pending', recipient: null });
    expect(ask!.why).toMatch(/no interview date/);
    expect((await value<Board>(core, 'board.get')).cards[0]).toMatchObject({ column: 'upcoming', round: null, nextAction: { kind: 'add-round-date' } });
    // It is done by adding the round, not by a click on Done.
    expect(await core.call('actions.complete', { opportunityId: opp.id, key: 'o:add-round-date' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    await value(core, 'rounds.create', { opportunityId: opp.id, startsAt: '2026-11-24T15:00:00Z', format: 'video' });
    expect((await value<Action[]>(core, 'actions.forOpportunity', { opportunityId: opp.id })).some((a) => a.kind === 'add-round-date')).toBe(false);
    core.close();
  });
});
