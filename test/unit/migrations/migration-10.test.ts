/** Migration 10: a person's company and notes, removed people, an opportunity's notes and tags, archiving, and deleted cards kept for undo. */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/core/journal/migrations';
import { columnsOf, hasTable, journalAt } from './journal-at-version';

/** The migration before this one (others are numbered in parallel: whichever is newest below 10). */
const previous = Math.max(...MIGRATIONS.filter((m) => m.version < 10).map((m) => m.version));

describe('migration 10: people and opportunities the user can see, change and remove', () => {
  it('keeps the contacts and opportunities of the journal before it, with empty new fields', () => {
    const journal = journalAt(previous);
    const before = journal.db;
    before.prepare("INSERT INTO contacts (id, name, email, created_at, updated_at) VALUES (4, 'Alice Ng', 'alice@acme.test', 'a', 'a')").run();
    before.prepare("INSERT INTO opportunities (id, company, role, salary_notes, recruiter_contact_id, created_at, updated_at) VALUES (3, 'Acme', 'Engineer', '90k', 4, 'a', 'a')").run();

    const db = journal.migrateTo(10);
    expect(db.prepare('SELECT name, email, company, notes, removed_at FROM contacts').get()).toEqual({
      name: 'Alice Ng',
      email: 'alice@acme.test',
      company: null,
      notes: null,
      removed_at: null,
    });
    expect(db.prepare('SELECT company, salary_notes, recruiter_contact_id, notes, tags, archived_at FROM opportunities').get()).toEqual({
      company: 'Acme',
      salary_notes: '90k',
      recruiter_contact_id: 4,
      notes: null,
      tags: '[]',
      archived_at: null,
    });
    expect(columnsOf(db, 'deleted_opportunities')).toEqual(['id', 'opportunity_id', 'company', 'role', 'deleted_at', 'rows']);
    expect(hasTable(db, 'deleted_opportunities')).toBe(true);
  });

  it('refuses tags that are not a JSON array, and a deleted card that is not JSON', () => {
    const db = journalAt(previous).migrateTo(10);
    db.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (1, 'Acme', 'Engineer', 'a', 'a')").run();
    expect(() => db.prepare("UPDATE opportunities SET tags = 'remote' WHERE id = 1").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare(`UPDATE opportunities SET tags = '{"a":1}' WHERE id = 1`).run()).toThrow(/CHECK constraint/);
    db.prepare(`UPDATE opportunities SET tags = '["remote","startup"]' WHERE id = 1`).run();
    expect(() => db.prepare("INSERT INTO deleted_opportunities (opportunity_id, company, role, deleted_at, rows) VALUES (1, 'A', 'B', 'a', 'not json')").run()).toThrow(
      /CHECK constraint/,
    );
  });

  it('finds archived cards through their own small index', () => {
    const db = journalAt(previous).migrateTo(10);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM opportunities WHERE archived_at IS NOT NULL').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/opportunities_archived/);
  });

  it('reads everything that names a person through an index, never a scan of the journal', () => {
    const db = journalAt(previous).migrateTo(10);
    const queries = [
      'SELECT opportunity_id FROM events WHERE contact_id = 1',
      'SELECT opportunity_id FROM letters WHERE contact_id = 1',
      'SELECT id FROM letters WHERE event_id = 1',
      'SELECT opportunity_id FROM rounds WHERE arranged_by_contact_id = 1',
      'SELECT id FROM opportunities WHERE recruiter_contact_id = 1',
    ];
    for (const sql of queries) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
      expect(plan, sql).toMatch(/USING (COVERING )?INDEX/);
    }
  });
});
