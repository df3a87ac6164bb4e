/** Migration 4: letter templates and letters. */
import { describe, expect, it } from 'vitest';
import { journalAt } from './journal-at-version';

describe('migration 4: letters', () => {
  it('keeps a version-3 journal, reflections searchable, and lets letters point at its rows', () => {
    const journal = journalAt(3);
    journal.db.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (1, 'Acme', 'Dev', 'a', 'a')").run();
    journal.db
      .prepare(
        "INSERT INTO rounds (id, opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at) VALUES (2, 1, 1, '2026-01-01T10:00:00.000Z', 60, 'in-person', 'email', 'a', 'a')",
      )
      .run();
    journal.db.prepare("INSERT INTO contacts (id, name, created_at, updated_at) VALUES (3, 'Alice Ng', 'a', 'a')").run();
    journal.db.prepare("INSERT INTO reflections (round_id, body, updated_at) VALUES (2, 'She mentioned ==the migration to Postgres==', 'a')").run();

    const db = journal.migrateTo(4);
    expect(db.prepare("SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH 'postgres'").pluck().all()).toEqual([2]);
    db.prepare("INSERT INTO letter_templates (id, kind, name, subject, body, updated_at) VALUES (1, 'thank-you-card', 'Card', '', 'Dear {recipientName}', 'b')").run();
    expect(db.prepare('SELECT builtin FROM letter_templates').pluck().get(), 'a template is the user’s unless said').toBe(0);
    db.prepare(
      "INSERT INTO letters (id, opportunity_id, round_id, contact_id, kind, template_id, subject, body, created_at, updated_at) VALUES (1, 1, 2, 3, 'thank-you-card', 1, '', 'Dear Alice', 'b', 'b')",
    ).run();
    expect(db.prepare('SELECT state, sent_at FROM letters').get()).toEqual({ state: 'draft', sent_at: null });
    expect(() => db.prepare("UPDATE letters SET state = 'posted'").run()).toThrow(/CHECK/);

    // A letter outlives the person and the template it was written from, not its opportunity.
    db.prepare('DELETE FROM contacts WHERE id = 3').run();
    db.prepare('DELETE FROM letter_templates WHERE id = 1').run();
    expect(db.prepare('SELECT contact_id, template_id, body FROM letters').get()).toEqual({ contact_id: null, template_id: null, body: 'Dear Alice' });
    db.prepare('DELETE FROM opportunities WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM letters').pluck().get()).toBe(0);
  });
});
