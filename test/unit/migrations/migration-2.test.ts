/** Migration 2: contacts, interviewers, the timeline of events and action states, the stored stage. */
import { describe, expect, it } from 'vitest';
import { hasTable, journalAt } from './journal-at-version';

describe('migration 2: contacts, the timeline and stages', () => {
  it('keeps the opportunities and rounds of a version-1 journal and gives them the new columns', () => {
    const journal = journalAt(1);
    journal.db.prepare("INSERT INTO opportunities (id, company, role, job_url, created_at, updated_at) VALUES (7, 'Globex', 'Analyst', 'https://globex.example/jobs/1', 'a', 'a')").run();
    journal.db
      .prepare(
        "INSERT INTO rounds (id, opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, next_step, created_at, updated_at) VALUES (3, 7, 1, '2026-01-01T10:00:00.000Z', 45, 'phone', 'phone', 'They will call', 'a', 'a')",
      )
      .run();

    const db = journal.migrateTo(2);
    expect(db.prepare('SELECT id, company, job_url, stage, closed_reason, stage_changed_at, recruiter_contact_id FROM opportunities').all()).toEqual([
      { id: 7, company: 'Globex', job_url: 'https://globex.example/jobs/1', stage: 'scheduled', closed_reason: null, stage_changed_at: null, recruiter_contact_id: null },
    ]);
    expect(db.prepare('SELECT id, duration_minutes, next_step, arranged_by_contact_id FROM rounds').get()).toEqual({
      id: 3,
      duration_minutes: 45,
      next_step: 'They will call',
      arranged_by_contact_id: null,
    });
    for (const table of ['contacts', 'round_interviewers', 'events', 'action_states']) expect(hasTable(db, table), table).toBe(true);
  });

  it('links the old rows to people and events: a removed contact leaves the round, a removed card takes its timeline', () => {
    const journal = journalAt(1);
    journal.db.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (1, 'Acme', 'Dev', 'a', 'a')").run();
    journal.db
      .prepare(
        "INSERT INTO rounds (id, opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at) VALUES (1, 1, 1, '2026-01-01T10:00:00.000Z', 60, 'video', 'email', 'a', 'a')",
      )
      .run();
    const db = journal.migrateTo(2);
    db.prepare("INSERT INTO contacts (id, name, created_at, updated_at) VALUES (5, 'Alice Ng', 'a', 'a')").run();
    db.prepare('UPDATE rounds SET arranged_by_contact_id = 5 WHERE id = 1').run();
    db.prepare('INSERT INTO round_interviewers (round_id, contact_id, position) VALUES (1, 5, 0)').run();
    db.prepare("INSERT INTO events (opportunity_id, round_id, contact_id, kind, occurred_at, created_at) VALUES (1, 1, 5, 'thank_you_sent', 'b', 'b')").run();
    db.prepare("INSERT INTO action_states (action_key, opportunity_id, state, at) VALUES ('r1:thank-you:c5', 1, 'done', 'b')").run();
    expect(() => db.prepare("UPDATE opportunities SET stage = 'waiting' WHERE id = 1").run()).toThrow(/CHECK/);

    db.prepare('DELETE FROM contacts WHERE id = 5').run();
    expect(db.prepare('SELECT arranged_by_contact_id FROM rounds').pluck().get()).toBeNull();
    expect(db.prepare('SELECT count(*) FROM round_interviewers').pluck().get()).toBe(0);
    expect(db.prepare('SELECT contact_id FROM events').pluck().get()).toBeNull();
    db.prepare('DELETE FROM opportunities WHERE id = 1').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM action_states)').pluck().get()).toBe(0);
  });
});
