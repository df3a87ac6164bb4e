/**
 * The journal as JSON: exported, imported into an empty journal and exported again, the two files
 * are the same bytes; imported into a journal that has data, it merges by the documented rule and
 * a second import adds nothing; a bad file changes nothing and says what is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import { listBackups } from '../../src/main/core/journal/backups';
import type { JournalDocument } from '../../src/main/core/transfer/journal-format';
import { TABLES } from '../../src/main/core/transfer/journal-format';
import { tempDir } from './helpers';
import { fillJournal, movableClock, NOW, tableSizes } from './transfer-fixtures';

const SEED = Number(process.env.TRANSFER_SEED ?? 1611);
const SIZE = 400;

async function value<T>(core: Core, name: string, input?: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message} (seed ${SEED})`);
  return result.value as T;
}
const exportText = async (core: Core) => Buffer.from((await value<{ base64: string }>(core, 'transfer.exportJson')).base64, 'base64').toString('utf8');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const fresh = (clock = movableClock()) => createCore({ dataDir: tempDir(), transport: 'http', now: clock.now });

describe(`JSON export and import (seed ${SEED}, ${SIZE} opportunities)`, () => {
  it('export -> import into an empty journal -> export: the same bytes, and the same board', async () => {
    const clock = movableClock();
    const source = fresh(clock);
    await fillJournal(source, clock, SIZE, SEED);
    clock.set(NOW);
    const first = await exportText(source);
    const doc = JSON.parse(first) as JournalDocument;
    const sizes = tableSizes(doc);
    for (const table of TABLES) expect(sizes[table], `the export holds no ${table} (seed ${SEED})`).toBeGreaterThan(0);
    expect(doc.events.some((e) => e.undoneAt !== null), 'an undone event is exported as undone').toBe(true);
    expect(doc.settings).toMatchObject({ userName: 'Sam Lee', timeZone: 'Europe/Berlin' });

    const target = fresh(movableClock(NOW));
    const preview = await value<{ mode: string; counts: { opportunities: number } }>(target, 'transfer.previewJson', { base64: b64(first) });
    expect(preview).toMatchObject({ mode: 'empty', counts: { opportunities: SIZE } });
    const result = await value<{ mode: string; backup: string }>(target, 'transfer.importJson', { base64: b64(first) });
    expect(result.mode).toBe('empty');
    expect(listBackups(target.dataDir).map((b) => b.name)).toContain(result.backup);
    const second = await exportText(target);
    expect(second === first, `the second export differs from the first (seed ${SEED})`).toBe(true);

    // What the user sees is the same too: the board, and the settings.
    // The same board (each journal counts its own versions of changes, and its plan cache says when to look again: left out).
    const board = async (core: Core) => ({ ...(await value<Record<string, unknown>>(core, 'board.get')), version: 0, refreshAt: null });
    expect(await board(target)).toEqual(await board(source));
    expect(target.settings.get()).toEqual(source.settings.get());
    source.close();
    target.close();
  }, 120_000);

  it('a second import into the same journal adds nothing (everything is already there)', async () => {
    const clock = movableClock();
    const core = fresh(clock);
    await fillJournal(core, clock, 60, SEED);
    clock.set(NOW);
    const before = await exportText(core);
    const preview = await value<{ mode: string; opportunitiesAlreadyThere: number }>(core, 'transfer.previewJson', { base64: b64(before) });
    expect(preview).toMatchObject({ mode: 'merge', opportunitiesAlreadyThere: 60 });
    const result = await value<{ added: Record<string, number> }>(core, 'transfer.importJson', { base64: b64(before) });
    expect(result.added).toEqual({ opportunities: 0, rounds: 0, contacts: 0, events: 0, reflections: 0, reflectionVersions: 0, letters: 0, templates: 0 });
    expect(await exportText(core)).toBe(before);
    core.close();
  });

  it('merges another journal: people matched by email, the same opportunity kept once, the rest added with all it holds', async () => {
    const mine = fresh();
    const alice = await value<{ id: number }>(mine, 'contacts.create', { name: 'Alice Ng', email: 'ALICE@acme.example' });
    await value(mine, 'opportunities.create', { company: 'Acme', role: 'Engineer', recruiterContactId: alice.id, firstRound: { startsAt: '2026-11-10T15:00:00Z', format: 'video', interviewerIds: [alice.id] } });
    const theirs = fresh();
    const alice2 = await value<{ id: number }>(theirs, 'contacts.create', { name: 'Alice N.', email: 'alice@acme.example', phone: '+1 555 0100' });
    const bob = await value<{ id: number }>(theirs, 'contacts.create', { name: 'Bob Diaz', email: 'bob@globex.example' });
    await value(theirs, 'opportunities.create', { company: ' acme ', role: 'ENGINEER', firstRound: { startsAt: '2026-11-10T15:00:00Z', format: 'video' } });
    const globex = await value<{ id: number; rounds: { id: number }[] }>(theirs, 'opportunities.create', {
      company: 'Globex',
      role: 'Analyst',
      recruiterContactId: alice2.id,
      firstRound: { startsAt: '2026-11-12T15:00:00Z', format: 'in-person', interviewerIds: [bob.id, alice2.id] },
    });
    await value(theirs, 'reflections.save', { roundId: globex.rounds[0]!.id, body: 'Globex went well.', revision: 0, session: 'test-editor-globex', seq: 1 });
    const file = await exportText(theirs);

    const result = await value<{ mode: string; added: { opportunities: number; contacts: number; reflections: number }; opportunitiesAlreadyThere: number; contactsAlreadyThere: number }>(
      mine,
      'transfer.importJson',
      { base64: b64(file) },
    );
    expect(result).toMatchObject({ mode: 'merge', opportunitiesAlreadyThere: 1, contactsAlreadyThere: 1, added: { opportunities: 1, contacts: 1, reflections: 1 } });
    const list = await value<{ company: string; recruiterContactId: number | null; rounds: { id: number; interviewerIds: number[] }[] }[]>(mine, 'opportunities.list');
    expect(list.map((o) => o.company)).toEqual(['Acme', 'Globex']);
    const contacts = await value<{ id: number; name: string; phone: string | null }[]>(mine, 'contacts.list');
    // Alice is one person: the journal's name is kept, the blank phone filled in from the file.
    expect(contacts.map((c) => c.name)).toEqual(['Alice Ng', 'Bob Diaz']);
    expect(contacts[0]).toMatchObject({ id: alice.id, phone: '+1 555 0100' });
    const imported = list[1]!;
    expect(imported.recruiterContactId).toBe(alice.id);
    expect(imported.rounds[0]!.interviewerIds).toEqual([contacts[1]!.id, alice.id]);
    expect(await value(mine, 'reflections.get', { roundId: imported.rounds[0]!.id })).toMatchObject({ body: 'Globex went well.' });
    mine.close();
    theirs.close();
  });

  const bad: [string, (doc: JournalDocument) => unknown, RegExp][] = [
    ['not JSON at all', () => '{"format": "afterword-journal", ', /not JSON/],
    ['another program\'s JSON', () => ({ hello: 'world' }), /not an Afterword journal/],
    ['a newer format', (d) => ({ ...d, version: 2 }), /newer Afterword \(format version 2/],
    ['a round of an opportunity the file does not hold', (d) => ({ ...d, rounds: d.rounds.map((r, i) => (i === 0 ? { ...r, opportunityId: 999_999 } : r)) }), /rounds\[0\]\.opportunityId: no opportunity with id 999999/],
    ['an interviewer who is not in the file', (d) => ({ ...d, rounds: d.rounds.map((r, i) => (i === 0 ? { ...r, interviewerIds: [888_888] } : r)) }), /interviewerIds\[0\]: no contact with id 888888/],
    ['a letter pointing at a missing event', (d) => ({ ...d, letters: d.letters.map((l, i) => (i === 0 ? { ...l, eventId: 777_777 } : l)) }), /letters\[0\]\.eventId: no event/],
    ['an unknown stage', (d) => ({ ...d, opportunities: d.opportunities.map((o, i) => (i === 0 ? { ...o, stage: 'daydreaming' } : o)) }), /opportunities\[0\]\.stage/],
    ['a date that is not a date', (d) => ({ ...d, events: d.events.map((e, i) => (i === 0 ? { ...e, occurredAt: 'yesterday' } : e)) }), /events\[0\]\.occurredAt/],
    ['a setting out of range', (d) => ({ ...d, settings: { ...d.settings, timeZone: 'Mars/Olympus_Mons' } }), /settings\.timeZone/],
    ['the same id twice', (d) => ({ ...d, contacts: [...d.contacts, d.contacts[0]] }), /appears twice/],
  ];
  it.each(bad)('refuses %s, says why, and changes nothing', async (_why, mutate, message) => {
    const clock = movableClock();
    const source = fresh(clock);
    await fillJournal(source, clock, 12, SEED);
    const doc = JSON.parse(await exportText(source)) as JournalDocument;
    source.close();
    const target = fresh();
    await value(target, 'opportunities.create', { company: 'Mine', role: 'Kept' });
    const before = target.db.serialize();
    const mutated = mutate(doc);
    const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
    const result = await target.call('transfer.importJson', { base64: b64(text) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } });
    expect(Buffer.compare(before, target.db.serialize())).toBe(0);
    expect(fs.existsSync(path.join(target.dataDir, 'backups')), 'no backup is made for a file that is refused').toBe(false);
    target.close();
  });
});

describe('what the user edits and removes travels in the JSON file', () => {
  it('keeps people’s company and notes, removed people, and an opportunity’s notes, tags, size and archive', async () => {
    const source = fresh(movableClock(NOW));
    const alice = await value<{ id: number }>(source, 'contacts.create', { name: 'Alice Ng', company: 'Acme', notes: 'Met at the meetup' });
    const bob = await value<{ id: number }>(source, 'contacts.create', { name: 'Bob Ortiz', email: 'bob@acme.example' });
    const acme = await value<{ id: number }>(source, 'opportunities.create', {
      company: 'Acme',
      role: 'Engineer',
      notes: 'Ask about on-call',
      tags: ['remote', 'Rust'],
      companySize: '51-200',
      firstRound: { startsAt: '2026-11-10T15:00:00Z', format: 'video', interviewerIds: [alice.id, bob.id] },
    });
    await value(source, 'contacts.remove', { id: bob.id });
    await value(source, 'opportunities.archive', { id: acme.id });
    const first = await exportText(source);
    const doc = JSON.parse(first) as JournalDocument;
    expect(doc.contacts.map((c) => [c.name, c.company, c.notes, c.removedAt !== null])).toEqual([
      ['Alice Ng', 'Acme', 'Met at the meetup', false],
      ['Bob Ortiz', null, null, true],
    ]);
    expect(doc.opportunities[0]).toMatchObject({ notes: 'Ask about on-call', tags: ['remote', 'Rust'], companySize: '51-200', archivedAt: NOW.toISOString() });

    const target = fresh(movableClock(NOW));
    await value(target, 'transfer.importJson', { base64: b64(first) });
    expect(await exportText(target)).toBe(first);
    expect(await value(target, 'opportunities.archived')).toMatchObject([{ company: 'Acme' }]);

    // A file from before these fields imports with them empty.
    const older = JSON.parse(first) as { contacts: Record<string, unknown>[]; opportunities: Record<string, unknown>[] };
    for (const c of older.contacts) for (const key of ['company', 'notes', 'removedAt']) delete c[key];
    for (const o of older.opportunities) for (const key of ['companySize', 'notes', 'tags', 'archivedAt']) delete o[key];
    const third = fresh(movableClock(NOW));
    await value(third, 'transfer.importJson', { base64: b64(JSON.stringify(older)) });
    expect(await value(third, 'opportunities.list')).toMatchObject([{ company: 'Acme', notes: null, tags: [], archivedAt: null, companySize: null }]);
    for (const core of [source, target, third]) core.close();
  });
});
