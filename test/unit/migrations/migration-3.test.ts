/** Migration 3: reflections, their versions, and full-text search kept in step by triggers. */
import { describe, expect, it } from 'vitest';
import { journalAt } from './journal-at-version';

describe('migration 3: reflections and their search', () => {
  it('keeps a version-2 journal and makes what is written about its rounds searchable', () => {
    const journal = journalAt(2);
    journal.db.prepare("INSERT INTO opportunities (id, company, role, stage, created_at, updated_at) VALUES (1, 'Acme', 'Dev', 'thanked', 'a', 'a')").run();
    journal.db
      .prepare(
        "INSERT INTO rounds (id, opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at) VALUES (4, 1, 1, '2026-01-01T10:00:00.000Z', 60, 'video', 'email', 'a', 'a')",
      )
      .run();
    journal.db.prepare("INSERT INTO events (opportunity_id, round_id, kind, occurred_at, created_at) VALUES (1, 4, 'thank_you_sent', 'b', 'b')").run();

    const db = journal.migrateTo(3);
    expect(db.prepare('SELECT stage FROM opportunities WHERE id = 1').pluck().get()).toBe('thanked');
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);

    const search = db.prepare("SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ?").pluck();
    db.prepare("INSERT INTO reflections (round_id, body, updated_at) VALUES (4, 'We talked about the concurrency bug', 'c')").run();
    expect(search.all('concurrency')).toEqual([4]);
    db.prepare("UPDATE reflections SET body = 'Mostly the design system' WHERE round_id = 4").run();
    expect(search.all('concurrency')).toEqual([]);
    expect(search.all('design')).toEqual([4]);
    db.prepare("INSERT INTO reflection_versions (round_id, body, saved_at) VALUES (4, 'We talked about the concurrency bug', 'c')").run();

    db.prepare('DELETE FROM rounds WHERE id = 4').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM reflections) + (SELECT count(*) FROM reflection_versions)').pluck().get()).toBe(0);
    expect(search.all('design')).toEqual([]);
  });
});
