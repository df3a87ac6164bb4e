/**
 * The journal's schema, as an ordered list of steps keyed on `PRAGMA user_version`. A step is
 * never edited once released: a change to the schema is a new step. All pending steps run in one
 * transaction, so a journal is either fully at the old version or fully at the new one.
 */
import type { Database } from 'better-sqlite3';

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
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
