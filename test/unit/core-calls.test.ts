import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { sha256, tempDir } from './helpers';
import path from 'node:path';

const fixedNow = () => new Date('2026-11-22T12:00:00Z');

function openCore(dataDir = tempDir()) {
  return createCore({ dataDir, transport: 'http', now: fixedNow });
}

describe('the contract through the handler layer', () => {
  it('creates, lists, gets, updates and deletes an opportunity with rounds', async () => {
    const core = openCore();
    const created = await core.call('opportunities.create', {
      company: '  Acme  ',
      role: 'Engineer',
      firstRound: { startsAt: '2026-11-20T10:00:00-05:00', format: 'video' },
    });
    expect(created).toMatchObject({
      ok: true,
      value: { company: 'Acme', rounds: [{ number: 1, startsAt: '2026-11-20T15:00:00.000Z', durationMinutes: 60, arrangedChannel: 'email' }] },
    });
    const id = (created as { value: { id: number } }).value.id;

    const second = await core.call('rounds.create', { opportunityId: id, startsAt: '2026-11-27T15:00:00Z', format: 'in-person', decisionDate: '2026-12-04' });
    expect(second).toMatchObject({ ok: true, value: { number: 2, decisionDate: '2026-12-04' } });

    expect(await core.call('opportunities.update', { id, patch: { role: 'Senior Engineer', location: '' } })).toMatchObject({
      ok: true,
      value: { role: 'Senior Engineer', location: null },
    });
    expect(await core.call('opportunities.get', { id })).toMatchObject({ ok: true, value: { rounds: [{ number: 1 }, { number: 2 }] } });
    expect(await core.call('opportunities.delete', { id })).toMatchObject({ ok: true, value: { deleted: id }, patch: { cards: [], removed: [id] } });
    expect(await core.call('opportunities.list', undefined)).toEqual({ ok: true, value: [] });
    core.close();
  });

  it('keeps what was written across a close and reopen of the same folder', async () => {
    const dir = tempDir();
    const first = openCore(dir);
    await first.call('opportunities.create', { company: 'Globex', role: 'Analyst' });
    first.close();
    const second = openCore(dir);
    expect(await second.call('opportunities.list', undefined)).toMatchObject({ ok: true, value: [{ company: 'Globex' }] });
    second.close();
  });

  it('announces every change to subscribers, once per call, with what changed', async () => {
    const core = openCore();
    const seen: unknown[] = [];
    core.subscribe((e) => seen.push(e));
    await core.call('opportunities.create', { company: 'Initech', role: 'TPS' });
    expect(seen).toEqual([
      { type: 'journal.changed', opportunityIds: [1], contactIds: [], reflectionRoundIds: [], templates: false, settings: false, version: expect.any(Number), origin: null },
    ]);
    core.close();
  });

  const bad: [string, string, unknown, RegExp][] = [
    ['an unknown call', 'opportunities.drop', {}, /unknown_call/],
    ['a missing company', 'opportunities.create', { role: 'Dev' }, /company/],
    ['an empty company', 'opportunities.create', { company: '   ', role: 'Dev' }, /company: must not be empty/],
    ['an unknown field', 'opportunities.create', { company: 'A', role: 'B', admin: true }, /admin|Unrecognized/],
    ['a date that does not exist', 'opportunities.create', { company: 'A', role: 'B', firstRound: { startsAt: '2026-02-30T10:00:00Z', format: 'video' } }, /not a real date/],
    ['a time without a zone', 'opportunities.create', { company: 'A', role: 'B', firstRound: { startsAt: '2026-02-10T10:00:00', format: 'video' } }, /time zone/],
    ['an unknown format', 'opportunities.create', { company: 'A', role: 'B', firstRound: { startsAt: '2026-02-10T10:00:00Z', format: 'telepathy' } }, /format/],
    ['a decision date that does not exist', 'rounds.create', { opportunityId: 1, startsAt: '2026-02-10T10:00:00Z', format: 'video', decisionDate: '2026-13-01' }, /decisionDate/],
    ['a string id', 'opportunities.get', { id: '1' }, /id/],
    ['a negative id', 'opportunities.get', { id: -1 }, /id/],
    ['an empty patch', 'opportunities.update', { id: 1, patch: {} }, /at least one field/],
    ['a javascript: job link', 'opportunities.create', { company: 'A', role: 'B', jobUrl: 'javascript:alert(1)' }, /http/],
    ['null input', 'opportunities.create', null, /invalid_input/],
    ['an array', 'opportunities.get', [1], /invalid_input/],
    ['a company of 10,000 characters', 'opportunities.create', { company: 'x'.repeat(10_000), role: 'B' }, /company/],
  ];
  it.each(bad)('refuses %s with a clear error and changes nothing', async (_why, name, input, expected) => {
    const dir = tempDir();
    const core = openCore(dir);
    await core.call('opportunities.create', { company: 'Existing', role: 'Kept' });
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = path.join(dir, 'journal.sqlite3');
    const before = await sha256(file);
    const result = await core.call(name, input);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toMatch(expected);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(await sha256(file)).toBe(before);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    core.close();
  });

  it('answers not_found for a missing opportunity or round', async () => {
    const core = openCore();
    expect(await core.call('opportunities.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.call('rounds.create', { opportunityId: 42, startsAt: '2026-11-20T10:00:00Z', format: 'video' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No opportunity with id 42.' },
    });
    core.close();
  });
});
