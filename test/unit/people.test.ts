/**
 * People: new people typed into a form are created with it and only with it; a person's details
 * are edited; two contacts who are one person are merged, everything that named either now names
 * one; a removed person leaves their name on what named them; a person's history is exactly what
 * the journal holds for them.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import { generateJournal, prng } from '../../src/main/core/demo/journal-generator';
import type { PersonHistory } from '../../src/shared/calls/people-calls';
import type { Contact, OpportunityWithRounds, Round } from '../../src/shared/domain';
import type { Letter } from '../../src/shared/letters';
import { tempDir } from './helpers';

const NOW = new Date('2026-11-22T12:00:00Z');
const openCore = () => createCore({ dataDir: tempDir(), transport: 'http', now: () => NOW });

async function value<T>(core: Core, name: string, input?: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
const contactCount = (core: Core) => core.db.prepare('SELECT count(*) FROM contacts').pluck().get() as number;

describe('new people in a form', () => {
  it('are created with the opportunity, in its transaction, once each even when named twice', async () => {
    const core = openCore();
    const created = await value<OpportunityWithRounds>(core, 'opportunities.create', {
      company: 'Acme',
      role: 'Engineer',
      recruiterContactId: { new: { name: 'Rita Recruiter', email: 'rita@acme.test' } },
      firstRound: {
        startsAt: '2026-11-20T15:00:00Z',
        format: 'video',
        interviewerIds: [{ new: { name: 'Alice Ng', title: 'Lead' } }, { new: { name: 'Bob Ortiz' } }],
        // The recruiter who arranged the round, typed again in the same form: the same new person.
        arrangedByContactId: { new: { name: 'rita recruiter' } },
      },
    });
    const people = await value<Contact[]>(core, 'contacts.list');
    expect(people.map((p) => p.name)).toEqual(['Alice Ng', 'Bob Ortiz', 'Rita Recruiter']);
    // The call says it changed the contacts, so every page's list of people is asked again.
    const seen: unknown[] = [];
    core.subscribe((e) => seen.push(e));
    await value(core, 'opportunities.create', { company: 'Globex', role: 'Analyst', recruiterContactId: { new: { name: 'Sam Lee' } } });
    const samId = (await value<Contact[]>(core, 'contacts.list')).find((p) => p.name === 'Sam Lee')!.id;
    expect(seen).toMatchObject([{ type: 'journal.changed', contactIds: [samId] }]);
    const byName = new Map(people.map((p) => [p.name, p.id]));
    expect(created.recruiterContactId).toBe(byName.get('Rita Recruiter'));
    expect(created.rounds[0]).toMatchObject({ interviewerIds: [byName.get('Alice Ng'), byName.get('Bob Ortiz')], arrangedByContactId: byName.get('Rita Recruiter') });
    expect(people.find((p) => p.name === 'Alice Ng')).toMatchObject({ title: 'Lead', email: null, removedAt: null });
    core.close();
  });

  it('are not created when the form is refused', async () => {
    const core = openCore();
    const result = await core.call('opportunities.create', {
      company: 'Acme',
      role: 'Engineer',
      firstRound: { startsAt: '2026-11-20T15:00:00Z', format: 'video', interviewerIds: [{ new: { name: 'Alice Ng' } }, 99_999] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(contactCount(core)).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM opportunities').pluck().get()).toBe(0);
    core.close();
  });

  it('are created by a round added or edited later, and by the next round of a move', async () => {
    const core = openCore();
    const opportunity = await value<OpportunityWithRounds>(core, 'opportunities.create', { company: 'Acme', role: 'Engineer' });
    const round = await value<Round>(core, 'rounds.create', { opportunityId: opportunity.id, startsAt: '2026-11-20T15:00:00Z', format: 'video', interviewerIds: [{ new: { name: 'Carla Diaz' } }] });
    const carla = round.interviewerIds[0]!;
    const edited = await value<Round>(core, 'rounds.update', { id: round.id, patch: { interviewerIds: [carla, { new: { name: 'Deepak Patel' } }] } });
    expect(edited.interviewerIds).toHaveLength(2);
    await value(core, 'board.move', {
      opportunityId: opportunity.id,
      to: 'upcoming',
      nextRound: { startsAt: '2026-12-01T15:00:00Z', format: 'phone', arrangedByContactId: { new: { name: 'Elena Rossi' } } },
    });
    expect((await value<Contact[]>(core, 'contacts.list')).map((c) => c.name)).toEqual(['Carla Diaz', 'Deepak Patel', 'Elena Rossi']);
    core.close();
  });
});

describe('editing, merging and removing people', () => {
  async function twoCards(core: Core) {
    const alice = await value<Contact>(core, 'contacts.create', { name: 'Alice Ng', email: 'alice@acme.test' });
    const alice2 = await value<Contact>(core, 'contacts.create', { name: 'A. Ng', phone: '+1 555 0100', notes: 'Met at the meetup' });
    const bob = await value<Contact>(core, 'contacts.create', { name: 'Bob Ortiz' });
    const acme = await value<OpportunityWithRounds>(core, 'opportunities.create', {
      company: 'Acme',
      role: 'Engineer',
      firstRound: { startsAt: '2026-11-20T15:00:00Z', format: 'in-person', interviewerIds: [alice.id, bob.id] },
    });
    const globex = await value<OpportunityWithRounds>(core, 'opportunities.create', {
      company: 'Globex',
      role: 'Analyst',
      recruiterContactId: alice2.id,
      firstRound: { startsAt: '2026-11-21T15:00:00Z', format: 'video', interviewerIds: [alice2.id] },
    });
    return { alice, alice2, bob, acme, globex };
  }

  it('edits every field of a person, and refuses what is not valid without changing anything', async () => {
    const core = openCore();
    const { alice } = await twoCards(core);
    const edited = await value<Contact>(core, 'contacts.update', {
      id: alice.id,
      patch: { title: 'CTO', company: 'Acme', phone: '+1 555 0199', linkedinUrl: 'https://www.linkedin.com/in/alice', notes: 'Likes Rust' },
    });
    expect(edited).toMatchObject({ name: 'Alice Ng', email: 'alice@acme.test', title: 'CTO', company: 'Acme', notes: 'Likes Rust' });
    expect(await core.call('contacts.update', { id: alice.id, patch: { email: 'not an address' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await value<Contact[]>(core, 'contacts.list')).find((c) => c.id === alice.id)?.email).toBe('alice@acme.test');
    core.close();
  });

  it('merges two contacts: rounds, letters, events, recruiter and action states of both name the one kept', async () => {
    const core = openCore();
    const { alice, alice2, bob, acme, globex } = await twoCards(core);
    const [acmeLetter] = await value<Letter[]>(core, 'letters.draft', { roundId: acme.rounds[0]!.id, kind: 'thank-you-email' });
    const globexLetters = await value<Letter[]>(core, 'letters.draft', { roundId: globex.rounds[0]!.id, kind: 'thank-you-email' });
    await value(core, 'letters.markSent', { id: globexLetters[0]!.id });
    await value(core, 'actions.snooze', { opportunityId: globex.id, key: `r${globex.rounds[0]!.id}:linkedin-note:c${alice2.id}`, until: '2026-11-30T10:00:00Z' });

    const merged = await core.call('contacts.merge', { keepId: alice.id, mergeId: alice2.id });
    expect(merged).toMatchObject({ ok: true, value: { id: alice.id, name: 'Alice Ng', email: 'alice@acme.test', phone: '+1 555 0100', notes: 'Met at the meetup' } });
    // Both cards were patched on the board: the merged person's cards are among the changes.
    expect((merged as { changes?: { opportunityIds: readonly number[] } }).changes?.opportunityIds).toContain(globex.id);

    const db = core.db;
    expect(db.prepare('SELECT count(*) FROM contacts WHERE id = ?').pluck().get(alice2.id)).toBe(0);
    expect(db.prepare('SELECT contact_id FROM round_interviewers WHERE round_id = ?').pluck().all(globex.rounds[0]!.id)).toEqual([alice.id]);
    expect(db.prepare('SELECT recruiter_contact_id FROM opportunities WHERE id = ?').pluck().get(globex.id)).toBe(alice.id);
    expect(db.prepare('SELECT DISTINCT contact_id FROM letters WHERE contact_id IN (?, ?)').pluck().all(alice.id, alice2.id)).toEqual([alice.id]);
    expect(db.prepare('SELECT contact_id FROM events WHERE kind = ?').pluck().all('thank_you_sent')).toEqual([alice.id]);
    expect(db.prepare('SELECT action_key FROM action_states WHERE opportunity_id = ?').pluck().all(globex.id)).toEqual([`r${globex.rounds[0]!.id}:linkedin-note:c${alice.id}`]);
    // The snoozed LinkedIn note is still snoozed, now as Alice's.
    const actions = await value<{ key: string; status: string }[]>(core, 'actions.forOpportunity', { opportunityId: globex.id });
    expect(actions.find((a) => a.key === `r${globex.rounds[0]!.id}:linkedin-note:c${alice.id}`)?.status).toBe('snoozed');
    const history = await value<PersonHistory>(core, 'contacts.history', { id: alice.id });
    expect(history.rounds.map((r) => r.company)).toEqual(['Acme', 'Globex']);
    expect(acmeLetter!.contactId).toBe(alice.id);
    void bob;
    core.close();
  });

  it('merges two people who sat in the same round into one interviewer', async () => {
    const core = openCore();
    const a = await value<Contact>(core, 'contacts.create', { name: 'Alice Ng' });
    const b = await value<Contact>(core, 'contacts.create', { name: 'Alice N.' });
    const opp = await value<OpportunityWithRounds>(core, 'opportunities.create', {
      company: 'Acme',
      role: 'Engineer',
      firstRound: { startsAt: '2026-11-20T15:00:00Z', format: 'video', interviewerIds: [a.id, b.id] },
    });
    await value(core, 'contacts.merge', { keepId: a.id, mergeId: b.id });
    expect((await value<OpportunityWithRounds>(core, 'opportunities.get', { id: opp.id })).rounds[0]!.interviewerIds).toEqual([a.id]);
    core.close();
  });

  it('removes a person: their details go, their name stays on the rounds and letters that name them', async () => {
    const core = openCore();
    const { bob, acme } = await twoCards(core);
    await value(core, 'letters.draft', { roundId: acme.rounds[0]!.id, kind: 'thank-you-email' });
    const removed = await value<{ removed: number; keptName: boolean }>(core, 'contacts.remove', { id: bob.id });
    expect(removed).toEqual({ removed: bob.id, keptName: true });
    const row = (await value<Contact[]>(core, 'contacts.list')).find((c) => c.id === bob.id)!;
    expect(row).toMatchObject({ name: 'Bob Ortiz', email: null, removedAt: NOW.toISOString() });
    expect((await value<OpportunityWithRounds>(core, 'opportunities.get', { id: acme.id })).rounds[0]!.interviewerIds).toContain(bob.id);
    const letters = await value<Letter[]>(core, 'letters.list', { opportunityId: acme.id });
    expect(letters.map((l) => l.recipientName)).toContain('Bob Ortiz');
    // A removed person cannot be edited, merged or removed again.
    expect(await core.call('contacts.update', { id: bob.id, patch: { email: 'bob@acme.test' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.call('contacts.remove', { id: bob.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    core.close();
  });

  it('deletes outright a person nothing names (a contact added by mistake)', async () => {
    const core = openCore();
    const ghost = await value<Contact>(core, 'contacts.create', { name: 'Ghost' });
    expect(await value(core, 'contacts.remove', { id: ghost.id })).toEqual({ removed: ghost.id, keptName: false });
    expect(contactCount(core)).toBe(0);
    core.close();
  });
});

describe("a person's history", () => {
  it('lists, for a generated journal, exactly the rounds, letters and events the journal holds for them', async () => {
    const seed = 20261122;
    console.log(`person history: generated journal seed ${seed}`);
    const core = openCore();
    generateJournal(core.db, { opportunities: 60, seed, now: NOW });
    const db = core.db;
    // Every branch of the log: drafts that no event records, and a sent letter whose event was undone.
    const round = db.prepare('SELECT round_id FROM round_interviewers ORDER BY round_id DESC LIMIT 1').pluck().get() as number;
    await value(core, 'letters.draft', { roundId: round, kind: 'linkedin-note' });
    const undone = db.prepare('SELECT event_id FROM letters WHERE event_id IS NOT NULL ORDER BY id LIMIT 1').pluck().get() as number;
    await value(core, 'events.undo', { ids: [undone] });
    // People with something in their log, and a few picked at random from everyone.
    const named = db.prepare('SELECT DISTINCT contact_id FROM events WHERE contact_id IS NOT NULL UNION SELECT contact_id FROM letters WHERE contact_id IS NOT NULL').pluck().all() as number[];
    const everyone = db.prepare('SELECT id FROM contacts ORDER BY id').pluck().all() as number[];
    const pick = prng(seed);
    const sample = (ids: number[], n: number) => Array.from({ length: n }, () => ids[Math.floor(pick() * ids.length)]!);
    const withDraft = db.prepare('SELECT contact_id FROM letters WHERE event_id IS NULL AND contact_id IS NOT NULL').pluck().all() as number[];
    const withUndone = db.prepare('SELECT contact_id FROM events WHERE id = ?').pluck().get(undone) as number;
    const chosen = [...new Set([...withDraft, withUndone, ...sample(named, 25), ...sample(everyone, 5)])];
    const kinds = new Set<string>();
    let entries = 0;
    for (const id of chosen) {
      const history = await value<PersonHistory>(core, 'contacts.history', { id });
      const eventIds = history.entries.flatMap((e) => (e.type === 'event' ? [e.eventId] : []));
      const letterIds = history.entries.flatMap((e) => (e.type === 'letter' ? [e.letterId] : e.letterId !== null ? [e.letterId] : []));
      const byId = (a: number, b: number) => a - b;
      expect(eventIds.sort(byId), `events of contact ${id}`).toEqual(
        db.prepare('SELECT id FROM events WHERE contact_id = ? AND undone_at IS NULL ORDER BY id').pluck().all(id),
      );
      expect(letterIds.sort(byId), `letters of contact ${id}`).toEqual(
        db.prepare('SELECT id FROM letters WHERE contact_id = ? ORDER BY id').pluck().all(id),
      );
      expect(history.rounds.map((r) => `${r.roundId}:${r.part}`).sort(), `rounds of contact ${id}`).toEqual(
        (
          db
            .prepare(
              `SELECT round_id || ':interviewer' FROM round_interviewers WHERE contact_id = ?
               UNION ALL SELECT id || ':arranged' FROM rounds WHERE arranged_by_contact_id = ?`,
            )
            .pluck()
            .all(id, id) as string[]
        ).sort(),
      );
      // Each line says when and by which channel, as the journal recorded it.
      for (const entry of history.entries) {
        if (entry.type !== 'event') continue;
        expect(db.prepare('SELECT occurred_at, channel, kind FROM events WHERE id = ?').get(entry.eventId)).toEqual({ occurred_at: entry.at, channel: entry.channel, kind: entry.kind });
      }
      expect(history.entries.map((e) => e.at)).toEqual([...history.entries.map((e) => e.at)].sort());
      entries += history.entries.length;
      for (const e of history.entries) kinds.add(e.type === 'letter' ? `letter:${e.state}` : e.letterId !== null ? 'event with its letter' : 'event');
    }
    // The sample is not vacuous: it met every kind of line the log has.
    expect(entries).toBeGreaterThan(20);
    expect([...kinds].sort()).toEqual(['event', 'event with its letter', 'letter:draft', 'letter:sent']);
    core.close();
  });
});
