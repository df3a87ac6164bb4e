/** The reminder scheduler, with fake timers and a fake clock (docs/follow-up-rules.md "Reminders"). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import type { Notice } from '../../src/main/core/reminders/scheduler';
import { isQuiet, quietEnd } from '../../src/main/core/reminders/quiet-hours';
import type { Action } from '../../src/shared/domain';
import { tempDir } from './helpers';

const HOUR = 3_600_000;
const value = <T>(r: unknown): T => (r as { value: T }).value;

let dir: string;
let notices: Notice[];
const cores: Core[] = [];

function open(settings: Record<string, unknown> = {}) {
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York', quietHours: { start: '00:00', end: '00:00' }, ...settings }));
  const core = createCore({ dataDir: dir, transport: 'http' });
  cores.push(core);
  return core;
}

/** An opportunity whose round (video, one interviewer) ended at `end`; the reflection is written. */
async function roundEndedAt(core: Core, end: string) {
  const alice = value<{ id: number }>(await core.call('contacts.create', { name: 'Alice Ng' }));
  const opp = value<{ id: number; rounds: { id: number }[] }>(
    await core.call('opportunities.create', {
      company: 'Acme',
      role: 'Engineer',
      firstRound: { startsAt: new Date(Date.parse(end) - HOUR).toISOString(), durationMinutes: 60, format: 'video', interviewerIds: [alice.id] },
    }),
  );
  await core.call('events.record', { opportunityId: opp.id, roundId: opp.rounds[0]!.id, kind: 'reflection_written' });
  await core.call('events.record', { opportunityId: opp.id, roundId: opp.rounds[0]!.id, kind: 'next_steps_asked' });
  return opp.id;
}

beforeEach(() => {
  dir = tempDir();
  notices = [];
});
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  vi.useRealTimers();
});

