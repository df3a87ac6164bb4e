/**
 * A call that refers to a row that does not exist (a contact, an opportunity, a round, a
 * template) is answered `not_found` with the name of the field, never `internal`, and changes
 * nothing. Before issue 16 a missing recruiter or interviewer reached SQLite's foreign-key check
 * and came back as an internal error.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { tempDir } from './helpers';

const MISSING = 9_999;
const at = '2026-11-20T15:00:00Z';

describe('references to rows that do not exist', () => {
  const table: [string, string, (ids: { opportunity: number; round: number; contact: number }) => unknown, string][] = [
    ['a recruiter', 'opportunities.create', () => ({ company: 'A', role: 'B', recruiterContactId: MISSING }), 'recruiterContactId'],
    ['an interviewer of the first round', 'opportunities.create', (i) => ({ company: 'A', role: 'B', firstRound: { startsAt: at, format: 'video', interviewerIds: [i.contact, MISSING] } }), 'firstRound.interviewerIds'],
    ['who arranged the first round', 'opportunities.create', () => ({ company: 'A', role: 'B', firstRound: { startsAt: at, format: 'video', arrangedByContactId: MISSING } }), 'firstRound.arrangedByContactId'],
    ['a recruiter in an update', 'opportunities.update', (i) => ({ id: i.opportunity, patch: { recruiterContactId: MISSING } }), 'patch.recruiterContactId'],
    ['the opportunity of a new round', 'rounds.create', () => ({ opportunityId: MISSING, startsAt: at, format: 'video' }), 'opportunityId'],
    ['an interviewer of a new round', 'rounds.create', (i) => ({ opportunityId: i.opportunity, startsAt: at, format: 'video', interviewerIds: [MISSING] }), 'interviewerIds'],
    ['who arranged a new round', 'rounds.create', (i) => ({ opportunityId: i.opportunity, startsAt: at, format: 'video', arrangedByContactId: MISSING }), 'arrangedByContactId'],
    ['an interviewer in a round update', 'rounds.update', (i) => ({ id: i.round, patch: { interviewerIds: [MISSING] } }), 'patch.interviewerIds'],
    ['who arranged, in a round update', 'rounds.update', (i) => ({ id: i.round, patch: { arrangedByContactId: MISSING } }), 'patch.arrangedByContactId'],
    ['the opportunity of an event', 'events.record', () => ({ opportunityId: MISSING, kind: 'note' }), 'opportunityId'],
    ['the round of an event', 'events.record', (i) => ({ opportunityId: i.opportunity, roundId: MISSING, kind: 'note' }), 'roundId'],
    ['the person of an event', 'events.record', (i) => ({ opportunityId: i.opportunity, contactId: MISSING, kind: 'thank_you_sent' }), 'contactId'],
    ['an interviewer of the next round in a move', 'board.move', (i) => ({ opportunityId: i.opportunity, to: 'upcoming', nextRound: { startsAt: '2026-12-01T15:00:00Z', format: 'video', interviewerIds: [MISSING] } }), 'nextRound.interviewerIds'],
    ['a template', 'letters.draft', (i) => ({ roundId: i.round, kind: 'thank-you-email', templateId: MISSING }), 'templateId'],
  ];

  it.each(table)('%s (%s) is not_found, naming %s', async (_what, name, input, field) => {
    const core = createCore({ dataDir: tempDir(), transport: 'http', now: () => new Date(at) });
    const contact = (await core.call('contacts.create', { name: 'Alice Ng' })) as { ok: true; value: { id: number } };
    const created = (await core.call('opportunities.create', { company: 'Acme', role: 'Dev', firstRound: { startsAt: at, format: 'video', interviewerIds: [contact.value.id] } })) as {
      ok: true;
      value: { id: number; rounds: { id: number }[] };
    };
    const ids = { opportunity: created.value.id, round: created.value.rounds[0]!.id, contact: contact.value.id };
    await core.call('letters.templates', undefined); // the built-in templates are written on first use
    const before = core.db.serialize();
    const result = await core.call(name, input(ids));
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(!result.ok && result.error.message).toContain(`(${field})`);
    expect(!result.ok && result.error.message).toContain(String(MISSING));
    expect(Buffer.compare(before, core.db.serialize()), `${name} changed the journal`).toBe(0);
    core.close();
  });

  it('a foreign key no handler checked first is still not_found, not internal', async () => {
    const core = createCore({ dataDir: tempDir(), transport: 'http' });
    const handlers = core.handlers as unknown as Record<string, (input: unknown) => unknown>;
    handlers['contacts.list'] = () => core.db.prepare("INSERT INTO rounds (opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at) VALUES (4242, 1, 'a', 60, 'video', 'email', 'a', 'a')").run();
    expect(await core.call('contacts.list', undefined)).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/refers to does not exist/) } });
    core.close();
  });
});
