/**
 * Opening the journal: one SQLite file that holds everything the user wrote. The pragmas are
 * chosen for a journal people cannot afford to lose: WAL for concurrent reads while writing,
 * `synchronous = FULL` so a committed change survives a power cut, foreign keys enforced.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations';

export const JOURNAL_FILE_NAME = 'journal.sqlite3';

export interface OpenedJournal {
  readonly db: Database;
  readonly file: string;
  /** The schema version the file had before this open (0 for a new file). */
  readonly migratedFrom: number;
  readonly schemaVersion: number;
}

export interface OpenJournalOptions {
  /** Steps to apply; tests pass a prefix to build a journal at an older version. */
  readonly migrations?: readonly Migration[];
  /** Called before pending migrations run on an existing journal (e.g. to take a backup). */
  readonly beforeMigrate?: (db: Database, from: number, to: number) => void;
}

export function openJournal(file: string, options: OpenJournalOptions = {}): OpenedJournal {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const db = new BetterSqlite3(file);
  try {
    // Read the version before any pragma that writes (journal_mode = WAL rewrites the header):
    // a journal from a newer Afterword must be left exactly as it is.
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > latest) {
      throw new CoreError(
        'journal_too_new',
        `This journal (${file}) was written by a newer version of Afterword (schema ${from}; this version knows up to ${latest}). ` +
          'It has not been changed. Please update Afterword to open it.',
      );
    }
    // A damaged file is refused before anything writes to it: the recovery screen takes over.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new CoreError('journal_corrupt', `The journal ${file} is damaged (${String(check).slice(0, 200)}). It has not been changed.`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
    if (pending.length > 0) {
      if (from > 0) options.beforeMigrate?.(db, from, latest);
      db.transaction(() => {
        for (const step of pending) {
          step.up(db);
          db.pragma(`user_version = ${step.version}`);
        }
      }).immediate();
    }
    return { db, file, migratedFrom: from, schemaVersion: latest };
  } catch (error) {
    db.close();
    if (error instanceof CoreError) throw error;
    if (error instanceof Error && /file is not a database|malformed|corrupt/i.test(error.message)) {
      throw new CoreError('journal_corrupt', `The journal ${file} cannot be read: ${error.message}. It has not been changed.`);
    }
    throw error;
  }
}

export function closeJournal(db: Database): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}

export { LATEST_SCHEMA_VERSION };