describe('the reminder scheduler', () => {
  it('notifies an action once, at its due time, with one timer and no polling', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-10T15:00:00Z') });
    const core = open();
    const id = await roundEndedAt(core, '2026-11-10T14:00:00Z'); // thank-you due 2026-11-11T14:00Z
    const scheduler = core.startReminders((n) => notices.push(n));
    expect(scheduler.nextNotificationAt()?.toISOString()).toBe('2026-11-11T14:00:00.000Z');
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(23 * HOUR - 1000);
    expect(notices).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'action', title: 'Thank-you: Alice Ng', opportunityId: id, body: 'Acme, Engineer. Due by 09:00 on Wednesday 11 November, 24 hours after round 1 ended, and still worth sending until 09:00 on Thursday 12 November, 48 hours after it.' }),
    ]);
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(notices).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('waits through quiet hours and notifies once at their end', async () => {
    // Due at 22:00 in New York (03:00 UTC); quiet from 21:00 to 08:00.
    vi.useFakeTimers({ now: new Date('2026-11-10T22:00:00Z') });
    const core = open({ quietHours: { start: '21:00', end: '08:00' } });
    await roundEndedAt(core, '2026-11-11T03:00:00Z');
    core.startReminders((n) => notices.push(n));
    await vi.advanceTimersByTimeAsync(Date.parse('2026-11-12T03:00:00Z') - Date.now() + 1000);
    expect(notices).toEqual([]);
    await vi.advanceTimersByTimeAsync(Date.parse('2026-11-12T12:59:00Z') - Date.now());
    expect(notices).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * 60_000); // 08:00 in New York = 13:00 UTC
    expect(notices.map((n) => n.title)).toEqual(['Thank-you: Alice Ng']);
  });

  it('does not repeat a notification after a restart', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-10T15:00:00Z') });
    let core = open();
    await roundEndedAt(core, '2026-11-10T14:00:00Z');
    core.startReminders((n) => notices.push(n));
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(notices).toHaveLength(1);
    core.close();
    core = open();
    core.startReminders((n) => notices.push(n));
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(notices).toHaveLength(1);
  });

  it('sends one summary for everything that came due while it was closed', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-10T15:00:00Z') });
    let core = open();
    await roundEndedAt(core, '2026-11-10T14:00:00Z');
    await roundEndedAt(core, '2026-11-10T14:30:00Z');
    core.startReminders((n) => notices.push(n));
    core.close();
    vi.setSystemTime(new Date('2026-11-12T01:00:00Z')); // 35 hours away: both thank-yous came due, neither window has closed
    core = open();
    core.startReminders((n) => notices.push(n));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'summary', title: expect.stringMatching(/^\d+ follow-ups came due while Afterword was closed$/) });
    expect(notices[0]!.count).toBeGreaterThanOrEqual(2);
  });

  it('a thank-you whose window closed while Afterword was away is kept as missed, never notified', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-10T15:00:00Z') });
    let core = open();
    const id = await roundEndedAt(core, '2026-11-10T14:00:00Z');
    core.startReminders((n) => notices.push(n));
    core.close();
    vi.setSystemTime(new Date('2026-11-13T15:00:00Z')); // three days away: the 48 hours are over
    core = open();
    const scheduler = core.startReminders((n) => notices.push(n));
    await vi.advanceTimersByTimeAsync(12 * HOUR);
    expect(notices).toEqual([]);
    expect(scheduler.dueNow().map((a) => a.kind)).not.toContain('thank-you');
    const actions = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId: id }));
    expect(actions.find((a) => a.kind === 'thank-you')).toMatchObject({ status: 'missed', settledAt: '2026-11-12T14:00:00.000Z' });
    const board = value<{ cards: { id: number; nextAction: Action | null }[] }>(await core.call('board.get', undefined));
    expect(board.cards.find((c) => c.id === id)!.nextAction?.kind).toBe('linkedin-note');
  });

  it('a snoozed action comes back at its new time; a done one never does', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-10T15:00:00Z') });
    const core = open();
    const id = await roundEndedAt(core, '2026-11-10T14:00:00Z');
    core.startReminders((n) => notices.push(n));
    await vi.advanceTimersByTimeAsync(23 * HOUR + 1000);
    expect(notices).toHaveLength(1);
    const thanks = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId: id })).find((a) => a.kind === 'thank-you')!;
    await core.call('actions.snooze', { opportunityId: id, key: thanks.key, until: new Date(Date.now() + HOUR).toISOString() });
    await vi.advanceTimersByTimeAsync(HOUR - 2000);
    expect(notices).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(notices).toHaveLength(2);
    await core.call('actions.complete', { opportunityId: id, key: thanks.key });
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(notices.filter((n) => n.title.startsWith('Thank-you'))).toHaveLength(2);
  });

  it('fires at the right instant across a daylight-saving change', async () => {
    // Round on Friday 30 October (EDT); no decision date: status check Friday 6 November 10:00 EST = 15:00 UTC.
    vi.useFakeTimers({ now: new Date('2026-11-05T12:00:00Z') });
    const core = open();
    const id = await roundEndedAt(core, '2026-10-30T15:00:00Z');
    await core.call('events.record', { opportunityId: id, kind: 'thank_you_sent', contactId: 1, occurredAt: '2026-10-30T18:00:00Z' });
    await core.call('events.record', { opportunityId: id, kind: 'linkedin_request_sent', contactId: 1, occurredAt: '2026-10-30T18:05:00Z' });
    core.startReminders((n) => notices.push(n));
    await vi.advanceTimersByTimeAsync(Date.parse('2026-11-06T14:59:00Z') - Date.now());
    expect(notices.map((n) => n.title)).not.toContain('Status check: Alice Ng');
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(notices.map((n) => n.title)).toContain('Status check: Alice Ng');
  });

  it('notifications off: nothing is shown, and nothing is replayed when they are turned on', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-10T15:00:00Z') });
    const core = open({ notifications: false });
    await roundEndedAt(core, '2026-11-10T14:00:00Z');
    core.startReminders((n) => notices.push(n));
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    await core.call('settings.update', { notifications: true });
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(notices).toEqual([]);
  });
});

describe('quiet hours', () => {
  const quiet = { start: '21:00', end: '08:00' };
  it.each([
    ['2026-11-10T01:59:00Z', false], // 20:59 New York
    ['2026-11-10T02:00:00Z', true], // 21:00
    ['2026-11-10T12:59:00Z', true], // 07:59
    ['2026-11-10T13:00:00Z', false], // 08:00
  ])('%s is quiet: %s', (at, expected) => {
    expect(isQuiet(new Date(at), quiet, 'America/New_York')).toBe(expected);
  });
  it('ends at 08:00 local, the next morning or the same one', () => {
    expect(quietEnd(new Date('2026-11-10T02:30:00Z'), quiet, 'America/New_York').toISOString()).toBe('2026-11-10T13:00:00.000Z');
    expect(quietEnd(new Date('2026-11-10T08:00:00Z'), quiet, 'America/New_York').toISOString()).toBe('2026-11-10T13:00:00.000Z');
  });
});
