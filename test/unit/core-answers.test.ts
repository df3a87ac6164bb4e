/**
 * What the renderer's data layer relies on from the core: a write answers with what it changed
 * and the board's patch (one call per move, no reload); events say what changed, with the page
 * that caused them; undo of a move is one call in one transaction; the keep-searching hint and the
 * snoozes are the core's rules; a reflection save over an older revision is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { BoardCard, BoardPatch } from '../../src/shared/contract';
import type { Action } from '../../src/shared/domain';
import type { CoreEvent } from '../../src/shared/events';
import { tempDir } from './helpers';

type Answer<T> = { ok: true; value: T; changes?: unknown; patch?: BoardPatch };
const answer = <T>(r: unknown): Answer<T> => {
  expect(r).toMatchObject({ ok: true });
  return r as Answer<T>;
};

function setup(timeZone = 'America/New_York', nowIso = '2026-11-20T22:00:00Z') {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone }));
  let now = new Date(nowIso);
  const core = createCore({ dataDir: dir, transport: 'http', now: () => now });
  const events: CoreEvent[] = [];
  core.subscribe((e) => events.push(e));
  return { core, events, setNow: (iso: string) => (now = new Date(iso)) };
}

async function interviewed(core: ReturnType<typeof setup>['core'], company: string, names: string[] = ['Alice Ng']) {
  const ids: number[] = [];
  for (const name of names) ids.push(answer<{ id: number }>(await core.call('contacts.create', { name })).value.id);
  const opp = answer<{ id: number; rounds: { id: number }[] }>(
    await core.call('opportunities.create', { company, role: 'Engineer', firstRound: { startsAt: '2026-11-20T15:00:00-05:00', format: 'video', interviewerIds: ids } }),
  ).value;
  return { opportunityId: opp.id, roundId: opp.rounds[0]!.id, contactIds: ids };
}

describe('a write answers with the board patch, and its event names the page that made it', () => {
  it("a card, the tray's due list and Today's carry actions without the explanation, which the opportunity's actions and the patch's due list keep", async () => {
    const { core, setNow } = setup();
    const { opportunityId } = await interviewed(core, 'Acme');
    const card = answer<{ cards: BoardCard[] }>(await core.call('board.get', undefined)).value.cards.find((c) => c.id === opportunityId)!;
    const actions = answer<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).value;
    const same = actions.find((a) => a.key === card.nextAction!.key)!;
    // Everything the card shows, as planned; the why is left to the detail and Today.
    expect(card.nextAction).toEqual(Object.fromEntries(Object.entries(same).filter(([k]) => k !== 'why')));
    expect(same.why.length).toBeGreaterThan(40);
    // So does what the tray lists as due (the thank-you, a day on).
    setNow('2026-11-21T23:00:00Z');
    const due = answer<{ count: number; first: (Record<string, unknown> & { company: string })[] }>(await core.call('reminders.due', undefined)).value;
    expect(due.first.map((a) => a.company)).toContain('Acme');
    for (const a of due.first) expect(a).not.toHaveProperty('why');
    // And Today's list (it reads an explanation from the card's actions when one is opened).
    const today = answer<Record<string, unknown>[]>(await core.call('actions.inRange', { from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' })).value;
    expect(today.map((a) => a.company)).toContain('Acme');
    for (const a of today) expect(a).not.toHaveProperty('why');
    // The due list a write's patch carries still explains each action.
    const moved = answer<unknown>(await core.call('board.move', { opportunityId, to: 'thanked' }));
    expect(moved.patch!.cards[0]!.nextAction).not.toHaveProperty('why');
    expect(moved.patch!.actions.flatMap((o) => o.actions).every((a) => a.why.length > 0)).toBe(true);
    expect(moved.patch!.actions.length).toBeGreaterThan(0);
  });

  it("the tray's answer is the count of what is due and the first twelve, the longest due first, not every due action", async () => {
    const { core, setNow } = setup();
    // Fourteen rounds, each an hour later than the one before: their thank-yous come due in that order.
    const companies = Array.from({ length: 14 }, (_, i) => `Company ${String(i + 1).padStart(2, '0')}`);
    for (const [i, company] of companies.entries()) {
      const contact = answer<{ id: number }>(await core.call('contacts.create', { name: `Person ${i + 1}` })).value.id;
      const startsAt = new Date(Date.parse('2026-11-20T08:00:00Z') + i * 3_600_000).toISOString();
      answer(await core.call('opportunities.create', { company, role: 'Engineer', firstRound: { startsAt, format: 'video', interviewerIds: [contact] } }));
    }
    setNow('2026-11-21T20:00:00Z');
    const due = answer<{ count: number; first: (Action & { company: string })[] }>(await core.call('reminders.due', undefined)).value;
    // Today's list names the same actions: every one due by now.
    const now = '2026-11-21T20:00:00.000Z';
    const all = answer<Action[]>(await core.call('actions.inRange', { from: '2000-01-01T00:00:00.000Z', to: now })).value.filter(
      (a) => (a.status === 'pending' || a.status === 'snoozed') && (a.status === 'snoozed' && a.snoozedUntil ? a.snoozedUntil : a.due) <= now,
    );
    expect(due.count).toBe(all.length);
    expect(due.count).toBeGreaterThan(12);
    expect(due.first).toHaveLength(12);
    // The twelve that have waited longest, as Today orders them.
    const when = (a: Action) => a.snoozedUntil ?? a.due;
    const longest = [...all].sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : a.opportunityId - b.opportunityId)).slice(0, 12);
    expect(due.first.map((a) => `${a.opportunityId}:${a.key}`)).toEqual(longest.map((a) => `${a.opportunityId}:${a.key}`));
    expect(due.first.every((a) => a.company.startsWith('Company '))).toBe(true);
  });

  it('a move is one call: the answer carries the moved card, planned again, and the event is marked with its origin', async () => {
    const { core, events } = setup();
    const { opportunityId } = await interviewed(core, 'Acme');
    await interviewed(core, 'Globex');
    events.length = 0;

    const moved = answer<{ eventIds: number[] }>(await core.call('board.move', { opportunityId, to: 'thanked' }, 'http:page-one-1234'));
    expect(moved.patch!.reload).toBe(false);
    expect(moved.patch!.cards).toHaveLength(1);
    const card = moved.patch!.cards[0]!;
    expect(card).toMatchObject({ id: opportunityId, company: 'Acme', column: 'thanked' });
    // Planned again: with every thank-you sent, the next step is the LinkedIn note or the status check.
    expect(card.nextAction?.kind).not.toBe('thank-you');
    expect(moved.changes).toMatchObject({ opportunityIds: [opportunityId] });

    // One event for the call, saying what changed and which page did it.
    expect(events).toEqual([
      expect.objectContaining({ type: 'journal.changed', opportunityIds: [opportunityId], contactIds: [], origin: 'http:page-one-1234', version: moved.patch!.version }),
    ]);
    // The same card, read fresh, is what the patch said.
    const board = answer<{ cards: BoardCard[]; version: number }>(await core.call('board.get', undefined)).value;
    expect(board.cards.find((c) => c.id === opportunityId)).toEqual(card);
    expect(board.version).toBeGreaterThanOrEqual(moved.patch!.version);
    core.close();
  });

  it('reads change nothing and carry no patch; versions only grow', async () => {
    const { core, events } = setup();
    await interviewed(core, 'Acme');
    events.length = 0;
    const read = answer(await core.call('board.get', undefined));
    expect(read.patch).toBeUndefined();
    expect(events).toEqual([]);
    const versions: number[] = [];
    for (let i = 0; i < 5; i++) versions.push(answer(await core.call('contacts.create', { name: `P${i}` })).patch!.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(5);
    core.close();
  });

  it('renaming a person patches every card they are on; a deleted card is listed as removed', async () => {
    const { core } = setup();
    const a = await interviewed(core, 'Acme', ['Dana Smith']);
    const renamed = answer(await core.call('contacts.update', { id: a.contactIds[0], patch: { name: 'Dana Smith-Jones' } }));
    expect(renamed.patch!.cards.map((c) => [c.id, c.people])).toEqual([[a.opportunityId, 'Dana Smith-Jones']]);
    const deleted = answer(await core.call('opportunities.delete', { id: a.opportunityId }));
    expect(deleted.patch).toMatchObject({ cards: [], removed: [a.opportunityId] });
    core.close();
  });

  it('a settings change asks the pages to read the board again', async () => {
    const { core, events } = setup();
    events.length = 0;
    const changed = answer(await core.call('settings.update', { userName: 'Sam' }, 'ipc:window-abcdef'));
    expect(changed.patch).toMatchObject({ reload: true });
    expect(events).toEqual([expect.objectContaining({ type: 'settings.changed', origin: 'ipc:window-abcdef' })]);
    core.close();
  });
});

describe('undo of a move is one call, one transaction', () => {
  it('undoes the events and removes the round a move added, together', async () => {
    const { core } = setup();
    const { opportunityId } = await interviewed(core, 'Acme', ['Alice Ng', 'Bob Ortiz']);
    const thanked = answer<{ eventIds: number[]; roundId: number | null }>(await core.call('board.move', { opportunityId, to: 'thanked' })).value;
    expect(thanked.eventIds).toHaveLength(2);
    const undone = answer(await core.call('board.undoMove', { opportunityId, eventIds: thanked.eventIds, roundId: null }));
    expect(undone.patch!.cards[0]!.column).toBe('interviewed');

    const next = answer<{ eventIds: number[]; roundId: number }>(
      await core.call('board.move', { opportunityId, to: 'upcoming', nextRound: { startsAt: '2026-12-01T15:00:00Z', format: 'video' } }),
    ).value;
    expect(answer(await core.call('board.undoMove', { opportunityId, eventIds: [], roundId: next.roundId })).patch!.cards[0]!.column).toBe('interviewed');
    expect(answer<{ id: number }[]>(await core.call('rounds.list', { opportunityId })).value).toHaveLength(1);
  });

  it('refuses an undo that names another card’s event, and changes nothing', async () => {
    const { core } = setup();
    const acme = await interviewed(core, 'Acme');
    const globex = await interviewed(core, 'Globex');
    const moved = answer<{ eventIds: number[] }>(await core.call('board.move', { opportunityId: acme.opportunityId, to: 'thanked' })).value;
    const refused = await core.call('board.undoMove', { opportunityId: globex.opportunityId, eventIds: moved.eventIds, roundId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const board = answer<{ cards: BoardCard[] }>(await core.call('board.get', undefined)).value;
    expect(board.cards.find((c) => c.id === acme.opportunityId)!.column).toBe('thanked');
    expect(await core.call('board.undoMove', { opportunityId: acme.opportunityId, eventIds: [], roundId: null })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('the board’s hint is the core’s', () => {
  it('says keep searching only when every card in play is waiting on the employer', async () => {
    const { core, setNow } = setup();
    const { opportunityId } = await interviewed(core, 'Acme');
    // Thank-yous are due: the user has something to do.
    expect(answer<{ hint: unknown }>(await core.call('board.get', undefined)).value.hint).toBeNull();
    answer(await core.call('board.move', { opportunityId, to: 'thanked' }));
    answer(await core.call('board.move', { opportunityId, to: 'followed_up' }));
    // A week on, the thank-you and reflection windows have closed, and the user skipped LinkedIn:
    // only the employer is left to answer.
    setNow('2026-11-27T12:00:00Z');
    for (const a of answer<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).value.filter((x) => x.kind === 'linkedin-note')) {
      answer(await core.call('actions.skip', { opportunityId, key: a.key }));
    }
    const board = answer<{ hint: unknown; cards: BoardCard[] }>(await core.call('board.get', undefined)).value;
    expect(board.cards[0]!.nextAction?.kind).toBe('move-on');
    expect(board.hint).toMatchObject({ kind: 'keep-searching', source: 'What to Do After a Job Interview' });
    // A new card with a thank-you due: no longer only waiting.
    const another = await interviewed(core, 'Globex');
    expect(answer(await core.call('rounds.update', { id: another.roundId, patch: { startsAt: '2026-11-27T10:00:00Z' } })).patch!.hint).toBeNull();
  });
});

describe('snoozes are computed in the journal’s time zone', () => {
  it.each([
    // The journal in Auckland (UTC+13 in November); the machine's own zone does not matter. The
    // reflection to write (due the evening of the round) is due by then: snoozed from now.
    ['Pacific/Auckland', '2026-11-21T09:00:00Z', 'tomorrow-morning', '2026-11-21T19:00:00.000Z'], // Sat 21 Nov 22:00 NZDT -> Sun 22 Nov 08:00 NZDT
    ['Pacific/Auckland', '2026-11-21T09:00:00Z', 'next-working-day', '2026-11-22T20:00:00.000Z'], // Sat -> Mon 23 Nov 09:00 NZDT
    ['America/New_York', '2026-11-21T03:00:00Z', 'tomorrow-morning', '2026-11-21T13:00:00.000Z'], // Fri 22:00 EST -> Sat 08:00 EST
    ['America/New_York', '2026-11-21T03:00:00Z', 'next-working-day', '2026-11-23T14:00:00.000Z'], // Fri -> Mon 09:00 EST
    ['America/New_York', '2026-11-21T03:00:00Z', 'hour', '2026-11-21T04:00:00.000Z'],
  ])('%s at %s, %s: until %s', async (timeZone, now, choice, until) => {
    const { core } = setup(timeZone, now);
    const { opportunityId } = await interviewed(core, 'Acme');
    const due = answer<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).value.find((a) => Date.parse(a.due) <= Date.parse(now))!;
    expect(due.kind).toBe('write-reflection');
    const snoozed = answer<Action[]>(await core.call('actions.snooze', { opportunityId, key: due.key, choice })).value;
    expect(snoozed.find((a) => a.key === due.key)).toMatchObject({ status: 'snoozed', snoozedUntil: until });
  });

  it('never brings a reminder sooner: an action not due yet is snoozed from its due moment', async () => {
    const { core, setNow } = setup('America/New_York', '2026-11-20T22:00:00Z');
    const { opportunityId } = await interviewed(core, 'Acme');
    const actions = answer<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).value;
    // The thank-you is due tomorrow afternoon: "1 hour" now would bring it forward by a day.
    const later = actions.find((a) => a.kind === 'thank-you')!;
    expect(Date.parse(later.due)).toBeGreaterThan(Date.parse('2026-11-21T15:00:00Z'));
    const snooze = async (key: string, choice: string) =>
      answer<Action[]>(await core.call('actions.snooze', { opportunityId, key, choice })).value.find((a) => a.key === key)!.snoozedUntil!;
    // An hour after it is due, not an hour from now.
    expect(await snooze(later.key, 'hour')).toBe(new Date(Date.parse(later.due) + 3_600_000).toISOString());
    // Snoozed again, it counts from when it is now due (the last snooze's end): the morning after, 08:00 in New York.
    const morning = await snooze(later.key, 'tomorrow-morning');
    expect(morning).toBe('2026-11-22T13:00:00.000Z');
    // An action due (the reflection, due last evening) is snoozed from now.
    setNow('2026-11-21T03:00:00Z');
    const reflection = actions.find((a) => a.kind === 'write-reflection')!;
    expect(await snooze(reflection.key, 'hour')).toBe('2026-11-21T04:00:00.000Z');
  });

  it('refuses both a time and a choice, or neither', async () => {
    const { core } = setup();
    const { opportunityId } = await interviewed(core, 'Acme');
    const key = answer<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).value[0]!.key;
    for (const input of [{ opportunityId, key }, { opportunityId, key, choice: 'hour', until: '2026-11-21T00:00:00Z' }, { opportunityId, key, choice: 'fortnight' }]) {
      expect(await core.call('actions.snooze', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});

describe('a reflection save can never put older text over newer', () => {
  const save = (core: ReturnType<typeof setup>['core'], roundId: number, body: string, revision: number, session: string, seq: number) =>
    core.call('reflections.save', { roundId, body, revision, session, seq });

  it('from one editor, whatever order the saves arrive in: only a later save number is taken', async () => {
    const { core } = setup();
    const { roundId } = await interviewed(core, 'Acme');
    expect(answer<{ revision: number }>(await core.call('reflections.get', { roundId })).value.revision).toBe(0);
    // Saves 2 and 3 arrive before save 1 (all based on revision 0, as when a page closes mid-save).
    answer(await save(core, roundId, 'One. Two.', 0, 'editor-aaaaaaaa', 2));
    const third = answer<{ revision: number; body: string }>(await save(core, roundId, 'One. Two. Three.', 0, 'editor-aaaaaaaa', 3)).value;
    expect(third).toMatchObject({ body: 'One. Two. Three.', revision: 2 });
    expect(await save(core, roundId, 'One.', 0, 'editor-aaaaaaaa', 1)).toMatchObject({ ok: false, error: { code: 'stale_revision' } });
    expect(answer<{ body: string; revision: number }>(await core.call('reflections.get', { roundId })).value).toMatchObject({ body: 'One. Two. Three.', revision: 2 });
  });

  it('from another window: a save based on an older revision is refused, and the newer text kept', async () => {
    const { core } = setup();
    const { roundId } = await interviewed(core, 'Acme');
    answer(await save(core, roundId, 'From window A.', 0, 'editor-aaaaaaaa', 1));
    // Window B opened before A saved: its base is revision 0.
    expect(await save(core, roundId, 'From window B.', 0, 'editor-bbbbbbbb', 1)).toMatchObject({ ok: false, error: { code: 'stale_revision' } });
    // B reloads (revision 1) and saves again: taken.
    expect(answer<{ body: string; revision: number }>(await save(core, roundId, 'From window B, after reading A.', 1, 'editor-bbbbbbbb', 2)).value).toMatchObject({
      body: 'From window B, after reading A.',
      revision: 2,
    });
    // Saving the text that is there is harmless whatever its base.
    expect(answer<{ revision: number }>(await save(core, roundId, 'From window B, after reading A.', 0, 'editor-cccccccc', 1)).value.revision).toBe(2);
  });

  it('an autosave changes the reflection only: the card is patched only when the reflection first counts as written', async () => {
    const { core, events } = setup();
    const { roundId, opportunityId } = await interviewed(core, 'Acme');
    events.length = 0;
    // The first save with enough words of the user's own (fifteen) marks the reflection written.
    const notes = 'They asked how I would design a retry queue for payments, and how I debug a slow consumer under load.';
    const first = answer(await save(core, roundId, notes, 0, 'editor-aaaaaaaa', 1));
    expect(first.changes).toMatchObject({ reflectionRoundIds: [roundId], opportunityIds: [opportunityId] });
    expect(first.patch!.cards[0]!.nextAction?.kind).not.toBe('write-reflection');
    const second = answer(await save(core, roundId, `${notes} Then about on-call.`, 1, 'editor-aaaaaaaa', 2));
    expect(second.changes).toMatchObject({ reflectionRoundIds: [roundId], opportunityIds: [] });
    expect(second.patch).toMatchObject({ cards: [], removed: [] });
  });
});

describe('the journal’s time zone: the system’s, UTC, or any zone, and back', () => {
  it('"system" follows the machine; UTC can be chosen and left again; the plan follows the zone in use', async () => {
    const { core } = setup('Pacific/Auckland');
    type State = { settings: { timeZone: string }; timeZone: string };
    expect(answer<State>(await core.call('settings.get', undefined)).value).toMatchObject({ settings: { timeZone: 'Pacific/Auckland' }, timeZone: 'Pacific/Auckland' });
    const utc = answer<State>(await core.call('settings.update', { timeZone: 'UTC' })).value;
    expect(utc).toMatchObject({ settings: { timeZone: 'UTC' }, timeZone: 'UTC' });
    const system = answer<State>(await core.call('settings.update', { timeZone: 'system' })).value;
    // The tests run with TZ=America/New_York (vitest.config.mts) unless the TZ suite overrides it.
    const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(system).toMatchObject({ settings: { timeZone: 'system' }, timeZone: machine });
    expect(answer<{ timeZone: string }>(await core.call('app.info', undefined)).value.timeZone).toBe(machine);
    expect(await core.call('settings.update', { timeZone: 'Mars/Olympus_Mons' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
