/**
 * The journal's schema, as an ordered list of steps keyed on `PRAGMA user_version`. A step is
 * never edited once released: a change to the schema is a new step. All pending steps run in one
 * transaction, so a journal is either fully at the old version or fully at the new one.
 */
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { DEFAULT_TEMPLATES } from '../letters/templates';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'opportunities and rounds',
    up: (db) => {
      db.exec(`
        CREATE TABLE opportunities (
          id            INTEGER PRIMARY KEY,
          company       TEXT NOT NULL CHECK (length(company) BETWEEN 1 AND 200),
          role          TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 200),
          job_url       TEXT,
          location      TEXT,
          source        TEXT,
          salary_notes  TEXT,
          created_at    TEXT NOT NULL,
          updated_at    TEXT NOT NULL
        ) STRICT;

        CREATE TABLE rounds (
          id                INTEGER PRIMARY KEY,
          opportunity_id    INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
          number            INTEGER NOT NULL CHECK (number >= 1),
          starts_at         TEXT NOT NULL,
          duration_minutes  INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
          format            TEXT NOT NULL CHECK (format IN ('video', 'phone', 'in-person')),
          arranged_channel  TEXT NOT NULL CHECK (arranged_channel IN ('email', 'phone')),
          next_step         TEXT,
          decision_date     TEXT,
          created_at        TEXT NOT NULL,
          updated_at        TEXT NOT NULL,
          UNIQUE (opportunity_id, number)
        ) STRICT;
        CREATE INDEX rounds_by_start ON rounds(starts_at);
      `);
    },
  },
  {
    version: 2,
    name: 'contacts, interviewers, the timeline of events, and action states',
    up: (db) => {
      db.exec(`
        CREATE TABLE contacts (
          id                 INTEGER PRIMARY KEY,
          name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
          title              TEXT,
          email              TEXT,
          phone              TEXT,
          linkedin_url       TEXT,
          last_contacted_at  TEXT,
          created_at         TEXT NOT NULL,
          updated_at         TEXT NOT NULL
        ) STRICT;
        CREATE INDEX contacts_by_name ON contacts(name COLLATE NOCASE);

        CREATE TABLE round_interviewers (
          round_id    INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
          contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
          position    INTEGER NOT NULL,
          PRIMARY KEY (round_id, contact_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX round_interviewers_by_contact ON round_interviewers(contact_id);

        ALTER TABLE rounds ADD COLUMN arranged_by_contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL;
        ALTER TABLE opportunities ADD COLUMN recruiter_contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL;
        -- The stage the timeline leads to, kept in step with the events by the event store so the
        -- board can read it with an index ('scheduled' shows as Upcoming or Interviewed by time).
        ALTER TABLE opportunities ADD COLUMN stage TEXT NOT NULL DEFAULT 'scheduled'
          CHECK (stage IN ('scheduled', 'thanked', 'followed_up', 'offer', 'staying_in_touch', 'closed'));
        ALTER TABLE opportunities ADD COLUMN closed_reason TEXT
          CHECK (closed_reason IS NULL OR closed_reason IN ('rejected', 'moved_on', 'withdrawn', 'accepted_elsewhere'));
        ALTER TABLE opportunities ADD COLUMN stage_changed_at TEXT;
        CREATE INDEX opportunities_by_stage ON opportunities(stage, updated_at);
        CREATE INDEX rounds_by_opportunity ON rounds(opportunity_id, number);

        -- The timeline: append-only from the user's point of view; an undo marks a row undone.
        CREATE TABLE events (
          id              INTEGER PRIMARY KEY,
          opportunity_id  INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
          round_id        INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
          contact_id      INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
          kind            TEXT NOT NULL,
          channel         TEXT,
          occurred_at     TEXT NOT NULL,
          note            TEXT,
          created_at      TEXT NOT NULL,
          undone_at       TEXT
        ) STRICT;
        CREATE INDEX events_by_opportunity ON events(opportunity_id, occurred_at);

        -- What the user said of a derived action: done, snoozed until, skipped.
        CREATE TABLE action_states (
          action_key      TEXT PRIMARY KEY,
          opportunity_id  INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
          state           TEXT NOT NULL CHECK (state IN ('done', 'snoozed', 'skipped')),
          until           TEXT,
          at              TEXT NOT NULL
        ) STRICT;
        CREATE INDEX action_states_by_opportunity ON action_states(opportunity_id);
      `);
    },
  },
  {
    version: 3,
    name: 'reflections, their versions, and full-text search',
    up: (db) => {
      db.exec(`
        -- A round's reflection, as Markdown (portable: it exports as it is).
        CREATE TABLE reflections (
          round_id    INTEGER PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
          body        TEXT NOT NULL,
          updated_at  TEXT NOT NULL
        ) STRICT;

        -- Earlier versions, kept when a save follows a pause (see the reflection store).
        CREATE TABLE reflection_versions (
          id        INTEGER PRIMARY KEY,
          round_id  INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
          body      TEXT NOT NULL,
          saved_at  TEXT NOT NULL
        ) STRICT;
        CREATE INDEX reflection_versions_by_round ON reflection_versions(round_id, saved_at);

        CREATE VIRTUAL TABLE reflections_fts USING fts5(
          body, content = 'reflections', content_rowid = 'round_id', tokenize = 'porter unicode61'
        );
        CREATE TRIGGER reflections_ai AFTER INSERT ON reflections BEGIN
          INSERT INTO reflections_fts(rowid, body) VALUES (new.round_id, new.body);
        END;
        CREATE TRIGGER reflections_ad AFTER DELETE ON reflections BEGIN
          INSERT INTO reflections_fts(reflections_fts, rowid, body) VALUES ('delete', old.round_id, old.body);
        END;
        CREATE TRIGGER reflections_au AFTER UPDATE ON reflections BEGIN
          INSERT INTO reflections_fts(reflections_fts, rowid, body) VALUES ('delete', old.round_id, old.body);
          INSERT INTO reflections_fts(rowid, body) VALUES (new.round_id, new.body);
        END;
      `);
    },
  },
  {
    version: 4,
    name: 'letter templates and letters',
    up: (db) => {
      db.exec(`
        CREATE TABLE letter_templates (
          id          INTEGER PRIMARY KEY,
          kind        TEXT NOT NULL,
          name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
          subject     TEXT NOT NULL,
          body        TEXT NOT NULL,
          builtin     INTEGER NOT NULL DEFAULT 0,
          updated_at  TEXT NOT NULL
        ) STRICT;
        CREATE INDEX letter_templates_by_kind ON letter_templates(kind);

        CREATE TABLE letters (
          id              INTEGER PRIMARY KEY,
          opportunity_id  INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
          round_id        INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
          contact_id      INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
          kind            TEXT NOT NULL,
          template_id     INTEGER REFERENCES letter_templates(id) ON DELETE SET NULL,
          subject         TEXT NOT NULL,
          body            TEXT NOT NULL,
          detail          TEXT,
          state           TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'sent')),
          sent_at         TEXT,
          event_id        INTEGER REFERENCES events(id) ON DELETE SET NULL,
          created_at      TEXT NOT NULL,
          updated_at      TEXT NOT NULL
        ) STRICT;
        CREATE INDEX letters_by_round ON letters(round_id, kind);
        CREATE INDEX letters_by_opportunity ON letters(opportunity_id);
      `);
    },
  },
  {
    version: 5,
    name: 'reminders: what was notified, and when the app last ran',
    up: (db) => {
      db.exec(`
        -- One row per notification shown, keyed by action and the moment it was due, so an action
        -- is never notified twice (also across restarts), while a snoozed one can come back.
        CREATE TABLE notifications (
          notification_key  TEXT PRIMARY KEY,
          action_key        TEXT NOT NULL,
          opportunity_id    INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
          notified_at       TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE app_state (
          key    TEXT PRIMARY KEY,
          value  TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    version: 6,
    name: 'a revision per reflection, so a save based on older text is refused',
    up: (db) => {
      db.exec(`
        -- Each save that changes the text adds one to the revision and records which editor made
        -- it (a random session id) and that editor's save number. A save is taken when it comes
        -- from the editor that made the stored text with a later number, or from another editor
        -- that had the stored revision; anything else is refused (see reflection-store.ts), so
        -- older text never overwrites newer, whatever order the saves arrive in.
        ALTER TABLE reflections ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
        ALTER TABLE reflections ADD COLUMN saved_by TEXT;
        ALTER TABLE reflections ADD COLUMN saved_seq INTEGER NOT NULL DEFAULT 0;
      `);
    },
  },
  {
    // Stay-in-touch keys (`o:stay-in-touch:N`) are the same on every card, so a key alone cannot
    // be the primary key: a snooze on one card overwrote another card's state, and two cards
    // closed the same day shared one "already notified" row. A journal imported into another
    // needs the same per-card keys to live side by side, so each key now belongs to
    // its opportunity.
    version: 7,
    name: 'action states and notifications keyed per opportunity',
    up: (db) => {
      db.exec(`
        CREATE TABLE action_states_v7 (
          action_key      TEXT NOT NULL,
          opportunity_id  INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
          state           TEXT NOT NULL CHECK (state IN ('done', 'snoozed', 'skipped')),
          until           TEXT,
          at              TEXT NOT NULL,
          PRIMARY KEY (opportunity_id, action_key)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO action_states_v7 (action_key, opportunity_id, state, until, at)
          SELECT action_key, opportunity_id, state, until, at FROM action_states;
        DROP TABLE action_states;
        ALTER TABLE action_states_v7 RENAME TO action_states;

        CREATE TABLE notifications_v7 (
          notification_key  TEXT NOT NULL,
          action_key        TEXT NOT NULL,
          opportunity_id    INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
          notified_at       TEXT NOT NULL,
          PRIMARY KEY (opportunity_id, notification_key)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO notifications_v7 (notification_key, action_key, opportunity_id, notified_at)
          SELECT notification_key, action_key, opportunity_id, notified_at FROM notifications;
        DROP TABLE notifications;
        ALTER TABLE notifications_v7 RENAME TO notifications;
      `);
    },
  },
  {
    version: 8,
    name: 'insights: company size, and the indexes the figures read',
    up: (db) => {
      // The "Questions asked" section of a reflection, cut out by SQLite itself: from the line
      // after the heading to the next heading. A virtual column costs nothing to store; indexed,
      // the question bank's counts read a few hundred bytes per round instead of each body.
      const heading = `instr(lower(body), '# questions asked')`;
      const fromHeading = `substr(body, ${heading})`;
      const afterHeading = `substr(${fromHeading}, instr(${fromHeading}, char(10)) + 1)`;
      const nextHeading = `instr(${afterHeading}, char(10) || '#')`;
      const questionsSection = `CASE WHEN ${heading} = 0 OR instr(${fromHeading}, char(10)) = 0 THEN NULL
        WHEN ${nextHeading} > 0 THEN substr(${afterHeading}, 1, ${nextHeading} - 1) ELSE ${afterHeading} END`;
      db.exec(`
        -- Known or not: Insights groups replies by it only where the user gave it.
        ALTER TABLE opportunities ADD COLUMN company_size TEXT
          CHECK (company_size IS NULL OR company_size IN ('1-10', '11-50', '51-200', '201-1000', '1001+'));
        -- Opportunities added in a period (the funnel's cohort).
        CREATE INDEX opportunities_by_created ON opportunities(created_at);
        -- The rounds of a period with all the figures read of them, so the table is never read.
        CREATE INDEX rounds_by_time ON rounds(starts_at, duration_minutes, opportunity_id, number, decision_date, created_at);
        -- What happened after a round: thank-yous per interviewer, answers, follow-ups. Undone
        -- events are filtered in the index itself (undone_at is a column, not a partial-index
        -- condition, so the index covers the query and the table is never read).
        CREATE INDEX events_by_round ON events(round_id, kind, contact_id, undone_at, occurred_at);
        -- Events of a kind over time: letters per week, answers and follow-ups since a date.
        CREATE INDEX events_by_kind ON events(kind, undone_at, occurred_at, opportunity_id, round_id, contact_id);
        ALTER TABLE reflections ADD COLUMN questions_section TEXT GENERATED ALWAYS AS (${questionsSection}) VIRTUAL;
        CREATE INDEX reflections_questions ON reflections(round_id, questions_section);
      `);
    },
  },
  {
    version: 9,
    name: "letters: the user's dictionary, words ignored in a letter, the built-in templates' new text",
    up: (db) => {
      db.exec(`
        -- Words the user told the spelling check are right ("Dagster", "dbt"), for every letter.
        CREATE TABLE dictionary_words (
          word      TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(word) BETWEEN 1 AND 100),
          added_at  TEXT NOT NULL
        ) STRICT;
        -- Words ignored in one letter only: a JSON array of strings.
        ALTER TABLE letters ADD COLUMN ignored_words TEXT NOT NULL DEFAULT '[]'
          CHECK (json_valid(ignored_words) AND json_type(ignored_words) = 'array');
      `);
      // A built-in template the user never edited gets the new text (the reader greeted with a
      // title when the journal gives one, the detail as a sentence addressed to them). One the
      // user edited is left exactly as it is: it is recognised by the hash of the old text.
      const update = db.prepare('UPDATE letter_templates SET body = ? WHERE id = ?');
      for (const t of db.prepare('SELECT id, kind, body FROM letter_templates WHERE builtin = 1').all() as { id: number; kind: string; body: string }[]) {
        const replacement = DEFAULT_TEMPLATES.find((d) => d.kind === t.kind);
        if (replacement && BUILTIN_BODIES_BEFORE_9[t.kind] === createHash('sha256').update(t.body).digest('hex')) update.run(replacement.body, t.id);
      }
    },
  },
  {
    version: 10,
    name: 'people and opportunities the user can see, change and remove',
    up: (db) => {
      db.exec(`
        -- A person's company and the user's notes on them. A removed person keeps their row with
        -- only the name (removed_at set): the rounds they sat in, the letters and the events that
        -- name them keep pointing at it, so nothing the user recorded is silently lost.
        ALTER TABLE contacts ADD COLUMN company TEXT;
        ALTER TABLE contacts ADD COLUMN notes TEXT;
        ALTER TABLE contacts ADD COLUMN removed_at TEXT;

        -- The user's free notes and tags on an opportunity; an archived card leaves the board
        -- (and the reminders) until it is restored.
        ALTER TABLE opportunities ADD COLUMN notes TEXT;
        ALTER TABLE opportunities ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array');
        ALTER TABLE opportunities ADD COLUMN archived_at TEXT;
        CREATE INDEX opportunities_archived ON opportunities(archived_at) WHERE archived_at IS NOT NULL;

        -- A deleted opportunity, as every row it took with it (JSON, by table), so the deletion
        -- can be undone: the card comes back with its rounds, timeline, letters and reflections.
        CREATE TABLE deleted_opportunities (
          id              INTEGER PRIMARY KEY,
          opportunity_id  INTEGER NOT NULL,
          company         TEXT NOT NULL,
          role            TEXT NOT NULL,
          deleted_at      TEXT NOT NULL,
          rows            TEXT NOT NULL CHECK (json_valid(rows))
        ) STRICT;
        CREATE INDEX deleted_opportunities_by_time ON deleted_opportunities(deleted_at);

        -- A person's history, a merge and a removal read every row that names them: without these,
        -- each is a scan of the whole journal (and so is the foreign-key check of every removal).
        CREATE INDEX events_by_contact ON events(contact_id, occurred_at);
        CREATE INDEX letters_by_contact ON letters(contact_id);
        CREATE INDEX letters_by_event ON letters(event_id);
        CREATE INDEX rounds_by_arranger ON rounds(arranged_by_contact_id);
        CREATE INDEX opportunities_by_recruiter ON opportunities(recruiter_contact_id);
      `);
    },
  },
  {
    // A journal only grows, and almost all of it is closed history: what the planner made of each
    // card is kept, so that opening the journal, the board and the reminders plan only the cards
    // that changed or whose time came, never the whole journal (see planner/plan-cache.ts).
    version: 11,
    name: 'what the planner made of each card, and the closed cards by the day they closed',
    up: (db) => {
      // Every table the planner (or a card on the board) reads of a card marks its row when it
      // changes, in the same transaction as the change: no write, whoever makes it, can leave an
      // old plan in place. The planner compares the version with the one it planned at.
      const mark = (opportunities: string) => `UPDATE card_plans SET version = version + 1, valid_until = '' WHERE opportunity_id IN (${opportunities});`;
      const ofRounds = (rounds: string) => `SELECT opportunity_id FROM rounds WHERE id IN (${rounds})`;
      const ofContact = `(SELECT r.opportunity_id FROM round_interviewers ri JOIN rounds r ON r.id = ri.round_id WHERE ri.contact_id = new.id
          UNION SELECT opportunity_id FROM rounds WHERE arranged_by_contact_id = new.id
          UNION SELECT id FROM opportunities WHERE recruiter_contact_id = new.id)`;
      // `column`: the table's column that names the card (or the round); an update marks the card it was on and the one it is on.
      const triggers = (table: string, column: string, cards: (ids: string) => string = (ids) => ids) => `
        CREATE TRIGGER card_plans_${table}_insert AFTER INSERT ON ${table} BEGIN ${mark(cards(`new.${column}`))} END;
        CREATE TRIGGER card_plans_${table}_update AFTER UPDATE ON ${table} BEGIN ${mark(cards(`old.${column}, new.${column}`))} END;
        CREATE TRIGGER card_plans_${table}_delete AFTER DELETE ON ${table} BEGIN ${mark(cards(`old.${column}`))} END;`;
      db.exec(`
        -- One row per opportunity: the plan's version (raised by the triggers below at every change
        -- of what it reads), until when it holds ('' once the card changed: plan it again; a closed
        -- card's holds until it changes), the action the card shows next (JSON), when that is due
        -- (a snoozed one: when the snooze ends), and the first moment an action not yet notified is
        -- due. A cache of the planner: any row can be thrown away and planned again.
        CREATE TABLE card_plans (
          opportunity_id  INTEGER PRIMARY KEY REFERENCES opportunities(id) ON DELETE CASCADE,
          version         INTEGER NOT NULL DEFAULT 1,
          valid_until     TEXT NOT NULL DEFAULT '',
          next_action     TEXT,
          due_at          TEXT,
          notify_at       TEXT
        ) STRICT;
        -- The cards to plan again: the changed ones ('') and those whose time came.
        CREATE INDEX card_plans_by_validity ON card_plans(valid_until);
        -- Closed cards have nothing to plan until they change.
        INSERT INTO card_plans (opportunity_id, valid_until)
          SELECT id, CASE stage WHEN 'closed' THEN '9999-12-31T23:59:59.999Z' ELSE '' END FROM opportunities;

        CREATE TRIGGER card_plans_opportunities_insert AFTER INSERT ON opportunities BEGIN
          INSERT INTO card_plans (opportunity_id) VALUES (new.id);
        END;
        CREATE TRIGGER card_plans_opportunities_update AFTER UPDATE ON opportunities BEGIN ${mark('new.id')} END;
        ${triggers('rounds', 'opportunity_id')}
        ${triggers('events', 'opportunity_id')}
        ${triggers('action_states', 'opportunity_id')}
        ${triggers('notifications', 'opportunity_id')}
        ${triggers('round_interviewers', 'round_id', ofRounds)}
        -- A name or a LinkedIn address is in the plans of every card the person is on.
        CREATE TRIGGER card_plans_contacts_update AFTER UPDATE OF name, linkedin_url ON contacts
          WHEN old.name IS NOT new.name OR old.linkedin_url IS NOT new.linkedin_url
        BEGIN
          UPDATE card_plans SET version = version + 1, valid_until = '' WHERE opportunity_id IN ${ofContact};
        END;

        -- The Closed column, a page at a time: the latest closed first (archived cards are not in it).
        CREATE INDEX opportunities_by_closing ON opportunities(stage, stage_changed_at, id) WHERE archived_at IS NULL;
      `);
    },
  },
];

/** The SHA-256 of each built-in template's body as journals before version 9 were given it. */
const BUILTIN_BODIES_BEFORE_9: Readonly<Record<string, string>> = {
  'thank-you-email': 'db30bc11f6f166b3af44fc388a473963aae8fa51d261fde238de6de61a9b8330',
  'thank-you-card': 'f36ce667cf9ddbe64040b6198a4d095468c45e0dc17a06927133f4315e409db1',
  'status-check-email': '669be1dfb5c71c729dbdf615e6b3ccfdc76d060d94608ffe83d85601106b7397',
  'phone-script': 'f09b7bee9df81aab72926192c6f83d80dffaaee566a4dac65bae635f869c6cea',
  'linkedin-note': '27fca2dbabc9c0962cde90203fa6a641bc2caf536a7452cdf6be2d4deea91850',
  'stay-in-touch': '92e231083fe12fe740ca33da4239dd5eb749395ade9ac92137cdef867a6e1494',
  'rejection-reply': '5d1141e6f96866a3d9c3f40d079a5e0e4670e44cf45fc858e2073b07411eb494',
  'move-on-close': '16839ac7d9b99d95282abc802ca1a36110628e9356efb10efa919db06371decd',
  'video-script': 'e60acc59faa8db8dac01de2ffeeb522ae18959540e375dfe3953f8e3de9a9c5d',
};

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
