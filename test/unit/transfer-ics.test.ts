/**
 * Calendar files read back by a real calendar parser (ical.js, Mozilla's, used by Thunderbird's
 * web calendar): interviews and due follow-ups at the right instants and wall-clock times in two
 * time zones on both sides of their daylight-saving changes, with the VTIMEZONE the file carries;
 * RFC 5545's form (CRLF, 75-octet lines, escaped text, stable UIDs); and the subscribable file
 * in the data folder, rewritten after the journal changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import { FEED_DEBOUNCE_MS, FEED_FILE_NAME } from '../../src/main/core/transfer/calendar-feed';
import { foldLine } from '../../src/main/core/transfer/ics';
import type { OpportunityWithRounds } from '../../src/shared/domain';
import { tempDir } from './helpers';

async function value<T>(core: Core, name: string, input?: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

interface Parsed {
  readonly text: string;
  readonly events: { uid: string; summary: string; description: string; start: Date; end: Date; zone: string; hour: number; minute: number; categories: string[] }[];
}

/** Parses like a calendar app: the VTIMEZONE in the file decides what local times mean. */
function parse(base64: string): Parsed {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate.toJSDate(),
      end: e.endDate.toJSDate(),
      zone: e.startDate.zone?.tzid ?? '',
      hour: e.startDate.hour,
      minute: e.startDate.minute,
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    };
  });
  return { text, events };
}

const calendarOf = async (core: Core, opportunityId?: number) =>
  parse((await value<{ base64: string }>(core, 'transfer.calendar', opportunityId === undefined ? {} : { opportunityId })).base64);

/** Rounds at 10:00 local on both sides of each zone's DST changes in 2026, as UTC instants. */
const ZONES: [string, { startsAt: string; local: string }[]][] = [
  [
    'America/New_York',
    [
      { startsAt: '2026-03-06T15:00:00Z', local: '10:00' }, // EST, before 8 March
      { startsAt: '2026-03-09T14:00:00Z', local: '10:00' }, // EDT, after
      { startsAt: '2026-10-30T14:00:00Z', local: '10:00' }, // EDT, before 1 November
      { startsAt: '2026-11-02T15:00:00Z', local: '10:00' }, // EST, after
    ],
  ],
  [
    'Europe/Berlin',
    [
      { startsAt: '2026-03-27T09:00:00Z', local: '10:00' }, // CET, before 29 March
      { startsAt: '2026-03-30T08:00:00Z', local: '10:00' }, // CEST, after
      { startsAt: '2026-10-23T08:30:00Z', local: '10:30' }, // CEST, before 25 October
      { startsAt: '2026-10-26T09:30:00Z', local: '10:30' }, // CET, after
    ],
  ],
];

