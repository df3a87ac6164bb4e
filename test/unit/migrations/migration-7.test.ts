/** Migration 7: action states and notifications keyed per opportunity (stay-in-touch keys repeat across cards). */
import { describe, expect, it } from 'vitest';
import { journalAt } from './journal-at-version';

describe('migration 7: per-card action keys', () => {
  it('keeps every state and notification of a version-6 journal, and lets two cards share a key', () => {
    const journal = journalAt(6);
    const db6 = journal.db;
    for (const id of [1, 2]) db6.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (?, 'Acme', 'Dev', 'a', 'a')").run(id);
    db6.prepare("INSERT INTO action_states (action_key, opportunity_id, state, until, at) VALUES ('o:stay-in-touch:1', 1, 'snoozed', '2027-01-10T09:00:00.000Z', 'b')").run();
    db6.prepare("INSERT INTO action_states (action_key, opportunity_id, state, until, at) VALUES ('r4:thank-you:c2', 2, 'done', NULL, 'c')").run();
    db6.prepare("INSERT INTO notifications (notification_key, action_key, opportunity_id, notified_at) VALUES ('o:stay-in-touch:1@x', 'o:stay-in-touch:1', 1, 'd')").run();
    // Before: the same key on the second card collides with the first.
    expect(() => db6.prepare("INSERT INTO action_states (action_key, opportunity_id, state, until, at) VALUES ('o:stay-in-touch:1', 2, 'skipped', NULL, 'e')").run()).toThrow(/UNIQUE|PRIMARY/);

    const db = journal.migrateTo(7);
    expect(db.prepare('SELECT action_key, opportunity_id, state, until, at FROM action_states ORDER BY opportunity_id').all()).toEqual([
      { action_key: 'o:stay-in-touch:1', opportunity_id: 1, state: 'snoozed', until: '2027-01-10T09:00:00.000Z', at: 'b' },
      { action_key: 'r4:thank-you:c2', opportunity_id: 2, state: 'done', until: null, at: 'c' },
    ]);
    expect(db.prepare('SELECT notification_key, opportunity_id FROM notifications').all()).toEqual([{ notification_key: 'o:stay-in-touch:1@x', opportunity_id: 1 }]);
    db.prepare("INSERT INTO action_states (action_key, opportunity_id, state, until, at) VALUES ('o:stay-in-touch:1', 2, 'skipped', NULL, 'e')").run();
    db.prepare("INSERT INTO notifications (notification_key, action_key, opportunity_id, notified_at) VALUES ('o:stay-in-touch:1@x', 'o:stay-in-touch:1', 2, 'f')").run();
    expect(db.prepare('SELECT count(*) FROM action_states').pluck().get()).toBe(3);
    // Deleting a card still takes its states and notifications with it.
    db.prepare('DELETE FROM opportunities WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM action_states WHERE opportunity_id = 1').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM notifications WHERE opportunity_id = 1').pluck().get()).toBe(0);
  });
});
