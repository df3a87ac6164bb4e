/** Migration 5: what the reminders notified, and when the app last ran. */
import { describe, expect, it } from 'vitest';
import { journalAt } from './journal-at-version';

describe('migration 5: reminders', () => {
  it('keeps a version-4 journal with its letters, and records each notification once', () => {
    const journal = journalAt(4);
    journal.db.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (1, 'Acme', 'Dev', 'a', 'a')").run();
    journal.db.prepare("INSERT INTO letters (id, opportunity_id, kind, subject, body, state, sent_at, created_at, updated_at) VALUES (9, 1, 'status-check-email', 'Checking in', 'Hello', 'sent', 'b', 'a', 'b')").run();
    journal.db.prepare("INSERT INTO action_states (action_key, opportunity_id, state, until, at) VALUES ('o1:status-check', 1, 'snoozed', '2026-12-01T09:00:00.000Z', 'b')").run();

    const db = journal.migrateTo(5);
    expect(db.prepare('SELECT id, state, sent_at FROM letters').all()).toEqual([{ id: 9, state: 'sent', sent_at: 'b' }]);
    expect(db.prepare('SELECT state, until FROM action_states').get()).toEqual({ state: 'snoozed', until: '2026-12-01T09:00:00.000Z' });

    const notify = db.prepare('INSERT OR IGNORE INTO notifications (notification_key, action_key, opportunity_id, notified_at) VALUES (?, ?, 1, ?)');
    expect(notify.run('o1:status-check@2026-12-01T09:00:00.000Z', 'o1:status-check', 'c').changes).toBe(1);
    expect(notify.run('o1:status-check@2026-12-01T09:00:00.000Z', 'o1:status-check', 'd').changes, 'never the same notification twice').toBe(0);
    expect(notify.run('o1:status-check@2026-12-02T09:00:00.000Z', 'o1:status-check', 'e').changes, 'a snoozed action may come back').toBe(1);
    db.prepare("INSERT INTO app_state (key, value) VALUES ('last_alive_at', 'f')").run();
    expect(db.prepare("SELECT value FROM app_state WHERE key = 'last_alive_at'").pluck().get()).toBe('f');

    db.prepare('DELETE FROM opportunities WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM notifications').pluck().get()).toBe(0);
  });
});