describe('a calendar file read by ical.js', () => {
  it.each(ZONES)('%s: every interview at its instant and its wall-clock time, across daylight saving', async (zone, rounds) => {
    const core = createCore({ dataDir: tempDir(), transport: 'http', now: () => new Date('2026-03-01T12:00:00Z') });
    core.settings.update({ timeZone: zone });
    const created = await value<OpportunityWithRounds>(core, 'opportunities.create', {
      company: 'Acme; Robotics, Inc.',
      role: 'Staff Engineer\\Lead',
      location: 'Berlin',
      firstRound: { startsAt: rounds[0]!.startsAt, format: 'in-person', durationMinutes: 45 },
    });
    for (const r of rounds.slice(1)) await value(core, 'rounds.create', { opportunityId: created.id, startsAt: r.startsAt, format: 'video' });

    const { text, events } = await calendarOf(core, created.id);
    const interviews = events.filter((e) => e.categories.includes('Interview'));
    expect(interviews).toHaveLength(rounds.length);
    interviews.forEach((e, i) => {
      expect(e.start.toISOString(), `round ${i + 1} in ${zone}`).toBe(new Date(rounds[i]!.startsAt).toISOString());
      expect(`${String(e.hour).padStart(2, '0')}:${String(e.minute).padStart(2, '0')}`, `round ${i + 1} wall clock in ${zone}`).toBe(rounds[i]!.local);
      expect(e.zone).toBe(zone);
    });
    expect(interviews[0]!.end.getTime() - interviews[0]!.start.getTime()).toBe(45 * 60_000);
    // Escaped text comes back as it was written.
    expect(interviews[0]!.summary).toBe('Interview: Acme; Robotics, Inc., Staff Engineer\\Lead (round 1)');
    expect(text).toContain('SUMMARY:Interview: Acme\\; Robotics\\, Inc.\\, Staff Engineer\\\\Lead (round 1)');
    // The follow-ups the planner has open for the card are there too, each at its due time.
    const actions = await value<{ key: string; due: string; status: string; snoozedUntil: string | null }[]>(core, 'actions.forOpportunity', { opportunityId: created.id });
    const open = actions.filter((a) => a.status === 'pending' || a.status === 'snoozed');
    const followUps = events.filter((e) => e.categories.includes('Follow-up'));
    expect(followUps.length).toBe(open.length);
    expect(followUps.map((e) => e.start.toISOString()).sort()).toEqual(open.map((a) => new Date(a.snoozedUntil ?? a.due).toISOString()).sort());
    core.close();
  });

  it('follows RFC 5545 form: CRLF, lines of at most 75 octets, a DTSTAMP and a unique UID on every event, UIDs stable across exports', async () => {
    let now = new Date('2026-11-20T15:00:00Z');
    const core = createCore({ dataDir: tempDir(), transport: 'http', now: () => now });
    core.settings.update({ timeZone: 'Europe/Berlin' });
    await value(core, 'opportunities.create', {
      company: 'Ünïcödé Ltd with a very long name that will need folding in a calendar file ✓✓✓',
      role: 'Engineer',
      firstRound: { startsAt: '2026-11-24T10:00:00Z', format: 'video', nextStep: 'They will call.\nSecond line; with, punctuation' },
    });
    const first = await calendarOf(core);
    const lines = first.text.split('\r\n');
    expect(first.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(first.text.match(/^DTSTAMP:20261120T150000Z$/gm)?.length).toBe(first.events.length);
    expect(new Set(first.events.map((e) => e.uid)).size).toBe(first.events.length);
    const interview = first.events.find((e) => e.categories.includes('Interview'))!;
    expect(interview.summary).toContain('Ünïcödé Ltd with a very long name that will need folding in a calendar file ✓✓✓');
    expect(interview.description).toContain('Next step they stated: They will call.\nSecond line; with, punctuation');
    now = new Date('2026-11-20T16:00:00Z');
    const second = await calendarOf(core);
    expect(second.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    expect(second.text).toContain('DTSTAMP:20261120T160000Z');
    core.close();
  });

  it('folds without cutting a character in two', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    expect(folded.split('\r\n ').join('')).toBe(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
  });

  it('everything upcoming: from a week ago to a year ahead, across cards; UTC written as UTC', async () => {
    const core = createCore({ dataDir: tempDir(), transport: 'http', now: () => new Date('2026-11-20T15:00:00Z') });
    core.settings.update({ timeZone: 'UTC' });
    for (const [company, startsAt] of [['Old', '2026-10-01T15:00:00Z'], ['Recent', '2026-11-16T15:00:00Z'], ['Next', '2026-12-01T15:00:00Z'], ['Far', '2028-01-01T15:00:00Z']] as const) {
      await value(core, 'opportunities.create', { company, role: 'Dev', firstRound: { startsAt, format: 'phone' } });
    }
    const { text, events } = await calendarOf(core);
    const interviews = events.filter((e) => e.categories.includes('Interview')).map((e) => e.summary);
    expect(interviews).toEqual(['Interview: Recent, Dev (round 1)', 'Interview: Next, Dev (round 1)']);
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART:20261201T150000Z');
    expect(events.some((e) => e.categories.includes('Follow-up'))).toBe(true);
    core.close();
  });

  it('a calendar for a card that does not exist is not_found', async () => {
    const core = createCore({ dataDir: tempDir(), transport: 'http' });
    expect(await core.call('transfer.calendar', { opportunityId: 4242 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    core.close();
  });
});

describe('the calendar file a calendar app subscribes to', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('is rewritten once after a burst of changes, atomically, and holds the new interview', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const dir = tempDir();
    const core = createCore({ dataDir: dir, transport: 'http', now: () => new Date('2026-11-20T15:00:00Z'), calendarFeed: true });
    core.settings.update({ timeZone: 'America/New_York' });
    const file = path.join(dir, FEED_FILE_NAME);
    await vi.advanceTimersByTimeAsync(FEED_DEBOUNCE_MS);
    expect(fs.existsSync(file)).toBe(true);
    const renames = vi.spyOn(fs, 'renameSync');
    for (let i = 0; i < 5; i++) await value(core, 'opportunities.create', { company: `Burst ${i}`, role: 'Dev', firstRound: { startsAt: `2026-11-2${i + 3}T15:00:00Z`, format: 'video' } });
    await vi.advanceTimersByTimeAsync(FEED_DEBOUNCE_MS - 1);
    expect(renames).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(renames).toHaveBeenCalledTimes(1);
    expect(renames.mock.calls[0]![0]).toMatch(/\.tmp$/);
    expect(renames.mock.calls[0]![1]).toBe(file);
    const parsed = parse(fs.readFileSync(file).toString('base64'));
    expect(parsed.events.filter((e) => e.categories.includes('Interview')).map((e) => e.summary)).toEqual([0, 1, 2, 3, 4].map((i) => `Interview: Burst ${i}, Dev (round 1)`));
    const status = await value<{ path: string; url: string; events: number }>(core, 'transfer.calendarFeed');
    expect(status).toMatchObject({ path: file, url: `file://${file}`, events: parsed.events.length });
    // Nothing changed: nothing is written.
    core.publish({ type: 'settings.changed', version: Date.now(), origin: null });
    await vi.advanceTimersByTimeAsync(FEED_DEBOUNCE_MS);
    expect(renames).toHaveBeenCalledTimes(1);
    core.close();
  });
});
