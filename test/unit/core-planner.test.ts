import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOARD_QUERY } from '../../src/main/core/board/board';
import { createCore } from '../../src/main/core/core';
import { closeJournal, openJournal } from '../../src/main/core/journal/database';
import { MIGRATIONS } from '../../src/main/core/journal/migrations';
import type { Action } from '../../src/shared/domain';
import { tempDir } from './helpers';

type Ok<T> = { ok: true; value: T };
const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as Ok<T>).value;
};

function setup(nowIso = '2026-11-20T22:00:00Z') {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York' }));
  let now = new Date(nowIso);
  const core = createCore({ dataDir: dir, transport: 'http', now: () => now });
  return { core, dir, setNow: (iso: string) => (now = new Date(iso)) };
}

async function opportunityWithInterviewers(core: ReturnType<typeof setup>['core'], names: string[], format = 'video') {
  const ids: number[] = [];
  for (const name of names) ids.push(value<{ id: number }>(await core.call('contacts.create', { name })).id);
  const recruiter = value<{ id: number }>(await core.call('contacts.create', { name: 'Rita Recruiter', email: 'rita@acme.example' })).id;
  const opp = value<{ id: number; rounds: { id: number }[] }>(
    await core.call('opportunities.create', {
      company: 'Acme',
      role: 'Engineer',
      recruiterContactId: recruiter,
      firstRound: { startsAt: '2026-11-20T15:00:00-05:00', format, interviewerIds: ids, arrangedByContactId: recruiter, decisionDate: '2026-12-02' },
    }),
  );
  return { opportunityId: opp.id, roundId: opp.rounds[0]!.id, interviewerIds: ids, recruiter };
}

const addDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

describe('the planner through the core', () => {
  it('Done on a thank-you records the event in the timeline, re-plans, and moves the card when all are thanked', async () => {
    const { core } = setup();
    const { opportunityId, interviewerIds } = await opportunityWithInterviewers(core, ['Alice Ng', 'Bob Ortiz']);
    let actions = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId }));
    const thanks = actions.filter((a) => a.kind === 'thank-you');
    expect(thanks.map((a) => a.recipient?.name)).toEqual(['Alice Ng', 'Bob Ortiz']);

    actions = value<Action[]>(await core.call('actions.complete', { opportunityId, key: thanks[0]!.key }));
    expect(actions.find((a) => a.key === thanks[0]!.key)!.status).toBe('done');
    const events = value<{ kind: string; contactId: number }[]>(await core.call('events.list', { opportunityId }));
    expect(events).toMatchObject([{ kind: 'thank_you_sent', contactId: interviewerIds[0], channel: 'email' }]);
    let board = value<{ cards: { column: string }[] }>(await core.call('board.get', undefined));
    expect(board.cards[0]!.column).toBe('interviewed');

    await core.call('actions.complete', { opportunityId, key: thanks[1]!.key });
    board = value(await core.call('board.get', undefined));
    expect(board.cards[0]!.column).toBe('thanked');
    const contacts = value<{ name: string; lastContactedAt: string | null }[]>(await core.call('contacts.list', undefined));
    expect(contacts.find((c) => c.name === 'Bob Ortiz')!.lastContactedAt).toBe('2026-11-20T22:00:00.000Z');

    // Reopen takes the Done back: the event is undone, the card goes back.
    await core.call('actions.reopen', { opportunityId, key: thanks[1]!.key });
    board = value(await core.call('board.get', undefined));
    expect(board.cards[0]!.column).toBe('interviewed');
    core.close();
  });

  it('the status check goes to the recruiter who arranged the round, on the first business day after the decision date', async () => {
    const { core } = setup();
    const { opportunityId, recruiter } = await opportunityWithInterviewers(core, ['Alice Ng']);
    const status = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).find((a) => a.kind === 'status-check')!;
    expect(status.recipient).toEqual({ contactId: recruiter, name: 'Rita Recruiter' });
    expect(status.due).toBe('2026-12-03T15:00:00.000Z'); // Thursday 3 December, 10:00 in New York
    const done = value<Action[]>(await core.call('actions.complete', { opportunityId, key: status.key }));
    // Once the one status check is sent (now, 20 November), the next suggestion is to move on 14 days later.
    expect(done.find((a) => a.kind === 'move-on')?.due.slice(0, 10)).toBe(addDays('2026-11-20T22:00:00Z', 14));
    const board = value<{ cards: { column: string; nextAction: Action | null }[] }>(await core.call('board.get', undefined));
    expect(board.cards[0]!.column).toBe('followed_up');
    core.close();
  });

  it('snooze, skip, and refusals that change nothing', async () => {
    const { core } = setup();
    const { opportunityId } = await opportunityWithInterviewers(core, ['Alice Ng']);
    const [first] = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).filter((a) => a.kind === 'thank-you');
    const snoozed = value<Action[]>(await core.call('actions.snooze', { opportunityId, key: first!.key, until: '2026-11-21T14:00:00Z' }));
    expect(snoozed.find((a) => a.key === first!.key)).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-11-21T14:00:00.000Z' });
    expect(await core.call('actions.snooze', { opportunityId, key: first!.key, until: '2020-01-01T00:00:00Z' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await core.call('actions.complete', { opportunityId, key: 'r999:thank-you:c1' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const skipped = value<Action[]>(await core.call('actions.skip', { opportunityId, key: first!.key }));
    expect(skipped.find((a) => a.key === first!.key)!.status).toBe('skipped');
    core.close();
  });

  it('lists the open actions due in a time range across all cards', async () => {
    const { core } = setup();
    await opportunityWithInterviewers(core, ['Alice Ng', 'Bob Ortiz']);
    const due = value<Action[]>(await core.call('actions.inRange', { from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z' }));
    // The reflection (due 21:00 New York = 02:00 UTC) and both thank-yous (24 h after 16:00).
    expect(due.map((a) => a.kind).sort()).toEqual(['thank-you', 'thank-you', 'write-reflection']);
    core.close();
  });

  it('a reply ends the waiting; a new round moves the card back to Upcoming', async () => {
    const { core } = setup();
    const { opportunityId } = await opportunityWithInterviewers(core, ['Alice Ng']);
    await core.call('events.record', { opportunityId, kind: 'reply_received', occurredAt: '2026-11-21T15:00:00Z' });
    let actions = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId }));
    expect(actions.some((a) => a.kind === 'status-check')).toBe(false);
    await core.call('rounds.create', { opportunityId, startsAt: '2026-12-01T15:00:00Z', format: 'in-person' });
    actions = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId }));
    expect(actions.filter((a) => a.kind === 'status-check')).toHaveLength(1);
    const board = value<{ cards: { column: string; round: { number: number } }[] }>(await core.call('board.get', undefined));
    expect(board.cards[0]).toMatchObject({ column: 'upcoming', round: { number: 2 } });
    core.close();
  });
});

