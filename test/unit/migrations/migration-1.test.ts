/** Migration 1: a new journal gets opportunities and rounds, with their constraints. */
import { describe, expect, it } from 'vitest';
import { columnsOf, hasTable, journalAt } from './journal-at-version';

describe('migration 1: opportunities and rounds', () => {
  it('turns an empty file into a journal that keeps opportunities and their rounds', () => {
    const journal = journalAt(0);
    expect(hasTable(journal.db, 'opportunities')).toBe(false);
    const db = journal.migrateTo(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(columnsOf(db, 'opportunities')).toEqual(['id', 'company', 'role', 'job_url', 'location', 'source', 'salary_notes', 'created_at', 'updated_at']);

    db.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (1, 'Acme', 'Dev', 'a', 'a')").run();
    const round = db.prepare(
      "INSERT INTO rounds (opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at) VALUES (1, ?, '2026-01-01T10:00:00.000Z', ?, ?, 'email', 'a', 'a')",
    );
    round.run(1, 60, 'in-person');
    expect(() => round.run(1, 60, 'video'), 'one round 1 per opportunity').toThrow(/UNIQUE/);
    expect(() => round.run(2, 4, 'video'), 'at least five minutes').toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO opportunities (company, role, created_at, updated_at) VALUES ('', 'Dev', 'a', 'a')").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM opportunities WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM rounds').pluck().get()).toBe(0);
  });
});
