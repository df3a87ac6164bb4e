/** Migration 6: a revision per reflection (a save over an older revision is refused). */
import { describe, expect, it } from 'vitest';
import { journalAt } from './journal-at-version';

describe('migration 6: reflection revisions', () => {
  it('keeps every reflection of a version-5 journal, at revision 1, and counts saves from there', () => {
    const journal = journalAt(5);
    journal.db.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (1, 'Acme', 'Dev', 'a', 'a')").run();
    journal.db
      .prepare("INSERT INTO rounds (id, opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at) VALUES (4, 1, 1, '2026-11-20T15:00:00.000Z', 60, 'video', 'email', 'a', 'a')")
      .run();
    journal.db.prepare("INSERT INTO reflections (round_id, body, updated_at) VALUES (4, 'They asked about zymurgy.', 'b')").run();

    const db = journal.migrateTo(6);
    expect(db.prepare('SELECT round_id, body, updated_at, revision FROM reflections').all()).toEqual([
      { round_id: 4, body: 'They asked about zymurgy.', updated_at: 'b', revision: 1 },
    ]);
    // Full-text search still finds it.
    expect(db.prepare("SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH 'zymurgy'").pluck().all()).toEqual([4]);
    expect(() => db.prepare('UPDATE reflections SET revision = 0').run()).toThrow(/CHECK/);
  });
});
