/**
 * Statements are prepared once per connection. better-sqlite3 frees a statement's native memory
 * only when the connection closes, so a call that prepared its SQL each time grew the process by
 * 4-10 KB per call (about 100 MB over the benchmark's load run). Here: after two passes of the
 * calls a user makes all day, the next passes prepare nothing; and the cache hands a
 * statement back in its plain mode, whatever the call before it asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { prepared } from '../../src/main/core/journal/statements';
import { saveReflection, tempDir } from './helpers';

const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: T }).value;
};

describe('statements are prepared once per connection', () => {
  it("a day's calls, made again, prepare no new statement", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'Europe/London' }));
    let now = new Date('2026-11-20T12:00:00Z');
    const core = createCore({ dataDir: dir, transport: 'http', now: () => now });
    const contact = value<{ id: number }>(await core.call('contacts.create', { name: 'Alice Ng' }));
    const opportunity = value<{ id: number; rounds: { id: number }[] }>(
      await core.call('opportunities.create', { company: 'Acme', role: 'Engineer', firstRound: { startsAt: '2026-11-20T10:00:00Z', format: 'video', interviewerIds: [contact.id] } }),
    );
    const roundId = opportunity.rounds[0]!.id;
    const id = opportunity.id;

    const day = async (n: number) => {
      now = new Date(now.getTime() + 60_000);
      value(await core.call('opportunities.update', { id, patch: { salaryNotes: `notes ${n}` } }));
      value(await core.call('rounds.update', { id: roundId, patch: { nextStep: `step ${n}` } }));
      value(await core.call('contacts.update', { id: contact.id, patch: { title: `Lead ${n}` } }));
      value(await core.call('events.record', { opportunityId: id, kind: 'note', note: `event ${n}` }));
      value(await saveReflection(core, roundId, `What went well, pass ${n}.`));
      value(await core.call('reflections.search', { query: 'went well' }));
      value(await core.call('letters.draft', { roundId, kind: 'thank-you-email' }));
      value(await core.call('letters.list', { opportunityId: id }));
      value(await core.call('contacts.history', { id: contact.id }));
      value(await core.call('opportunities.get', { id }));
      value(await core.call('opportunities.archive', { id }));
      value(await core.call('opportunities.unarchive', { id }));
      value(await core.call('board.get', undefined));
      value(await core.call('board.cards', { ids: [id] }));
      value(await core.call('actions.forOpportunity', { opportunityId: id }));
      value(await core.call('reminders.due', undefined));
    };

    // Two days to warm up: the second save of a reflection is the first to keep a version.
    await day(1);
    await day(2);
    const prepare = vi.spyOn(core.db, 'prepare');
    await day(3);
    await day(4);
    // Each would be a statement kept until the journal closes.
    expect(prepare.mock.calls.map(([sql]) => String(sql).replace(/\s+/g, ' ').slice(0, 80))).toEqual([]);
    core.close();
  });

  it('hands a statement back in its plain mode, whatever the call before it asked for', () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir, transport: 'http' });
    const sql = "SELECT 'Acme' AS company, 'Engineer' AS role";
    expect(prepared(core.db, sql).pluck().get()).toBe('Acme');
    expect(prepared(core.db, sql).get()).toEqual({ company: 'Acme', role: 'Engineer' });
    expect(prepared(core.db, sql).raw().get()).toEqual(['Acme', 'Engineer']);
    expect(prepared(core.db, sql).get()).toEqual({ company: 'Acme', role: 'Engineer' });
    core.close();
  });
});
