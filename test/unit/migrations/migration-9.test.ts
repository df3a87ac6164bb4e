/** Migration 9: the user's dictionary, words ignored in a letter, and the new text of the built-in templates the user never edited. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../src/main/core/letters/templates';
import { journalAt } from './journal-at-version';

/** The thank-you email as journals before version 9 were given it (its hash is what the migration recognises). */
const OLD_EMAIL = `Dear {{recipient.firstName}},

Thank you for taking the time to talk with me on {{round.date}} about the {{role}} role at {{company}}. I especially enjoyed our conversation about {{detail}}.

It left me even more excited about the team, and I believe my experience would let me contribute from the start. I look forward to the next steps.

{{signature}}`;

describe('migration 9: dictionary, ignored words, built-in templates', () => {
  it('keeps letters and edited templates, gives untouched built-ins the new text, and adds the dictionary', () => {
    const journal = journalAt(8);
    const v8 = journal.db;
    v8.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (1, 'Contoso', 'Data Engineer', 'a', 'a')").run();
    const insert = v8.prepare('INSERT INTO letter_templates (id, kind, name, subject, body, builtin, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run(1, 'thank-you-email', 'Thank-you email', 'Thank you, {{role}} interview', OLD_EMAIL, 1, 'a');
    insert.run(2, 'thank-you-card', 'Thank-you card', 'Card', 'Dear {{recipient.firstName}}, my own words. {{me.name}}', 1, 'a'); // a built-in the user edited
    insert.run(3, 'thank-you-email', 'Mine', 'Hi', OLD_EMAIL, 0, 'a'); // the user's own copy
    v8.prepare("INSERT INTO letters (id, opportunity_id, kind, template_id, subject, body, created_at, updated_at) VALUES (5, 1, 'thank-you-email', 1, 'S', 'Dear Ana, thank you.', 'a', 'a')").run();
    expect(createHash('sha256').update(OLD_EMAIL).digest('hex')).toBe('db30bc11f6f166b3af44fc388a473963aae8fa51d261fde238de6de61a9b8330');

    const db = journal.migrateTo(9);
    const bodies = db.prepare('SELECT id, body FROM letter_templates ORDER BY id').all() as { id: number; body: string }[];
    expect(bodies[0]!.body).toBe(DEFAULT_TEMPLATES.find((t) => t.kind === 'thank-you-email')!.body);
    expect(bodies[0]!.body).toContain('{{detail.sentence}}');
    expect(bodies[1]!.body).toBe('Dear {{recipient.firstName}}, my own words. {{me.name}}');
    expect(bodies[2]!.body).toBe(OLD_EMAIL);
    expect(db.prepare('SELECT body, ignored_words FROM letters WHERE id = 5').get()).toEqual({ body: 'Dear Ana, thank you.', ignored_words: '[]' });
    db.prepare("INSERT INTO dictionary_words (word, added_at) VALUES ('Dagster', 'a')").run();
    // One word whatever its case; ignored words are a JSON array.
    expect(() => db.prepare("INSERT INTO dictionary_words (word, added_at) VALUES ('dagster', 'a')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE letters SET ignored_words = 'dbt' WHERE id = 5").run()).toThrow(/CHECK constraint/);
  });
});