describe('the board query', () => {
  it('uses indexes, never a scan of all rounds per card', () => {
    const { core } = setup();
    const plan = core.db.prepare(`EXPLAIN QUERY PLAN ${BOARD_QUERY}`).all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/rounds USING (COVERING )?INDEX (rounds_by_opportunity|sqlite_autoindex_rounds_1)/);
    expect(details, 'the correlated max(number) must come from an index').not.toMatch(/SCAN rounds\b(?! USING)/);
    core.close();
  });
});

describe('migration 2: contacts, events, stages', () => {
  it('keeps the rows of a version-1 journal and gives them the new columns', () => {
    const file = path.join(tempDir(), 'journal.sqlite3');
    const v1 = openJournal(file, { migrations: MIGRATIONS.slice(0, 1) });
    v1.db.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (7, 'Globex', 'Analyst', 'a', 'a')").run();
    v1.db
      .prepare(
        "INSERT INTO rounds (opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at) VALUES (7, 1, '2026-01-01T10:00:00.000Z', 45, 'phone', 'phone', 'a', 'a')",
      )
      .run();
    closeJournal(v1.db);
    const v2 = openJournal(file, { migrations: MIGRATIONS.slice(0, 2) });
    expect(v2.migratedFrom).toBe(1);
    expect(v2.db.prepare('SELECT id, company, stage, recruiter_contact_id FROM opportunities').all()).toEqual([
      { id: 7, company: 'Globex', stage: 'scheduled', recruiter_contact_id: null },
    ]);
    expect(v2.db.prepare('SELECT duration_minutes, arranged_by_contact_id FROM rounds').get()).toEqual({ duration_minutes: 45, arranged_by_contact_id: null });
    closeJournal(v2.db);
  });
});

describe('settings', () => {
  it('a corrupt settings file starts with defaults and a message; the broken file is kept aside', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ this is not json');
    const core = createCore({ dataDir: dir, transport: 'http' });
    const state = value<{ problems: string[]; settings: { planner: { preset: string } } }>(await core.call('settings.get', undefined));
    expect(state.settings.planner.preset).toBe('standard');
    expect(state.problems[0]).toMatch(/could not be read.*kept as settings\.json\.broken-/);
    const kept = fs.readdirSync(dir).filter((f) => f.startsWith('settings.json.broken-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0]!), 'utf8')).toBe('{ this is not json');
    core.close();
  });

  it('a bad key falls back alone; good keys are kept', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ userName: 'Ann Lee', quietHours: { start: '25:00', end: '08:00' } }));
    const core = createCore({ dataDir: dir, transport: 'http' });
    const state = value<{ problems: string[]; settings: { userName: string; quietHours: { start: string } } }>(await core.call('settings.get', undefined));
    expect(state.settings.userName).toBe('Ann Lee');
    expect(state.settings.quietHours.start).toBe('21:00');
    expect(state.problems.join(' ')).toMatch(/"quietHours"/);
    core.close();
  });

  it('the Patient preset changes the plan, and survives a restart', async () => {
    const { core, dir } = setup();
    const { opportunityId } = await opportunityWithInterviewers(core, ['Alice Ng']);
    const { PLANNER_PRESETS } = await import('../../src/shared/settings');
    value(await core.call('settings.update', { planner: PLANNER_PRESETS.patient }));
    const status = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId })).find((a) => a.kind === 'status-check')!;
    expect(status.due).toBe('2026-12-10T15:00:00.000Z');
    core.close();
    const again = createCore({ dataDir: dir, transport: 'http' });
    expect(value<{ settings: { planner: { preset: string } } }>(await again.call('settings.get', undefined)).settings.planner.preset).toBe('patient');
    again.close();
  });
});
