/** Migration 11: what the planner made of each card (`card_plans`, kept in step by triggers), and the closed cards by the day they closed. */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/core/journal/migrations';
import { journalAt } from './journal-at-version';

// The version before this one (migrations are numbered by the engineers who add them in parallel).
const BEFORE = Math.max(...MIGRATIONS.filter((m) => m.version < 11).map((m) => m.version));

describe('migration 11: plans kept per card, and the closed cards by closing', () => {
  it('gives every opportunity its row (a closed one settled, the others to plan) and marks a card at every change', () => {
    const journal = journalAt(BEFORE);
    const old = journal.db;
    old.exec(`
      INSERT INTO opportunities (id, company, role, stage, closed_reason, stage_changed_at, created_at, updated_at)
        VALUES (1, 'Globex', 'Analyst', 'scheduled', NULL, NULL, 'a', 'a'),
               (2, 'Initech', 'Engineer', 'closed', 'rejected', '2026-03-01T10:00:00.000Z', 'a', 'a'),
               (3, 'Hooli', 'Designer', 'closed', 'withdrawn', '2026-05-01T10:00:00.000Z', 'a', 'a');
      INSERT INTO contacts (id, name, created_at, updated_at) VALUES (5, 'Alice Ng', 'a', 'a');
      INSERT INTO rounds (id, opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at)
        VALUES (9, 1, 1, '2026-01-01T10:00:00.000Z', 45, 'phone', 'phone', 'a', 'a');
      INSERT INTO round_interviewers (round_id, contact_id, position) VALUES (9, 5, 0);
    `);

    const db = journal.migrateTo(11);
    expect(db.prepare('SELECT opportunity_id, version, valid_until, next_action FROM card_plans ORDER BY opportunity_id').all()).toEqual([
      { opportunity_id: 1, version: 1, valid_until: '', next_action: null },
      { opportunity_id: 2, version: 1, valid_until: '9999-12-31T23:59:59.999Z', next_action: null },
      { opportunity_id: 3, version: 1, valid_until: '9999-12-31T23:59:59.999Z', next_action: null },
    ]);
    expect(db.prepare('SELECT company FROM opportunities ORDER BY id').pluck().all()).toEqual(['Globex', 'Initech', 'Hooli']);

    const row = (id: number) => db.prepare('SELECT version, valid_until FROM card_plans WHERE opportunity_id = ?').get(id) as { version: number; valid_until: string };
    const settle = (id: number) => db.prepare("UPDATE card_plans SET valid_until = '2030-01-01T00:00:00.000Z' WHERE opportunity_id = ?").run(id);
    const changes: [string, number][] = [
      ["INSERT INTO events (opportunity_id, round_id, kind, occurred_at, created_at) VALUES (2, NULL, 'note', 'a', 'a')", 2],
      ["INSERT INTO action_states (action_key, opportunity_id, state, at) VALUES ('r9:move-on', 1, 'skipped', 'a')", 1],
      ["INSERT INTO notifications (notification_key, action_key, opportunity_id, notified_at) VALUES ('k', 'r9:move-on', 1, 'a')", 1],
      ["UPDATE rounds SET decision_date = '2026-01-09' WHERE id = 9", 1],
      ['DELETE FROM round_interviewers WHERE round_id = 9', 1],
      ["UPDATE opportunities SET role = 'Lead' WHERE id = 3", 3],
    ];
    for (const [sql, id] of changes) {
      settle(id);
      const before = row(id).version;
      db.exec(sql);
      expect(row(id), sql).toEqual({ version: before + 1, valid_until: '' });
    }
    // A person's name is in the plans of the cards they are on; the date they were last contacted is not.
    db.exec('INSERT INTO round_interviewers (round_id, contact_id, position) VALUES (9, 5, 0)');
    settle(1);
    db.exec("UPDATE contacts SET last_contacted_at = '2026-01-02' WHERE id = 5");
    expect(row(1).valid_until).not.toBe('');
    db.exec("UPDATE contacts SET name = 'Alice Nguyen' WHERE id = 5");
    expect(row(1).valid_until).toBe('');
    // A new card gets its row; a deleted one takes it along.
    db.exec("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (4, 'Acme', 'Writer', 'a', 'a')");
    expect(row(4)).toEqual({ version: 1, valid_until: '' });
    db.exec('DELETE FROM opportunities WHERE id = 4');
    expect(db.prepare('SELECT count(*) FROM card_plans WHERE opportunity_id = 4').pluck().get()).toBe(0);
  });

  it('pages the Closed column through its index, the latest closed first', () => {
    const db = journalAt(BEFORE).migrateTo(11);
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM opportunities o WHERE o.stage = 'closed' AND o.archived_at IS NULL AND (o.stage_changed_at, o.id) < (?, ?) ORDER BY o.stage_changed_at DESC, o.id DESC LIMIT 100`,
        )
        .all('9999', 1e9) as { detail: string }[]
    )
      .map((p) => p.detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX opportunities_by_closing/);
    expect(plan, 'a page must not sort every closed card').not.toMatch(/TEMP B-TREE/);
  });
});
