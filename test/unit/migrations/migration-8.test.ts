/** Migration 8: company size, the indexes the Insights figures read, and the questions of a reflection as a column. */
import { describe, expect, it } from 'vitest';
import { journalAt } from './journal-at-version';

describe('migration 8: company size and the insights indexes', () => {
  it('keeps a version-7 journal and reads the questions of its reflections', () => {
    const journal = journalAt(7);
    const v7 = journal.db;
    v7.prepare("INSERT INTO opportunities (id, company, role, source, created_at, updated_at) VALUES (3, 'Globex', 'Analyst', 'Referral', 'a', 'a')").run();
    v7.prepare(
      "INSERT INTO rounds (id, opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at) VALUES (9, 3, 1, '2026-01-01T10:00:00.000Z', 45, 'phone', 'phone', 'a', 'a')",
    ).run();
    v7.prepare('INSERT INTO reflections (round_id, body, updated_at) VALUES (9, ?, ?)').run('# Globex\n\n## Questions asked\n- Why us?\n- What next?\n\n## My answers\n- Because.', 'a');

    const db = journal.migrateTo(8);
    expect(db.prepare('SELECT company, source, company_size FROM opportunities').get()).toEqual({ company: 'Globex', source: 'Referral', company_size: null });
    expect(db.prepare('SELECT questions_section, revision FROM reflections WHERE round_id = 9').get()).toEqual({ questions_section: '- Why us?\n- What next?\n', revision: 1 });
    expect(() => db.prepare("UPDATE opportunities SET company_size = 'huge' WHERE id = 3").run()).toThrow(/CHECK constraint/);
    // The full-text index still follows the reflections (the new column sits beside it).
    db.prepare("UPDATE reflections SET body = '## Questions asked\n- Where is the coffee?' WHERE round_id = 9").run();
    expect(db.prepare("SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH 'coffee'").pluck().all()).toEqual([9]);
    expect(db.prepare('SELECT questions_section FROM reflections WHERE round_id = 9').pluck().get()).toBe('- Where is the coffee?');
  });
});
